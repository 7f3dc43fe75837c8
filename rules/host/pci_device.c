/* host-pci-device: passed-through PCI devices missing or in a shared IOMMU
 * group (checked against the host's facts, lint/host/host.h; skipped when
 * none are given). */
#include <string.h>

#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static bool
passed_through(const VlModel *m, const char *address)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr a = vl_xml_child(vl_xml_child(g_ptr_array_index(m->hostdevs, i), "source"), "address");
        g_autofree char *addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"),
                                                    vl_xml_attr(a, "slot"), vl_xml_attr(a, "function"));
        if (addr && strcmp(addr, address) == 0)
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;

    if (!h->have_nodedev)
        return;
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        xmlNodePtr a = vl_xml_child(vl_xml_child(dev, "source"), "address");
        g_autofree char *addr = NULL;
        g_autoptr(GString) others = g_string_new(NULL);
        VlHostPci *pci;

        if (!vl_xml_attr_is(dev, "type", "pci") ||
            !(addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"), vl_xml_attr(a, "slot"),
                                         vl_xml_attr(a, "function"))))
            continue;
        if (!(pci = g_hash_table_lookup(h->pci, addr))) {
            VlFinding *f = vl_report(report, dev, "<hostdev>: PCI device %s is not on this host", addr);

            vl_finding_note(f, "no such node device: the guest fails to start");
            continue;
        }
        for (guint g = 0; g < pci->group->len; g++) {
            const char *member = g_ptr_array_index(pci->group, g);
            VlHostPci *other = g_hash_table_lookup(h->pci, member);

            /* bridges may stay with the host; endpoints may not */
            /* passed_through() covers the device itself */
            if (passed_through(m, member) || (other && (other->class_code >> 16) == 0x06))
                continue;
            g_string_append_printf(others, "%s%s", others->len ? ", " : "", member);
        }
        if (others->len) {
            VlFinding *f = vl_report(report, dev,
                                     "<hostdev>: PCI device %s shares its IOMMU group with devices not passed through",
                                     addr);

            vl_finding_help(f, "pass them through too, or move the card to a slot with its own group");
            vl_finding_note(f, "it shares IOMMU group %d with %s, which are not passed through", pci->iommu_group,
                            others->str);
            vl_finding_note(f, "VFIO needs the whole group (\"group %d is not viable\"), so the guest fails to start",
                            pci->iommu_group);
        }
    }
}

const VlRule vl_rule_host_pci_device = {
    .id = "host-pci-device",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "A passed-through PCI device is missing from the host or shares its IOMMU group",
    .rationale = "VFIO assigns whole IOMMU groups: every endpoint in the group must be passed through (bridges "
                 "excepted) or the guest does not start. The WindowsKVM build: a USB controller must be alone in its group. "
                 "A device address copied from another machine may not exist here at all.",
    .sources = { "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (USB controller needs its own IOMMU group)",
                 "https://www.kernel.org/doc/html/latest/driver-api/vfio.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<hostdev mode='subsystem' type='pci'><source><address bus='0x0f' slot='0x00' function='0x0'/></source></hostdev>\n<!-- 0f:00.1 (its audio) left with the host -->",
    .example_good = "<!-- pass 0f:00.0 and 0f:00.1 together -->",
    .check = check,
};
