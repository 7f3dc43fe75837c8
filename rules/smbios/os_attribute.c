/* smbios-os-attribute: <os smbios='sysinfo'> is not libvirt syntax. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/sysinfo.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *mode = vl_xml_attr(m->os, "smbios");
    xmlNodePtr sysinfo = vl_smbios_sysinfo(m);
    bool valid, element;
    VlFinding *f;

    if (!mode)
        return;
    valid = strcmp(mode, "sysinfo") == 0 || strcmp(mode, "host") == 0 || strcmp(mode, "emulate") == 0;
    element = vl_xml_child(m->os, "smbios") != NULL;
    f = vl_report(report, m->os, "<os smbios='%s'>: not libvirt syntax, the attribute is dropped", mode);
    vl_finding_help(f, "write the mode as an element inside <os>: <smbios mode='%s'/>", valid ? mode : "sysinfo");
    vl_finding_note(f, "libvirt 9.0 drops the attribute when it defines the domain, %s",
                    strcmp(mode, "sysinfo") == 0 && sysinfo
                        ? "so the <sysinfo> values never reach QEMU (no -smbios) and the guest keeps QEMU's "
                          "default SMBIOS identity"
                        : "so it has no effect");
    vl_finding_note(f, "the WindowsKVM build writes it so");
    if (element || !valid || (strcmp(mode, "sysinfo") == 0 && !sysinfo))
        /* nothing to move: only the stray attribute goes */
        vl_finding_set_fix(f, "remove the smbios attribute from <os>", "mode", "", NULL);
    else {
        g_autofree char *description = g_strdup_printf("replace the smbios attribute by <smbios mode='%s'/> "
                                                       "in <os>", mode);
        vl_finding_set_fix(f, description, "mode", mode, NULL);
    }
}

const VlRule vl_rule_smbios_os_attribute = {
    .id = "smbios-os-attribute",
    .category = "smbios",
    .severity = VL_SEVERITY_WARNING,
    .summary = "<os smbios='...'> is written as an attribute; libvirt needs <smbios mode='...'/> inside <os>",
    .rationale =
        "The WindowsKVM build spoofs the motherboard's SMBIOS identity so that AMD's driver sees bare metal, and "
        "enables it with <os firmware='efi' smbios='sysinfo'>. That is a syntax error: the SMBIOS mode "
        "is a child element, <smbios mode='sysinfo'/>. libvirt's schema rejects the attribute, but "
        "virsh define does not validate by default: libvirt 9.0 defines the domain, drops the "
        "attribute, and builds no -smbios arguments from <sysinfo> (checked with domxml-to-native), so "
        "the spoofing silently does nothing. The fix moves the mode into the element; it is unsafe "
        "because the guest then really sees a different SMBIOS identity (Windows may ask for "
        "reactivation), which is what the author intended but not what the guest has run with.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (SMBIOS spoofing: <os firmware='efi' smbios='sysinfo'>)",
        "https://libvirt.org/formatdomain.html#bios-bootloader (smbios element)",
        "libvirt src/qemu/qemu_command.c (qemuBuildSmbiosCommandLine)",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<os firmware='efi' smbios='sysinfo'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .example_good = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <smbios mode='sysinfo'/>\n</os>",
    .check = check,
};
