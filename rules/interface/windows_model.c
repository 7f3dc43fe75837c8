/* interface-windows-model: a Windows guest on an emulated NIC. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

/* What to switch to, and what the guest needs first. */
static void
help_virtio(VlFinding *f, const char *why)
{
    vl_finding_help(f, "use <model type='virtio'/> with the NetKVM driver from virtio-win%s (install the driver "
                       "before switching an installed guest)",
                    why);
}

static void
check(const VlModel *m, VlReport *report)
{
    if (!vl_guest_is_windows(&m->guest) || !vl_is_x86(m))
        return;
    for (guint i = 0; i < m->interfaces->len; i++) {
        xmlNodePtr nic = g_ptr_array_index(m->interfaces, i);
        const char *type = vl_xml_attr(nic, "type");
        const char *model = vl_xml_attr(vl_xml_child(nic, "model"), "type");
        VlFinding *f;

        /* passed-through or vhost back-ends have no emulated model */
        if (g_strcmp0(type, "hostdev") == 0 || g_strcmp0(type, "vhostuser") == 0 || g_strcmp0(type, "vdpa") == 0)
            continue;
        if (!model || g_str_equal(model, "rtl8139")) {
            f = vl_report_severity(report, VL_SEVERITY_WARNING, nic,
                                   "<interface>: Windows guest on %s, a slow emulated Realtek NIC",
                                   model ? "<model type='rtl8139'/>" : "no <model> (libvirt picks rtl8139)");
            help_virtio(f, "");
            vl_finding_note(f, "rtl8139 is an emulated 100 Mbit/s Realtek card that costs the host far more CPU per "
                               "packet than virtio-net, and current 64-bit Windows has no in-box driver for it");
        } else if (g_str_equal(model, "e1000") || g_str_equal(model, "e1000e")) {
            f = vl_report_severity(report, VL_SEVERITY_INFO, nic,
                                   "<interface>: Windows guest on an emulated Intel %s NIC", model);
            help_virtio(f, ", which is much cheaper");
            vl_finding_note(f, "%s works with Windows' own driver but every packet is emulated", model);
        } else {
            continue;
        }
        vl_finding_note(f, "the guest is taken for Windows: %s", vl_guest_evidence(m));
        vl_finding_set_fix(f, "<model type='virtio'/> (a new adapter for the guest: needs NetKVM)", NULL);
    }
}

const VlRule vl_rule_interface_windows_model = {
    .id = "interface-windows-model",
    .category = "interface",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest's network interface uses an emulated NIC model",
    .rationale =
        "Without <model>, libvirt 9.0 gives an x86 guest an RTL8139 (checked with virsh "
        "dumpxml): the slowest NIC QEMU has, and one recent 64-bit Windows releases have no "
        "driver for. virt-manager's Windows default, e1000e, works out of the box but is fully "
        "emulated. The Ubuntu reference guide, the WindowsKVM build, the Japanese reinstall guide and the homelab notes all put Windows on virtio-net with the NetKVM "
        "driver. The fix is unsafe for an installed guest: Windows sees a new adapter, static "
        "IP settings stay with the old one, and without NetKVM there is no network.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 Guest VM Creation: Networking, device model virtio)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Network VirtIO; NetKVM preloaded)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (NIC: device model virtio)",
        "A homelab's KVM/QEMU notes, not published at a public address (Feature Matrix: virtio network)",
        "libvirt src/qemu/qemu_domain.c (qemuDomainDefaultNetModel)",
        "https://libvirt.org/formatdomain.html#setting-the-nic-model",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<interface type='network'>\n  <source network='default'/>\n</interface>",
    .example_good = "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n</interface>",
    .check = check,
};
