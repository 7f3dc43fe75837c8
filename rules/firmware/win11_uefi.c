/* firmware-win11-uefi: Windows 11 installs only on UEFI firmware. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

/* <os firmware='efi'> (auto-selection) since libvirt 5.2, its <firmware>
 * feature list since 7.2. */
#define FIRMWARE_AUTO_SINCE VL_LIBVIRT(5, 2)
#define FIRMWARE_FEATURES_SINCE VL_LIBVIRT(7, 2)

static void
check(const VlModel *m, VlReport *report)
{
    unsigned v = m->config->libvirt_version;
    bool features;
    VlFinding *f;

    if (!vl_is_win11(m) || !vl_is_x86(m) || m->uefi || !m->os)
        return;
    features = vl_is_q35(m) && v >= FIRMWARE_FEATURES_SINCE;
    f = vl_report(report, m->os, "<os>: Windows 11 guest with BIOS firmware");
    vl_finding_help(f, "use <os firmware='efi'>%s",
                    features ? " with <firmware><feature enabled='yes' name='secure-boot'/><feature "
                               "enabled='yes' name='enrolled-keys'/></firmware> (a q35 machine and <smm "
                               "state='on'/>)"
                             : (vl_is_q35(m) ? "" : " on a q35 machine, the only one Secure Boot works with"));
    vl_finding_note(f, "Windows 11 requires UEFI firmware capable of Secure Boot and its setup refuses to install "
                       "(\"This PC can't run Windows 11\")");
    vl_finding_note(f, "an installed guest set up through a bypass was partitioned for BIOS (MBR) and will not boot "
                       "under UEFI without converting its disk (mbr2gpt)");
    vl_finding_note(f, "the guest is taken for Windows 11: %s", m->guest.evidence);
    if (v < FIRMWARE_AUTO_SINCE)
        return;
    vl_finding_set_fix(f,
                       features ? "switch to UEFI with Secure Boot: <os firmware='efi'> with the secure-boot "
                                  "and enrolled-keys features, <acpi/> and <smm state='on'/>"
                                : "switch to UEFI: <os firmware='efi'> and <acpi/>",
                       "secure-boot", features ? "yes" : "", NULL);
}

const VlRule vl_rule_firmware_win11_uefi = {
    .id = "firmware-win11-uefi",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A Windows 11 guest with BIOS firmware",
    .rationale =
        "Windows 11 requires UEFI firmware capable of Secure Boot; its setup refuses a BIOS machine, "
        "and osinfo-db marks BIOS as unsupported for it. The Ubuntu reference guide and Kevin Locke's guide both make UEFI (OVMF) "
        "mandatory. The registry bypass Kevin Locke's guide describes gives an unsupported installation on an "
        "MBR disk. The fix switches to firmware auto-selection (libvirt 5.2 and later) and, on q35 "
        "with libvirt 7.2 or later, asks for Secure Boot with enrolled keys; it removes an explicit "
        "BIOS <loader>/<nvram> (auto-selection refuses them) and makes sure ACPI is on (UEFI "
        "requires it) and SMM is not off. It is unsafe: a guest already installed on BIOS does not "
        "boot under UEFI until its disk is converted to GPT.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: Windows 11 Requires UEFI which is Secure Boot capable)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: the Firmware must be set to OVMF (UEFI))",
        "osinfo-db data/os/microsoft.com/win-11.xml.in (firmware bios supported=false)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
        "https://libvirt.org/kbase/secureboot.html",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <boot dev='hd'/>\n</os>",
    .example_good = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <firmware>\n    <feature enabled='yes' name='secure-boot'/>\n    <feature enabled='yes' name='enrolled-keys'/>\n  </firmware>\n</os>\n<features>\n  <acpi/>\n  <smm state='on'/>\n</features>",
    .check = check,
};
