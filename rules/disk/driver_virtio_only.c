/* disk-driver-virtio-only: queues, event_idx and ioeventfd are virtio
 * settings. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
check(const VlModel *m, VlReport *report)
{
    static const struct {
        const char *attr, *error;
    } attrs[] = {
        { "queues", "queues attribute in disk driver element is only supported by virtio-blk" },
        { "event_idx", "disk event_idx mode supported only for virtio bus" },
        { "ioeventfd", "disk ioeventfd mode supported only for virtio bus" },
    };

    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);

        if (!bus || strcmp(bus, "virtio") == 0) /* (no <driver> has no attributes) */
            continue;
        for (gsize a = 0; a < G_N_ELEMENTS(attrs); a++) {
            const char *value = vl_xml_attr(driver, attrs[a].attr);
            g_autofree char *description = NULL;
            VlFinding *f;

            if (!value)
                continue;
            f = vl_report(report, driver, "<disk> %s: %s='%s' is a virtio-blk setting, on a %s disk",
                          dev ? dev : "?", attrs[a].attr, value, bus);
            vl_finding_help(f, "remove %s from <driver>", attrs[a].attr);
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s\"", attrs[a].error);
            description = g_strdup_printf("remove %s from the disk's <driver>", attrs[a].attr);
            vl_finding_set_fix(f, description, "attrs", attrs[a].attr, NULL);
        }
    }
}

const VlRule vl_rule_disk_driver_virtio_only = {
    .id = "disk-driver-virtio-only",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A virtio-only driver setting (queues, event_idx, ioeventfd) on a disk of another bus",
    .rationale =
        "Multiple queues, the event index and ioeventfd are features of the virtio ring; SATA, IDE, "
        "SCSI and USB disks have none of them and libvirt refuses the attributes there (\"queues "
        "attribute in disk driver element is only supported by virtio-blk\", \"disk event_idx mode "
        "supported only for virtio bus\", \"disk ioeventfd mode supported only for virtio bus\"; "
        "checked with libvirt 9.0). They come along when a tuned virtio <driver> line, such as the "
        "multi-queue disks of performance guides like the WindowsKVM build, is copied onto a disk that stayed on "
        "SATA. Removing them is safe: the domain never started. (queue_size is handled by "
        "disk-queue-size: libvirt 9.0 accepts it there.)",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: VirtIO with tuned driver settings)",
        "libvirt src/conf/domain_validate.c, src/qemu/qemu_validate.c (disk driver validation)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver queues, event_idx, ioeventfd)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "supported only for virtio bus",
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' queues='4'/>\n  <source file='/var/lib/libvirt/images/win10.qcow2'/>\n  <target dev='sda' bus='sata'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' queues='4'/>\n  <source file='/var/lib/libvirt/images/win10.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
