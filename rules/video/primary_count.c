/* video-primary-count: at most one video device can be primary. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");
    xmlNodePtr first = NULL;

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr model = vl_video_model(video);
        VlFinding *f;

        if (!vl_xml_attr_is(model, "primary", "yes"))
            continue;
        if (!first) {
            first = model;
            continue;
        }
        f = vl_report(report, model, "<video> model '%s' is primary='yes' but the %s video device on line %d already is",
                      vl_video_type(video), vl_video_type(first->parent), vl_xml_line(first));
        vl_finding_help(f, "remove primary='yes' from all but the adapter the firmware and the guest should boot on");
        vl_finding_note(f, "libvirt refuses the domain: \"Only one primary video device is supported\"");
        vl_finding_set_fix(f, "remove primary='yes' from this video model (the first primary stays)", NULL);
    }
}

const VlRule vl_rule_video_primary_count = {
    .id = "video-primary-count",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "More than one video device is marked primary='yes'",
    .rationale =
        "libvirt moves the primary video device to the front and builds the others as secondary "
        "adapters; two primary='yes' models leave it no answer and the domain is refused (\"Only one "
        "primary video device is supported\"; checked with libvirt 9.0). This happens when a model "
        "line such as the WindowsKVM build's QXL fallback (primary='yes') is pasted next to an existing primary "
        "virtio adapter. The fix keeps the first primary and drops the attribute from the others, "
        "which is what the domain meant in document order; it is safe because the domain never "
        "started.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start 2: QXL model with primary='yes')",
        "libvirt src/conf/domain_validate.c (video validation)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Only one primary video device is supported",
    .example_bad = "<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>\n<video>\n  <model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/>\n</video>",
    .example_good = "<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>\n<video>\n  <model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1'/>\n</video>",
    .check = check,
};
