/* disk-removable-media-bus: CD-ROMs cannot sit on virtio-blk, floppies
 * only on the floppy controller. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/machine.h"
#include "lint/model/media.h"

/* The bus and name a removable drive moves to, or FALSE when there is no
 * obvious one.  CD-ROMs go to SATA (IDE on i440fx, whose PIIX controller
 * has four IDE units), floppies to the floppy controller (fda, fdb). */
static bool
new_place(const VlModel *m, xmlNodePtr disk, GHashTable *taken, const char **bus, char **dev)
{
    if (strcmp(vl_disk_device(disk), "floppy") == 0) {
        *bus = "fdc";
        *dev = vl_disk_free_dev(m, "fd", taken);
        if (vl_disk_dev_index(*dev, "fd") > 1) {
            g_clear_pointer(dev, g_free);
            return false;
        }
        return true;
    }
    if (!vl_is_x86(m))
        return false;
    if (m->machine_family == VL_MACHINE_I440FX || m->machine_family == VL_MACHINE_UNKNOWN) {
        g_autoptr(GHashTable) probe = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        g_autofree char *ide = NULL;

        /* look without taking, in case IDE is full */
        if (taken) {
            GHashTableIter it;
            gpointer key;
            g_hash_table_iter_init(&it, taken);
            while (g_hash_table_iter_next(&it, &key, NULL))
                g_hash_table_add(probe, g_strdup(key));
        }
        ide = vl_disk_free_dev(m, "hd", probe);
        if (vl_disk_dev_index(ide, "hd") <= 3) {
            *bus = "ide";
            *dev = vl_disk_free_dev(m, "hd", taken);
            return true;
        }
    }
    *bus = "sata";
    *dev = vl_disk_free_dev(m, "sd", taken);
    return true;
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr target = vl_xml_child(disk, "target");
        const char *device = vl_disk_device(disk);
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        const char *to_bus = NULL;
        g_autofree char *to_dev = NULL;
        g_autofree char *how = NULL;
        VlFinding *f;
        bool floppy = strcmp(device, "floppy") == 0;

        if (!bus) /* (only without <target>) */
            continue;
        /* a removable drive: an ISO image attached as device='disk' is
         * media too, but libvirt gives it a fixed disk, which any bus takes */
        if (vl_disk_media_kind(disk) != VL_MEDIA_DRIVE)
            continue;
        if (floppy ? strcmp(bus, "fdc") == 0 : !(strcmp(device, "cdrom") == 0 && strcmp(bus, "virtio") == 0))
            continue;
        if (dev && new_place(m, disk, taken, &to_bus, &to_dev))
            how = g_strdup_printf("use <target dev='%s' bus='%s'/>", to_dev, to_bus);
        else
            how = g_strdup(floppy ? "use bus='fdc' (fda or fdb)"
                                  : "use bus='sata' or bus='scsi' on a virtio-scsi controller");
        if (floppy) {
            f = vl_report(report, target, "<disk device='floppy'> %s: bus='%s', not the floppy controller",
                          dev ? dev : "?", bus);
            vl_finding_help(f, "%s", how);
            vl_finding_note(f, "floppies only attach to the floppy controller; libvirt 9.0 refuses the domain: "
                               "\"Invalid bus type '%s' for floppy disk\"", bus);
        } else {
            f = vl_report(report, target, "<disk device='cdrom'> %s: on the virtio bus, which has no removable media",
                          dev ? dev : "?");
            vl_finding_help(f, "%s", how);
            vl_finding_note(f, "virtio-blk has no removable media; libvirt 9.0 refuses the domain: \"disk type of "
                               "'%s' does not support ejectable media\"", dev ? dev : "?");
            if (vl_guest_is_windows(&m->guest))
                vl_finding_note(f, "Windows setup reads its media from SATA CD-ROMs without extra drivers");
        }
        if (to_dev) {
            g_autofree char *move = g_strdup_printf("%s:%s:%s", dev, to_dev, to_bus);
            g_autofree char *description = g_strdup_printf("move %s %s to <target dev='%s' bus='%s'/>", device,
                                                           dev, to_dev, to_bus);
            vl_finding_set_fix(f, description, "moves", move, NULL);
        }
    }
}

const VlRule vl_rule_disk_removable_media_bus = {
    .id = "disk-removable-media-bus",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A CD-ROM on the virtio bus, or a floppy off the floppy controller",
    .rationale =
        "virtio-blk has no notion of removable media: libvirt refuses a device='cdrom' disk on "
        "bus='virtio' (\"disk type of 'vdb' does not support ejectable media\"), and a floppy on any "
        "bus other than fdc (\"Invalid bus type 'virtio' for floppy disk\"; both checked with libvirt "
        "9.0). It happens when \"Disk bus: VirtIO\" from the Ubuntu reference guide is applied to every drive, "
        "including the installation and virtio-win ISOs. Kevin Locke's guide and the Japanese reinstall guide attach both ISOs as SATA "
        "CD-ROMs, which Windows setup reads without extra drivers; Kevin Locke's guide also suggests a CD-ROM on a "
        "virtio-scsi controller once the vioscsi driver is installed. The fix moves the drive to "
        "SATA (IDE on i440fx, while one of its four units is free), or a floppy to fda/fdb, under a "
        "free target name; it is safe because the domain never started with the refused bus.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 Storage: Disk bus VirtIO; 4.3 two CD-ROMs)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Guest OS Installation: two SATA CD-ROMs; virtio-scsi CD-ROM)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (virtio-win CD-ROM on SATA)",
        "libvirt src/qemu/qemu_validate.c (ejectable media check)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "does not support ejectable media",
    .example_bad = "<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n  <target dev='vdb' bus='virtio'/>\n  <readonly/>\n</disk>",
    .example_good = "<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n  <target dev='sdb' bus='sata'/>\n  <readonly/>\n</disk>",
    .check = check,
};
