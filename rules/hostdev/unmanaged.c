/* hostdev-unmanaged: a PCI device libvirt will not detach from its host driver. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        const char *managed = vl_xml_attr(dev, "managed");
        VlFinding *f;

        if (!vl_hostdev_is_pci(dev) || (managed && g_str_equal(managed, "yes")))
            continue;
        f = vl_report(report, dev, "PCI <hostdev> %s",
                      managed ? "with managed='no'" : "without managed='yes' (the default is 'no')");
        vl_finding_help(f, "set managed='yes' unless you bind it yourself on purpose");
        vl_finding_note(f, "libvirt will neither detach the device from its host driver before start nor give it back "
                           "afterwards, so the domain only starts if the device is already bound to vfio-pci (virsh "
                           "nodedev-detach, driverctl or vfio-pci.ids)");
        vl_finding_set_fix(f, "set managed='yes'", NULL);
    }
}

const VlRule vl_rule_hostdev_unmanaged = {
    .id = "hostdev-unmanaged",
    .category = "hostdev",
    .severity = VL_SEVERITY_INFO,
    .summary = "A passed-through PCI device is not managed by libvirt",
    .rationale =
        "With managed='yes' libvirt unbinds the device from its host driver and binds it to "
        "vfio-pci when the domain starts, and reverses that when it stops. The attribute "
        "defaults to 'no', so a hand-written <hostdev> fails to start unless the administrator "
        "bound the device beforehand. The WindowsKVM build uses managed='yes' on every device and advises "
        "letting libvirt handle a USB controller whose ID it shares with host controllers "
        "rather than listing it in vfio-pci.ids. Only host-side handling changes, never what the "
        "guest sees, but the fix is unsafe for the host: with managed='yes' libvirt also gives the "
        "device back to its host driver when the domain stops, which some GPUs survive badly (the "
        "AMD reset bug can hang the host), and that is why some setups keep managed='no' and bind "
        "the device to vfio-pci themselves.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VFIO-PCI binding at boot: let libvirt handle it with managed='yes')",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<hostdev mode='subsystem' type='pci'>\n  <source><address domain='0x0000' bus='0x11' slot='0x00' function='0x3'/></source>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x11' slot='0x00' function='0x3'/></source>\n</hostdev>",
    .check = check,
};
