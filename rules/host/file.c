/* host-file: -acpitable and ROM files that do not exist (checked on the
 * machine virtlint runs on, when host facts are given). */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Files a pass-through argument or ROM names: they are on the host. */
static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value = vl_xml_attr(arg, "value");
        const char *file = value ? strstr(value, "file=") : NULL;

        if (file) {
            g_autofree char *path = g_strndup(file + 5, strcspn(file + 5, ","));
            if (*path == '/' && !g_file_test(path, G_FILE_TEST_EXISTS)) {
                VlFinding *f = vl_report(report, arg, "<qemu:arg>: names a file that does not exist on this host");

                vl_finding_note(f, "%s does not exist on this host: QEMU fails to start", path);
            }
        }
    }
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr rom = vl_xml_child(g_ptr_array_index(m->hostdevs, i), "rom");
        const char *path = vl_xml_attr(rom, "file");

        if (path && *path && !g_file_test(path, G_FILE_TEST_EXISTS)) {
            VlFinding *f = vl_report(report, rom, "<rom>: the ROM file does not exist on this host");

            vl_finding_note(f, "ROM file %s does not exist on this host: the guest fails to start", path);
        }
    }
}

const VlRule vl_rule_host_file = {
    .id = "host-file",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "A file a pass-through argument or ROM names does not exist on this host",
    .rationale = "-acpitable file=..., -fw_cfg file=... (the Japanese reinstall guide passes SLIC/MSDM tables and SMBIOS dumps) and "
                 "<rom file=...> name files on the host; when they are missing, QEMU does not start. Checked on "
                 "the machine virtlint runs on, when host facts are given.",
    .sources = { "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (ACPI tables via qemu:arg)", "https://libvirt.org/drvqemu.html" },
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<qemu:arg value='-acpitable'/>\n<qemu:arg value='file=/home/me/slic.bin'/>",
    .example_good = "<os><acpi><table type='slic'>/var/lib/libvirt/acpi/slic.bin</table></acpi></os>",
    .check = check,
};
