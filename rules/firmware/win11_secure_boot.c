/* firmware-win11-secure-boot: a Windows 11 guest on UEFI firmware that
 * cannot or will not enforce Secure Boot. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"
#include "lint/model/model.h"

static const char *const how =
    "use <os firmware='efi'> with <firmware><feature enabled='yes' name='secure-boot'/><feature "
    "enabled='yes' name='enrolled-keys'/></firmware> (or, by hand, a Secure Boot build such as "
    "OVMF_CODE_4M.ms.fd with secure='yes' and the OVMF_VARS_4M.ms.fd template), <smm state='on'/> and q35";

static void
check(const VlModel *m, VlReport *report)
{
    char buf[1024];
    const char *path = vl_loader_path(m, buf, sizeof(buf));
    const char *template_path = NULL;
    xmlNodePtr node = m->loader ? m->loader : m->os;
    g_autofree char *why = NULL;
    bool fixable = false;
    bool no_keys = false;   /* a Secure Boot platform whose variable store has no keys */

    if (!vl_is_win11(m) || !vl_is_x86(m) || !m->uefi)
        return;
    if (m->nvram)
        template_path = vl_xml_attr(m->nvram, "template");

    if (!vl_is_q35(m)) {
        why = g_strdup_printf("Secure Boot only works on q35 and the machine is %s", vl_machine_name(m));
    } else if (vl_firmware_auto_efi(m) && !path) {
        xmlNodePtr firmware = vl_xml_child(m->os, "firmware");
        if (vl_firmware_feature(m, "secure-boot") == VL_FIRMWARE_FEATURE_NO) {
            why = g_strdup("the secure-boot firmware feature is disabled");
            node = vl_xml_child_with(firmware, "feature", "name", "secure-boot");
        } else if (vl_xml_attr_is(m->loader, "secure", "no")) {
            why = g_strdup("<loader secure='no'/> asks for firmware without Secure Boot");
        } else if (vl_firmware_feature(m, "enrolled-keys") == VL_FIRMWARE_FEATURE_NO) {
            why = g_strdup("the enrolled-keys firmware feature is disabled, so the variable store has no "
                           "keys and the firmware boots unsigned code");
            no_keys = true;
            node = vl_xml_child_with(firmware, "feature", "name", "enrolled-keys");
        }
        fixable = why != NULL;
    } else if (path && !vl_path_is_secboot_build(path)) {
        why = g_strdup_printf("%s is a build of OVMF without Secure Boot%s", path,
                              vl_xml_attr_is(m->loader, "secure", "yes")
                                  ? "; secure='yes' does not add it (the Ubuntu reference guide is wrong there: the attribute "
                                    "only tells libvirt to protect the flash, and the internal shell of "
                                    "such a build still runs unsigned)"
                                  : "");
    } else if (path && template_path && !vl_path_has_enrolled_keys(template_path)) {
        why = g_strdup_printf("its variable store is created from %s, which has no Secure Boot keys "
                              "enrolled, so the firmware boots unsigned code", template_path);
        node = m->nvram;
        no_keys = true;
    }
    if (!why)
        return;

    {
        VlFinding *f = vl_report(report, node,
                                 no_keys ? "<%s>: Windows 11 guest with Secure Boot firmware but no keys enrolled"
                                         : "<%s>: Windows 11 guest without Secure Boot",
                                 (const char *) node->name);

        vl_finding_help(f, "%s", how);
        vl_finding_note(f, "%s", why);
        if (no_keys)
            vl_finding_note(f, "the platform is Secure Boot capable, which is what Windows 11 setup checks, but "
                               "nothing is enforced: BitLocker and anti-cheat software that require Secure Boot "
                               "to be on see it off");
        else
            vl_finding_note(f, "Windows 11 expects a Secure Boot capable platform (setup checks for it, and "
                               "BitLocker and some anti-cheat software rely on it)");
        vl_finding_note(f, "the guest is taken for Windows 11: %s", m->guest.evidence);
        if (fixable)
            vl_finding_set_fix(f, "ask firmware auto-selection for Secure Boot with enrolled keys and turn SMM on",
                               NULL);
    }
}

const VlRule vl_rule_firmware_win11_secure_boot = {
    .id = "firmware-win11-secure-boot",
    .category = "firmware",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows 11 guest's UEFI firmware has Secure Boot off or unavailable",
    .rationale =
        "Windows 11 requires a Secure Boot capable platform. Secure Boot is only enforced when the "
        "firmware is a build with Secure Boot compiled in (OVMF_CODE*.ms.fd or *.secboot.fd on "
        "Debian, Fedora and Arch; it needs SMM and therefore q35) and its variable store has keys "
        "enrolled (OVMF_VARS*.ms.fd). The Ubuntu reference guide says the plain OVMF_CODE.fd with secure='yes' is "
        "enough: it is not. libvirt's documentation says the attribute cannot enable the feature, "
        "and a test of Debian's OVMF_CODE_4M.fd with the flash marked secure still runs the unsigned "
        "UEFI shell, while OVMF_CODE_4M.ms.fd refuses it (\"Security Violation\"). With firmware "
        "auto-selection and no feature list, libvirt picks the host's preferred descriptor (a "
        "Secure Boot one with enrolled keys on Debian and Fedora), so only explicit opt-outs are "
        "reported. The fix, for auto-selection only, asks for the secure-boot and enrolled-keys "
        "features and SMM. It is unsafe: with Secure Boot on, Windows refuses drivers that are not "
        "WHQL-signed (Kevin Locke's guide: virtio-win before 0.1.204, ivshmem, pvpanic) and BitLocker may ask "
        "for its recovery key.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 Firmware: secure='yes' on the default OVMF_CODE.fd, which is wrong)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: OVMF_CODE_4M.ms.fd and OVMF_VARS_4M.ms.fd; driver signing)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (OVMF with enrolled Secure Boot keys)",
        "A homelab's KVM/QEMU notes, not published at a public address (Feature Matrix: win11 Secure Boot)",
        "https://libvirt.org/kbase/secureboot.html",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <firmware>\n    <feature enabled='no' name='secure-boot'/>\n  </firmware>\n</os>",
    .example_good = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <firmware>\n    <feature enabled='yes' name='secure-boot'/>\n    <feature enabled='yes' name='enrolled-keys'/>\n  </firmware>\n</os>\n<features>\n  <acpi/>\n  <smm state='on'/>\n</features>",
    .check = check,
};
