/* firmware-acpi-table: the ACPI tables <os><acpi> can carry. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

/* libvirt 9.0 takes one table of type slic.  Newer releases (2025) added
 * more types (msdm among them) and several tables; the first such release
 * is not verified, so it is assumed to be 11.2 and only the checks every
 * release makes are applied from there on. */
#define MORE_ACPI_TABLES_SINCE VL_LIBVIRT(11, 2)

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr acpi = vl_xml_child(m->os, "acpi");
    bool old = m->config->libvirt_version < MORE_ACPI_TABLES_SINCE;
    char version[32];
    guint tables = 0;

    if (!acpi)
        return;
    vl_version_format(m->config->libvirt_version, version, sizeof(version));
    for (xmlNodePtr table = acpi->children; table; table = table->next) {
        const char *type;

        if (!vl_xml_is(table, "table"))
            continue;
        tables++;
        type = vl_xml_attr(table, "type");
        if (!type) {
            VlFinding *f = vl_report(report, table, "<table>: an ACPI table without a type");
            vl_finding_help(f, "write type='slic' for a software licensing table");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Missing acpi table type\"");
        } else if (old && !g_str_equal(type, "slic")) {
            VlFinding *f = vl_report(report, table, "<table type='%s'>: libvirt %s knows only type='slic'", type,
                                     version);
            vl_finding_help(f, "pass the table to QEMU with <qemu:arg value='-acpitable'/><qemu:arg "
                               "value='file=/path/to/table.bin'/>, as the Japanese reinstall guide does for MSDM");
            vl_finding_note(f, "libvirt %s refuses the domain: \"Unknown acpi table type: %s\"", version, type);
        } else if (old && tables > 1) {
            VlFinding *f = vl_report(report, table, "<table>: a second ACPI table, and libvirt %s takes only one",
                                     version);
            vl_finding_help(f, "keep the SLIC table here and pass the others with <qemu:arg value='-acpitable'/>"
                               "<qemu:arg value='file=...'/>");
            vl_finding_note(f, "libvirt %s refuses the domain: \"Only one acpi table is supported\"", version);
        }
    }
}

const VlRule vl_rule_firmware_acpi_table = {
    .id = "firmware-acpi-table",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An ACPI table libvirt does not accept in <os><acpi>",
    .rationale =
        "Re-activating an OEM copy of Windows in a guest needs the laptop's licensing tables: SLIC "
        "(Windows 7 era) and MSDM (Windows 8 and later, holding the product key), as the Japanese reinstall guide "
        "explains. libvirt 9.0's <os><acpi> takes exactly one <table type='slic'>: a second table "
        "(\"Only one acpi table is supported\"), a missing type or another type such as msdm "
        "(\"Unknown acpi table type: msdm\") are refused at define time (checked with libvirt 9.0; "
        "the schema accepts several tables, so only the parser catches the first case). That is "
        "why the Japanese reinstall guide passes both tables with qemu:arg -acpitable. Newer libvirt (2025) accepts "
        "more table types and several tables; the first such release was not verified, so from "
        "the assumed 11.2 on only a missing type is reported. No automatic fix: which table goes "
        "where is the user's choice.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (SLIC and MSDM dumped from the host, passed with -acpitable)",
        "libvirt src/conf/domain_conf.c (Only one acpi table is supported)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Only one acpi table is supported",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <acpi>\n    <table type='slic'>/var/lib/libvirt/oem/slic.bin</table>\n    <table type='msdm'>/var/lib/libvirt/oem/msdm.bin</table>\n  </acpi>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <acpi>\n    <table type='slic'>/var/lib/libvirt/oem/slic.bin</table>\n  </acpi>\n</os>\n<qemu:commandline>\n  <qemu:arg value='-acpitable'/>\n  <qemu:arg value='file=/var/lib/libvirt/oem/msdm.bin'/>\n</qemu:commandline>",
    .check = check,
};
