/* video-heads: only QXL and virtio adapters have more than one head. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr model = vl_video_model(video);
        const char *type = vl_video_type(video);
        guint64 heads;
        VlFinding *f;

        if (!vl_xml_parse_uint(vl_xml_attr(model, "heads"), &heads) || heads <= 1)
            continue;
        if (strcmp(type, "qxl") == 0 || strcmp(type, "virtio") == 0 || strcmp(type, "default") == 0)
            continue;
        f = vl_report(report, model, "<video> model '%s' has heads='%" G_GUINT64_FORMAT "': only virtio and qxl have several",
                      type, heads);
        vl_finding_help(f, "use heads='1', or type='virtio' (or 'qxl') for several monitors");
        vl_finding_note(f, "libvirt refuses the domain: \"video type '%s' doesn't support multiple 'heads'\"", type);
        vl_finding_set_fix(f, "set heads='1'", NULL);
    }
}

const VlRule vl_rule_video_heads = {
    .id = "video-heads",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Multiple heads on a video model other than QXL or virtio",
    .rationale =
        "QEMU's VGA, cirrus, bochs, ramfb and similar adapters drive exactly one display; only QXL "
        "and virtio-gpu have a max_outputs setting. libvirt refuses heads above 1 on the others "
        "(\"video type 'vga' doesn't support multiple 'heads'\"; checked with libvirt 9.0 for vga, "
        "cirrus, bochs and ramfb). It typically comes from changing the model of a multi-monitor "
        "QXL setup without touching the other attributes. Setting heads='1' is safe, the domain never "
        "started with more; a guest that needs several monitors needs a virtio or QXL adapter.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start 2: QXL model with heads='1')",
        "libvirt src/qemu/qemu_validate.c (video validation)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "doesn't support multiple 'heads'",
    .example_bad = "<video>\n  <model type='vga' vram='16384' heads='2' primary='yes'/>\n</video>",
    .example_good = "<video>\n  <model type='virtio' heads='2' primary='yes'/>\n</video>",
    .check = check,
};
