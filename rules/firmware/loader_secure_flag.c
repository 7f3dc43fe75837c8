/* firmware-loader-secure-flag: secure='yes' on a firmware build without
 * Secure Boot, the Ubuntu reference guide's advice. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    char buf[1024];
    const char *path = vl_loader_path(m, buf, sizeof(buf));

    /* Windows 11 guests get this from firmware-win11-secure-boot; i440fx
     * and SMM problems from firmware-secure-boot-q35/-smm. */
    if (!vl_is_x86(m) || !path || !vl_xml_attr_is(m->loader, "secure", "yes") ||
        vl_path_is_secboot_build(path) || vl_is_win11(m) || !vl_is_q35(m) || vl_smm(m, NULL) != VL_SMM_ON)
        return;
    VlFinding *f = vl_report(report, m->loader, "<loader secure='yes'>: the firmware is a build of OVMF without "
                                                "Secure Boot");
    vl_finding_help(f, "for Secure Boot use <os firmware='efi'> with <firmware><feature enabled='yes' "
                       "name='secure-boot'/><feature enabled='yes' name='enrolled-keys'/></firmware>, or a Secure "
                       "Boot build such as OVMF_CODE_4M.ms.fd with the OVMF_VARS_4M.ms.fd template");
    vl_finding_note(f, "the loader is %s", path);
    vl_finding_note(f, "the attribute only makes QEMU protect the flash from non-SMM writes, it does not turn "
                       "Secure Boot on, and this firmware runs unsigned code (the Ubuntu reference guide says "
                       "otherwise and is wrong)");
}

const VlRule vl_rule_firmware_loader_secure_flag = {
    .id = "firmware-loader-secure-flag",
    .category = "firmware",
    .severity = VL_SEVERITY_INFO,
    .summary = "secure='yes' on a loader built without Secure Boot does not enable Secure Boot",
    .rationale =
        "The Ubuntu reference guide says the default OVMF_CODE.fd is sufficient and that Secure Boot is enabled by "
        "adding secure='yes' to the <loader>. That is wrong. libvirt's documentation says the "
        "attribute tells the hypervisor that the firmware is capable of Secure Boot and cannot "
        "enable or disable the feature itself; it makes QEMU restrict the flash to SMM. Whether "
        "Secure Boot is enforced depends on the firmware build and on keys enrolled in its variable "
        "store. Tested with QEMU 7.2: Debian's OVMF_CODE_4M.fd with the flash marked secure still "
        "starts the unsigned UEFI shell, while OVMF_CODE_4M.ms.fd with its .ms VARS refuses it "
        "(\"Security Violation\"). Reported as info for guests that are not Windows 11 (for those, "
        "firmware-win11-secure-boot reports it as a warning). No automatic fix: turning Secure Boot "
        "on changes what an installed guest may boot.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 Firmware: OVMF_CODE.fd is sufficient, secure='yes' enables Secure Boot)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: OVMF_CODE_4M.ms.fd for Secure Boot, OVMF_CODE_4M.fd without)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
        "https://libvirt.org/kbase/secureboot.html",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>\n</os>",
    .example_good = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <firmware>\n    <feature enabled='yes' name='secure-boot'/>\n    <feature enabled='yes' name='enrolled-keys'/>\n  </firmware>\n</os>",
    .check = check,
};
