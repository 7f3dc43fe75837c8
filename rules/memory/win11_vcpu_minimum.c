/* memory-win11-vcpu-minimum: Windows 11's minimum of two cores, checked
 * with its memory minimum (catalog MEM-01). */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

#define WIN11_MIN_VCPUS 2u

/* What every finding says besides its headline and help. */
static void
add_notes(const VlModel *m, VlFinding *f)
{
    vl_finding_note(f, "setup reports \"This PC can't run Windows 11\"");
    vl_finding_note(f, "the guest is taken for Windows 11: %s", m->guest.evidence);
}

static void
check(const VlModel *m, VlReport *report)
{
    guint64 current = m->vcpus;
    const char *current_attr = vl_xml_attr(m->vcpu, "current");
    bool has_current = false;
    VlFinding *f;

    if (!vl_is_win11(m))
        return;
    if (!m->vcpu) {
        /* libvirt gives a domain without <vcpu> one vCPU */
        f = vl_report(report, m->root,
                      "<domain>: no <vcpu>, so libvirt gives the guest 1 vCPU but Windows 11 requires at least 2 "
                      "cores");
        vl_finding_help(f, "add <vcpu placement='static'>2</vcpu>");
        add_notes(m, f);
        return;
    }
    if (vl_xml_parse_uint(current_attr, &current)) /* false for NULL */
        has_current = true;
    if (m->vcpus >= WIN11_MIN_VCPUS && current >= WIN11_MIN_VCPUS)
        return;

    if (m->vcpus < WIN11_MIN_VCPUS) {
        f = vl_report(report, m->vcpu, "<vcpu>: gives the guest %u vCPU but Windows 11 requires at least 2 cores",
                      m->vcpus);
        vl_finding_help(f, "use <vcpu placement='static'>2</vcpu>%s",
                        m->topology.node ? " and a topology of sockets='1' cores='2' threads='1'" : "");
    } else {
        f = vl_report(report, m->vcpu,
                      "<vcpu current='%" G_GUINT64_FORMAT "'>: brings the guest up with %" G_GUINT64_FORMAT
                      " vCPU but Windows 11 requires at least 2 cores",
                      current, current);
        vl_finding_help(f, "raise current to 2 or remove it");
    }
    add_notes(m, f);

    /* The topology must keep describing <vcpu> (cpu-topology-mismatch):
     * with one vCPU it is all ones, and cores becomes 2.  A topology that
     * already disagrees with <vcpu> is left for that rule. */
    if (vl_topology_product(&m->topology) != m->vcpus) /* without <topology>, one socket per vCPU */
        return;
    {
        bool raise_max = m->vcpus < WIN11_MIN_VCPUS;
        bool raise_current = has_current && current < WIN11_MIN_VCPUS;
        g_autofree char *description = g_strdup_printf(
            "%s%s%s", raise_max ? "give the guest 2 vCPUs in <vcpu>" : "raise <vcpu current> to 2",
            raise_max && raise_current ? " and its current attribute" : "",
            raise_max && m->topology.node ? ", as cores='2' in <topology>" : "");
        vl_finding_set_fix(f, description,
                           "vcpus", raise_max ? "2" : "",
                           "current", raise_current ? "2" : "",
                           "cores", raise_max ? "2" : "", NULL); /* the fixer sets it on a <topology> only */
    }
}

const VlRule vl_rule_memory_win11_vcpu_minimum = {
    .id = "memory-win11-vcpu-minimum",
    .category = "memory",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows 11 guest starts with fewer than the 2 vCPUs its setup requires",
    .rationale =
        "Windows 11 requires a processor with 2 or more cores, and its setup checks the vCPUs the "
        "guest boots with: one vCPU, or <vcpu current='1'> with more hot-pluggable ones, ends in "
        "\"This PC can't run Windows 11\". It belongs with the memory minimum (the catalog's "
        "MEM-01). The fix raises <vcpu> (and its current attribute) to 2 and, when a <topology> "
        "is given, sets cores='2' so that it still describes the vCPU count. It is unsafe: it "
        "changes the CPU topology the guest sees, and two vCPUs must be available on the host.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Bypass Hardware Checks; Windows 11 System Requirements)",
        "osinfo-db data/os/microsoft.com/win-11.xml.in (minimum n-cpus 2)",
        "https://learn.microsoft.com/windows/whats-new/windows-11-requirements",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<vcpu placement='static'>1</vcpu>",
    .example_good = "<vcpu placement='static'>2</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='2' threads='1'/>\n</cpu>",
    .check = check,
};
