/* hyperv-recommended: a Windows guest's <hyperv> block lacks enlightenments
 * virt-manager and QEMU recommend (stimer is hyperv-stimer's). */
#include <string.h>

#include "lint/model/strings.h"
#include "lint/model/effective_cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* virt-manager's Windows defaults except stimer, in libvirt's order, with
 * what each needs (QEMU's dependency table). */
static const struct {
    const char *name, *needs, *what;
} recommended[] = {
    { "relaxed", NULL, "no watchdog timeouts on a preempted vCPU" },
    { "vapic", NULL, "exit-less EOI" },
    { "spinlocks", NULL, "paravirtual spinlocks" },
    { "vpindex", NULL, "virtual processor indices" },
    { "runtime", NULL, "stolen-time accounting" },
    { "synic", "vpindex", "synthetic interrupt controller" },
    { "frequencies", NULL, "TSC/APIC frequencies without calibration" },
    { "tlbflush", "vpindex", "paravirtual TLB flush" },
    { "ipi", "vpindex", "paravirtual IPIs" },
};

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GString) xml = g_string_new(NULL);
    g_autoptr(GString) add = g_string_new(NULL);
    g_autofree char *list = NULL, *description = NULL;
    VlFinding *f;

    /* HV-07 territory when there is no <hyperv>: hyperv-stimer reports it */
    if (!vl_guest_is_windows(&m->guest) || !vl_model_hyperv_custom(m) || /* false without <hyperv> */
        g_strcmp0(m->domain_type, "kvm") != 0)
        return;
    for (gsize i = 0; i < G_N_ELEMENTS(recommended); i++) {
        /* an element that is there, even off, is a choice */
        if (vl_model_hyperv_feature(m, recommended[i].name))
            continue;
        /* never suggest what QEMU would refuse next to an explicit off */
        if (recommended[i].needs && vl_state_off(vl_model_hyperv_feature(m, recommended[i].needs)))
            continue;
        g_ptr_array_add(labels, g_strdup_printf("<%s> (%s)", recommended[i].name, recommended[i].what));
        if (strcmp(recommended[i].name, "spinlocks") == 0)
            g_string_append(xml, "<spinlocks state='on' retries='8191'/>");
        else
            g_string_append_printf(xml, "<%s state='on'/>", recommended[i].name);
        g_string_append_printf(add, "%s%s", add->len ? " " : "", recommended[i].name);
    }
    if (labels->len == 0)
        return;

    list = vl_join_and(labels);
    if (labels->len == 1)
        f = vl_report(report, m->hyperv, "<hyperv>: Windows guest lacks the recommended enlightenment <%s>",
                      add->str);
    else
        f = vl_report(report, m->hyperv, "<hyperv>: Windows guest lacks %u recommended enlightenments",
                      labels->len);
    if (vl_effective_cpu(m).model_from_qemu) {
        /* libvirt's -cpu, which carries <hyperv>, is replaced whole */
        vl_finding_help(f, "drop the -cpu of qemu:commandline and add %s to <hyperv>, or give that -cpu the hv-* "
                           "flags itself",
                        xml->str);
        vl_finding_note(f, "a -cpu in qemu:commandline replaces libvirt's -cpu, which carries every hv-* flag of "
                           "<hyperv>: what <hyperv> says does not reach the guest, so adding to it alone changes "
                           "nothing");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        return;
    }
    vl_finding_help(f, "add %s to <hyperv>", xml->str);
    vl_finding_note(f, "<hyperv> lacks %s %s; Windows uses each when offered and virt-manager enables them by "
                       "default",
                    labels->len == 1 ? "the recommended enlightenment" : "the recommended enlightenments", list);
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    description = g_strdup_printf("add %s to <hyperv>", xml->str);
    vl_finding_set_fix(f, description, "add", add->str, NULL);
}

const VlRule vl_rule_hyperv_recommended = {
    .id = "hyperv-recommended",
    .category = "hyperv",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest's <hyperv> block lacks recommended enlightenments",
    .rationale =
        "QEMU recommends enabling every Hyper-V enlightenment except the debugging and nested "
        "ones, and virt-manager enables relaxed, vapic, spinlocks (8191 retries), vpindex, "
        "runtime, synic, stimer, frequencies, tlbflush and ipi for Windows. Guides and older "
        "virt-manager releases often stop at relaxed, vapic and spinlocks (Kevin Locke's guide points at "
        "virt-manager issue #154 for exactly this). Each one is a CPUID bit Windows uses when it "
        "is offered, so adding them is safe. Synthetic timers and the hypervclock timer matter "
        "most and are reported with more weight by hyperv-stimer and clock-hypervclock; this "
        "rule lists the rest. An enlightenment written with state='off' is taken as a choice and "
        "not reported, and nothing that needs an explicitly disabled <vpindex> is suggested.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 Performance Tuning, step 1)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Hyper-V enlightenments)",
        "QEMU docs/system/i386/hyperv.rst (Recommendations)",
        "virt-manager virtinst/domain/features.py (_set_hyperv_defaults)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<hyperv mode='custom'>\n  <relaxed state='on'/>\n  <vapic state='on'/>\n  <spinlocks state='on' retries='8191'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <relaxed state='on'/>\n  <vapic state='on'/>\n  <spinlocks state='on' retries='8191'/>\n  <vpindex state='on'/>\n  <runtime state='on'/>\n  <synic state='on'/>\n  <stimer state='on'/>\n  <frequencies state='on'/>\n  <tlbflush state='on'/>\n  <ipi state='on'/>\n</hyperv>",
    .check = check,
};
