/* disk-discard-unmap: pass the guest's TRIM through to thin storage. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *type = vl_disk_type(disk);
        const char *format = vl_xml_attr(driver, "type");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        VlFinding *f;

        if (vl_disk_is_media(disk) || strcmp(vl_disk_device(disk), "disk") != 0 || vl_disk_readonly(disk) ||
            !(strcmp(type, "file") == 0 || strcmp(type, "block") == 0))
            continue;
        if (format && !(strcmp(format, "raw") == 0 || strcmp(format, "qcow2") == 0))
            continue;
        if (vl_xml_attr(driver, "discard"))
            continue; /* discard='ignore' written out is a choice */
        f = vl_report(report, driver ? driver : disk,
                      "<disk> %s: no discard attribute, so QEMU ignores the guest's TRIM/UNMAP", dev ? dev : "?");
        vl_finding_help(f, "add discard='unmap' to <driver>");
        vl_finding_note(f, "without it the %s never gives freed space back",
                        strcmp(type, "block") == 0 ? "thin volume" : "image");
        if (vl_guest_is_windows(&m->guest) && bus && (strcmp(bus, "virtio") == 0 || strcmp(bus, "scsi") == 0))
            vl_finding_note(f, "Windows trims during its weekly \"Optimize Drives\" run; see "
                               "disk-discard-granularity for the granularity it then needs");
        vl_finding_set_fix(f, "add discard='unmap' to the disk's <driver>", NULL);
    }
}

const VlRule vl_rule_disk_discard_unmap = {
    .id = "disk-discard-unmap",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "A raw or qcow2 disk that drops the guest's TRIM requests",
    .rationale =
        "QEMU always offers discard to the guest (virtio-blk, SCSI and ATA TRIM), but without "
        "discard='unmap' it throws the requests away, so a sparse raw file, a qcow2 image or a "
        "thin LVM volume only ever grows. Kevin Locke's guide and the WindowsKVM build set discard='unmap' (\"keeps the raw "
        "image thin\"). The attribute is host-side only: the guest sees the same device, so adding "
        "it is safe. An explicit discard='ignore' is left alone as a deliberate choice. Windows "
        "guests on virtio then also want a larger discard granularity (disk-discard-granularity).",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard: generally preferable to set discard to unmap)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: discard=unmap keeps the raw image thin)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver discard)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/fedora.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/fedora.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
