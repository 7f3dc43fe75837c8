/* disk-serial-characters: libvirt only passes plain serial numbers to
 * QEMU. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

#define SERIAL_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_ .+"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr serial = vl_xml_child(disk, "serial");
        g_autofree char *text = NULL;
        const char *dev = vl_disk_dev(disk);
        size_t ok;
        VlFinding *f;

        text = (char *) xmlNodeGetContent(serial); /* NULL without <serial> */
        if (!text || (ok = strspn(text, SERIAL_CHARS)) == strlen(text))
            continue;
        f = vl_report(report, serial, "<serial> of disk %s: contains '%.*s' (byte %zu), which libvirt refuses",
                      dev ? dev : "?", g_utf8_skip[(guchar) text[ok]], text + ok, ok + 1);
        vl_finding_help(f, "use only letters, digits, space and - _ . +");
        vl_finding_note(f, "the serial is <serial>%s</serial>", text);
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"driver serial '%s' contains unsafe characters\"",
                        text);
    }
}

const VlRule vl_rule_disk_serial_characters = {
    .id = "disk-serial-characters",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A disk serial number with characters libvirt does not pass to QEMU",
    .rationale =
        "libvirt writes the disk serial into QEMU's -device option and only allows letters, digits, "
        "space, '-', '_', '.' and '+' there; anything else is refused (\"driver serial 'WD-WX1234/56' "
        "contains unsafe characters\"; checked with libvirt 9.0); libvirt's schema has the same pattern, so the "
        "schema rule reports it too. The WindowsKVM build gives its system disk a "
        "spoofed Western Digital serial so that Windows and anti-cheat software see a physical "
        "drive; a serial copied from a drive label or a tool output can carry a '/', ':' "
        "or '#'. There is no automatic fix: the serial is part of the drive's identity, and which "
        "characters to drop is the owner's choice.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: spoofed WD serial)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDeviceDefDiskSerial)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (serial)",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "contains unsafe characters",
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' cache='none' io='native'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n  <serial>WD-WX12A3456789/01</serial>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' cache='none' io='native'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n  <serial>WD-WX12A3456789</serial>\n</disk>",
    .check = check,
};
