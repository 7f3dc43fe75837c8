/* firmware-secure-boot-smm: Secure Boot firmware needs SMM. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"

/* What libvirt 9.0 says when the firmware it picked needs the SMM that is off. */
#define SMM_REFUSAL "domain has SMM turned off but chosen firmware requires it"
/* From here libvirt's firmware auto-selection passes over descriptors that
 * need SMM when SMM is off: firmware-auto-efi-smm-off (q35, firmware='efi',
 * <smm state='off'/>, no Secure Boot request) is no expected error in the
 * test suites of 9.8 and 11.3, and picks a firmware without Secure Boot.
 * 9.8 is the first release checked, not necessarily the first with it. */
#define SMM_AWARE_SELECTION_SINCE VL_LIBVIRT(9, 8)

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr smm_node;
    VlSmm smm = vl_smm(m, &smm_node);
    unsigned target = m->config->libvirt_version;
    char version[32];
    bool secure_attr = vl_xml_attr_is(m->loader, "secure", "yes");
    bool auto_efi = vl_firmware_auto_efi(m);
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_is_x86(m) || smm == VL_SMM_ON)
        return;
    if (secure_attr && !auto_efi) {
        f = vl_report(report, smm_node ? smm_node : m->loader, "<loader secure='yes'>: %s",
                      smm == VL_SMM_OFF ? "with <smm state='off'/>" : "without <smm state='on'/> in <features>");
        vl_finding_help(f, "add <smm state='on'/> to <features>");
        vl_finding_note(f, "libvirt %s refuses the domain: \"Secure boot requires SMM feature enabled\"",
                        vl_version_format(target < VL_LIBVIRT(9, 0) ? VL_LIBVIRT(9, 0) : target, version,
                                          sizeof(version)));
        vl_finding_set_fix(f, "turn SMM on: <smm state='on'/>", NULL);
        return;
    }
    if (!auto_efi || smm != VL_SMM_OFF)
        return; /* auto-selection turns SMM on itself when it is not off */
    if (secure_attr || vl_firmware_feature(m, "secure-boot") == VL_FIRMWARE_FEATURE_YES) {
        f = vl_report(report, smm_node, "<smm state='off'/>: with Secure Boot requested from firmware auto-selection");
        vl_finding_help(f, "use <smm state='on'/>");
        if (target < SMM_AWARE_SELECTION_SINCE)
            vl_finding_note(f, "every Secure Boot firmware requires SMM, so the guest does not start (libvirt 9.0: "
                               "\"%s\")", SMM_REFUSAL);
        else
            vl_finding_note(f, "every Secure Boot firmware requires SMM, so libvirt %s finds no firmware that meets "
                               "the request and the guest does not start",
                            vl_version_format(target, version, sizeof(version)));
        vl_finding_set_fix(f, "turn SMM on: <smm state='on'/>", NULL);
    } else if (vl_firmware_feature(m, "secure-boot") != VL_FIRMWARE_FEATURE_NO && target < SMM_AWARE_SELECTION_SINCE) {
        /* (newer releases pick a firmware without Secure Boot here) */
        f = vl_report_severity(report, VL_SEVERITY_WARNING, smm_node,
                               "<smm state='off'/>: with <os firmware='efi'>, which may pick Secure Boot firmware");
        vl_finding_help(f, "turn SMM on, or add <firmware><feature enabled='no' name='secure-boot'/></firmware> to "
                           "<os> if Secure Boot is not wanted");
        vl_finding_note(f, "where the host's preferred UEFI firmware is a Secure Boot build (Debian, Ubuntu, Fedora), "
                           "libvirt picks it and then refuses to start the guest (libvirt 9.0: \"%s\")",
                        SMM_REFUSAL);
        vl_finding_set_fix(f, "turn SMM on: <smm state='on'/>", NULL);
    }
}

const VlRule vl_rule_firmware_secure_boot_smm = {
    .id = "firmware-secure-boot-smm",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Secure Boot firmware without SMM",
    .rationale =
        "Secure Boot builds of OVMF keep their variable store safe from the guest OS with SMM. "
        "libvirt refuses <loader secure='yes'> unless <features> has <smm state='on'/> (an absent "
        "<smm> is not enough for a manual loader). With <os firmware='efi'> libvirt turns SMM on "
        "itself when it is not explicitly off; with <smm state='off'/> a Secure Boot request cannot "
        "be met and the guest does not start. Checked with libvirt 9.0 on Debian 12: even without "
        "a Secure Boot request, firmware='efi' with SMM off fails to start there (\"domain has SMM "
        "turned off but chosen firmware requires it\"), because the preferred descriptor is a "
        "Secure Boot build; libvirt's own tests expect newer releases to pick a firmware without "
        "SMM instead (firmware-auto-efi-smm-off defines in 9.8's and 11.3's), so that case is only a "
        "warning, and only for targets before libvirt 9.8. The WindowsKVM build notes SMM is required for Secure "
        "Boot. The fix turns SMM on, which the guest's OS does not see.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (SMM Enabled, required for Secure Boot)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: secure='yes' on the loader)",
        "libvirt src/qemu/qemu_validate.c (Secure boot requires SMM feature enabled)",
        "libvirt src/qemu/qemu_firmware.c (firmware auto-selection and SMM)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "firmware-smm",
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Secure boot requires SMM feature enabled",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>\n<features>\n  <acpi/>\n</features>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>\n<features>\n  <acpi/>\n  <smm state='on'/>\n</features>",
    .check = check,
};
