/* hyperv-stimer: a Windows guest should have Hyper-V synthetic timers. */
#include "lint/model/strings.h"
#include "lint/model/hyperv.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/effective_cpu.h"

/* What else stimer needs that is missing, as "<vpindex>, <synic> and the
 * hypervclock timer"; NULL when nothing is. */
static char *
missing_prerequisites(const VlModel *m)
{
    static const char *const needs[] = { "vpindex", "synic", VL_HV_TIME, NULL };
    g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func(g_free);

    for (gsize i = 0; needs[i]; i++) {
        if (vl_hyperv_enabled(m, needs[i]))
            continue;
        g_ptr_array_add(missing, vl_hyperv_label(needs[i]));
    }
    if (missing->len == 0)
        return NULL;
    return vl_join_and(missing);
}

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
    g_autofree char *missing = NULL;
    g_autofree char *also = NULL;
    g_autofree char *fix = NULL;
    xmlNodePtr where;
    VlFinding *f;

    VlEffectiveCpu cpu = vl_effective_cpu(m);

    if (!vl_guest_is_windows(&m->guest))
        return;
    if (cpu.model_from_qemu) {
        if (!vl_qemu_cpu_hv_on(cpu.qemu_cpu, "stimer"))
            report_qemu_cpu(m, report, &cpu, "hv-stimer (with hv-time, hv-synic and hv-vpindex, which it needs)",
                            "Windows guest's -cpu in qemu:commandline lacks hv-stimer (synthetic timers)",
                            "without stimer Windows drives its clock with periodic HPET/RTC interrupts, which keep "
                            "a host CPU busy even while the guest is idle");
        return;
    }
    if (m->hyperv && !vl_model_hyperv_custom(m))
        return; /* passthrough / host-model include stimer where the host has it */
    if (vl_model_hyperv_on(m, "stimer"))
        return;

    missing = missing_prerequisites(m);
    also = missing ? g_strdup_printf(", with %s, which it needs", missing) : g_strdup("");
    where = vl_model_hyperv_feature(m, "stimer");
    if (!where)
        where = m->hyperv ? m->hyperv : (m->features ? m->features : m->root);

    f = vl_report(report, where, "<hyperv>: Windows guest without synthetic timers (stimer)");
    vl_finding_help(f, "add <stimer state='on'/> to <hyperv mode='custom'>%s", also);
    vl_finding_note(f, "without stimer Windows drives its clock with periodic HPET/RTC interrupts, which keep a "
                       "host CPU busy even while the guest is idle");
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    /* what the fixer will do, from the same closure (hyperv.xsl) */
    fix = g_strdup_printf("%s%s%s",
                          vl_model_hyperv_feature(m, "stimer") ? "set <stimer state='on'>"
                                                               : "add <stimer state='on'/>",
                          missing ? " with " : "", missing ? missing : "");
    vl_finding_set_fix(f, fix, "ensure", "stimer", NULL);
}

const VlRule vl_rule_hyperv_stimer = {
    .id = "hyperv-stimer",
    .category = "hyperv",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest runs without the Hyper-V synthetic timer enlightenment",
    .rationale =
        "With hv-stimer Windows uses synthetic timers instead of emulated periodic timer "
        "interrupts; without it an idle Windows guest keeps a host CPU busy and interactivity "
        "suffers. stimer needs vpindex, synic and the hypervclock timer (QEMU's hv-time), so the "
        "fix adds those too. virt-manager only enables stimer when the hypervclock timer is "
        "present, and older virt-manager releases leave it out altogether.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments: hv_stimer)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Performance Tuning, step 1)",
        "QEMU docs/system/i386/hyperv.rst (hv-stimer)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "hyperv",
    .example_bad = "<hyperv mode='custom'>\n  <relaxed state='on'/>\n  <vapic state='on'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <relaxed state='on'/>\n  <vapic state='on'/>\n  <vpindex state='on'/>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n...\n<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
