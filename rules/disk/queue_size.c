/* disk-queue-size: a virtio-blk queue size QEMU accepts, and none
 * elsewhere. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *text = vl_xml_attr(driver, "queue_size");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        guint64 size, fixed;
        VlFinding *f;

        if (!bus || !vl_xml_parse_uint(text, &size)) /* (no text does not parse) */
            continue;
        if (strcmp(bus, "virtio") != 0) {
            f = vl_report_severity(report, VL_SEVERITY_WARNING, driver,
                                   "<disk> %s: queue_size='%s' on a %s disk has no effect", dev ? dev : "?", text,
                                   bus);
            vl_finding_help(f, "remove queue_size from <driver>");
            vl_finding_note(f, "libvirt 9.0 accepts it and passes nothing to QEMU; later libvirt releases refuse "
                               "it: \"queue_size attribute in disk driver is only supported for virtio bus\"");
            vl_finding_set_fix(f, "remove queue_size from the disk's <driver>", "size", "", NULL);
            continue;
        }
        /* mutate: skip[const+1@20,const+1@33] — equivalent: 3 and 1025 are no powers of two, which the last test requires */
        if (size > 2 && size <= 1024 && (size & (size - 1)) == 0)
            continue;
        /* the largest valid size not above the request */
        /* mutate: skip[const+1@36,rel:>=@47] — equivalent: fixed is a power of two (5 is none), and a size equal to one from 4 to 1024 is valid and never gets here */
        for (fixed = 1024; fixed > 4 && fixed > size; fixed >>= 1)
            ;
        f = vl_report(report, driver, "<disk> %s: queue_size='%s' is not a power of two from 4 to 1024",
                      dev ? dev : "?", text);
        vl_finding_help(f, "use a power of two from 4 to 1024, for example queue_size='%" G_GUINT64_FORMAT "'",
                        fixed);
        vl_finding_note(f, "libvirt defines the domain but QEMU 7.2 exits at start (virtio-blk: \"invalid "
                           "queue-size property (%s), %s\")",
                        text, size <= 2 ? "must be > 2" : "must be a power of 2 (max 1024)");
        {
            g_autofree char *value = g_strdup_printf("%s:%" G_GUINT64_FORMAT, dev ? dev : "", fixed);
            g_autofree char *description = g_strdup_printf("set queue_size='%" G_GUINT64_FORMAT "'", fixed);
            if (dev)
                vl_finding_set_fix(f, description, "size", value, NULL);
        }
    }
}

const VlRule vl_rule_disk_queue_size = {
    .id = "disk-queue-size",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A disk queue_size QEMU refuses, or one on a disk that is not virtio-blk",
    .rationale =
        "queue_size sets the virtqueue length of a virtio-blk disk. QEMU requires a power of two "
        "above 2 and at most 1024 and otherwise exits at start (\"invalid queue-size property (100), "
        "must be a power of 2 (max 1024)\"); libvirt 9.0 does not check the value (both checked with "
        "QEMU 7.2). On a SATA, IDE, SCSI or USB disk the attribute means nothing: libvirt 9.0 "
        "accepts it and silently drops it (a warning here), later libvirt releases refuse it "
        "(\"queue_size attribute in disk driver is only supported for virtio bus\"). The fix sets "
        "the largest valid size not above the requested one, or removes the attribute from a "
        "non-virtio disk; both are safe (the value never reached a running guest).",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: VirtIO raw with tuned driver settings)",
        "QEMU hw/block/virtio-blk.c (virtio_blk_device_realize, queue-size)",
        "libvirt src/conf/domain_validate.c (queue_size only for virtio bus, after 9.0)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver queue_size)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' queues='4' queue_size='1000'/>\n  <source file='/var/lib/libvirt/images/data.raw'/>\n  <target dev='vdb' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' queues='4' queue_size='512'/>\n  <source file='/var/lib/libvirt/images/data.raw'/>\n  <target dev='vdb' bus='virtio'/>\n</disk>",
    .check = check,
};
