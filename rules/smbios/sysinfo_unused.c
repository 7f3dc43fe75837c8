/* smbios-sysinfo-unused: <sysinfo type='smbios'> without
 * <os><smbios mode='sysinfo'/> never reaches the guest. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/sysinfo.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr sysinfo = vl_smbios_sysinfo(m);
    xmlNodePtr smbios = vl_xml_child(m->os, "smbios");
    const char *mode = vl_xml_attr(smbios, "mode");
    VlFinding *f;

    /* vl_sysinfo_has_content(NULL) is false: no <sysinfo> returns too */
    if (!m->os || !vl_sysinfo_has_content(sysinfo) || vl_xml_attr(m->os, "smbios"))
        return; /* <os smbios='...'> is smbios-os-attribute's */
    if (g_strcmp0(mode, "sysinfo") == 0)
        return;
    if (mode) {
        f = vl_report(report, sysinfo, "<sysinfo type='smbios'>: ignored, as <os> has <smbios mode='%s'/>", mode);
        vl_finding_help(f, "for these values to reach the guest use <smbios mode='sysinfo'/>, or remove the "
                           "unused <sysinfo>");
        vl_finding_note(f, "with mode='%s' QEMU gets %s", mode,
                        strcmp(mode, "host") == 0 ? "the host's own SMBIOS data" : "its default SMBIOS data");
        return;
    }
    f = vl_report(report, sysinfo, "<sysinfo type='smbios'>: ignored without <smbios mode='sysinfo'/> in <os>");
    vl_finding_help(f, "add <smbios mode='sysinfo'/> to <os> (the guest's hardware identity then changes), or "
                       "remove the unused <sysinfo>");
    vl_finding_note(f, "libvirt passes none of its values to QEMU and the guest sees QEMU's default SMBIOS "
                       "identity (checked with libvirt 9.0)");
    vl_finding_set_fix(f, "add <smbios mode='sysinfo'/> to <os>", "mode", "sysinfo", NULL);
}

const VlRule vl_rule_smbios_sysinfo_unused = {
    .id = "smbios-sysinfo-unused",
    .category = "smbios",
    .severity = VL_SEVERITY_WARNING,
    .summary = "<sysinfo type='smbios'> is ignored without <os><smbios mode='sysinfo'/>",
    .rationale =
        "libvirt only turns <sysinfo type='smbios'> into QEMU -smbios arguments when <os> has <smbios "
        "mode='sysinfo'/>; with no mode (QEMU's defaults), mode='emulate' or mode='host' the values are "
        "ignored without a warning (checked with libvirt 9.0's domxml-to-native). Guides that copy "
        "dmidecode output into <sysinfo> to look like bare metal (the WindowsKVM build) therefore need both parts. "
        "Adding the mode is an unsafe fix: the guest's SMBIOS identity changes, which Windows may treat "
        "as new hardware; removing the unused block instead changes nothing the guest sees. A "
        "<sysinfo> uuid entry is still compared with <uuid> (smbios-sysinfo-uuid).",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (SMBIOS spoofing: <sysinfo type='smbios'>)",
        "https://libvirt.org/formatdomain.html#smbios-system-information",
        "libvirt src/qemu/qemu_command.c (qemuBuildSmbiosCommandLine)",
    },
    .fix = VL_FIX_UNSAFE,
    .fixer = "smbios-os-attribute",
    .example_bad = "<sysinfo type='smbios'>\n  <system>\n    <entry name='manufacturer'>ASRock</entry>\n  </system>\n</sysinfo>\n<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .example_good = "<sysinfo type='smbios'>\n  <system>\n    <entry name='manufacturer'>ASRock</entry>\n  </system>\n</sysinfo>\n<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <smbios mode='sysinfo'/>\n</os>",
    .check = check,
};
