/* disk-rotation-rate-bus: rotation_rate only exists on SCSI, IDE and SATA
 * hard disks. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr target = vl_xml_child(disk, "target");
        const char *bus = vl_disk_target_bus(disk);
        const char *device = vl_disk_device(disk);
        const char *dev = vl_disk_dev(disk);
        VlFinding *f;

        if (!vl_xml_attr(target, "rotation_rate"))
            continue;
        if (strcmp(device, "disk") != 0) {
            f = vl_report(report, target, "<disk device='%s'> %s: rotation_rate is set on a %s", device,
                          dev ? dev : "?", device);
            vl_finding_help(f, "remove rotation_rate from <target>");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"rotation rate is only valid for disk device\"");
        } else if (strcmp(bus, "scsi") == 0 || strcmp(bus, "ide") == 0 || strcmp(bus, "sata") == 0) {
            /* (bus is set: there is a <target>, which holds rotation_rate) */
            continue;
        } else {
            f = vl_report(report, target, "<disk> %s: rotation_rate on a %s disk", dev ? dev : "?",
                          bus ? bus : "?");
            vl_finding_help(f, "remove rotation_rate from <target>%s",
                            bus && strcmp(bus, "virtio") == 0
                                ? "; to present an SSD, put the disk on bus='scsi' with a virtio-scsi controller"
                                : "");
            if (bus && strcmp(bus, "virtio") == 0)
                vl_finding_note(f, "virtio-blk has no rotation rate");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"rotation rate is only valid for SCSI/IDE/SATA "
                               "bus\"");
        }
        vl_finding_set_fix(f, "remove rotation_rate from <target>", NULL);
    }
}

const VlRule vl_rule_disk_rotation_rate_bus = {
    .id = "disk-rotation-rate-bus",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "rotation_rate is only valid on SCSI, IDE and SATA hard disks",
    .rationale =
        "<target rotation_rate='1'/> makes QEMU report a solid-state medium through the SCSI block "
        "characteristics page or the ATA identify data; virtio-blk, USB and other buses have no such "
        "field, and neither do CD-ROMs or floppies. libvirt refuses the domain (\"rotation rate is only "
        "valid for SCSI/IDE/SATA bus\", \"rotation rate is only valid for disk device\"; checked with "
        "libvirt 9.0). Kevin Locke's guide presents rotation_rate='1' as one workaround for Windows' slow "
        "\"Optimize Drives\" runs, but it only applies to disks on a SCSI, IDE or SATA bus; copying it "
        "onto a virtio disk makes the domain undefinable. Removing the attribute is safe: the "
        "domain never started with it.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD)",
        "libvirt src/qemu/qemu_validate.c (disk target validation)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (target rotation_rate)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "rotation rate is only valid for",
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio' rotation_rate='1'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='sda' bus='scsi' rotation_rate='1'/>\n</disk>\n<controller type='scsi' index='0' model='virtio-scsi'/>",
    .check = check,
};
