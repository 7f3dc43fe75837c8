/* disk-iothread-bus: IOThreads serve virtio-blk disks and virtio-scsi
 * controllers only. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/iothread_users.h"

static bool
virtio_scsi_model(const char *model)
{
    return model && (strcmp(model, "virtio-scsi") == 0 || strcmp(model, "virtio-transitional") == 0 ||
                     strcmp(model, "virtio-non-transitional") == 0);
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GPtrArray) uses = vl_iothread_uses(m);

    /* the iothread attribute, which libvirt validates by bus; a <driver>
     * holds one, so each device comes once */
    for (guint i = 0; i < uses->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(uses, i);
        xmlNodePtr disk = use->device;
        xmlNodePtr driver = use->node;
        const char *bus, *dev;
        VlFinding *f;

        if (!vl_xml_is(disk, "disk") || !vl_xml_is(driver, "driver"))
            continue;
        bus = vl_disk_target_bus(disk);
        dev = vl_disk_dev(disk);
        if (!bus || strcmp(bus, "virtio") == 0)
            continue;
        f = vl_report(report, driver, "<disk> %s: iothread='%s' on a %s disk", dev ? dev : "?",
                      vl_xml_attr(driver, "iothread"), bus);
        vl_finding_help(f, "%s", strcmp(bus, "scsi") == 0
                                     ? "move iothread to the <driver> of its virtio-scsi <controller>"
                                     : "remove the attribute");
        vl_finding_note(f, "only virtio-blk disks take an IOThread; libvirt 9.0 refuses the domain: \"IOThreads "
                           "not available for bus %s target %s\"", bus, dev ? dev : "?");
        vl_finding_set_fix(f, "remove iothread from the disk's <driver>", NULL);
    }
    for (guint i = 0; i < uses->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(uses, i);
        xmlNodePtr controller = use->device;
        xmlNodePtr driver = use->node;
        const char *type, *model;
        VlFinding *f;

        if (!vl_xml_is(controller, "controller") || !vl_xml_is(driver, "driver"))
            continue;
        type = vl_xml_attr(controller, "type");
        model = vl_xml_attr(controller, "model");
        if (g_strcmp0(type, "scsi") == 0 && virtio_scsi_model(model))
            continue;
        f = vl_report(report, driver, "<controller type='%s' index='%s'>: iothread='%s' on a controller that is "
                      "not virtio-scsi",
                      type ? type : "?", vl_xml_attr(controller, "index") ? vl_xml_attr(controller, "index") : "?",
                      vl_xml_attr(driver, "iothread"));
        vl_finding_help(f, "%s", g_strcmp0(type, "scsi") == 0
                                     ? (model ? "use model='virtio-scsi' or remove the attribute"
                                              : "add model='virtio-scsi'")
                                     : "remove the attribute");
        if (model)
            vl_finding_note(f, "the controller has model='%s'", model);
        else if (g_strcmp0(type, "scsi") == 0)
            vl_finding_note(f, "without a model libvirt picks lsilogic on x86");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"'iothread' attribute only supported for virtio scsi "
                           "controllers\"");
        if (g_strcmp0(type, "scsi") == 0)
            continue; /* the sound fix is the controller model, which is not ours to change */
        vl_finding_set_fix(f, "remove iothread from the controller's <driver>", NULL);
    }
}

const VlRule vl_rule_disk_iothread_bus = {
    .id = "disk-iothread-bus",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "iothread on a disk that is not virtio-blk or a controller that is not virtio-scsi",
    .rationale =
        "Only virtio-blk disks and virtio-scsi controllers can hand their I/O to an IOThread. libvirt "
        "refuses iothread on a SATA, IDE, USB or SCSI disk (\"IOThreads not available for bus sata "
        "target sda\") and on any other controller, including a SCSI controller without a model, "
        "which libvirt makes lsilogic on x86 (\"'iothread' attribute only supported for virtio scsi "
        "controllers\"; checked with libvirt 9.0). A SCSI disk gets its IOThread through its "
        "virtio-scsi controller, as in the WindowsKVM build (virtio-scsi iothread=1). Removing the attribute from "
        "a disk or a non-SCSI controller is safe, the domain never started with it; for a SCSI "
        "controller the fix is the model, which changes guest hardware, so none is offered.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Controllers: virtio-scsi (iothread=1))",
        "libvirt src/qemu/qemu_validate.c (disk iothread validation)",
        "libvirt src/conf/domain_conf.c (controller driver iothread)",
        "https://libvirt.org/formatdomain.html#controllers",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "IOThreads not available for bus",
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' iothread='1'/>\n  <source file='/var/lib/libvirt/images/data.raw'/>\n  <target dev='sda' bus='scsi'/>\n</disk>\n<controller type='scsi' index='0' model='virtio-scsi'/>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw'/>\n  <source file='/var/lib/libvirt/images/data.raw'/>\n  <target dev='sda' bus='scsi'/>\n</disk>\n<controller type='scsi' index='0' model='virtio-scsi'>\n  <driver iothread='1'/>\n</controller>",
    .check = check,
};
