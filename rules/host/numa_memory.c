/* host-numa-memory: guest memory larger than any host NUMA node (checked
 * against the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    xmlNodePtr where;
    VlFinding *f;

    /* no cells without capabilities */
    if (h->cells < 2 || m->memory_kib <= h->largest_cell_kib || m->numa_cells->len)
        return;
    where = m->memory ? m->memory : m->root;
    f = vl_report(report, where,
                  "<%s>: %" G_GUINT64_FORMAT " MiB of guest memory, more than the largest host NUMA node (%"
                  G_GUINT64_FORMAT " MiB)",
                  (const char *) where->name, m->memory_kib / 1024, h->largest_cell_kib / 1024);
    vl_finding_help(f, "give the guest a matching <cpu><numa> topology");
    vl_finding_note(f, "its memory spans nodes, with slower remote accesses unless the guest's topology matches");
}

const VlRule vl_rule_host_numa_memory = {
    .id = "host-numa-memory",
    .category = "host",
    .severity = VL_SEVERITY_INFO,
    .needs_host = true,
    .summary = "Guest memory is larger than any NUMA node of the host",
    .rationale = "On a multi-node host a guest larger than one node spans nodes; without a matching guest NUMA "
                 "topology (and pinning) its memory accesses are often remote and slower.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Resource Contention)",
                 "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (IOMMU groups, pinning, hugepages)",
                 "https://libvirt.org/formatdomain.html#numa-node-tuning" },
    .example_bad = "<memory unit='GiB'>96</memory>  <!-- nodes of 64 GiB -->",
    .example_good = "<cpu><numa><cell id='0' cpus='0-7' memory='48' unit='GiB'/><cell id='1' cpus='8-15' memory='48' unit='GiB'/></numa></cpu>",
    .check = check,
};
