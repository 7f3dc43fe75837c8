/* clock-hypervclock: a Windows guest should have the Hyper-V reference clock. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/effective_cpu.h"

/* Report the -cpu that lacks hv-FLAG (WHAT says what it does); no fix:
 * the flag belongs in a qemu:arg only the user should edit. */
static void
report_qemu_cpu(const VlModel *m, VlReport *report, const VlEffectiveCpu *cpu, const char *flag, const char *headline,
                const char *what)
{
    VlFinding *f = vl_report(report, cpu->model_node, "<qemu:arg>: %s", headline);

    vl_finding_help(f, "add %s to the -cpu of qemu:commandline, or drop that -cpu and let libvirt build it", flag);
    vl_finding_note(f, VL_QEMU_CPU_REPLACES_HV);
    vl_finding_note(f, "%s", what);
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr where;
    const char *fix;
    VlFinding *f;

    VlEffectiveCpu cpu = vl_effective_cpu(m);

    if (!vl_guest_is_windows(&m->guest))
        return;
    if (cpu.model_from_qemu) {
        if (!vl_qemu_cpu_hv_on(cpu.qemu_cpu, "time"))
            report_qemu_cpu(m, report, &cpu, "hv-time",
                            "Windows guest's -cpu in qemu:commandline lacks hv-time (hypervclock)",
                            "Windows then reads time through slow emulated clocksources instead of the Hyper-V "
                            "reference TSC page");
        return;
    }
    if (vl_model_has_hypervclock(m))
        return;
    if (m->hyperv && !vl_model_hyperv_custom(m))
        return; /* passthrough / host-model turn hv-time on by themselves */
    if (vl_model_hyperv_on(m, "stimer"))
        return; /* hyperv-dependency reports it: QEMU refuses stimer without it */

    where = vl_model_timer(m, "hypervclock");
    if (!where)
        where = m->clock ? m->clock : m->root;
    f = vl_report(report, where, "<clock>: Windows guest without <timer name='hypervclock' present='yes'/>");
    vl_finding_help(f, "add <timer name='hypervclock' present='yes'/> to <clock>");
    vl_finding_note(f, "Windows then reads time through slow emulated clocksources instead of the Hyper-V "
                       "reference TSC page");
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    if (vl_model_timer(m, "hypervclock"))
        fix = "set present='yes' on <timer name='hypervclock'>";
    else if (m->clock)
        fix = "add <timer name='hypervclock' present='yes'/> to <clock>";
    else
        fix = "add <clock offset='utc'> with <timer name='hypervclock' present='yes'/>";
    vl_finding_set_fix(f, fix, "ensure", "hypervclock", NULL);
}

const VlRule vl_rule_clock_hypervclock = {
    .id = "clock-hypervclock",
    .category = "clock",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest runs without the hypervclock timer (Hyper-V reference clock)",
    .rationale =
        "The hypervclock timer is libvirt's name for QEMU's hv-time enlightenment: a reference TSC "
        "page that lets Windows read time without trapping to the hypervisor, a large speed-up "
        "for timer-heavy workloads. It is also a prerequisite of the synthetic timers (stimer); "
        "when stimer is on and the timer is missing, hyperv-dependency reports the harder "
        "failure (QEMU does not start) and this rule stays silent.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (\"Inside the <clock> block, add this timer\")",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (timers: hypervclock=on)",
        "QEMU docs/system/i386/hyperv.rst (hv-time)",
        "https://libvirt.org/formatdomain.html#time-keeping",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "hyperv",
    .example_bad = "<clock offset='localtime'>\n  <timer name='rtc' tickpolicy='catchup'/>\n</clock>",
    .example_good = "<clock offset='localtime'>\n  <timer name='rtc' tickpolicy='catchup'/>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
