/* host-hugepage-size: a hugepage size the host does not offer (checked
 * against the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    xmlNodePtr hp = vl_xml_child(m->memory_backing, "hugepages");

    if (!h->have_caps || !hp)
        return;
    for (xmlNodePtr page = hp->children; page; page = page->next) {
        guint64 kib;
        bool offered = false;

        if (!vl_xml_is(page, "page") || !vl_memory_to_kib(vl_xml_attr(page, "size"), vl_xml_attr(page, "unit"), &kib))
            continue;
        for (guint i = 0; i < h->page_sizes_kib->len; i++)
            offered |= g_array_index(h->page_sizes_kib, guint64, i) == kib;
        if (!offered) {
            VlFinding *f = vl_report(report, page,
                                     "<page>: hugepages of %" G_GUINT64_FORMAT " KiB, a size this host does not offer",
                                     kib);

            vl_finding_help(f, "use a size from `virsh capabilities` (host/cpu/pages)");
            vl_finding_note(f, "libvirt refuses to start the guest");
        }
    }
}

const VlRule vl_rule_host_hugepage_size = {
    .id = "host-hugepage-size",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "The domain asks for a hugepage size the host does not offer",
    .rationale = "A <page size> in <hugepages> must be one the host's CPU and kernel provide (2 MiB, 1 GiB on "
                 "x86); libvirt refuses to start the guest otherwise.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Resource Contention)",
                 "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (IOMMU groups, pinning, hugepages)",
                 "https://libvirt.org/formatdomain.html#memory-backing" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<hugepages><page size='16' unit='MiB'/></hugepages>",
    .example_good = "<hugepages><page size='2' unit='MiB'/></hugepages>",
    .check = check,
};
