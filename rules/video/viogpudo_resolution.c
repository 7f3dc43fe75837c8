/* video-viogpudo-resolution: viogpudo's framebuffer limit. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

#define VIOGPUDO_MAX_PIXELS (4u * 1024u * 1024u)

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    if (!vl_guest_is_windows(&m->guest))
        return;
    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr resolution = vl_xml_child(vl_video_model(video), "resolution");
        guint64 x, y;

        /* no <resolution>: no x to parse */
        if (strcmp(vl_video_type(video), "virtio") != 0 ||
            !vl_xml_parse_uint(vl_xml_attr(resolution, "x"), &x) ||
            !vl_xml_parse_uint(vl_xml_attr(resolution, "y"), &y) || x * y <= VIOGPUDO_MAX_PIXELS)
            continue;
        VlFinding *f = vl_report(report, resolution,
                                 "<resolution>: resolution %" G_GUINT64_FORMAT "x%" G_GUINT64_FORMAT
                                 " is %" G_GUINT64_FORMAT " pixels, above what viogpudo supports",
                                 x, y, x * y);
        vl_finding_help(f, "use at most %u pixels, for example x='2560' y='1600'", VIOGPUDO_MAX_PIXELS);
        vl_finding_note(f, "the Windows viogpudo driver supports at most %u (4x1024x1024) pixels; above that Windows "
                           "falls back to a lower mode", VIOGPUDO_MAX_PIXELS);
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    }
}

const VlRule vl_rule_video_viogpudo_resolution = {
    .id = "video-viogpudo-resolution",
    .category = "video",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest's virtio video resolution above what viogpudo supports",
    .rationale =
        "The Windows virtio-gpu driver (viogpudo) allocates one framebuffer and is limited to "
        "width x height <= 4x1024x1024 pixels (Kevin Locke's guide, citing virtio-win issue #560): 2560x1600 "
        "works, 3840x2160 does not. A larger <resolution> on the virtio model (libvirt 5.9 and "
        "later) is then not offered to Windows, while the Ubuntu reference guide promises resolutions \"up to 4K\". "
        "There is no automatic fix: which smaller resolution fits the monitor is the owner's "
        "choice.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: limited to height x width <= 4x1024x1024)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.3.1: resolutions up to 4K)",
        "https://github.com/virtio-win/kvm-guest-drivers-windows/issues/560",
        "https://libvirt.org/formatdomain.html#video-devices (resolution)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<video>\n  <model type='virtio' heads='1' primary='yes'>\n    <resolution x='3840' y='2160'/>\n  </model>\n</video>",
    .example_good = "<video>\n  <model type='virtio' heads='1' primary='yes'>\n    <resolution x='2560' y='1600'/>\n  </model>\n</video>",
    .check = check,
};
