/* hyperv-evmcs: the enlightened VMCS exists only on Intel hosts and only
 * helps nested virtualization. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* QEMU model names of AMD CPUs; under KVM a named model takes the host's
 * vendor, so choosing one of these says the host is AMD. */
static bool
is_amd_model(const char *model)
{
    static const char *const prefixes[] = { "EPYC", "Opteron", "phenom", "athlon", "Dhyana", NULL };

    if (!model)
        return false;
    for (gsize i = 0; prefixes[i]; i++) {
        if (g_str_has_prefix(model, prefixes[i]))
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr evmcs = vl_model_hyperv_feature(m, "evmcs");
    const char *mode = vl_cpu_mode(m);
    VlFinding *f;
    char buf[128];
    const char *model;

    /* passthrough mode turns it on only where the host has it */
    if (!vl_model_hyperv_custom(m) || !vl_state_on(evmcs))
        return;
    model = mode && strcmp(mode, "custom") == 0 ? vl_cpu_model_name(m, buf, sizeof(buf)) : NULL;

    f = vl_report(report, evmcs, "<evmcs state='on'/>: the enlightened VMCS (hv-evmcs) exists only on Intel hosts");
    vl_finding_help(f, "remove it unless the host is Intel; keep it there for nested use");
    vl_finding_note(f, "on an AMD host the domain does not start (libvirt: \"host doesn't support hyperv 'evmcs' "
                       "feature\", or QEMU: \"Hyper-V enlightened VMCS (hv-evmcs) is not supported by kernel\")");
    vl_finding_note(f, "it only speeds up a guest that itself runs Hyper-V (WSL2, VBS, Hyper-V role)");
    if (is_amd_model(model))
        vl_finding_note(f, "the CPU model %s says this host is AMD, where it cannot start", model);
}

const VlRule vl_rule_hyperv_evmcs = {
    .id = "hyperv-evmcs",
    .category = "hyperv",
    .severity = VL_SEVERITY_WARNING,
    .summary = "The enlightened VMCS (evmcs) is Intel-only and nested-only",
    .rationale =
        "hv-evmcs gives a guest that runs its own Hyper-V (WSL2, virtualization-based security, "
        "the Hyper-V role) a faster way to talk to KVM about its nested guests. KVM implements "
        "it on Intel VMX only: on an AMD host libvirt or QEMU refuses to start the domain, which "
        "is why OpenStack Nova stopped enabling it unconditionally. On Intel, QEMU's "
        "documentation recommends it and it does no harm, so virtlint cannot decide without the "
        "host: it warns, names an AMD CPU model when the domain has one, and offers no automatic "
        "fix, since removing it would cost Intel users with nested guests. It also needs "
        "<vapic state='on'/>, which hyperv-dependency checks. libvirt 9.0 accepts the domain at "
        "define time; the failure comes at start.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments: enable those not described as nested specific)",
        "QEMU docs/system/i386/hyperv.rst (hv-evmcs, Recommendations)",
        "libvirt src/qemu/qemu_process.c (qemuProcessVerifyHypervFeatures)",
        "OpenStack Nova bug 2009280 (libvirt: Stop unconditionally enabling evmcs)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<hyperv mode='custom'>\n  <vapic state='on'/>\n  <evmcs state='on'/>\n</hyperv>\n<cpu mode='custom'>\n  <model>EPYC-Rome</model>\n</cpu>",
    .example_good = "<hyperv mode='custom'>\n  <vapic state='on'/>\n</hyperv>\n<cpu mode='custom'>\n  <model>EPYC-Rome</model>\n</cpu>",
    .check = check,
};
