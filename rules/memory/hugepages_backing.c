/* memory-hugepages-backing: memory backing settings that cannot be combined
 * with hugepages. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr backing = m->memory_backing;
    xmlNodePtr allocation, source;
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_xml_child(backing, "hugepages")) /* NULL without <memoryBacking> */
        return;
    allocation = vl_xml_child(backing, "allocation");
    source = vl_xml_child(backing, "source");
    if (vl_xml_attr_is(allocation, "mode", "ondemand")) {
        f = vl_report(report, allocation, "<allocation mode='ondemand'/>: not allowed next to <hugepages/>");
        vl_finding_help(f, "remove mode='ondemand' (or the <allocation> element)");
        vl_finding_note(f, "libvirt refuses the domain: \"hugepages are not allowed with memory allocation "
                           "ondemand\"");
        vl_finding_note(f, "hugepages are reserved up front anyway");
        vl_finding_set_fix(f, "remove mode='ondemand' from <allocation>", NULL);
    }
    if (vl_xml_attr_is(source, "type", "anonymous")) {
        f = vl_report(report, source, "<source type='anonymous'/>: not allowed next to <hugepages/>");
        vl_finding_help(f, "remove the <source> (libvirt then uses hugetlbfs) or use <source type='memfd'/>");
        vl_finding_note(f, "libvirt refuses the domain: \"hugepages are not allowed with anonymous memory "
                           "source\"");
        vl_finding_note(f, "hugepages come from hugetlbfs files or a memfd");
        vl_finding_set_fix(f, "remove <source type='anonymous'/> so that hugetlbfs backs the memory", NULL);
    }
}

const VlRule vl_rule_memory_hugepages_backing = {
    .id = "memory-hugepages-backing",
    .category = "memory",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Hugepages combined with on-demand allocation or an anonymous memory source",
    .rationale =
        "Hugepages are taken from hugetlbfs (or a memfd with hugetlb) and reserved when the guest "
        "starts. libvirt therefore refuses <hugepages/> together with <allocation mode='ondemand'/> "
        "or <source type='anonymous'/> (checked with libvirt 9.0). Hugepages with a memfd source "
        "and shared access, as in the WindowsKVM build, are valid: the memfd hugetlb check the catalog mentions "
        "only fails on QEMU releases older than any libvirt 9 supports, so it is not reported. The "
        "fix removes the conflicting setting, keeping the hugepages the guest was tuned for.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Memory: hugepages + memfd source + shared access)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Memory Backing)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefMemoryBacking...)",
        "https://libvirt.org/formatdomain.html#memory-backing",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "hugepages are not allowed with",
    .example_bad = "<memoryBacking>\n  <hugepages/>\n  <source type='anonymous'/>\n  <allocation mode='ondemand'/>\n</memoryBacking>",
    .example_good = "<memoryBacking>\n  <hugepages/>\n  <source type='memfd'/>\n  <access mode='shared'/>\n</memoryBacking>",
    .check = check,
};
