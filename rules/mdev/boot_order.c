/* mdev-boot-order: a boot order on a vfio-pci or vfio-ap mediated device. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        const char *model = vl_xml_attr(dev, "model");
        xmlNodePtr boot = vl_xml_child(dev, "boot");
        VlFinding *f;

        /* vfio-ccw devices can be booted from on s390 */
        if (!vl_hostdev_is_mdev(dev) || !boot ||
            !(vl_xml_attr_is(dev, "model", "vfio-pci") || vl_xml_attr_is(dev, "model", "vfio-ap")))
            continue;
        f = vl_report(report, boot, "<boot order='%s'> on a mediated device of model %s",
                      vl_xml_attr(boot, "order") ? vl_xml_attr(boot, "order") : "?", model);
        vl_finding_help(f, "remove the <boot> element: a vGPU holds nothing to boot from");
        vl_finding_note(f, "libvirt refuses it: \"booting from assigned devices is not supported by mediated devices "
                           "of model %s\"", model);
        vl_finding_set_fix(f, "remove <boot> from the mediated device", NULL);
    }
}

const VlRule vl_rule_mdev_boot_order = {
    .id = "mdev-boot-order",
    .category = "mdev",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A vfio-pci or vfio-ap mediated device has a boot order",
    .rationale =
        "Per-device <boot order> makes QEMU put the device in the firmware's boot list, which "
        "only works for devices with a boot ROM or disk behind them. A vGPU (vfio-pci mdev) or a "
        "crypto adapter (vfio-ap) has neither, and libvirt refuses the domain (checked with "
        "libvirt 9.0). It happens when boot orders are renumbered across all devices. vfio-ccw "
        "mediated devices on s390 can be booted from and are left alone. The domain never "
        "started with the element, so removing it is safe.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (MDEV host device added in virt-manager)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainMdevDefVFIOPCI, ...VFIOAP)",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "booting from assigned devices is not supported by mediated devices",
    .example_bad = "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n  <boot order='2'/>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n</hostdev>",
    .check = check,
};
