/* cpu-win11-model: a Windows 11 guest on a CPU model older than Windows 11
 * supports. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static bool
has_prefix_in(const char *model, const char *const *prefixes, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        if (g_str_has_prefix(model, prefixes[i]))
            return true;
    }
    return false;
}

/* QEMU models without SSE4.2 or POPCNT (checked with QEMU 7.2's
 * query-cpu-model-expansion for the common ones). */
static bool
lacks_sse42_popcnt(const char *model)
{
    static const char *const models[] = {
        "qemu64", "qemu32", "kvm64", "kvm32", "core2duo", "coreduo", "pentium", "486", "athlon", "phenom",
        "n270", "Conroe", "Penryn", "Opteron_G1", "Opteron_G2", "Opteron_G3",
    };
    return has_prefix_in(model, models, G_N_ELEMENTS(models));
}

/* Models whose CPUID family/model is on Windows 11's processor lists
 * (Intel 8th generation and 2nd generation Xeon Scalable on, AMD Zen 2
 * EPYC on). */
static bool
windows11_generation(const char *model)
{
    static const char *const models[] = {
        "Cascadelake", "Cooperlake", "Icelake", "SapphireRapids", "GraniteRapids", "SierraForest",
        "ClearwaterForest", "EPYC-Rome", "EPYC-Milan", "EPYC-Genoa", "EPYC-Turin",
    };
    return has_prefix_in(model, models, G_N_ELEMENTS(models));
}

static void
check(const VlModel *m, VlReport *report)
{
    const char *mode = vl_cpu_mode(m);
    char buf[128];
    const char *model;
    xmlNodePtr where;
    VlFinding *f;

    if (m->guest.windows_version != 11) /* (only a Windows guest has a version) */
        return;
    if (mode && strcmp(mode, "custom") != 0)
        return; /* host-passthrough, host-model, maximum: the host's generation */
    model = mode ? vl_cpu_model_name(m, buf, sizeof(buf)) : NULL;
    where = m->cpu ? m->cpu : (m->vcpu ? m->vcpu : m->root);
    if (!model || lacks_sse42_popcnt(model)) {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, where,
                               "<%s>: Windows 11 guest on the %s CPU model, which lacks SSE4.2 and POPCNT",
                               (const char *) where->name, model ? model : "qemu64");
        vl_finding_help(f, "use <cpu mode='host-passthrough' check='none' migratable='on'/>, or a named model of "
                           "Windows 11's generation such as Cascadelake-Server or EPYC-Rome");
        vl_finding_note(f, "Windows 11 24H2 and later do not boot without them (and older releases report the PC as "
                           "unsupported)");
        if (!model)
            vl_finding_note(f, "qemu64 is libvirt's default %s",
                            m->cpu ? "when <cpu> names no model" : "without <cpu>");
    } else if (!windows11_generation(model)) {
        f = vl_report(report, where, "<%s>: Windows 11 guest on the %s CPU model, an unsupported processor",
                      (const char *) where->name, model);
        vl_finding_help(f, "use host-passthrough or a model such as Cascadelake-Server, Icelake-Server or EPYC-Rome");
        vl_finding_note(f, "the %s CPU model, which reports a processor older than Windows 11's supported list "
                           "(Intel 8th generation and 2nd generation Xeon Scalable, AMD Zen 2 EPYC and later), is "
                           "reported as unsupported by PC Health Check and Windows Update",
                        model);
    } else {
        return;
    }
    vl_finding_note(f, "the guest is taken for Windows 11: %s", m->guest.evidence);
    if (g_strcmp0(m->domain_type, "kvm") == 0)
        vl_finding_set_fix(f, "use <cpu mode='host-passthrough' check='none' migratable='on'> (keeping "
                              "topology, NUMA, cache and feature settings)",
                           NULL);
}

const VlRule vl_rule_cpu_win11_model = {
    .id = "cpu-win11-model",
    .category = "cpu",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows 11 guest on a CPU model older than Windows 11 supports",
    .rationale =
        "Windows 11 checks the processor generation (Intel 8th generation, AMD Zen 2 and later "
        "on its lists), and since 24H2 it needs the SSE4.2 and POPCNT instructions to boot at "
        "all. Without <cpu>, or with a custom <cpu> that names no model, libvirt uses QEMU's "
        "qemu64 (libvirt 9.0 writes <model>qemu64</model> into the definition), which has "
        "neither: that is a warning. A named model older than the lists (Haswell, Skylake, the "
        "first EPYC) is a note. Kevin Locke's guide's list (Skylake, Cascadelake, Icelake, Snowridge, "
        "Cooperlake, EPYC) predates Windows 11: Skylake-Client and the plain EPYC model (Zen 1) "
        "report generations Windows 11 does not list. The Ubuntu reference guide uses host-passthrough to satisfy "
        "the check, which is what the fix writes; it changes the CPU the guest sees (and may "
        "trigger reactivation), so it is unsafe, and it is offered only for KVM domains.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (CPU Model: Windows Processor Requirements)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 step 4: host-passthrough for the Windows 11 generation check)",
        "https://learn.microsoft.com/windows-hardware/design/minimum/windows-processor-requirements",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<cpu mode='custom' match='exact'>\n  <model fallback='allow'>Haswell-noTSX</model>\n</cpu>",
    .example_good = "<cpu mode='host-passthrough' check='none' migratable='on'/>",
    .check = check,
};
