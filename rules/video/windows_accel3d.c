/* video-windows-accel3d: Windows has no virgl driver. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    if (!vl_guest_is_windows(&m->guest))
        return;
    if (!vl_domain_has_gl(m))
        return; /* video-accel3d-display reports it: QEMU would not start */
    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr accel;
        VlFinding *f;

        if (!vl_video_accel3d(video, &accel) || strcmp(vl_video_type(video), "virtio") != 0)
            continue;
        f = vl_report(report, accel, "<acceleration>: accel3d='yes' on the virtio video gives a Windows guest nothing");
        vl_finding_help(f, "remove <acceleration accel3d='yes'/>");
        vl_finding_note(f, "Windows gets nothing from it: its viogpudo driver is display-only (no 2D or 3D rendering, "
                           "no Venus/virgl), while the host still runs the GL renderer and the display must stay local");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        vl_finding_set_fix(f, "remove <acceleration accel3d='yes'/>", NULL);
    }
}

const VlRule vl_rule_video_windows_accel3d = {
    .id = "video-windows-accel3d",
    .category = "video",
    .severity = VL_SEVERITY_INFO,
    .summary = "3D acceleration on a Windows guest's virtio video, which Windows cannot use",
    .rationale =
        "The Ubuntu reference guide recommends the VirtIO video model with \"3D acceleration\" checked, saying it gives "
        "Windows a modern accelerated driver (Venus) and a smoother GUI. That is wrong: Venus and "
        "virgl are Mesa drivers for Linux guests, and virtio-win ships only viogpudo, a WDDM "
        "display-only driver without 2D or 3D rendering (Kevin Locke's guide, which recommends disabling 3D). "
        "With accel3d the host still runs virglrenderer and the domain needs a local OpenGL display "
        "(Spice with listen type none or socket), which rules out remote Spice/VNC access without "
        "egl-headless. Removing it changes nothing Windows uses; it is reported only where a GL display "
        "exists (otherwise video-accel3d-display reports the start failure).",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 3: VirtIO video, 3D acceleration, Venus; wrong for Windows)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: viogpudo is display-only; disable 3D)",
        "https://github.com/virtio-win/kvm-guest-drivers-windows/tree/master/viogpu",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "video-accel3d",
    .example_bad = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>\n<video>\n  <model type='virtio' heads='1' primary='yes'>\n    <acceleration accel3d='yes'/>\n  </model>\n</video>",
    .example_good = "<graphics type='spice' autoport='yes'/>\n<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>",
    .check = check,
};
