/* cpu-pinning-shared-cores: <emulatorpin> or <iothreadpin> on host CPUs
 * that are thread siblings of the vCPUs' host CPUs: another CPU id, the
 * same core.  The same CPU id is cpu-pinning-isolation's finding; this
 * rule names only the siblings, with the host's facts (lint/host/host.h). */
#include "lint/model/pinning.h"
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Whole host cores no vCPU uses, enough for COUNT CPUs, preferring the L3
 * bank most of the vCPUs are in; an empty set when there are none. */
static VlCpuset
free_cores(const VlHost *h, const VlCpuset *vcpus, guint count)
{
    g_autoptr(GPtrArray) cores = vl_host_cores(h, NULL);
    g_autoptr(GPtrArray) banks = vl_host_l3_banks(h);
    VlCpuset out = { 0 };
    /* mutate: skip[const+1,const-1] — equivalent: home stays at its start value only when no L3 bank holds a vCPU's
     * CPU, that is without banks (libvirt lists the banks of every online CPU); then every core is on no bank and
     * all cores go in one pass, in the same order, whether at_home is all true (< 0) or all false (home 0 or -2) */
    int home = -1;
    guint most = 0;

    for (guint b = 0; b < banks->len; b++) {
        VlCpuset in = vl_cpuset_intersection(&((VlHostCache *) g_ptr_array_index(banks, b))->cpus, vcpus);

        if (vl_cpuset_count(&in) > most) {
            most = vl_cpuset_count(&in);
            home = (int) b;
        }
        vl_cpuset_clear(&in);
    }
    /* mutate: skip[rel:<=,const+1] — equivalent: a third pass (at_home false) re-adds cores pass 1 already added, and a union is idempotent */
    for (int pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < cores->len && vl_cpuset_count(&out) < count; i++) {
            VlCpuset *core = g_ptr_array_index(cores, i);
            VlCpuset used = vl_cpuset_intersection(core, vcpus);
            guint cpu;
            bool at_home;

            /* a core's threads share its L3 bank: any of them tells it (a core is never empty) */
            vl_cpuset_max(core, &cpu);
            /* mutate: skip[drop-or@23] — equivalent: home < 0 only without banks (see home), where every core's bank is -1 == home */
            at_home = home < 0 || vl_host_l3_bank_of(banks, cpu) == home;
            /* the passes take disjoint cores (at home or not): none is taken twice */
            if (vl_cpuset_count(&used) == 0 && at_home == (pass == 0))
                vl_cpuset_union(&out, core);
            vl_cpuset_clear(&used);
        }
    }
    return out;
}

static void
report_pin(const VlHost *h, const VlCpuset *vcpus, xmlNodePtr pin, const VlCpuset *cpus,
           const char *what, VlReport *report)
{
    VlCpuset shared = { 0 }, partners = { 0 }, better;
    g_autofree char *s = NULL, *with = NULL, *b = NULL;
    VlFinding *f;

    /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(cpus, cpus->size) is false */
    for (guint c = 0; c < cpus->size; c++) {
        const VlHostCpu *hc = vl_cpuset_has(cpus, c) && !vl_cpuset_has(vcpus, c) ? vl_host_cpu(h, c) : NULL;

        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(&hc->siblings, size) is false */
        for (guint n = 0; hc && n < hc->siblings.size; n++) {
            /* n == c is no partner: c is not in VCPUS */
            if (vl_cpuset_has(&hc->siblings, n) && vl_cpuset_has(vcpus, n)) {
                vl_cpuset_add(&shared, c);
                vl_cpuset_add(&partners, n);
            }
        }
    }
    if (vl_cpuset_count(&shared) == 0)
        goto out;
    s = vl_cpuset_format(&shared);
    with = vl_cpuset_format(&partners);
    f = vl_report(report, pin, "<%s>: host CPU%s %s share%s a core with the vCPUs' host CPU%s %s",
                  (const char *) pin->name, vl_cpuset_count(&shared) > 1 ? "s" : "", s,
                  vl_cpuset_count(&shared) > 1 ? "" : "s", vl_cpuset_count(&partners) > 1 ? "s" : "", with);
    better = free_cores(h, vcpus, vl_cpuset_count(cpus));
    if (vl_cpuset_count(&better)) {
        b = vl_cpuset_format(&better);
        vl_finding_help(f, "pin %s to whole host cores no vCPU uses: cpuset='%s'", what, b);
    } else {
        vl_finding_help(f, "every host core holds a vCPU: free one whole core (both its threads) for %s", what);
    }
    vl_cpuset_clear(&better);
    vl_finding_note(f, "thread siblings share one core's execution units and L1/L2 caches: whatever %s do%s "
                       "there slows the vCPU on the other thread", what, g_str_has_prefix(what, "the ") ? "" : "es");
out:
    vl_cpuset_clear(&shared);
    vl_cpuset_clear(&partners);
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    g_autoptr(VlPinning) p = NULL;
    VlCpuset vcpus;

    /* no early exit without siblings or pins: a CPU without a siblings list
     * or no pinned vCPU gives no shared core in report_pin() */
    p = vl_pinning_new(m);
    vcpus = vl_pinning_vcpu_hosts(p);
    if (p->emulator_node)
        report_pin(h, &vcpus, p->emulator_node, &p->emulator, "the emulator threads", report);
    for (guint i = 0; i < p->iothreads->len; i++) {
        const VlIothreadPin *io = g_ptr_array_index(p->iothreads, i);
        g_autofree char *what = g_strdup_printf("iothread %u", io->id);

        report_pin(h, &vcpus, io->node, &io->cpus, what, report);
    }
    vl_cpuset_clear(&vcpus);
}

const VlRule vl_rule_cpu_pinning_shared_cores = {
    .id = "cpu-pinning-shared-cores",
    .category = "cpu",
    .severity = VL_SEVERITY_WARNING,
    .needs_host = true,
    .summary = "The emulator or an iothread is pinned to a thread sibling of a vCPU's host CPU",
    .rationale =
        "Keeping the emulator and iothreads off the vCPUs' host CPUs is not enough when they land on the "
        "other thread of the same host core: on a Ryzen 9 5950X host CPUs 0 and 16 are one core, so "
        "<emulatorpin cpuset='16'/> next to a vCPU on host CPU 0 still competes with it for that core. "
        "Overlap on the same CPU id is cpu-pinning-isolation's finding; this rule names only the "
        "siblings, read from `virsh capabilities`, and suggests whole host cores no vCPU uses, in the L3 "
        "bank of most vCPUs when the host lists its banks. Silent without the host's siblings. No fix: "
        "which core to give up is the owner's choice. The pins and the capabilities read here are the same in every libvirt release virtlint targets (9.0 to 12.8).",
    .sources = {
        "https://libvirt.org/formatcaps.html (host topology: siblings)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
        "Red Hat Enterprise Linux 7, Virtualization Tuning and Optimization Guide, 9.3.6 \"Using emulatorpin\", https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/7/html/virtualization_tuning_and_optimization_guide/sect-Virtualization_Tuning_Optimization_Guide-NUMA-NUMA_and_libvirt-Using_emulatorpin",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<!-- host siblings: n and n+16 -->\n<cputune>\n  <vcpupin vcpu='0' cpuset='1'/>\n  <vcpupin vcpu='1' cpuset='17'/>\n  <vcpupin vcpu='2' cpuset='2'/>\n  <vcpupin vcpu='3' cpuset='3'/>\n  <emulatorpin cpuset='18-19'/>\n</cputune>",
    .example_good = "<cputune>\n  <vcpupin vcpu='0' cpuset='1'/>\n  <vcpupin vcpu='1' cpuset='17'/>\n  <vcpupin vcpu='2' cpuset='2'/>\n  <vcpupin vcpu='3' cpuset='18'/>\n  <emulatorpin cpuset='0,16'/>\n</cputune>",
    .check = check,
};
