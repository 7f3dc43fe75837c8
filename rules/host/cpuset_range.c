/* host-cpuset-range: a pin names a CPU the host does not have (checked
 * against the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/model/cpuset.h"
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* cpusets the domain pins to: vcpupin, emulatorpin, iothreadpin, <vcpu cpuset> */
static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    g_autoptr(GPtrArray) pins = g_ptr_array_new();

    /* the host's CPUs come with its capabilities: none without them */
    if (g_hash_table_size(h->cpus) == 0)
        return;
    if (vl_xml_attr(m->vcpu, "cpuset"))
        g_ptr_array_add(pins, m->vcpu);
    for (xmlNodePtr p = cputune ? cputune->children : NULL; p; p = p->next) {
        if (vl_xml_is(p, "vcpupin") || vl_xml_is(p, "emulatorpin") || vl_xml_is(p, "iothreadpin"))
            g_ptr_array_add(pins, p);
    }
    for (guint i = 0; i < pins->len; i++) {
        xmlNodePtr pin = g_ptr_array_index(pins, i);
        VlCpuset set = { 0 };
        VlCpuset missing = { 0 };
        g_autofree char *list = NULL;

        if (!vl_cpuset_parse(vl_xml_attr(pin, "cpuset"), &set))
            continue;
        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has() is false for c == set.size (it checks n < size) */
        for (guint c = 0; c < set.size; c++) {
            if (vl_cpuset_has(&set, c) && !g_hash_table_contains(h->cpus, GUINT_TO_POINTER(c + 1)))
                vl_cpuset_add(&missing, c);
        }
        if (vl_cpuset_count(&missing)) {
            list = vl_cpuset_format(&missing);
            VlFinding *f = vl_report(report, pin, "<%s>: pins to CPUs this host does not have (it has %u)",
                                     (const char *) pin->name, g_hash_table_size(h->cpus));

            vl_finding_help(f, "pin to CPUs the host has");
            vl_finding_note(f, "cpuset='%s' names host CPU%s %s, which this host does not have (it has %u)",
                            vl_xml_attr(pin, "cpuset"), vl_cpuset_count(&missing) == 1 ? "" : "s", list,
                            g_hash_table_size(h->cpus));
            vl_finding_note(f, "the guest fails to start (the affinity cannot be set)");
        }
        vl_cpuset_clear(&set);
        vl_cpuset_clear(&missing);
    }
}

const VlRule vl_rule_host_cpuset_range = {
    .id = "host-cpuset-range",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "A vCPU, emulator or iothread pin names a CPU the host does not have",
    .rationale = "Pinning copied from another machine (the WindowsKVM build pins 32 vCPUs to a 5950X's threads) names CPUs "
                 "that a smaller host lacks; libvirt cannot set the affinity and the guest does not start. "
                 "Checked against the host's CPUs from `virsh capabilities`.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Resource Contention)",
                 "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (IOMMU groups, pinning, hugepages)",
                 "https://libvirt.org/formatdomain.html#cpu-tuning" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<cputune>\n  <vcpupin vcpu='0' cpuset='31'/>  <!-- on an 8-thread host -->\n</cputune>",
    .example_good = "<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n</cputune>",
    .check = check,
};
