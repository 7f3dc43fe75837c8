/* disk-iothread-undefined: disks and virtio-scsi controllers may only name
 * IOThreads the domain defines. */
#include <string.h>

#include "lint/registry.h"
#include "lint/xml.h"
#include "rules/storage_video.h"

/* The IOThread ids libvirt ends up with: those of <iothreadids>, then the
 * lowest unused ids until there are <iothreads> of them (checked with
 * libvirt 9.0: iothreads=3 with id 3 gives 3, 1, 2). */
static GHashTable *
defined_ids(const VlModel *m, guint64 *count, guint *explicit_ids)
{
    GHashTable *ids = g_hash_table_new(g_direct_hash, g_direct_equal);
    xmlNodePtr threads = vl_model_top(m, "iothreads");
    xmlNodePtr list = vl_model_top(m, "iothreadids");
    char buf[32];

    *count = 0;
    *explicit_ids = 0;
    if (threads && !vl_xml_parse_uint(vl_xml_text(threads, buf, sizeof(buf)), count))
        *count = 0;
    for (xmlNodePtr t = list ? list->children : NULL; t; t = t->next) {
        guint64 id;
        if (vl_xml_is(t, "iothread") && vl_xml_parse_uint(vl_xml_attr(t, "id"), &id) && id > 0 && id <= G_MAXUINT) {
            g_hash_table_add(ids, GUINT_TO_POINTER((guint) id));
            (*explicit_ids)++;
        }
    }
    for (guint id = 1; g_hash_table_size(ids) < *count && id <= 100000; id++)
        g_hash_table_add(ids, GUINT_TO_POINTER(id));
    return ids;
}

static bool
lookup(GHashTable *ids, xmlNodePtr driver, guint64 *id)
{
    return vl_xml_parse_uint(vl_xml_attr(driver, "iothread"), id) && *id > 0 && *id <= G_MAXUINT &&
           !g_hash_table_contains(ids, GUINT_TO_POINTER((guint) *id));
}

static void
check(const VlModel *m, VlReport *report)
{
    guint64 count, id, max_id = 0;
    guint explicit_ids, missing = 0;
    g_autoptr(GHashTable) ids = defined_ids(m, &count, &explicit_ids);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GPtrArray) drivers = g_ptr_array_new();
    GPtrArray *controllers = vl_model_devices(m, "controller");
    g_autofree char *defined = NULL, *how = NULL, *new_count = NULL;
    GString *add = g_string_new(NULL);
    bool by_ids = vl_model_top(m, "iothreadids") != NULL;

    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr driver = vl_xml_child(g_ptr_array_index(m->disks, i), "driver");
        if (lookup(ids, driver, &id))
            g_ptr_array_add(drivers, driver);
    }
    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr driver = vl_xml_child(g_ptr_array_index(controllers, i), "driver");
        if (lookup(ids, driver, &id))
            g_ptr_array_add(drivers, driver);
    }
    if (drivers->len == 0) {
        g_string_free(add, TRUE);
        return;
    }
    for (guint i = 0; i < drivers->len; i++) {
        lookup(ids, g_ptr_array_index(drivers, i), &id);
        max_id = MAX(max_id, id);
        if (g_hash_table_add(seen, GUINT_TO_POINTER((guint) id))) {
            g_string_append_printf(add, "%s%" G_GUINT64_FORMAT, add->len ? " " : "", id);
            missing++;
        }
    }

    if (count == 0 && explicit_ids == 0)
        defined = g_strdup("the domain defines no IOThreads");
    else if (!by_ids)
        defined = g_strdup_printf("<iothreads>%" G_GUINT64_FORMAT "</iothreads> defines ids 1 to %" G_GUINT64_FORMAT,
                                  count, count);
    else
        defined = g_strdup_printf("<iothreadids> and <iothreads> define %u IOThread%s", g_hash_table_size(ids),
                                  g_hash_table_size(ids) == 1 ? "" : "s");
    /* Without <iothreadids> the ids are 1..N: raise N to the highest id
     * referenced.  With it, list the missing ids there (and count them). */
    if (by_ids) {
        new_count = g_strdup_printf("%" G_GUINT64_FORMAT, MAX(count, (guint64) explicit_ids + missing));
        how = g_strdup_printf("add <iothread id='...'/> for id%s %s to <iothreadids>", missing == 1 ? "" : "s",
                              add->str);
    } else {
        new_count = g_strdup_printf("%" G_GUINT64_FORMAT, max_id);
        how = g_strdup_printf("set <iothreads>%s</iothreads>", new_count);
    }

    for (guint i = 0; i < drivers->len; i++) {
        xmlNodePtr driver = g_ptr_array_index(drivers, i);
        xmlNodePtr device = driver->parent;
        const char *dev = vl_xml_is(device, "disk") ? sv_disk_dev(device) : NULL;
        g_autofree char *what = dev ? g_strdup_printf("disk %s", dev)
                                    : g_strdup_printf("controller %s index %s",
                                                      vl_xml_attr(device, "type") ? vl_xml_attr(device, "type") : "?",
                                                      vl_xml_attr(device, "index") ? vl_xml_attr(device, "index") : "?");
        VlFinding *f;

        lookup(ids, driver, &id);
        f = vl_report(report, driver,
                      "%s uses iothread='%" G_GUINT64_FORMAT "' but %s: libvirt refuses the domain (\"%s iothread "
                      "'%" G_GUINT64_FORMAT "' not defined in iothreadid\"); %s",
                      what, id, defined, dev ? "Disk" : "controller", id, how);
        vl_finding_set_fix(f, how, "count", new_count, "add", by_ids ? add->str : "", NULL);
    }
    g_string_free(add, TRUE);
}

const VlRule vl_rule_disk_iothread_undefined = {
    .id = "disk-iothread-undefined",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A disk or controller names an IOThread the domain does not define",
    .rationale =
        "<driver iothread='N'/> on a virtio disk or a virtio-scsi controller runs its I/O in IOThread "
        "N, which must exist: <iothreads>K</iothreads> defines ids 1 to K, and <iothreadids> can name "
        "them explicitly (libvirt then fills up to K with the lowest unused ids). A reference to "
        "anything else is refused (\"Disk iothread '2' not defined in iothreadid\", \"controller "
        "iothread '3' not defined in iothreadid\"; checked with libvirt 9.0). Seed 002 runs its disk "
        "and its virtio-scsi controller on two IOThreads; copying the device lines without the "
        "<iothreads> line is the usual way to get here. Defining the missing threads is safe: they "
        "are host threads the guest never sees.",
    .sources = {
        "seed 002_c2547094e3efdbf1.txt (iothreads: 2 dedicated; virtio-scsi iothread=1)",
        "libvirt src/qemu/qemu_validate.c (iothread validation)",
        "https://libvirt.org/formatdomain.html#iothreads-allocation",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "not defined in iothreadid",
    .example_bad = "<vcpu>8</vcpu>\n<devices>\n  <disk type='file' device='disk'>\n    <driver name='qemu' type='raw' iothread='1'/>\n    <source file='/var/lib/libvirt/images/win11.raw'/>\n    <target dev='vda' bus='virtio'/>\n  </disk>\n</devices>",
    .example_good = "<vcpu>8</vcpu>\n<iothreads>1</iothreads>\n<devices>\n  <disk type='file' device='disk'>\n    <driver name='qemu' type='raw' iothread='1'/>\n    <source file='/var/lib/libvirt/images/win11.raw'/>\n    <target dev='vda' bus='virtio'/>\n  </disk>\n</devices>",
    .check = check,
};
