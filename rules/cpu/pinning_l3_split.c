/* cpu-pinning-l3-split: one guest's vCPUs pinned across the host's L3
 * cache banks (the two CCDs of a Ryzen 9), checked against the host's
 * facts (lint/host/host.h); silent without L3 banks in them. */
#include <string.h>

#include "lint/model/pinning.h"
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* vCPU -> host CPU inside BANK, keeping the guest's threads on one host
 * core: guest core k (vCPUs kT..kT+T-1) goes to the k-th chosen host core.
 * Cores already holding the guest's vCPUs come first, then cores no
 * emulator or iothread uses, then the rest.  NULL when BANK is too small.
 * *PAIRED says whether guest cores were kept on host cores (not when the
 * host cores have fewer threads than the guest's). */
static guint *
plan(const VlHost *h, const VlPinning *p, const VlCpuset *bank, guint threads, bool *paired)
{
    g_autoptr(GPtrArray) cores = vl_host_cores(h, bank);
    g_autoptr(GPtrArray) order = g_ptr_array_new();
    VlCpuset busy = { 0 }, vcpus = vl_pinning_vcpu_hosts(p);
    guint per_core = threads, need, *map;

    vl_cpuset_union(&busy, &p->emulator);
    for (guint i = 0; i < p->iothreads->len; i++)
        vl_cpuset_union(&busy, &((VlIothreadPin *) g_ptr_array_index(p->iothreads, i))->cpus);
    /* mutate: skip[rel:<=,const+1] — equivalent: kind is 0, 1 or 2, a fourth pass adds no core */
    for (int pass = 0; pass < 3; pass++) {
        for (guint i = 0; i < cores->len; i++) {
            VlCpuset *core = g_ptr_array_index(cores, i);
            VlCpuset a = vl_cpuset_intersection(core, &vcpus), b = vl_cpuset_intersection(core, &busy);
            int kind = vl_cpuset_count(&a) ? 0 : vl_cpuset_count(&b) ? 2 : 1;

            if (kind == pass)
                g_ptr_array_add(order, core);
            vl_cpuset_clear(&a);
            vl_cpuset_clear(&b);
        }
    }
    vl_cpuset_clear(&busy);
    vl_cpuset_clear(&vcpus);
    /* a guest without SMT, or a host core with fewer threads: fill whole cores */
    for (guint i = 0; i < order->len; i++) {
        if (vl_cpuset_count(g_ptr_array_index(order, i)) < threads)
            /* mutate: skip[const+1] — equivalent: per_core is only compared with 1 (> 1): 0 and 1 both fill CPU by CPU */
            per_core = 0;
    }
    need = p->vcpus;
    *paired = per_core > 1;
    if (per_core > 1) {
        guint ncores = (p->vcpus + per_core - 1) / per_core;

        if (ncores > order->len)
            return NULL;
        map = g_new0(guint, p->vcpus);
        for (guint v = 0; v < p->vcpus; v++) {
            const VlCpuset *core = g_ptr_array_index(order, v / per_core);
            guint t = v % per_core, seen = 0;

            /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(core, core->size) is false */
            for (guint c = 0; c < core->size; c++) {
                if (vl_cpuset_has(core, c) && seen++ == t)
                    map[v] = c;
            }
        }
        return map;
    }
    {
        /* the bank's CPUs, core by core in ORDER; the vCPUs take the first NEED */
        g_autoptr(GArray) cpus = g_array_new(FALSE, FALSE, sizeof(guint));

        for (guint i = 0; i < order->len; i++) {
            const VlCpuset *core = g_ptr_array_index(order, i);

            /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(core, core->size) is false */
            for (guint c = 0; c < core->size; c++) {
                if (vl_cpuset_has(core, c))
                    g_array_append_val(cpus, c);
            }
        }
        if (cpus->len < need)
            return NULL;
        map = g_new0(guint, p->vcpus);
        memcpy(map, cpus->data, sizeof(guint) * need);
    }
    return map;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    g_autoptr(GPtrArray) banks = vl_host_l3_banks(h);
    g_autoptr(VlPinning) p = NULL;
    g_autoptr(GString) where = g_string_new(NULL);
    /* mutate: skip[const+1] — equivalent: best is set with map and read only when map is; largest is a MAX over the banks' CPU counts, each at least 1 (an empty cpuset does not parse) */
    guint *per_bank, used = 0, best = 0, largest = 0, threads;
    bool paired = false;
    g_autofree guint *map = NULL;
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    VlFinding *f;

    /* no early exit for one bank or no pins: fewer than two banks used returns below */
    p = vl_pinning_new(m);
    per_bank = g_new0(guint, banks->len);
    for (guint v = 0; v < p->vcpus; v++) {
        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(set, set->size) is false */
        for (guint c = 0; c < p->vcpu[v].size; c++) {
            int b = vl_cpuset_has(&p->vcpu[v], c) ? vl_host_l3_bank_of(banks, c) : -1;
            if (b >= 0)
                per_bank[b]++;
        }
    }
    for (guint b = 0; b < banks->len; b++) {
        const VlHostCache *bank = g_ptr_array_index(banks, b);
        guint size = vl_cpuset_count(&bank->cpus);

        if (per_bank[b]) {
            g_autofree char *cpus = vl_cpuset_format(&bank->cpus);
            used++;
            g_string_append_printf(where, "%s%u on bank %u (host CPUs %s)", where->len ? ", " : "", per_bank[b],
                                   bank->id, cpus);
        }
        largest = MAX(largest, size);
    }
    if (used < 2) {
        g_free(per_bank);
        return;
    }
    /* without <topology> the model says threads=1 */
    threads = MAX(m->topology.threads, 1);
    /* the fullest bank with room for the whole guest */
    for (guint b = 0, most = 0; b < banks->len; b++) {
        const VlHostCache *bank = g_ptr_array_index(banks, b);
        guint *candidate;
        bool candidate_paired;

        /* plan() refuses a bank too small for the guest */
        if (map && per_bank[b] <= most)
            continue;
        candidate = plan(h, p, &bank->cpus, threads, &candidate_paired);
        if (candidate) {
            g_free(map);
            map = candidate;
            best = b;
            paired = candidate_paired;
            most = per_bank[b];
        }
    }
    g_free(per_bank);
    if (!map) {
        /* larger than one L3 domain: the split is unavoidable; with guest NUMA cells it is known to the guest */
        if (m->numa_cells->len)
            return;
        f = vl_report_severity(report, VL_SEVERITY_INFO, cputune,
                               "<cputune>: %u vCPUs need more host CPUs than one L3 cache has (%u)", p->vcpus,
                               largest);
        vl_finding_help(f, "give the guest one NUMA cell per L3 bank (<cpu><numa><cell cpus=...>), with the vCPUs "
                           "pinned to that bank's cores, so the guest schedules related threads together");
        vl_finding_note(f, "host CPUs the vCPUs are pinned to, per L3 bank: %s", where->str);
        vl_finding_note(f, "threads on different L3 caches do not share cached data: what one writes the other "
                           "fetches across the fabric");
        return;
    }
    {
        const VlHostCache *bank = g_ptr_array_index(banks, best);
        g_autofree char *cpus = vl_cpuset_format(&bank->cpus);
        g_autoptr(GString) pins = g_string_new(NULL);

        for (guint v = 0; v < p->vcpus; v++)
            g_string_append_printf(pins, "%s%u=%u", v ? " " : "", v, map[v]);
        f = vl_report(report, cputune, "<cputune>: vCPUs pinned across %u L3 caches, though all %u fit in one", used,
                      p->vcpus);
        vl_finding_help(f, "pin them inside L3 bank %u (host CPUs %s)%s; vcpupin vcpu=cpuset: %s", bank->id, cpus,
                        paired ? ", each guest core on one host core" : "", pins->str);
        vl_finding_note(f, "host CPUs the vCPUs are pinned to, per L3 bank: %s", where->str);
        vl_finding_note(f, "threads on different L3 caches (a Ryzen's CCDs) do not share cached data: what one "
                           "vCPU writes another fetches across the fabric, and the guest cannot tell which "
                           "vCPUs share a cache");
    }
}

const VlRule vl_rule_cpu_pinning_l3_split = {
    .id = "cpu-pinning-l3-split",
    .category = "cpu",
    .severity = VL_SEVERITY_WARNING,
    .needs_host = true,
    .summary = "One guest's vCPUs are pinned across the host's L3 caches although they fit in one",
    .rationale =
        "A Ryzen 9 5950X or 7950X has two CCDs, each with its own 32 MiB L3 cache; `virsh capabilities` "
        "lists them as <cache><bank level='3' cpus=...>. A guest pinned to CPUs of both shares no cache "
        "between its halves, and the guest does not know which vCPUs are close. When the guest fits in "
        "one L3 bank, the warning gives a pinning inside it that keeps each guest core's threads on one "
        "host core (QEMU numbers vCPUs threads first). A guest larger than one bank cannot avoid the "
        "split: then an info finding suggests guest NUMA cells that follow the banks, and nothing is said "
        "when the guest already has NUMA cells. Silent without L3 banks in the host facts (libvirt lists "
        "them from the kernel's cache information). No fix: which bank to give up is the owner's choice. The pins and the capabilities read here are the same in every libvirt release virtlint targets (9.0 to 12.8).",
    .sources = {
        "https://libvirt.org/formatcaps.html (host <topology> and <cache> banks)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
        "Red Hat Enterprise Linux 7, Virtualization Tuning and Optimization Guide, 9.3.2 \"NUMA vCPU Pinning\" (vCPUs on one socket share an L3 cache domain), https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/7/html/virtualization_tuning_and_optimization_guide/sect-virtualization_tuning_optimization_guide-numa-vcpu_pinning",
        "QEMU, include/hw/i386/topology.h, x86_topo_ids_from_idx (smt_id = cpu_index % nr_threads), https://gitlab.com/qemu-project/qemu/-/blob/master/include/hw/i386/topology.h",
        "libvirt, tests/vircaps2xmldata/vircaps-x86_64-caches.xml (the <cache><bank> format), https://gitlab.com/libvirt/libvirt/-/blob/master/tests/vircaps2xmldata/vircaps-x86_64-caches.xml",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<!-- Ryzen 9 5950X: L3 banks 0-7,16-23 and 8-15,24-31 -->\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='6'/>\n  <vcpupin vcpu='1' cpuset='22'/>\n  <vcpupin vcpu='2' cpuset='8'/>\n  <vcpupin vcpu='3' cpuset='24'/>\n</cputune>",
    .example_good = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='6'/>\n  <vcpupin vcpu='1' cpuset='22'/>\n  <vcpupin vcpu='2' cpuset='7'/>\n  <vcpupin vcpu='3' cpuset='23'/>\n</cputune>",
    .check = check,
};
