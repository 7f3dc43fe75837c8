/* cpu-check-none: a named or host-model CPU with check='none' starts even
 * when the host cannot provide it. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *mode = vl_cpu_mode(m);
    char buf[128];
    const char *model = NULL;
    VlFinding *f;

    if (!vl_xml_attr_is(m->cpu, "check", "none")) /* (false without <cpu>) */
        return;
    if (strcmp(mode, "custom") == 0) {
        model = vl_cpu_model_name(m, buf, sizeof(buf));
        /* QEMU's baseline models, which libvirt itself writes with check='none' */
        if (!model || strcmp(model, "qemu64") == 0 || strcmp(model, "kvm64") == 0 ||
            strcmp(model, "qemu32") == 0 || strcmp(model, "kvm32") == 0)
            return;
    } else if (strcmp(mode, "host-model") != 0) {
        return; /* host-passthrough and maximum have nothing to check */
    }
    f = vl_report(report, m->cpu, "<cpu %s check='none'>: the CPU is not checked against the host",
                  model ? "mode='custom'" : "mode='host-model'");
    vl_finding_help(f, "use check='partial' (libvirt's default: refuse to start when the host lacks a feature) or "
                       "check='full' (also verify the CPU QEMU created)");
    vl_finding_note(f, "libvirt does not compare the %s with what the host and KVM can provide, and QEMU only warns "
                       "and drops features it cannot give, so the guest may start with a different CPU on another "
                       "host, after a host upgrade or a migration",
                    model ? model : "host-model CPU");
}

const VlRule vl_rule_cpu_check_none = {
    .id = "cpu-check-none",
    .category = "cpu",
    .severity = VL_SEVERITY_INFO,
    .summary = "A named or host-model CPU with check='none' may silently start with fewer features",
    .rationale =
        "<cpu check=...> says how far libvirt verifies a CPU definition. With 'partial', "
        "libvirt's default for custom and host-model CPUs, it refuses to start a domain whose "
        "model needs features the host lacks (checked with libvirt 9.0: \"the CPU is incompatible "
        "with host CPU\"); 'full' also checks the CPU QEMU actually created. With 'none' nothing "
        "is checked and QEMU drops missing features with a warning, so the guest's CPU quietly "
        "differs from the XML, which matters when the domain moves between hosts. Kevin Locke's guide "
        "recommends check='full' and says it adds enforce to QEMU's -cpu; with libvirt 9.0 it "
        "does not (the check happens through QMP after start, no enforce in the command line), "
        "and the real risk is check='none', not the absence of 'full'. libvirt writes "
        "check='none' itself for host-passthrough and for its default qemu64, which are not "
        "reported. No automatic fix: a stricter check can stop the domain from starting here.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (CPU Model: check='full', bug 822148)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology (check)",
        "libvirt src/qemu/qemu_process.c (qemuProcessUpdateGuestCPU, qemuProcessVerifyCPU)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<cpu mode='custom' match='exact' check='none'>\n  <model fallback='forbid'>Skylake-Client-IBRS</model>\n</cpu>",
    .example_good = "<cpu mode='custom' match='exact' check='partial'>\n  <model fallback='forbid'>Skylake-Client-IBRS</model>\n</cpu>",
    .check = check,
};
