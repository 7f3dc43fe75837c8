/* hyperv-passthrough-mode: <hyperv mode='passthrough'> is QEMU's debugging
 * mode for enlightenments. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt's NEWS: <hyperv mode='host-model'> is new in 11.9.0 */
#define HYPERV_HOST_MODEL_SINCE VL_LIBVIRT(11, 9)

static void
check(const VlModel *m, VlReport *report)
{
    VlFinding *f;

    if (g_strcmp0(m->hyperv_mode, "passthrough") != 0) /* hyperv_mode is NULL without <hyperv> */
        return;
    f = vl_report(report, m->hyperv,
                  "<hyperv mode='passthrough'>: hands the guest every enlightenment the host's KVM supports");
    vl_finding_note(f, "QEMU documents hv-passthrough as a debugging feature not for production");
    vl_finding_note(f, "it blocks live migration, and what Windows sees changes whenever the host kernel or "
                       "QEMU is upgraded");
    vl_finding_help(f, "%s",
              m->config->libvirt_version >= HYPERV_HOST_MODEL_SINCE
                  ? "use <hyperv mode='host-model'> (libvirt 11.9 and later), which fixes the list "
                    "when the domain starts, or mode='custom' with an explicit list"
                  : "use <hyperv mode='custom'> with an explicit list (relaxed, vapic, spinlocks "
                    "retries='8191', vpindex, runtime, synic, stimer, frequencies, tlbflush, ipi) and "
                    "<timer name='hypervclock' present='yes'/>");
}

const VlRule vl_rule_hyperv_passthrough_mode = {
    .id = "hyperv-passthrough-mode",
    .category = "hyperv",
    .severity = VL_SEVERITY_WARNING,
    .summary = "Hyper-V passthrough mode: every host enlightenment, no migration, changes on host upgrades",
    .rationale =
        "libvirt 8.0 and later turn <hyperv mode='passthrough'> into QEMU's hv-passthrough=on. "
        "QEMU's documentation lists hv-passthrough among the debugging and development features "
        "that should not be enabled in production, notes that it effectively prevents migration "
        "(the list may differ between hosts), and that it does not enable hv-syndbg. The set of "
        "enlightenments also follows the host kernel, so the guest's CPUID changes after a host "
        "upgrade. libvirt 11.9 added mode='host-model', which expands the host's set when the "
        "domain starts and records it; on older libvirt, an explicit custom list is the stable "
        "choice. The dependency rules (hyperv-dependency) do not apply in this mode.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments)",
        "QEMU docs/system/i386/hyperv.rst (hv-passthrough, Recommendations)",
        "https://libvirt.org/formatdomain.html#hypervisor-features (mode, since 8.0.0)",
        "libvirt NEWS.rst (v11.9.0: host-model mode for Hyper-V enlightenments)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<features>\n  <hyperv mode='passthrough'/>\n</features>",
    .example_good = "<features>\n  <hyperv mode='custom'>\n    <relaxed state='on'/>\n    <vapic state='on'/>\n    <spinlocks state='on' retries='8191'/>\n    <vpindex state='on'/>\n    <runtime state='on'/>\n    <synic state='on'/>\n    <stimer state='on'/>\n    <frequencies state='on'/>\n    <tlbflush state='on'/>\n    <ipi state='on'/>\n  </hyperv>\n</features>",
    .check = check,
};
