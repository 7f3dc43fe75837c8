/* disk-readonly-ide-sata: IDE and SATA hard disks cannot be read-only. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

static bool
is_iso(xmlNodePtr disk)
{
    return vl_disk_media_kind(disk) == VL_MEDIA_ISO_IMAGE;
}

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        VlFinding *f;

        if (strcmp(vl_disk_device(disk), "disk") != 0 || !vl_disk_readonly(disk) || !bus ||
            !(strcmp(bus, "ide") == 0 || strcmp(bus, "sata") == 0))
            continue;
        f = vl_report(report, vl_xml_child(disk, "readonly"), "<disk> %s: a read-only %s hard disk",
                      dev ? dev : "?", bus);
        vl_finding_help(f, "%s", is_iso(disk) ? "the source is an ISO image: attach it as device='cdrom'"
                                              : "attach it as a CD-ROM, put it on bus='virtio' or 'scsi', or drop "
                                                "<readonly/>");
        vl_finding_note(f, "QEMU's ide-hd cannot be read-only; libvirt 9.0 refuses the domain: \"readonly %s "
                           "disks are not supported\"", bus);
        if (is_iso(disk))
            vl_finding_set_fix(f, "attach the ISO image as device='cdrom'", NULL);
    }
}

const VlRule vl_rule_disk_readonly_ide_sata = {
    .id = "disk-readonly-ide-sata",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A read-only hard disk on the IDE or SATA bus",
    .rationale =
        "QEMU's ATA hard disk (ide-hd, used for IDE and SATA) has no write-protect state and refuses "
        "a read-only drive, so libvirt refuses <readonly/> on an IDE or SATA device='disk' (\"readonly "
        "sata disks are not supported\", \"readonly ide disks are not supported\"; checked with libvirt "
        "9.0). CD-ROMs on those buses are read-only by nature, and virtio or SCSI disks accept "
        "<readonly/>. The usual cause is an installation or driver ISO (the Ubuntu reference guide, Kevin Locke's guide and the Japanese reinstall guide attach "
        "the Windows and virtio-win ISOs) added as a disk instead of a CD-ROM; for a source ending "
        "in .iso the fix makes it a CD-ROM, which is safe because the domain never started.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Guest OS Installation: ISOs on SATA CD-ROMs)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (SATA CD-ROM for the virtio-win ISO)",
        "libvirt src/qemu/qemu_validate.c (disk bus validation)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (readonly)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "disks are not supported",
    .example_bad = "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n  <target dev='sdb' bus='sata'/>\n  <readonly/>\n</disk>",
    .example_good = "<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n  <target dev='sdb' bus='sata'/>\n  <readonly/>\n</disk>",
    .check = check,
};
