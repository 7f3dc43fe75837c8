/* input-windows-virtio: a Windows guest with a display but no virtio input. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *inputs = vl_model_devices(m, "input");
    VlFinding *f;

    /* Input reaches the emulated devices from a VNC/SPICE/... display only;
     * without one (GPU and USB controller passed through, as in the WindowsKVM build)
     * there is nothing to route.  (A <graphics> implies <devices>.) */
    if (!vl_guest_is_windows(&m->guest) || !vl_graphics(m, NULL))
        return;
    for (guint i = 0; i < inputs->len; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(inputs, i), "bus", "virtio"))
            return;
    }
    f = vl_report(report, m->devices, "<devices>: Windows guest with a display but only PS/2 or USB input");
    vl_finding_help(f, "add <input type='keyboard' bus='virtio'/> and <input type='tablet' bus='virtio'/> (vioinput "
                       "driver from virtio-win) and keep the existing devices, which QEMU uses until the driver is "
                       "loaded");
    vl_finding_note(f, "keys and buttons beyond what PS/2 can express are lost and the emulated devices cost more");
    vl_finding_note(f, "the guest is taken for Windows: %s", vl_guest_evidence(m));
    vl_finding_set_fix(f, "add a virtio keyboard and a virtio tablet next to the existing input devices", NULL);
}

const VlRule vl_rule_input_windows_virtio = {
    .id = "input-windows-virtio",
    .category = "input",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest with a display has no virtio keyboard and tablet",
    .rationale =
        "Kevin Locke's guide recommends a virtio keyboard and tablet next to the default PS/2 or USB "
        "devices: they carry Linux evdev events, so keys and buttons PS/2 cannot express arrive, "
        "with less emulation work. QEMU sends input to virtio devices only once the guest driver "
        "(vioinput) has initialised them, so keeping the PS/2/USB devices keeps installation and "
        "recovery working and the addition is safe. Guests without a graphics display get no "
        "input from QEMU at all; the WindowsKVM build passes a whole USB controller through instead and "
        "rightly leaves vioinput out, so such guests are not reported.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Keyboard and Mouse)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Not included: vioinput (xHCI handles input natively))",
        "https://libvirt.org/formatdomain.html#input-devices",
        "https://bugzilla.redhat.com/1357406#c12",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<input type='tablet' bus='usb'/>\n<input type='keyboard' bus='ps2'/>\n<graphics type='spice'/>",
    .example_good = "<input type='tablet' bus='usb'/>\n<input type='keyboard' bus='ps2'/>\n<input type='keyboard' bus='virtio'/>\n<input type='tablet' bus='virtio'/>\n<graphics type='spice'/>",
    .check = check,
};
