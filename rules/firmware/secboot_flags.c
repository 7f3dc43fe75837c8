/* firmware-secboot-flags: a Secure Boot build of OVMF configured by hand
 * without what it needs. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"

static void
check(const VlModel *m, VlReport *report)
{
    char buf[1024];
    const char *path = vl_loader_path(m, buf, sizeof(buf));
    xmlNodePtr smm_node;
    VlSmm smm = vl_smm(m, &smm_node);
    VlFinding *f;

    /* Firmware auto-selection reads the descriptors and sets all of it;
     * secure='yes' is checked by firmware-secure-boot-q35/-smm.  Without a
     * path (NULL) vl_path_is_secboot_build is false. */
    if (!vl_is_qemu(m) || !vl_is_x86(m) || vl_firmware_auto_efi(m) || !vl_path_is_secboot_build(path) ||
        vl_xml_attr_is(m->loader, "secure", "yes"))
        return;
    if (!vl_is_q35(m)) {
        f = vl_report_severity(report, VL_SEVERITY_ERROR, m->loader,
                               "<loader>: a Secure Boot build of OVMF on %s, where the guest never boots",
                               vl_machine_name(m));
        vl_finding_help(f, "use machine='q35' or a build without Secure Boot (OVMF_CODE_4M.fd)");
        vl_finding_note(f, "%s is a Secure Boot build of OVMF, which needs SMM, and OVMF supports SMM only on q35: "
                           "on %s the firmware hangs before showing anything and the guest never boots",
                        path, vl_machine_name(m));
        return;
    }
    if (smm == VL_SMM_OFF) {
        f = vl_report_severity(report, VL_SEVERITY_ERROR, smm_node,
                               "<smm state='off'/>: a Secure Boot build of OVMF, which requires SMM, never boots");
        vl_finding_help(f, "turn SMM on and mark the loader secure='yes'");
        vl_finding_note(f, "%s is a Secure Boot build of OVMF that requires SMM: the firmware hangs before showing "
                           "anything and the guest never boots",
                        path);
    } else {
        f = vl_report(report, m->loader, "<loader>: a Secure Boot build of OVMF without secure='yes'");
        vl_finding_help(f, "add secure='yes' to the <loader> and <smm state='on'/> to <features>, as virt-manager "
                           "does for such images");
        vl_finding_note(f, "%s is a Secure Boot build of OVMF; without secure='yes' the guest boots, but QEMU leaves "
                           "the flash writable outside SMM, so an OS kernel can rewrite the UEFI variables (Secure "
                           "Boot keys included) directly",
                        path);
    }
    vl_finding_set_fix(f, "mark the loader secure='yes' and turn SMM on", "secure", "yes", NULL);
}

const VlRule vl_rule_firmware_secboot_flags = {
    .id = "firmware-secboot-flags",
    .category = "firmware",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Secure Boot build of OVMF without secure='yes', SMM or q35",
    .rationale =
        "Secure Boot builds of OVMF (OVMF_CODE*.ms.fd, *.secboot.fd, *.snakeoil.fd, "
        "edk2-*-secure-code.fd) are compiled to require SMM, which OVMF supports only on q35. "
        "Tested with QEMU 7.2 and Debian's OVMF_CODE_4M.ms.fd: with SMM off, or on an i440fx "
        "machine, the firmware hangs without output, so the guest never boots (error). With SMM "
        "on but without secure='yes' on the <loader>, it boots and enforces Secure Boot, but QEMU "
        "does not restrict the flash to SMM, so the variable store is not protected from the "
        "guest's kernel (warning). virt-manager sets secure='yes', SMM and q35 whenever the loader "
        "path names a Secure Boot build; firmware auto-selection (<os firmware='efi'>) reads the "
        "same facts from the firmware descriptors and is not checked here. Kevin Locke's guide recommends "
        "these images. The fix adds secure='yes' and <smm state='on'/> on q35; the guest's OS "
        "sees no difference, and a guest with SMM off never booted.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: OVMF_CODE_4M.ms.fd with OVMF_VARS_4M.ms.fd)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (OVMF_CODE_4M.secboot.qcow2; SMM Enabled)",
        "virt-manager virtinst/guest.py (secure boot loader paths force SMM and secure)",
        "QEMU docs/interop/firmware.json (requires-smm)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "firmware-smm",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>\n<features>\n  <acpi/>\n  <smm state='off'/>\n</features>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>\n</os>\n<features>\n  <acpi/>\n  <smm state='on'/>\n</features>",
    .check = check,
};
