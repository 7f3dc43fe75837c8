/* hyperv-hidden-hypervisor: Hyper-V enlightenments behind a CPU that clears
 * the hypervisor-present bit, where the guest never looks for them. */
#include <string.h>

#include "lint/model/strings.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/effective_cpu.h"

/* The QEMU hv-* flags of a qemu:commandline -cpu that are enlightenments
 * (hv-vendor-id is a name, not one). */
static const char *const qemu_hv_flags[] = { "relaxed", "vapic", "spinlocks", "vpindex", "runtime", "synic",
                                             "stimer", "reset", "frequencies", "reenlightenment", "tlbflush",
                                             "ipi", "time", "crash", NULL };

/* The enlightenments the guest would get, as "<relaxed>, <synic> and the
 * hypervclock timer"; NULL when there are none. */
static char *
enlightenments_on(const VlModel *m, const VlEffectiveCpu *cpu)
{
    g_autoptr(GPtrArray) on = g_ptr_array_new_with_free_func(g_free);

    if (cpu->model_from_qemu) {
        for (gsize i = 0; qemu_hv_flags[i]; i++) {
            if (vl_qemu_cpu_hv_on(cpu->qemu_cpu, qemu_hv_flags[i]))
                g_ptr_array_add(on, g_strdup_printf("hv-%s", qemu_hv_flags[i]));
        }
    } else if (m->hyperv && !vl_model_hyperv_custom(m)) {
        g_ptr_array_add(on, g_strdup_printf("<hyperv mode='%s'> (every enlightenment the host offers)",
                                            m->hyperv_mode));
    } else {
        for (xmlNodePtr c = m->hyperv ? m->hyperv->children : NULL; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || strcmp((const char *) c->name, "vendor_id") == 0)
                continue;
            if (vl_xml_attr_is(c, "state", "on"))
                g_ptr_array_add(on, g_strdup_printf("<%s>", (const char *) c->name));
        }
        if (vl_model_has_hypervclock(m))
            g_ptr_array_add(on, g_strdup("the hypervclock timer"));
    }
    if (on->len == 0)
        return NULL;
    return vl_join_and(on);
}

static void
check(const VlModel *m, VlReport *report)
{
    VlEffectiveCpu cpu = vl_effective_cpu(m);
    g_autofree char *on = NULL;
    VlFinding *f;

    if (!cpu.hypervisor_hidden || !cpu.hypervisor_node)
        return;
    on = enlightenments_on(m, &cpu);
    if (!on)
        return;
    f = vl_report(report, cpu.hypervisor_node,
                  "%s: hypervisor bit hidden, so the guest ignores its Hyper-V enlightenments",
                  cpu.model_from_qemu ? "<qemu:arg>" : "<feature name='hypervisor'>");
    vl_finding_help(f, "keep it only if the guest must not see a hypervisor (anti-cheat, anti-VM checks); "
                       "otherwise remove %s",
                    cpu.model_from_qemu ? "-hypervisor (or hypervisor=off) from the -cpu" : "this <feature>");
    vl_finding_note(f, "enabled but unused: %s", on);
    vl_finding_note(f, "Windows reads the Hyper-V CPUID leaves (0x40000000 and up) only when CPUID.1:ECX bit 31, "
                       "the hypervisor-present bit, is set");
    vl_finding_note(f, "without synthetic timers, SynIC and the reference TSC page the guest falls back to "
                       "emulated HPET/RTC/APIC timers: more VM exits, more host CPU while idle, higher DPC and "
                       "interrupt latency");
}

const VlRule vl_rule_hyperv_hidden_hypervisor = {
    .id = "hyperv-hidden-hypervisor",
    .category = "hyperv",
    .severity = VL_SEVERITY_WARNING,
    .summary = "Hyper-V enlightenments are enabled but the CPU hides the hypervisor-present bit",
    .rationale =
        "<feature policy='disable' name='hypervisor'/> (or -hypervisor in a qemu:commandline -cpu) clears "
        "CPUID leaf 1 ECX bit 31. Microsoft's Hypervisor Top-Level Functional Specification tells guest "
        "software to check that bit before it queries the hypervisor leaves 0x40000000 and up, and Windows "
        "does so: with the bit clear it takes the machine for bare metal and never finds the Hyper-V "
        "interface, so relaxed timing, the paravirtual APIC, SynIC, synthetic timers, the reference TSC page "
        "(hypervclock) and the rest stay unused although libvirt passes them to QEMU. The guest then runs on "
        "emulated timers and interrupt controllers, which costs VM exits, idle host CPU and DPC latency. "
        "Hiding the bit is usually deliberate, to get past anti-cheat or anti-VM checks, so virtlint offers "
        "no fix: it says what the choice costs. A <vendor_id> alone is not reported: it is only a name.",
    .sources = {
        "Microsoft, Hypervisor Top-Level Functional Specification, Feature and Interface Discovery (Hypervisor Discovery), https://learn.microsoft.com/en-us/virtualization/hyper-v-on-windows/tlfs/feature-discovery",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology (feature policy disable)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
        "QEMU docs/system/i386/hyperv.rst",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<hyperv mode='custom'>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n<cpu mode='host-passthrough'>\n  <feature policy='disable' name='hypervisor'/>\n</cpu>",
    .example_good = "<hyperv mode='custom'>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n<cpu mode='host-passthrough'/>",
    .check = check,
};
