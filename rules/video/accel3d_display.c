/* video-accel3d-display: virtio-gpu with 3D renders through a host OpenGL
 * display, which the domain must have. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    if (vl_domain_has_gl(m))
        return;
    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr accel;
        VlFinding *f;

        if (!vl_video_accel3d(video, &accel) || strcmp(vl_video_type(video), "virtio") != 0)
            continue;
        if (vl_xml_attr_is(vl_xml_child(video, "driver"), "name", "vhostuser"))
            continue;
        f = vl_report(report, accel, "<acceleration>: virtio video with accel3d='yes' but no OpenGL display");
        if (vl_guest_is_windows(&m->guest)) {
            vl_finding_help(f, "remove <acceleration accel3d='yes'/>");
        } else {
            vl_finding_help(f, "remove <acceleration accel3d='yes'/>, or add a local GL display: <graphics "
                               "type='spice'><listen type='none'/><gl enable='yes'/></graphics> (or egl-headless "
                               "next to VNC)");
        }
        vl_finding_note(f, "libvirt defines the domain but QEMU exits at start (virtio-vga-gl: \"opengl is not "
                           "available\")");
        if (vl_guest_is_windows(&m->guest)) {
            vl_finding_note(f, "the Windows viogpudo driver renders nothing in 3D anyway");
            vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        }
        vl_finding_set_fix(f, "remove <acceleration accel3d='yes'/>", NULL);
    }
}

const VlRule vl_rule_video_accel3d_display = {
    .id = "video-accel3d-display",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "virtio video with 3D acceleration but no OpenGL display",
    .rationale =
        "With accel3d='yes' libvirt builds virtio-vga-gl (or virtio-gpu-gl-pci), whose virgl renderer "
        "runs on the host's OpenGL through the display: Spice or SDL with <gl enable='yes'/>, D-Bus "
        "with GL, or egl-headless. libvirt 9.0 defines such a domain without complaint, but QEMU "
        "exits at start with \"opengl is not available\" (checked with QEMU 7.2 and a VNC-only "
        "domain), as Kevin Locke's guide warns. The Ubuntu reference guide tells Windows users to tick \"3D acceleration\" for a "
        "smoother desktop; Kevin Locke's guide is right that the Windows driver cannot use it. Removing the "
        "acceleration is safe: the domain never started with it.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: 3D needs a Spice display with OpenGL, \"opengl is not available\")",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 3: 3D acceleration checked)",
        "https://libvirt.org/formatdomain.html#graphical-framebuffers (gl, egl-headless)",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "video-accel3d",
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<graphics type='vnc' port='-1'/>\n<video>\n  <model type='virtio' heads='1' primary='yes'>\n    <acceleration accel3d='yes'/>\n  </model>\n</video>",
    .example_good = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>\n<video>\n  <model type='virtio' heads='1' primary='yes'>\n    <acceleration accel3d='yes'/>\n  </model>\n</video>",
    .check = check,
};
