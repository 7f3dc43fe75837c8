/* cpu-amd-topoext: SMT threads on an AMD CPU model without topoext. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* QEMU's AMD models that do not include topoext (checked with QEMU 7.2:
 * EPYC, EPYC-Rome, EPYC-Milan and later do include it). */
static bool
lacks_topoext(const char *model)
{
    static const char *const prefixes[] = { "Opteron_G", "phenom", "athlon", NULL };

    for (const char *const *prefix = prefixes; *prefix; prefix++) {
        if (g_str_has_prefix(model, *prefix))
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr feature = vl_cpu_feature(m, "topoext");
    const char *mode = vl_cpu_mode(m);
    const char *policy = vl_xml_attr(feature, "policy");
    char buf[128];
    const char *model;
    bool epyc_disabled;
    VlFinding *f;

    /* (without <topology>, the model has one thread per core) */
    if (m->topology.threads < 2 || g_strcmp0(mode, "custom") != 0)
        return;
    model = vl_cpu_model_name(m, buf, sizeof(buf));
    if (!model || vl_cpu_feature_on(m, "topoext"))
        return;
    epyc_disabled = policy && (strcmp(policy, "disable") == 0 || strcmp(policy, "forbid") == 0) &&
                    (g_str_has_prefix(model, "EPYC") || g_str_has_prefix(model, "Dhyana"));
    if (!lacks_topoext(model) && !epyc_disabled)
        return;
    f = vl_report(report, feature ? feature : m->topology.node, "<topology threads='%u'>: SMT threads on the AMD model %s%s",
                  m->topology.threads, model, epyc_disabled ? " with topoext disabled" : ", which lacks topoext");
    vl_finding_help(f, "add <feature policy='require' name='topoext'/> to <cpu> (the host CPU must have it) or use "
                       "threads='1'");
    vl_finding_note(f, "AMD CPUs describe SMT siblings through topoext, so QEMU warns \"This family of AMD CPU "
                       "doesn't support hyperthreading(%u)\" and the guest does not see the threads as siblings "
                       "of one core",
                    m->topology.threads);
    vl_finding_set_fix(f, "require the topoext CPU feature", NULL);
}

const VlRule vl_rule_cpu_amd_topoext = {
    .id = "cpu-amd-topoext",
    .category = "cpu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "SMT threads on an AMD CPU model that lacks topoext",
    .rationale =
        "AMD processors report which logical CPUs share a core through the topoext CPUID leaves. "
        "With threads > 1 and an AMD CPU model without topoext, QEMU prints \"This family of AMD "
        "CPU doesn't support hyperthreading(2). Please configure -smp options properly or try "
        "enabling topoext feature.\" and the guest schedules as if the threads were separate "
        "cores. The catalog names EPYC among the models to check, but QEMU's EPYC models "
        "(EPYC, EPYC-Rome, EPYC-Milan, ...) include topoext: checked with QEMU 7.2, they give no "
        "warning; Opteron_G1 to G5, phenom and athlon do, as does an EPYC model with topoext "
        "disabled. host-passthrough on an AMD host passes topoext through, so the WindowsKVM build's explicit "
        "<feature policy='require' name='topoext'/> next to host-passthrough is redundant, "
        "though harmless. Under KVM every named model takes the host's vendor, so Intel models "
        "behave the same on an AMD host; virtlint cannot see the host and only reports AMD models. "
        "The fix changes the CPU the guest sees and makes the domain refuse to start on a host "
        "without topoext, so it is unsafe.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: CPU features topoext (AMD SMT ID), cores=16 threads=2)",
        "QEMU target/i386/cpu.c (x86_cpu_realizefn: hyperthreading warning; EPYC model definitions)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Opteron_G5</model>\n  <topology sockets='1' dies='1' cores='4' threads='2'/>\n</cpu>",
    .example_good = "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Opteron_G5</model>\n  <topology sockets='1' dies='1' cores='4' threads='2'/>\n  <feature policy='require' name='topoext'/>\n</cpu>",
    .check = check,
};
