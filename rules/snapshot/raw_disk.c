/* snapshot-raw-disk: raw disk images cannot hold internal snapshots. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/media.h"

static void
check(const VlModel *m, VlReport *report)
{
    if (m->snapshot)
        return; /* a snapshot document: snapshot-raw-internal judges what it asks for */
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *format = vl_xml_attr(driver, "type");
        const char *device = vl_xml_attr(disk, "device");
        const char *location = vl_xml_attr(disk, "snapshot");
        const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");
        VlFinding *f;

        if (!format || strcmp(format, "qcow2") == 0 || (device && strcmp(device, "disk") != 0))
            continue;
        if (vl_xml_child(disk, "readonly") || (location && strcmp(location, "internal") != 0))
            continue; /* not snapshotted, or not internally */
        if (vl_disk_media_kind(disk) == VL_MEDIA_ISO_IMAGE) {
            /* an installer or driver disc attached as a disk: the guest
             * never needs it written, so it is not a disk to snapshot */
            f = vl_report(report, driver, "<driver type='%s'>: ISO image %s is a writable disk, whose internal "
                          "snapshots libvirt refuses", format, dev ? dev : "?");
            vl_finding_help(f, "attach the ISO image as device='cdrom', or add <readonly/>: libvirt leaves "
                               "read-only disks and CD-ROMs out of snapshots");
            vl_finding_note(f, "libvirt refuses internal snapshots of it: \"internal snapshot for disk %s "
                               "unsupported for storage type %s\"", dev ? dev : "?", format);
            continue;
        }
        f = vl_report(report, driver, "<driver type='%s'>: disk %s is in %s format, whose internal snapshots "
                      "libvirt refuses", format, dev ? dev : "?", format);
        vl_finding_help(f, "use external snapshots (virsh snapshot-create-as --disk-only puts a qcow2 overlay on "
                           "the image), or convert the image to qcow2 (qemu-img convert -O qcow2) if internal "
                           "snapshots matter more than %s's speed", format);
        vl_finding_note(f, "libvirt refuses internal snapshots of it: \"internal snapshot for disk %s unsupported "
                           "for storage type %s\"", dev ? dev : "?", format);
        vl_finding_note(f, "an internal snapshot is what plain virsh snapshot-create and virt-manager take");
    }
}

const VlRule vl_rule_snapshot_raw_disk = {
    .id = "snapshot-raw-disk",
    .category = "snapshot",
    .severity = VL_SEVERITY_INFO,
    .summary = "A raw (non-qcow2) disk image cannot take internal snapshots",
    .rationale =
        "Internal snapshots live inside qcow2 images; libvirt refuses them for any other format (checked "
        "with libvirt 9.0: \"internal snapshot for disk vda unsupported for storage type raw\", for a "
        "shut-off domain too). Plain virsh snapshot-create and virt-manager's snapshot view ask for "
        "internal ones, so with a raw system disk they simply fail. Raw is a legitimate choice for speed "
        "(Kevin Locke's guide) and the WindowsKVM build keeps its 5 TB raw image and copies it with cp instead; external "
        "snapshots (a qcow2 overlay on the raw image) work too. Disks marked snapshot='external' or "
        "'no', and read-only disks, are not reported. An ISO image attached as a writable device='disk' "
        "is reported with other advice: it is an installer or driver disc, so the way out is a CD-ROM "
        "or <readonly/>, not qcow2. This is information, not a defect.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start: snapshot before experimenting, raw has no qcow2 snapshots)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Virtual Disk, Format: qcow2 supports snapshots, raw does not)",
        "libvirt src/qemu/qemu_snapshot.c (internal snapshot for disk ... unsupported for storage type)",
        "https://libvirt.org/formatsnapshot.html",
    },
    .fix = VL_FIX_NONE,
    .consequence = true,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<!-- keep raw and snapshot externally: virsh snapshot-create-as win11 pre-update --disk-only -->\n<disk type='file' device='disk' snapshot='external'>\n  <driver name='qemu' type='raw'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
