/* firmware-fwcfg-name: names of fw_cfg entries libvirt passes to QEMU. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
check(const VlModel *m, VlReport *report)
{
    /* A domain may have several <sysinfo> (smbios and fwcfg), and the
     * model keeps only the first of each name: walk <domain>'s children. */
    if (!vl_is_qemu(m))
        return;
    for (xmlNodePtr sysinfo = m->root->children; sysinfo; sysinfo = sysinfo->next) {
        if (!vl_xml_is(sysinfo, "sysinfo") || !vl_xml_attr_is(sysinfo, "type", "fwcfg"))
            continue;
        for (xmlNodePtr entry = sysinfo->children; entry; entry = entry->next) {
            const char *name;
            VlFinding *f;

            if (!vl_xml_is(entry, "entry") || !(name = vl_xml_attr(entry, "name")))
                continue;
            if (!g_str_has_prefix(name, "opt/")) {
                f = vl_report(report, entry, "<entry> of fw_cfg: the name does not start with opt/");
                vl_finding_help(f, "use opt/<your reverse domain>/<name>, for example opt/com.example/%s", name);
                vl_finding_note(f, "the name is '%s'; libvirt 9.0 refuses the domain: \"Invalid firmware name\"",
                                name);
            } else if (g_str_has_prefix(name, "opt/ovmf/") || g_str_has_prefix(name, "opt/org.qemu/")) {
                f = vl_report(report, entry, "<entry> of fw_cfg: %s is reserved for QEMU and its firmware",
                              g_str_has_prefix(name, "opt/ovmf/") ? "opt/ovmf/" : "opt/org.qemu/");
                vl_finding_help(f, "pass it with <qemu:arg value='-fw_cfg'/><qemu:arg value='name=%s,string=...'/>, "
                                   "the only way for OVMF knobs such as opt/ovmf/X-PciMmio64Mb",
                                name);
                vl_finding_note(f, "the name is '%s'; opt/ovmf/ and opt/org.qemu/ are reserved, and libvirt 9.0 "
                                   "refuses the domain: \"That firmware name is reserved\"",
                                name);
            }
        }
    }
}

const VlRule vl_rule_firmware_fwcfg_name = {
    .id = "firmware-fwcfg-name",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A <sysinfo type='fwcfg'> entry with an invalid or reserved name",
    .rationale =
        "<sysinfo type='fwcfg'> (libvirt 6.5 and later) hands firmware configuration items to the "
        "guest. libvirt only passes names under opt/ and keeps opt/ovmf/ and opt/org.qemu/ for QEMU "
        "and its firmware: anything else is refused at define time (\"Invalid firmware name\", "
        "\"That firmware name is reserved\"; checked with libvirt 9.0). That is why OVMF settings "
        "such as opt/ovmf/X-PciMmio64Mb, which the WindowsKVM build lists among the parameters that broke its "
        "RDNA 4 GPU, end up in qemu:arg -fw_cfg instead. libvirt's documentation discourages fwcfg "
        "in favour of SMBIOS <oemStrings>. No automatic fix: the right name depends on what reads "
        "it in the guest.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Parameters that break RDNA 4: fw_cfg X-PciMmio64Mb)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefSysinfo)",
        "https://libvirt.org/formatdomain.html#smbios-system-information",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "firmware name",
    .example_bad = "<sysinfo type='fwcfg'>\n  <entry name='opt/ovmf/X-PciMmio64Mb'>65536</entry>\n</sysinfo>",
    .example_good = "<sysinfo type='fwcfg'>\n  <entry name='opt/com.example/config'>65536</entry>\n</sysinfo>",
    .check = check,
};
