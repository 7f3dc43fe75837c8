/* video-secondary-type: secondary video devices must be QXL or virtio. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");
    xmlNodePtr primary = vl_primary_video(m);

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        const char *type = vl_video_type(video);

        if (video == primary || strcmp(type, "qxl") == 0 || strcmp(type, "virtio") == 0 ||
            strcmp(type, "none") == 0)
            continue;
        /* two primaries: video-primary-count reports that */
        if (vl_xml_attr_is(vl_video_model(video), "primary", "yes"))
            continue;
        VlFinding *f = vl_report(report, vl_video_model(video) ? vl_video_model(video) : video,
                                 "secondary <video> model '%s', which is only valid as the primary adapter", type);
        vl_finding_help(f, "make a second adapter type='virtio' or type='qxl', or remove it");
        vl_finding_note(f, "libvirt refuses the domain: \"video type '%s' is only valid as primary video device\"",
                        type);
        vl_finding_note(f, "one virtio adapter can drive several monitors with heads");
    }
}

const VlRule vl_rule_video_secondary_type = {
    .id = "video-secondary-type",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A secondary video device that is neither QXL nor virtio",
    .rationale =
        "Only one VGA-compatible adapter can own the legacy VGA ports and memory, so every video "
        "device after the primary one must be a secondary-capable model: QEMU's qxl (secondary "
        "QXL) or virtio-gpu-pci. libvirt refuses anything else (\"video type 'vga' is only valid as "
        "primary video device\"; checked with libvirt 9.0 for vga and bochs). It happens when a "
        "second adapter is added in virt-manager and its default model kept. There is no automatic "
        "fix: whether the second adapter should become virtio or disappear is the owner's choice.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: a second video device added with virt-manager)",
        "libvirt src/qemu/qemu_validate.c (video validation)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "is only valid as primary video device",
    .example_bad = "<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>\n<video>\n  <model type='vga' vram='16384' heads='1'/>\n</video>",
    .example_good = "<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>\n<video>\n  <model type='virtio' heads='1'/>\n</video>",
    .check = check,
};
