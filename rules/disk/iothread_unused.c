/* disk-iothread-unused: the domain defines IOThreads but no disk or
 * controller is given one, so all block I/O stays in QEMU's main loop. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/iothread_users.h"
#include "lint/model/strings.h"

/* Some attribute under NODE mentions an iothread: a qemu:commandline
 * device or qemu:override property may use the IOThread objects. */
static bool
mentions_iothread(xmlNodePtr node)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        xmlChar *v = xmlNodeGetContent((xmlNodePtr) a);
        bool hit = v && strstr((const char *) v, "iothread");
        xmlFree(v);
        if (hit)
            return true;
    }
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && mentions_iothread(c))
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    VlCpuset ids = vl_iothread_ids(m);
    g_autoptr(GPtrArray) uses = vl_iothread_uses(m);
    g_autoptr(GPtrArray) could = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *list = NULL;
    g_autofree char *defined = NULL;
    xmlNodePtr where;
    guint n = vl_cpuset_count(&ids);
    GPtrArray *controllers = vl_model_devices(m, "controller");
    guint idle = 0;
    bool busy = false;
    VlFinding *f;

    /* a use of an id the domain does not define still shows what the
     * IOThreads are for (disk-iothread-undefined reports it); iothread='0'
     * on a controller is libvirt's "unset" (checked with libvirt 9.0) */
    for (guint i = 0; i < uses->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(uses, i);
        if (use->id == 0 && vl_xml_is(use->device, "controller"))
            continue;
        if (vl_iothread_use_idle(m, use))
            idle++;
        else
            busy = true;
    }
    if (n == 0 || busy) {
        vl_cpuset_clear(&ids);
        return;
    }
    for (guint i = 0; i < m->qemu_blocks->len; i++) {
        if (mentions_iothread(g_ptr_array_index(m->qemu_blocks, i))) {
            vl_cpuset_clear(&ids);
            return;
        }
    }
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        const char *bus = vl_disk_target_bus(disk);
        if (bus && strcmp(bus, "virtio") == 0 && vl_disk_dev(disk))
            g_ptr_array_add(could, g_strdup_printf("disk %s", vl_disk_dev(disk)));
    }
    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        const char *model = vl_xml_attr(c, "model");
        bool has_one = false;
        for (guint j = 0; j < uses->len; j++)
            has_one = has_one || ((VlIothreadUse *) g_ptr_array_index(uses, j))->device == c;
        if (!has_one && vl_xml_attr_is(c, "type", "scsi") && model && g_str_has_prefix(model, "virtio-scsi"))
            g_ptr_array_add(could, g_strdup_printf("the virtio-scsi controller %s",
                                                   vl_xml_attr(c, "index") ? vl_xml_attr(c, "index") : "0"));
    }
    defined = vl_cpuset_format(&ids);
    vl_cpuset_clear(&ids);
    where = vl_xml_child(m->root, "iothreads");
    if (!where)
        where = vl_xml_child(m->root, "iothreadids");
    if (!where)
        return;
    if (idle > 0)
        f = vl_report(report, where, "<%s>: %u IOThread%s defined, but only SCSI controllers without disks use %s",
                      (const char *) where->name, n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
    else
        f = vl_report(report, where, "<%s>: %u IOThread%s defined, but no disk or controller uses %s",
                      (const char *) where->name, n, n == 1 ? "" : "s", n == 1 ? "it" : "them");
    if (could->len > 0) {
        list = vl_join_and(could);
        vl_finding_help(f, "give %s an IOThread: <driver ... iothread='N'/> with N among %s", list, defined);
    } else {
        vl_finding_help(f, "remove the IOThreads, or put the disks on bus='virtio' or a virtio-scsi controller: "
                           "only those take one");
    }
    if (idle > 0)
        vl_finding_note(f, "a virtio-scsi controller's IOThread runs the I/O of the disks on that controller; no "
                           "disk or SCSI <hostdev> is addressed to it");
    else
        vl_finding_note(f, "libvirt creates the IOThread objects but attaches no device to them");
    vl_finding_note(f, "without iothread='N', a virtio disk's I/O runs in QEMU's main loop, beside device "
                       "emulation and the monitor");
    if (vl_xml_child(vl_model_top(m, "cputune"), "iothreadpin"))
        vl_finding_note(f, "the <iothreadpin> elements pin threads that have no work");
    else
        vl_finding_note(f, "each IOThread is an idle host thread meanwhile");
}

const VlRule vl_rule_disk_iothread_unused = {
    .id = "disk-iothread-unused",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "IOThreads are defined but no disk, or only an empty SCSI controller, uses them",
    .rationale =
        "<iothreads>N</iothreads> (or <iothreadids>) only creates IOThread objects; a virtio disk or a "
        "virtio-scsi controller runs its I/O in one only when its <driver> names it with iothread='N' (or, from "
        "libvirt 10.0, <driver><iothreads>). libvirt does not assign them by itself: with libvirt 9.0, 11.3 and "
        "12.8 domxml-to-native gives -object iothread for each and a virtio-blk-pci / virtio-scsi-pci device "
        "without an iothread property, so guides that set <iothreads> for disk performance get none of it and "
        "the disk I/O still competes with device emulation in QEMU's main loop. The same holds when the only users are "
        "virtio-scsi controllers that no disk or SCSI hostdev is addressed to. When something uses one of "
        "them (a disk, a controller, or a qemu:commandline / qemu:override that mentions an iothread) nothing "
        "is reported. No automatic fix: which disk gets which thread is the user's choice.",
    .sources = {
        "https://libvirt.org/formatdomain.html#iothreads-allocation",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver iothread)",
        "https://libvirt.org/formatdomain.html#controllers (virtio-scsi driver iothread)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<iothreads>2</iothreads>\n...\n<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/guest.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<iothreads>2</iothreads>\n...\n<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' iothread='1'/>\n  <source file='/var/lib/libvirt/images/guest.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
