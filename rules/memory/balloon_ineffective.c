/* memory-balloon-ineffective: a memory balloon that cannot give memory
 * back, with hugepages or VFIO device assignment. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/memory.h"

static xmlNodePtr
first_pci_hostdev(const VlModel *m)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr hostdev = g_ptr_array_index(m->hostdevs, i);
        /* an unassigned address keeps the device away from the guest */
        if (vl_xml_attr_is(hostdev, "mode", "subsystem") && vl_xml_attr_is(hostdev, "type", "pci") &&
            !vl_xml_attr_is(vl_xml_child(hostdev, "address"), "type", "unassigned"))
            return hostdev;
    }
    return NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr balloon, hostdev;
    bool hugepages = vl_xml_child(m->memory_backing, "hugepages") != NULL;
    const char *why, *what;
    VlFinding *f;

    if (!vl_is_x86(m) || !vl_balloon_active(m, &balloon))
        return;
    hostdev = first_pci_hostdev(m);
    if (hugepages && hostdev) {
        what = "hugepages and VFIO";
        why = "guest RAM is backed by hugepages and pinned for VFIO device assignment";
    } else if (hugepages) {
        what = "hugepages";
        why = "guest RAM is backed by hugepages, which the balloon cannot return page by page (QEMU "
              "warns \"Balloon used with backing page size > 4kiB, this may not be reliable\")";
    } else if (hostdev) {
        what = "VFIO device assignment";
        why = "a PCI device is assigned with VFIO, which pins all guest RAM, and QEMU then keeps the "
              "balloon from discarding any of it";
    } else {
        return;
    }

    if (balloon)
        f = vl_report(report, balloon, "<memballoon>: the balloon gives no memory back to the host (%s)", what);
    else
        f = vl_report(report, m->devices, "<devices>: the balloon libvirt adds by default gives no memory back (%s)",
                      what);
    vl_finding_help(f, "use <memballoon model='none'/> (keep the balloon only if you read its memory statistics)");
    if (!balloon)
        vl_finding_note(f, "without a <memballoon>, libvirt adds a virtio memory balloon by default");
    vl_finding_note(f, "%s", why);
    vl_finding_set_fix(f, "disable the memory balloon: <memballoon model='none'/>", NULL);
}

const VlRule vl_rule_memory_balloon_ineffective = {
    .id = "memory-balloon-ineffective",
    .category = "memory",
    .severity = VL_SEVERITY_INFO,
    .summary = "A memory balloon on a guest whose RAM is hugepage-backed or pinned for VFIO",
    .rationale =
        "A virtio balloon returns guest pages to the host one 4 KiB page at a time. With hugepages "
        "it cannot free the host's 2 MiB or 1 GiB pages (QEMU warns that it may not be reliable), "
        "and with VFIO device assignment all guest RAM is pinned for DMA, so QEMU disables the "
        "discarding the balloon relies on. The device then only costs a PCI slot and a driver; the "
        "WindowsKVM build disables it for exactly this reason. libvirt adds a virtio balloon to x86 guests that "
        "have no <memballoon>, so a missing element counts as one. The fix writes <memballoon "
        "model='none'/>. It is unsafe: the guest loses the balloon's memory statistics (virsh "
        "dommemstat, the memory graph of virt-manager), a feature it may be using.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Memory balloon: disabled, pointless with hugepage-backed RAM)",
        "QEMU hw/virtio/virtio-balloon.c (page size warning, RAM discard)",
        "https://libvirt.org/formatdomain.html#memory-balloon-device",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<memoryBacking>\n  <hugepages/>\n</memoryBacking>\n<devices>\n  <memballoon model='virtio'/>\n</devices>",
    .example_good = "<memoryBacking>\n  <hugepages/>\n</memoryBacking>\n<devices>\n  <memballoon model='none'/>\n</devices>",
    .check = check,
};
