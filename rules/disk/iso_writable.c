/* disk-iso-writable: an ISO image attached as a writable hard disk. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"
#include "lint/model/machine.h"

/* The buses a libvirt CD-ROM can sit on that the fix keeps: the disk's
 * <target> stays as it is. */
static bool
cdrom_bus(const char *bus)
{
    return bus && (strcmp(bus, "sata") == 0 || strcmp(bus, "ide") == 0 || strcmp(bus, "scsi") == 0);
}

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        g_autofree char *name = NULL;
        VlFinding *f;

        /* a read-only one is disk-readonly-ide-sata's on IDE/SATA, and
         * harmless elsewhere */
        if (strcmp(vl_disk_device(disk), "disk") != 0 || vl_disk_media_kind(disk) != VL_MEDIA_ISO_IMAGE ||
            vl_disk_readonly(disk))
            continue;
        name = g_path_get_basename(vl_disk_source_path(disk));
        f = vl_report(report, disk, "<disk> %s: ISO image %s attached as a writable hard disk", dev ? dev : "?",
                      name);
        if (cdrom_bus(bus))
            vl_finding_help(f, "make it device='cdrom' with <readonly/>");
        else
            vl_finding_help(f, "make it device='cdrom' with <readonly/> on bus='%s'%s%s%s",
                            !vl_is_x86(m) ? "scsi" : vl_is_q35(m) ? "sata" : "ide",
                            !vl_is_x86(m) ? " (with a virtio-scsi controller)" : "",
                            bus ? ": a CD-ROM cannot be on bus " : "", bus ? bus : "");
        vl_finding_note(f, "QEMU opens the image read-write: whatever the guest writes to the disk (an installer "
                           "partitioning it, a filesystem repair) changes the ISO file");
        vl_finding_note(f, "the guest sees a hard disk, not a CD/DVD drive, so it is no install or driver disc "
                           "to it");
        if (cdrom_bus(bus))
            vl_finding_set_fix(f, "attach the ISO image as a read-only CD-ROM (device='cdrom', <readonly/>)", NULL);
    }
}

const VlRule vl_rule_disk_iso_writable = {
    .id = "disk-iso-writable",
    .category = "disk",
    .severity = VL_SEVERITY_WARNING,
    .summary = "An ISO image attached as a writable hard disk instead of a CD-ROM",
    .rationale =
        "A <disk device='disk'> whose source file ends in .iso and that has no <readonly/> is given to "
        "the guest as a writable hard disk: QEMU opens the image read-write, so anything the guest writes "
        "there (an installer offered it as a target disk, a filesystem check) lands in the ISO file, and "
        "the guest sees no CD/DVD drive holding an install or driver disc. It usually comes from "
        "virt-install --disk path=X.iso without device=cdrom, or from copying a system disk's <disk> "
        "block. The fix makes it device='cdrom' with <readonly/> when its bus can carry a CD-ROM (SATA, "
        "IDE, SCSI); it is unsafe because the guest then sees another device. On virtio (which libvirt "
        "refuses for a CD-ROM) the bus must change too, which virtlint leaves to the user. A read-only ISO "
        "disk on IDE or SATA, which libvirt refuses, is disk-readonly-ide-sata's.",
    .sources = {
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (device, readonly)",
        "libvirt src/qemu/qemu_command.c (block node \"read-only\":false and ide-hd for such a disk, \"read-only\":true and ide-cd once it is a CD-ROM: checked with libvirt 9.0 domxml-to-native)",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source file='/var/lib/libvirt/images/debian-12-netinst.iso'/>\n  <target dev='sdb' bus='sata'/>\n</disk>",
    .example_good = "<disk type='file' device='cdrom'>\n  <driver name='qemu' type='raw'/>\n  <source file='/var/lib/libvirt/images/debian-12-netinst.iso'/>\n  <target dev='sdb' bus='sata'/>\n  <readonly/>\n</disk>",
    .check = check,
};
