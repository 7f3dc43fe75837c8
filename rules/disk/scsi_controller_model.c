/* disk-scsi-controller-model: SCSI disks whose controller libvirt makes
 * lsilogic. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/machine.h"

/* libvirt's QEMU driver uses a narrow SCSI bus when it derives a drive
 * address from the target name: 7 units per controller (virtio-scsi or
 * not; checked with libvirt 9.0: sdz lands on controller 3, unit 4). */
#define UNITS_PER_CONTROLLER 7

static bool
virtio_scsi_model(const char *model)
{
    return model && (strcmp(model, "virtio-scsi") == 0 || strcmp(model, "virtio-transitional") == 0 ||
                     strcmp(model, "virtio-non-transitional") == 0);
}

static xmlNodePtr
scsi_controller(const VlModel *m, guint64 index)
{
    GPtrArray *controllers = vl_model_devices(m, "controller");

    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        guint64 ci = 0;

        if (!vl_xml_attr_is(c, "type", "scsi"))
            continue;
        if (vl_xml_attr(c, "index") && !vl_xml_parse_uint(vl_xml_attr(c, "index"), &ci))
            continue;
        if (ci == index)
            return c;
    }
    return NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    if (!vl_is_x86(m))
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr address = vl_xml_child(disk, "address");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        guint64 index = 0;
        bool derived = false;
        xmlNodePtr controller;
        g_autofree char *where = NULL, *idx = NULL, *description = NULL;
        VlFinding *f;
        bool plain = strcmp(vl_disk_device(disk), "disk") == 0;

        if (!bus || strcmp(bus, "scsi") != 0)
            continue;
        if (vl_xml_attr_is(address, "type", "drive")) {
            if (vl_xml_attr(address, "controller") && !vl_xml_parse_uint(vl_xml_attr(address, "controller"), &index))
                continue;
        } else {
            int n = vl_disk_dev_index(dev, "sd");
            if (n < 0)
                continue;
            index = (guint64) n / UNITS_PER_CONTROLLER;
            derived = true;
        }
        controller = scsi_controller(m, index);
        if (vl_xml_attr(controller, "model"))
            continue; /* virtio-scsi, or a model chosen on purpose */
        /* (index 0 needs no test: controller 0 is CONTROLLER then, which has no
         * model here) */
        if (derived && virtio_scsi_model(vl_xml_attr(scsi_controller(m, 0), "model")))
            where = g_strdup_printf("has no <address>, so libvirt counts its unit from the name (%u per "
                                    "controller) and puts it on SCSI controller %" G_GUINT64_FORMAT
                                    ", not on the virtio-scsi controller 0",
                                    UNITS_PER_CONTROLLER, index);
        else
            where = g_strdup_printf("sits on SCSI controller %" G_GUINT64_FORMAT, index);
        f = vl_report(report, vl_xml_child(disk, "target"),
                      "<disk%s%s%s> %s: on SCSI controller %" G_GUINT64_FORMAT ", which libvirt makes an "
                      "emulated lsilogic",
                      plain ? "" : " device='", plain ? "" : vl_disk_device(disk), plain ? "" : "'", dev ? dev : "?",
                      index);
        vl_finding_help(f, "declare <controller type='scsi' index='%" G_GUINT64_FORMAT "' model='virtio-scsi'/>%s",
                        index,
                        derived && index > 0 ? " or give the disk an <address type='drive' controller='0'/> with a "
                                               "free unit"
                                             : "");
        vl_finding_note(f, "%s %s %s; %s, so libvirt uses QEMU's emulated LSI 53C895A (model lsilogic)",
                        vl_disk_device(disk), dev ? dev : "?", where,
                        controller ? "that controller has no model" : "the domain does not declare that controller");
        vl_finding_note(f, "the LSI controller is slow and %s",
                        vl_guest_is_windows(&m->guest) ? "without any driver in Windows, which then cannot see the disk"
                                                       : "meant for old guests (every register access is emulated)");
        idx = g_strdup_printf("%" G_GUINT64_FORMAT, index);
        description = g_strdup_printf("make SCSI controller %s a virtio-scsi controller", idx);
        vl_finding_set_fix(f, description, "indexes", idx, NULL);
    }
}

const VlRule vl_rule_disk_scsi_controller_model = {
    .id = "disk-scsi-controller-model",
    .category = "disk",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A SCSI disk whose controller libvirt makes an emulated LSI adapter",
    .rationale =
        "bus='scsi' needs a SCSI controller. When the domain does not declare one, or declares it "
        "without a model, libvirt 9.0 picks lsilogic on x86 (QEMU's LSI 53C895A), as the Japanese reinstall guide "
        "warns (\"libvirt adds an lsilogic-emulated controller\"): it is slow, and Windows has no "
        "driver for it, so setup sees no disk. A subtler case (checked with libvirt 9.0): a disk "
        "without <address> gets its controller from its name, 7 units per controller, so sdh "
        "and beyond land on controller 1 and up, which libvirt adds as lsilogic even when controller "
        "0 is virtio-scsi. A controller with an explicit model is left alone. The fix declares "
        "the controller as virtio-scsi; it changes the controller the guest sees, so it is unsafe "
        "for an installed guest that booted from the LSI adapter (Linux has a driver for it).",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (add the VirtIO SCSI controller explicitly, else lsilogic)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Controllers: virtio-scsi)",
        "libvirt src/qemu/qemu_domain.c (default SCSI controller model)",
        "https://libvirt.org/formatdomain.html#controllers",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='sda' bus='scsi'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='sda' bus='scsi'/>\n</disk>\n<controller type='scsi' index='0' model='virtio-scsi'/>",
    .check = check,
};
