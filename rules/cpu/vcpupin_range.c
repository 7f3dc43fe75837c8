/* cpu-vcpupin-range: a <vcpupin> for a vCPU the domain does not have. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");

    for (xmlNodePtr pin = cputune ? cputune->children : NULL; pin; pin = pin->next) {
        guint64 vcpu;
        VlFinding *f;

        if (!vl_xml_is(pin, "vcpupin") || !vl_xml_parse_uint(vl_xml_attr(pin, "vcpu"), &vcpu) ||
            vcpu < m->vcpus)
            continue;
        f = vl_report(report, pin, "<vcpupin vcpu='%" G_GUINT64_FORMAT "'>: names a vCPU the domain does not have",
                      vcpu);
        vl_finding_help(f, "remove it or renumber the pins from 0");
        vl_finding_note(f, "<vcpu> is %u, so vCPUs are numbered 0 to %u", m->vcpus, m->vcpus - 1);
        vl_finding_note(f, "libvirt 9.0 drops the element when it defines the domain, with only a log line (\"Ignoring "
                           "vcpupin for missing vcpus\"), so that pinning never happens");
        vl_finding_set_fix(f, "remove the <vcpupin> libvirt drops anyway", NULL);
    }
}

const VlRule vl_rule_cpu_vcpupin_range = {
    .id = "cpu-vcpupin-range",
    .category = "cpu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A <vcpupin> names a vCPU beyond the <vcpu> count and is silently dropped",
    .rationale =
        "vCPU ids run from 0 to the maximum <vcpu> count minus one. libvirt drops a <vcpupin> "
        "whose vcpu is out of that range when it parses the domain (virDomainVcpuPinDefParseXML: "
        "\"Ignoring vcpupin for missing vcpus\", a debug log line only): virsh define succeeds "
        "and dumpxml no longer shows the pin (checked with libvirt 9.0). It typically happens "
        "when the vCPU count is lowered, or when a pinning table like the WindowsKVM build's is written "
        "from 1 instead of 0, which also leaves vCPU 0 unpinned. Removing the dropped element "
        "changes nothing in what runs, so the fix is safe; renumbering is for the user to decide.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (CPU pinning: vCPU 0-15 and 16-31 to host threads)",
        "A homelab's KVM/QEMU notes, not published at a public address (Resource Allocation: win11 6 vCPUs pinned)",
        "libvirt src/conf/domain_conf.c (virDomainVcpuPinDefParseXML)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='1' cpuset='2'/>\n  <vcpupin vcpu='2' cpuset='3'/>\n  <vcpupin vcpu='3' cpuset='4'/>\n  <vcpupin vcpu='4' cpuset='5'/>\n</cputune>",
    .example_good = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <vcpupin vcpu='2' cpuset='4'/>\n  <vcpupin vcpu='3' cpuset='5'/>\n</cputune>",
    .check = check,
};
