/* cpu-pinning-isolation: pinned vCPUs that still share host CPUs with the
 * emulator or iothreads, or vCPUs left floating. */
#include "lint/model/iothread_users.h"
#include "lint/model/cpuset.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    xmlNodePtr emulatorpin = vl_xml_child(cputune, "emulatorpin");
    VlCpuset vcpu_hosts = { 0 }, pinned = { 0 }, emulator = { 0 }, io_hosts = { 0 }, io_pinned = { 0 };
    VlCpuset iothreads = vl_iothread_ids(m);
    g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func(g_free);
    const char *emulator_from = NULL;
    guint npins = 0;

    for (xmlNodePtr el = cputune ? cputune->children : NULL; el; el = el->next) {
        VlCpuset set;
        guint64 id;

        if (vl_xml_is(el, "vcpupin") && vl_xml_parse_uint(vl_xml_attr(el, "vcpu"), &id) && id < m->vcpus &&
            vl_cpuset_parse(vl_xml_attr(el, "cpuset"), &set)) {
            vl_cpuset_union(&vcpu_hosts, &set);
            vl_cpuset_add(&pinned, (guint) id);
            vl_cpuset_clear(&set);
            npins++;
        } else if (vl_xml_is(el, "iothreadpin") && vl_cpuset_parse(vl_xml_attr(el, "cpuset"), &set)) {
            vl_cpuset_union(&io_hosts, &set);
            /* mutate: skip[rel:<=] — equivalent: io_pinned is only compared with the iothreads, whose ids vl_iothread_ids() keeps below VL_CPUSET_MAX */
            if (vl_xml_parse_uint(vl_xml_attr(el, "iothread"), &id) && id < VL_CPUSET_MAX)
                vl_cpuset_add(&io_pinned, (guint) id);
            vl_cpuset_clear(&set);
        }
    }
    if (npins == 0)
        goto out;

    /* where the emulator threads run: emulatorpin, else <vcpu cpuset>, else anywhere */
    if (vl_cpuset_parse(vl_xml_attr(emulatorpin, "cpuset"), &emulator))
        emulator_from = "<emulatorpin>";
    else if (vl_cpuset_parse(vl_xml_attr(m->vcpu, "cpuset"), &emulator))
        emulator_from = "<vcpu cpuset> (there is no <emulatorpin>)";
    if (!emulator_from) {
        g_ptr_array_add(problems, g_strdup("there is no <emulatorpin>, so QEMU's emulator threads may run on "
                                           "any host CPU, the pinned ones included"));
    } else {
        VlCpuset common = vl_cpuset_intersection(&emulator, &vcpu_hosts);
        if (vl_cpuset_count(&common)) {
            g_autofree char *s = vl_cpuset_format(&common);
            g_ptr_array_add(problems, g_strdup_printf("the emulator threads (%s) share host CPU%s %s with "
                                                      "pinned vCPUs",
                                                      emulator_from, vl_cpuset_count(&common) > 1 ? "s" : "", s));
        }
        vl_cpuset_clear(&common);
    }
    {
        VlCpuset common = vl_cpuset_intersection(&io_hosts, &vcpu_hosts);
        if (vl_cpuset_count(&common)) {
            g_autofree char *s = vl_cpuset_format(&common);
            g_ptr_array_add(problems, g_strdup_printf("iothreads are pinned to host CPU%s %s, which pinned "
                                                      "vCPUs use too",
                                                      vl_cpuset_count(&common) > 1 ? "s" : "", s));
        }
        vl_cpuset_clear(&common);
    }
    {
        VlCpuset loose = { 0 };
        for (guint i = 0; i < iothreads.size; i++) {
            if (iothreads.member[i] && !vl_cpuset_has(&io_pinned, i))
                vl_cpuset_add(&loose, i);
        }
        if (vl_cpuset_count(&loose)) {
            g_autofree char *s = vl_cpuset_format(&loose);
            g_ptr_array_add(problems, g_strdup_printf("iothread%s %s %s no <iothreadpin> and may run on the "
                                                      "pinned vCPUs' host CPUs",
                                                      vl_cpuset_count(&loose) > 1 ? "s" : "", s,
                                                      vl_cpuset_count(&loose) > 1 ? "have" : "has"));
        }
        vl_cpuset_clear(&loose);
    }
    if (vl_cpuset_count(&pinned) < m->vcpus) {
        VlCpuset floating = { 0 };
        g_autofree char *s = NULL;

        for (guint i = 0; i < m->vcpus && i < VL_CPUSET_MAX; i++) {
            if (!vl_cpuset_has(&pinned, i))
                vl_cpuset_add(&floating, i);
        }
        s = vl_cpuset_format(&floating);
        g_ptr_array_add(problems, g_strdup_printf("vCPU%s %s %s no <vcpupin> and float%s over %s",
                                                  vl_cpuset_count(&floating) > 1 ? "s" : "", s,
                                                  vl_cpuset_count(&floating) > 1 ? "have" : "has",
                                                  vl_cpuset_count(&floating) > 1 ? "" : "s",
                                                  vl_xml_attr(m->vcpu, "cpuset") ? "the <vcpu cpuset>"
                                                                                  : "all host CPUs"));
        vl_cpuset_clear(&floating);
    }
    if (problems->len) {
        VlFinding *f = vl_report(report, cputune, "<cputune>: vCPUs are pinned, but can still be preempted");

        vl_finding_help(f, "pin every vCPU, and put <emulatorpin> and <iothreadpin> on host CPUs no vCPU uses");
        for (guint i = 0; i < problems->len; i++)
            vl_finding_note(f, "%s", (const char *) g_ptr_array_index(problems, i));
        vl_finding_note(f, "a preempted vCPU is the jitter pinning is meant to remove");
    }
out:
    vl_cpuset_clear(&vcpu_hosts);
    vl_cpuset_clear(&pinned);
    vl_cpuset_clear(&emulator);
    vl_cpuset_clear(&io_hosts);
    vl_cpuset_clear(&io_pinned);
    vl_cpuset_clear(&iothreads);
}

const VlRule vl_rule_cpu_pinning_isolation = {
    .id = "cpu-pinning-isolation",
    .category = "cpu",
    .severity = VL_SEVERITY_INFO,
    .summary = "Pinned vCPUs still share host CPUs with the emulator or iothreads, or some vCPUs float",
    .rationale =
        "Pinning vCPUs pays off only when nothing else of the guest runs on those host CPUs. "
        "The WindowsKVM build pins all 32 vCPUs 1:1 and puts the emulator and both iothreads on host CPUs "
        "0 and 16, which no vCPU uses (\"game threads never get preempted by bookkeeping\"); Kevin "
        "Locke's guide suggests the same split. Without <emulatorpin>, QEMU's emulator threads follow "
        "<vcpu cpuset> or may run anywhere; unpinned iothreads likewise; and a vCPU without "
        "<vcpupin> floats. cpusets are read in libvirt's syntax (a-b ranges, lists, ^n "
        "exclusions). This is advice about latency, not an error, so there is no automatic fix: "
        "which host CPUs to set aside depends on the host. With the host's facts, "
        "cpu-pinning-shared-cores adds the other half of this check: the emulator or an iothread on "
        "another thread of a vCPU's host core (a different CPU id, the same core).",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM - domain.xml: CPU pinning, emulatorpin, iothreads)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (CPU Topology: pinning vCPUs, emulator and iothreads)",
        "A homelab's KVM/QEMU notes, not published at a public address (Resource Allocation: win11 6 vCPUs pinned)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <emulatorpin cpuset='0-3'/>\n</cputune>",
    .example_good = "<vcpu placement='static'>4</vcpu>\n<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n  <vcpupin vcpu='2' cpuset='4'/>\n  <vcpupin vcpu='3' cpuset='5'/>\n  <emulatorpin cpuset='0-1'/>\n</cputune>",
    .check = check,
};
