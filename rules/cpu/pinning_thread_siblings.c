/* cpu-pinning-thread-siblings: the threads of one guest core pinned to
 * host CPUs of different host cores, checked against the host's sibling
 * lists (lint/host/host.h); silent without them. */
#include "lint/model/pinning.h"
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Re-pair within the same host CPUs: possible when the vCPUs' pins are
 * whole host cores of THREADS threads each, one vCPU per CPU.  Guest core
 * k gets the host core its first vCPU is on, taken in vCPU order. */
static bool
repair_in_place(const VlHost *h, const VlPinning *p, guint threads, guint *map)
{
    VlCpuset all = vl_pinning_vcpu_hosts(p);
    g_autoptr(GPtrArray) cores = vl_host_cores(h, &all);
    g_autoptr(GPtrArray) order = g_ptr_array_new();
    guint whole = 0;
    bool ok;

    for (guint i = 0; i < cores->len; i++) {
        if (vl_cpuset_count(g_ptr_array_index(cores, i)) == threads)
            whole++;
    }
    /* disjoint cores of THREADS CPUs inside ALL, as many CPUs as ALL has: ALL is exactly those cores */
    ok = p->pinned == p->vcpus && vl_cpuset_count(&all) == p->vcpus && whole * threads == p->vcpus;
    /* host cores in the order the vCPUs first use them (a vCPU on several CPUs, -1, is in no core) */
    /* mutate: skip[rel:<=] — equivalent: vl_pinning_single() is -1 for v == p->vcpus, a CPU no core has */
    for (guint v = 0; v < p->vcpus; v++) {
        int cpu = vl_pinning_single(p, v);

        for (guint i = 0; i < cores->len; i++) {
            VlCpuset *core = g_ptr_array_index(cores, i);

            if (vl_cpuset_has(core, (guint) cpu) && !g_ptr_array_find(order, core, NULL))
                g_ptr_array_add(order, core);
        }
    }
    /* every core must be some vCPU's single pin: vCPUs 0 and 1 both on CPU 2, 2 on '3,11' and 3 on 10 reach
     * host core 2 only, and guest core 1 would have none */
    ok = ok && order->len == whole;
    for (guint v = 0; ok && v < p->vcpus; v++) {
        const VlCpuset *core = g_ptr_array_index(order, v / threads);
        guint t = v % threads, seen = 0;

        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(core, core->size) is false */
        for (guint c = 0; c < core->size; c++) {
            if (vl_cpuset_has(core, c) && seen++ == t)
                map[v] = c;
        }
    }
    vl_cpuset_clear(&all);
    return ok;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    guint threads = m->topology.threads;
    g_autoptr(VlPinning) p = NULL;
    g_autoptr(GString) bad = g_string_new(NULL);
    g_autoptr(GString) local = g_string_new(NULL);
    g_autofree guint *map = NULL;
    guint nbad = 0;
    bool local_ok = true;
    VlCpuset others = { 0 };
    VlFinding *f;

    /* without <topology> the model says threads=1; a host CPU without a
     * siblings list holds no guest core (the count check below), and
     * without pins no guest core is judged */
    /* mutate: skip[guard,const-1] — equivalent: a one-thread guest core is never split, its only vCPU's host CPU being in
     * its own siblings list (the kernel's thread_siblings_list includes the CPU); an empty list is skipped below */
    if (threads < 2)
        return;
    p = vl_pinning_new(m);
    /* where the emulator and iothreads run: no partner for a vCPU either */
    vl_cpuset_union(&others, &p->emulator);
    for (guint i = 0; i < p->iothreads->len; i++)
        vl_cpuset_union(&others, &((VlIothreadPin *) g_ptr_array_index(p->iothreads, i))->cpus);
    for (guint k = 0; (k + 1) * threads <= p->vcpus; k++) {
        int first = vl_pinning_single(p, k * threads);
        /* -1 (not pinned to one CPU) is (guint) -1, past every host CPU id: NULL */
        const VlHostCpu *hc = vl_host_cpu(h, (guint) first);
        bool split = false, known = hc != NULL;
        g_autoptr(GString) hosts = g_string_new(NULL);

        for (guint t = 0; known && t < threads; t++) {
            int cpu = vl_pinning_single(p, k * threads + t);

            known = vl_host_cpu(h, (guint) cpu) != NULL;
            if (known) {
                g_string_append_printf(hosts, "%s%d", t ? (t + 1 == threads ? " and " : ", ") : "", cpu);
                split = split || !vl_host_siblings(h, (guint) first, (guint) cpu) || (t && cpu == first);
            }
        }
        /* a host core with fewer threads than the guest's cannot hold one guest core: say nothing */
        if (!known || !split || vl_cpuset_count(&hc->siblings) < threads)
            continue;
        nbad++;
        g_string_append_printf(bad, "%sguest core %u (vCPUs %u-%u) is on host CPUs %s", bad->len ? "; " : "", k,
                               k * threads, k * threads + threads - 1, hosts->str);
        /* keep the first thread's pin, move the others to its siblings */
        {
            guint t = 1;

            /* mutate: skip[rel:<=@33,drop-and@31] — equivalent: the siblings are at least THREADS (checked above), so t reaches THREADS before c passes their size */
            for (guint c = 0; c < hc->siblings.size && t < threads; c++) {
                if (!vl_cpuset_has(&hc->siblings, c) || c == (guint) first)
                    continue;
                /* a sibling another guest core, the emulator or an iothread uses is no free partner */
                if (vl_cpuset_has(&others, c))
                    local_ok = false;
                for (guint v = 0; v < p->vcpus; v++) {
                    if (v / threads != k && vl_cpuset_has(&p->vcpu[v], c))
                        local_ok = false;
                }
                g_string_append_printf(local, "%s%u=%u", local->len ? " " : "", k * threads + t, c);
                t++;
            }
        }
    }
    vl_cpuset_clear(&others);
    if (nbad == 0)
        return;
    f = vl_report(report, vl_model_top(m, "cputune"),
                  "<cputune>: %u guest core%s pinned to threads of different host cores", nbad,
                  nbad == 1 ? " has its threads" : "s have their threads");
    map = g_new0(guint, p->vcpus);
    if (repair_in_place(h, p, threads, map)) {
        g_autoptr(GString) pins = g_string_new(NULL);

        for (guint v = 0; v < p->vcpus; v++)
            g_string_append_printf(pins, "%s%u=%u", v ? " " : "", v, map[v]);
        vl_finding_help(f, "pair them on the same host CPUs, each guest core on one host core; "
                           "vcpupin vcpu=cpuset: %s", pins->str);
    } else if (local_ok) {
        vl_finding_help(f, "pin each guest core's other threads to the sibling of its first; vcpupin vcpu=cpuset: %s",
                        local->str);
    } else {
        vl_finding_help(f, "pin each guest core's %u vCPUs to the %u threads of one host core (the host's "
                           "siblings lists in `virsh capabilities`)", threads, threads);
    }
    vl_finding_note(f, "%s", bad->str);
    vl_finding_note(f, "QEMU numbers vCPUs threads first (vCPU n's thread is n %% %u): the guest schedules "
                       "these vCPUs as SMT siblings sharing a core's caches, which on the host they are not",
                    threads);
}

const VlRule vl_rule_cpu_pinning_thread_siblings = {
    .id = "cpu-pinning-thread-siblings",
    .category = "cpu",
    .severity = VL_SEVERITY_WARNING,
    .needs_host = true,
    .summary = "The threads of a guest core are pinned to host CPUs that are not thread siblings",
    .rationale =
        "With <topology threads='2'> the guest treats vCPUs 0 and 1, 2 and 3 ... as two threads of one "
        "core: QEMU assigns vCPU indexes threads first (x86_topo_ids_from_idx: smt_id = index % threads). "
        "Host CPU numbering is different: on a Ryzen 9 5950X host CPU n and n+16 are one core's threads, "
        "on an 8-core Intel desktop n and n+8, which `virsh capabilities` lists as siblings. Pinning "
        "vCPUs 0-7 to host CPUs 0-7 therefore puts each guest core on two host cores, and the guest's "
        "scheduler decisions about SMT siblings (sharing L1/L2, idle siblings) are wrong. Silent without "
        "the host's siblings, for a guest without threads, for vCPUs pinned to several CPUs, and when "
        "the host cores have fewer threads than the guest's. No fix: the help gives the pins. The pins and the capabilities read here are the same in every libvirt release virtlint targets (9.0 to 12.8).",
    .sources = {
        "https://libvirt.org/formatcaps.html (host topology: siblings)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
        "QEMU, include/hw/i386/topology.h, x86_topo_ids_from_idx (smt_id = cpu_index % nr_threads), https://gitlab.com/qemu-project/qemu/-/blob/master/include/hw/i386/topology.h",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<!-- host siblings: n and n+8 -->\n<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <vcpupin vcpu='2' cpuset='4'/>\n  <vcpupin vcpu='3' cpuset='5'/>\n</cputune>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='2' threads='2'/>\n</cpu>",
    .example_good = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='10'/>\n  <vcpupin vcpu='2' cpuset='3'/>\n  <vcpupin vcpu='3' cpuset='11'/>\n</cputune>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' dies='1' cores='2' threads='2'/>\n</cpu>",
    .check = check,
};
