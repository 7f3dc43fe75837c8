/* cpu-numa-cpus: the vCPUs of the guest NUMA cells must exist and must not
 * overlap. */
#include <string.h>

#include "lint/model/cpuset.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *cells = m->numa_cells;
    VlCpuset *sets;
    guint total = 0;
    VlFinding *f;

    /* (without cells, every loop below runs zero times and total is 0) */
    sets = g_new0(VlCpuset, cells->len);
    for (guint i = 0; i < cells->len; i++) {
        vl_cpuset_parse_plain(vl_xml_attr(g_ptr_array_index(cells, i), "cpus"), &sets[i]);
        total += vl_cpuset_count(&sets[i]);
    }

    /* libvirt's order: overlaps, then the count, then the ids */
    for (guint i = 0; i < cells->len; i++) {
        for (guint j = 0; j < i; j++) {
            VlCpuset common = vl_cpuset_intersection(&sets[i], &sets[j]);
            g_autofree char *s = vl_cpuset_format(&common);

            vl_cpuset_clear(&common);
            if (!*s)
                continue;
            /* libvirt numbers the cells by position in its message */
            /* the shared vCPUs in the headline only while the list is short */
            if (strlen(s) <= 30)
                f = vl_report(report, g_ptr_array_index(cells, i), "<cell>: NUMA cells %u and %u both list vCPU%s %s",
                              i, j, strchr(s, ',') || strchr(s, '-') ? "s" : "", s);
            else
                f = vl_report(report, g_ptr_array_index(cells, i), "<cell>: NUMA cells %u and %u share vCPUs", i, j);
            vl_finding_help(f, "give every vCPU to one cell");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"NUMA cells %u and %u have overlapping vCPU ids\"", i, j);
            if (strlen(s) > 30)
                vl_finding_note(f, "both list vCPUs %s", s);
            vl_finding_note(f, "the cells are numbered by their position, as libvirt's message does");
            goto out;
        }
    }
    if (total > m->vcpus) {
        xmlNodePtr numa = ((xmlNodePtr) g_ptr_array_index(cells, 0))->parent;
        f = vl_report(report, numa, "<numa>: the NUMA cells list %u vCPUs but <vcpu> is %u", total, m->vcpus);
        vl_finding_help(f, "give the cells cpus that add up to at most %u, numbered from 0", m->vcpus);
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Number of CPUs in <numa> exceeds the <vcpu> count\"");
        goto out;
    }
    for (guint i = 0; i < cells->len; i++) {
        xmlNodePtr cell = g_ptr_array_index(cells, i);
        guint max;

        if (vl_cpuset_max(&sets[i], &max) && max >= m->vcpus) {
            f = vl_report(report, cell, "<cell id='%s'>: lists vCPU %u, but <vcpu> is %u (vCPUs 0 to %u)",
                          vl_xml_attr(cell, "id") ? vl_xml_attr(cell, "id") : "?", max, m->vcpus, m->vcpus - 1);
            vl_finding_help(f, "renumber the cell's cpus");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"CPU IDs in <numa> exceed the <vcpu> count\"");
            goto out;
        }
    }
out:
    for (guint i = 0; i < cells->len; i++)
        vl_cpuset_clear(&sets[i]);
    g_free(sets);
}

const VlRule vl_rule_cpu_numa_cpus = {
    .id = "cpu-numa-cpus",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Guest NUMA cells list vCPUs the domain does not have, or list one twice",
    .rationale =
        "Each <numa><cell cpus='...'> gives vCPUs to a guest NUMA node. libvirt refuses cells "
        "that together list more vCPUs than <vcpu> (\"Number of CPUs in <numa> exceeds the <vcpu> "
        "count\"), a vCPU id at or above the count (\"CPU IDs in <numa> exceed the <vcpu> "
        "count\"), and a vCPU in two cells (\"NUMA cells 1 and 0 have overlapping vCPU ids\"), "
        "all at define time (checked with libvirt 9.0). Fewer vCPUs than <vcpu> is accepted: "
        "libvirt puts the rest in the first cell. This usually follows a change of <vcpu> that "
        "the NUMA cells, written for a host topology as Kevin Locke's guide suggests, did not follow. The "
        "cells' cpus take no ^ exclusions, unlike cputune's cpusets. There is no automatic fix: "
        "the split across nodes is the user's.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (CPU Topology: topology matching the host, NUMA)",
        "libvirt src/conf/domain_conf.c and src/conf/numa_conf.c (NUMA cell cpus checks)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology (numa)",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "in <numa> exceed",
    .example_bad = "<vcpu placement='static'>4</vcpu>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-3' memory='4' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='4' unit='GiB'/>\n  </numa>\n</cpu>",
    .example_good = "<vcpu placement='static'>8</vcpu>\n<cpu mode='host-passthrough'>\n  <numa>\n    <cell id='0' cpus='0-3' memory='4' unit='GiB'/>\n    <cell id='1' cpus='4-7' memory='4' unit='GiB'/>\n  </numa>\n</cpu>",
    .check = check,
};
