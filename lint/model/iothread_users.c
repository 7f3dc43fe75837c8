/* Who uses which IOThread; see iothread_users.h. */
#include "lint/model/iothread_users.h"

#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
add_use(GPtrArray *uses, xmlNodePtr device, xmlNodePtr node, const char *attr)
{
    guint64 id;
    VlIothreadUse *use;

    if (!vl_xml_parse_uint(vl_xml_attr(node, attr), &id))
        return;
    use = g_new(VlIothreadUse, 1);
    use->device = device;
    use->node = node;
    use->id = id;
    g_ptr_array_add(uses, use);
}

/* <driver iothread='N'> and <driver><iothreads><iothread id='N'> of DEVICE. */
static void
device_uses(GPtrArray *uses, xmlNodePtr device)
{
    xmlNodePtr driver = vl_xml_child(device, "driver");
    xmlNodePtr list = vl_xml_child(driver, "iothreads");

    add_use(uses, device, driver, "iothread");
    for (xmlNodePtr t = list ? list->children : NULL; t; t = t->next) {
        if (vl_xml_is(t, "iothread"))
            add_use(uses, device, t, "id");
    }
}

GPtrArray *
vl_iothread_uses(const VlModel *m)
{
    GPtrArray *uses = g_ptr_array_new_with_free_func(g_free);
    GPtrArray *controllers = vl_model_devices(m, "controller");

    for (guint i = 0; i < m->disks->len; i++)
        device_uses(uses, g_ptr_array_index(m->disks, i));
    for (guint i = 0; i < controllers->len; i++)
        device_uses(uses, g_ptr_array_index(controllers, i));
    return uses;
}

GPtrArray *
vl_iothread_users(const VlModel *m, guint64 id)
{
    g_autoptr(GPtrArray) uses = vl_iothread_uses(m);
    GPtrArray *users = g_ptr_array_new();

    for (guint i = 0; i < uses->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(uses, i);
        if (use->id == id && !g_ptr_array_find(users, use->device, NULL))
            g_ptr_array_add(users, use->device);
    }
    return users;
}

/* DEVICE (a disk or hostdev on a SCSI bus) may sit on SCSI controller INDEX. */
static bool
on_scsi_controller(xmlNodePtr device, const char *index)
{
    xmlNodePtr address = vl_xml_child(device, "address");

    if (!address || !vl_xml_attr_is(address, "type", "drive"))
        return true; /* libvirt picks the controller: it may be this one */
    return g_strcmp0(vl_xml_attr(address, "controller") ? vl_xml_attr(address, "controller") : "0", index) == 0;
}

bool
vl_iothread_use_idle(const VlModel *m, const VlIothreadUse *use)
{
    GPtrArray *hostdevs = vl_model_devices(m, "hostdev");
    const char *index = vl_xml_attr(use->device, "index") ? vl_xml_attr(use->device, "index") : "0";

    if (!vl_xml_is(use->device, "controller") || !vl_xml_attr_is(use->device, "type", "scsi"))
        return false;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        if (g_strcmp0(vl_disk_target_bus(disk), "scsi") == 0 && on_scsi_controller(disk, index))
            return false;
    }
    for (guint i = 0; i < hostdevs->len; i++) {
        xmlNodePtr hostdev = g_ptr_array_index(hostdevs, i);
        if (vl_xml_attr_is(hostdev, "type", "scsi") && on_scsi_controller(hostdev, index))
            return false;
    }
    return true;
}

unsigned
vl_iothread_count(const VlModel *m)
{
    char buf[32];
    guint64 n;

    if (!vl_xml_parse_uint(vl_xml_text(vl_model_top(m, "iothreads"), buf, sizeof(buf)), &n) || n > G_MAXUINT)
        return 0;
    return (unsigned) n;
}

VlCpuset
vl_iothread_ids(const VlModel *m)
{
    xmlNodePtr ids = vl_model_top(m, "iothreadids");
    unsigned count = vl_iothread_count(m);
    VlCpuset set = { 0 };
    guint listed = 0;

    for (xmlNodePtr t = ids ? ids->children : NULL; t; t = t->next) {
        guint64 id;

        if (vl_xml_is(t, "iothread") && vl_xml_parse_uint(vl_xml_attr(t, "id"), &id) && id > 0 &&
            id < VL_CPUSET_MAX) {
            if (!vl_cpuset_has(&set, (guint) id))
                listed++;
            vl_cpuset_add(&set, (guint) id);
        }
    }
    for (guint id = 1; listed < count && id < VL_CPUSET_MAX; id++) {
        if (!vl_cpuset_has(&set, id)) {
            vl_cpuset_add(&set, id);
            listed++;
        }
    }
    return set;
}
