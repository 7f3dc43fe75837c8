/* video-windows-model: Windows on cirrus/VGA/bochs gets the basic display
 * driver. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/machine.h"
#include "lint/model/gpu_likely.h"

/* Windows 10 or 11 on one single-head QXL adapter: a suggestion, without
 * a fix (the guest would lose its qxldod driver until viogpudo is in).
 * Several heads or adapters are multi-monitor setups, left alone. */
static void
qxl_on_windows10(const VlModel *m, VlReport *report, xmlNodePtr primary)
{
    xmlNodePtr model = vl_video_model(primary);
    const char *heads = vl_xml_attr(model, "heads");
    VlFinding *f;

    if (m->guest.windows_version < 10 || vl_model_devices(m, "video")->len > 1 || (heads && strcmp(heads, "1") != 0))
        return;
    /* a vGPU (mdev) is the real display there, the QXL adapter its console */
    for (guint i = 0; i < m->hostdevs->len; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(m->hostdevs, i), "type", "mdev"))
            return;
    }
    f = vl_report(report, model ? model : primary, "<video>: Windows %u on QXL, but virtio-win's guest tools install "
                  "viogpudo, for virtio-vga", m->guest.windows_version);
    vl_finding_help(f, "consider <model type='virtio' heads='1' primary='yes'/> and the virtio-win viogpudo "
                       "driver; install viogpudo first, or Windows falls back to the basic display driver");
    vl_finding_note(f, "virtio-win's guest tools installer selects viogpudo by default, and on a QXL adapter that "
                       "replaced qxldod with the Microsoft Basic Display Adapter "
                       "(virtio-win-guest-tools-installer issue 31)");
    vl_finding_note(f, "the virtio-win maintainers call the VioGPU display-only driver stable, tested by Nutanix, "
                       "Google and Red Hat (kvm-guest-drivers-windows pull request 943, 2025)");
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr primary = vl_primary_video(m);
    const char *type;
    bool old_windows = m->guest.windows_version > 0 && m->guest.windows_version < 8;
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest) || !vl_is_x86(m) || vl_display_gpu(m, NULL))
        return;
    if (!primary) {
        xmlNodePtr graphics;
        if (vl_model_devices(m, "graphics")->len == 0)
            return;
        graphics = g_ptr_array_index(vl_model_devices(m, "graphics"), 0);
        f = vl_report(report, graphics, "<graphics>: Windows guest with a display but no <video>");
        vl_finding_help(f, "add <video><model type='%s' heads='1' primary='yes'/></video> and install the virtio-win "
                           "%s driver",
                        old_windows ? "qxl" : "virtio", old_windows ? "qxl" : "viogpudo");
        vl_finding_note(f, "libvirt adds a cirrus adapter (VGA with a QEMU built without cirrus-vga), which Windows "
                           "drives with the Microsoft Basic Display Adapter (few, low resolutions)");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        if (!old_windows)
            vl_finding_set_fix(f, "add <video><model type='virtio' heads='1' primary='yes'/></video>", NULL);
        return;
    }
    type = vl_video_type(primary);
    if (strcmp(type, "qxl") == 0) {
        qxl_on_windows10(m, report, primary);
        return;
    }
    if (!(strcmp(type, "cirrus") == 0 || strcmp(type, "vga") == 0 || strcmp(type, "bochs") == 0 ||
          strcmp(type, "default") == 0))
        return;
    f = vl_report(report, vl_video_model(primary) ? vl_video_model(primary) : primary,
                  "<video>: the %s video adapter only gets the Microsoft Basic Display Adapter driver",
                  strcmp(type, "default") == 0 ? "default (cirrus)" : type);
    vl_finding_help(f, "use <model type='%s' heads='1' primary='yes'/> with the virtio-win %s driver",
                    old_windows ? "qxl" : "virtio", old_windows ? "qxl" : "viogpudo");
    vl_finding_note(f, "in a Windows guest the Microsoft Basic Display Adapter offers few, low resolutions and no "
                       "resizing with the window");
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    if (!old_windows)
        vl_finding_set_fix(f, "make the primary video adapter virtio (VGA-compatible, so Windows still boots "
                              "with its basic driver)",
                           NULL);
}

const VlRule vl_rule_video_windows_model = {
    .id = "video-windows-model",
    .category = "video",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest's display adapter is cirrus, VGA or bochs (or libvirt's cirrus default), or QXL on Windows 10/11",
    .rationale =
        "Without a <video> element libvirt 9.0 adds a cirrus adapter (checked: <graphics> alone "
        "gives <model type='cirrus' vram='16384'/>). Windows has no driver for cirrus, VGA or "
        "bochs beyond the Microsoft Basic Display Adapter, limited to a few VESA resolutions "
        "(the Ubuntu reference guide: 1280x800) and unable to follow the viewer's window size. virtio-vga with the "
        "viogpudo driver (virtio-win 0.1.208 and later, Windows 8 and later) or QXL with "
        "qxl-wddm-dod fix that; Kevin Locke's guide recommends virtio-vga. virtio-vga is VGA-compatible, so "
        "Windows still boots with the basic driver until viogpudo is installed: the fix is safe. "
        "Guests with a passed-through GPU are left to video-passthrough-gpu-display. Windows 10 and 11 on a "
        "single-head QXL adapter get a suggestion without a fix: virtio-win's guest tools installer selects "
        "viogpudo by default and, on a QXL adapter, that left Windows on the basic display driver "
        "(virtio-win-guest-tools-installer issue 31); the virtio-win maintainers call VioGPU DOD stable "
        "(kvm-guest-drivers-windows pull request 943). Changing the adapter is left to the user, since the guest "
        "loses qxldod until viogpudo is installed; multi-monitor QXL setups (several heads or adapters) and "
        "vGPU (mdev) guests, where QXL is the console beside the real display, are left alone.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.3.1 VirtIO GPU Driver Installation: limited to 1280x800)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: recommend virtio-vga with viogpudo)",
        "libvirt src/qemu/qemu_domain.c (default video model)",
        "https://libvirt.org/formatdomain.html#video-devices",
        "virtio-win-guest-tools-installer issue 31, qxldod device removed by virtio-win-gt-x64.msi, https://github.com/virtio-win/virtio-win-guest-tools-installer/issues/31",
        "kvm-guest-drivers-windows pull request 943 (maintainers on VioGPU DOD, 2025), https://github.com/virtio-win/kvm-guest-drivers-windows/pull/943",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<graphics type='spice' autoport='yes'/>\n<video>\n  <model type='vga' vram='16384' heads='1' primary='yes'/>\n</video>",
    .example_good = "<graphics type='spice' autoport='yes'/>\n<video>\n  <model type='virtio' heads='1' primary='yes'/>\n</video>",
    .check = check,
};
