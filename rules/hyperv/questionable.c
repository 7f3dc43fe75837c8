/* hyperv-questionable: enlightenments QEMU advises against for an ordinary
 * Windows guest (reset, reenlightenment, avic). */
#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr reset = vl_model_hyperv_feature(m, "reset");
    xmlNodePtr reenl = vl_model_hyperv_feature(m, "reenlightenment");
    xmlNodePtr avic = vl_model_hyperv_feature(m, "avic");

    VlFinding *f;

    if (!vl_model_hyperv_custom(m))
        return;
    if (vl_state_on(reset)) {
        f = vl_report(report, reset, "<reset state='on'/>: hv-reset offers Windows a reset MSR it may never use");
        vl_finding_help(f, "remove <reset state='on'/> from <hyperv>");
        vl_finding_note(f, "QEMU's documentation calls hv-reset not a recommended way for Windows to reboot, "
                           "and modern Hyper-V no longer exposes it");
    }
    if (vl_state_on(reenl)) {
        f = vl_report(report, reenl, "<reenlightenment state='on'/>: hv-reenlightenment is nested-specific");
        vl_finding_help(f, "remove it unless the guest runs nested");
        vl_finding_note(f, "it only serves a guest that runs Hyper-V itself (WSL2, VBS), and only on hosts with "
                           "TSC scaling or when the guest is never migrated");
        if (!vl_model_hyperv_on(m, "frequencies"))
            vl_finding_note(f, "without <frequencies state='on'/>, which QEMU recommends with it, it cannot give "
                               "nested guests a stable clock anyway");
    }
    if (vl_state_on(avic)) {
        f = vl_report(report, avic, "<avic state='on'/>: hv-avic may slow the guest down on hosts without APICv/AVIC");
        vl_finding_help(f, "keep it only if the host has APICv/AVIC enabled");
        vl_finding_note(f, "hv-avic keeps hardware APIC virtualization on alongside SynIC: it helps on hosts with "
                           "Intel APICv or AMD AVIC and, per QEMU, may slow the guest down on hardware without "
                           "them");
    }
}

const VlRule vl_rule_hyperv_questionable = {
    .id = "hyperv-questionable",
    .category = "hyperv",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Hyper-V enlightenment that QEMU advises against for ordinary Windows guests",
    .rationale =
        "QEMU's recommendations list exceptions to \"enable every enlightenment\": hv-reset can "
        "be avoided (modern Hyper-V does not expose it); hv-reenlightenment is nested-specific "
        "and works only with TSC scaling or without migration, and should come with "
        "hv-frequencies; hv-avic should not be enabled where the hardware lacks APICv/AVIC. The "
        "Ubuntu reference guide turns reset and reenlightenment on for an ordinary Windows 11 desktop, while the "
        "WindowsKVM build deliberately leaves both out; Kevin Locke's guide recommends everything that is not \"nested "
        "specific\", which excludes reenlightenment. None of these stop the guest from booting, "
        "so this is a note, without an automatic fix: keep a flag if the guest really runs "
        "nested or the host really has APIC virtualization. The Intel-only evmcs is "
        "hyperv-evmcs's.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 1: reset and reenlightenment on)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: enlightenment list without reset/reenlightenment)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments: not nested specific)",
        "QEMU docs/system/i386/hyperv.rst (hv-reset, hv-reenlightenment, hv-avic, Recommendations)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<hyperv mode='custom'>\n  <reset state='on'/>\n  <reenlightenment state='on'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <frequencies state='on'/>\n</hyperv>",
    .check = check,
};
