/* firmware-secure-boot-q35: Secure Boot needs q35 and x86_64. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"

static void
check(const VlModel *m, VlReport *report)
{
    char buf[1024];
    const char *path = vl_loader_path(m, buf, sizeof(buf));
    bool secure_attr = vl_xml_attr_is(m->loader, "secure", "yes");
    bool feature = vl_firmware_auto_efi(m) && vl_firmware_feature(m, "secure-boot") == VL_FIRMWARE_FEATURE_YES;
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_is_x86(m) || !(secure_attr || feature))
        return;
    if (m->arch && g_str_equal(m->arch, "i686") && secure_attr) {
        f = vl_report(report, m->loader, "<loader secure='yes'>: on an i686 guest");
        vl_finding_help(f, "use arch='x86_64' or drop secure='yes'");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Secure boot is supported for x86_64 architecture "
                           "only\"");
        return;
    }
    if (vl_is_q35(m))
        return;
    if (secure_attr) {
        f = vl_report(report, m->loader, "<loader secure='yes'>: on %s, not q35", vl_machine_name(m));
        vl_finding_help(f, "use machine='q35' (for an installed guest a chipset change: disk controllers and PCI "
                           "addresses change)%s",
                        path && !vl_path_is_secboot_build(path)
                            ? ", or drop secure='yes', which does nothing for this build of OVMF without Secure "
                              "Boot anyway"
                            : "");
        vl_finding_note(f, "Secure Boot firmware needs SMM, which OVMF only supports on q35; libvirt 9.0 refuses the "
                           "domain: \"Secure boot is supported with q35 machine types only\"");
        /* Dropping the flag is only harmless where it did nothing: on a
         * firmware build without Secure Boot, in a manual configuration. */
        if (path && !vl_path_is_secboot_build(path) && !vl_firmware_auto_efi(m))
            vl_finding_set_fix(f, "drop secure='yes' from the loader (this OVMF build has no Secure Boot)", NULL);
    } else {
        xmlNodePtr firmware = vl_xml_child(m->os, "firmware");
        f = vl_report(report, vl_xml_child_with(firmware, "feature", "name", "secure-boot"),
                      "<feature name='secure-boot'>: on %s, where no Secure Boot firmware exists", vl_machine_name(m));
        vl_finding_help(f, "use machine='q35' (a chipset change for an installed guest) or disable the feature");
        vl_finding_note(f, "every Secure Boot firmware descriptor is for q35 machines (it needs SMM), so libvirt "
                           "finds no firmware and the guest does not start: \"Unable to find any firmware to "
                           "satisfy 'efi'\"");
    }
}

const VlRule vl_rule_firmware_secure_boot_q35 = {
    .id = "firmware-secure-boot-q35",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Secure Boot requested on a machine type other than q35",
    .rationale =
        "Secure Boot builds of OVMF require SMM, and OVMF supports SMM only on the q35 chipset. "
        "libvirt 9.0 refuses <loader secure='yes'> on i440fx (\"Secure boot is supported with q35 "
        "machine types only\") and on i686 (\"... for x86_64 architecture only\") at define time; "
        "the secure-boot firmware feature on i440fx is accepted at define time but no firmware "
        "descriptor matches it, so the domain fails to start. A domain without a machine attribute "
        "gets libvirt's x86 default, i440fx ('pc'). The Ubuntu reference guide and the WindowsKVM build use q35. Switching to q35 is "
        "the real fix but changes the chipset (unsafe for an installed guest); the automatic fix "
        "only drops secure='yes' where the loader is a build without Secure Boot (as in the Ubuntu reference guide's "
        "advice), on which the flag never did anything.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: Chipset Q35; secure='yes' on OVMF_CODE.fd)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Machine type Q35, pc-q35-9.2)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefBoot)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Secure boot is supported with q35 machine types only",
    .example_bad = "<os>\n  <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>\n<features>\n  <acpi/>\n  <smm state='on'/>\n</features>",
    .check = check,
};
