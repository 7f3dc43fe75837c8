/* disk-serial-length: the guest sees at most 20 (ATA, virtio-blk) or 36
 * (SCSI) characters of a disk serial. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr serial = vl_xml_child(disk, "serial");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        g_autofree char *text = NULL;
        size_t limit;
        const char *where;
        VlFinding *f;

        if (!bus) /* (no <serial> is skipped below: it has no text) */
            continue;
        if (strcmp(bus, "ide") == 0 || strcmp(bus, "sata") == 0) {
            limit = 20;
            where = "the ATA identify data has 20 bytes for it";
        } else if (strcmp(bus, "virtio") == 0) {
            limit = 20;
            where = "virtio-blk's GET_ID request returns 20 bytes";
        } else if (strcmp(bus, "scsi") == 0) {
            limit = 36;
            where = "QEMU 7.2's scsi-disk puts at most 36 bytes in the serial number page (later QEMU refuses "
                    "longer serials)";
        } else {
            continue;
        }
        text = (char *) xmlNodeGetContent(serial);
        if (!text || strlen(text) <= limit)
            continue;
        f = vl_report(report, serial, "<serial> of disk %s: %zu characters, more than the guest sees on the %s bus",
                      dev ? dev : "?", strlen(text), bus);
        vl_finding_help(f, "shorten it to %zu characters so that what the guest reports is what you wrote", limit);
        vl_finding_note(f, "%s: the guest reads '%.*s'", where, (int) limit, text);
    }
}

const VlRule vl_rule_disk_serial_length = {
    .id = "disk-serial-length",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "A disk serial longer than the bus can report to the guest",
    .rationale =
        "The serial number field is 20 bytes in ATA identify data (IDE, SATA) and in virtio-blk's "
        "GET_ID answer; QEMU 7.2 silently cuts longer serials there, and keeps 36 bytes in the SCSI "
        "unit serial number page (later QEMU releases refuse longer SCSI serials instead; checked: "
        "QEMU 7.2 starts with a 42-character serial on every bus). libvirt passes the whole string. "
        "A spoofed serial (the WindowsKVM build) that was meant to match a real drive then does not. There is no "
        "automatic fix: which 20 characters to keep is the owner's choice, and changing a serial "
        "changes the drive's identity for an installed guest.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: spoofed WD serial)",
        "QEMU hw/ide/core.c (drive_serial_str[21]), hw/block/virtio-blk.c (VIRTIO_BLK_ID_BYTES)",
        "QEMU hw/scsi/scsi-disk.c (VPD page 0x80)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='sda' bus='sata'/>\n  <serial>WD-WXA1B2C3D4E5F6G7H8I9</serial>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='sda' bus='sata'/>\n  <serial>WD-WXA1B2C3D4E5F6G7</serial>\n</disk>",
    .check = check,
};
