/* disk-iothread-undefined: disks and virtio-scsi controllers may only name
 * IOThreads the domain defines. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/iothread_users.h"

/* The ids <iothreadids> names (libvirt refuses id 0 and duplicates; the
 * schema refuses an id above G_MAXUINT), and the count <iothreads> asks for
 * (0 when absent). */
static GHashTable *
explicit_ids(const VlModel *m, guint64 *count)
{
    GHashTable *ids = g_hash_table_new(g_direct_hash, g_direct_equal);
    xmlNodePtr list = vl_model_top(m, "iothreadids");
    char buf[32];

    *count = 0;
    vl_xml_parse_uint(vl_xml_text(vl_model_top(m, "iothreads"), buf, sizeof(buf)), count);
    for (xmlNodePtr t = list ? list->children : NULL; t; t = t->next) {
        guint64 id;
        if (vl_xml_is(t, "iothread") && vl_xml_parse_uint(vl_xml_attr(t, "id"), &id) && id > 0 && id <= G_MAXUINT)
            g_hash_table_add(ids, GUINT_TO_POINTER((guint) id));
    }
    return ids;
}

/* Whether IOThread ID (1..G_MAXUINT) exists: libvirt keeps the ids of
 * <iothreadids>, then adds the lowest unused ids until there are <iothreads>
 * of them (checked with libvirt 9.0: iothreads=3 with id 3 gives 3, 1, 2).
 * An unlisted id is one of those fillers when fewer than COUNT - |listed|
 * unlisted ids come before it. */
static bool
is_defined(GHashTable *ids, guint64 count, guint64 id)
{
    GHashTableIter iter;
    gpointer key;
    guint64 listed_below = 0;

    if (g_hash_table_contains(ids, GUINT_TO_POINTER((guint) id)))
        return true;
    g_hash_table_iter_init(&iter, ids);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        /* mutate: skip[rel:<=] — equivalent: ID itself is not listed (returned above), so no key equals it */
        listed_below += GPOINTER_TO_UINT(key) < id;
    /* id - listed_below is the rank of ID among the unlisted ids */
    return id - listed_below + g_hash_table_size(ids) <= count;
}

/* USE names an IOThread the domain lacks (0 is a disk's refused id,
 * reported apart, or a controller's unset one). */
static bool
lookup(GHashTable *ids, guint64 count, const VlIothreadUse *use)
{
    return use->id > 0 && use->id <= G_MAXUINT && !is_defined(ids, count, use->id);
}

/* USE is an id of a <driver><iothreads> mapping (libvirt 10.0), not the
 * iothread attribute */
static bool
is_mapping(const VlIothreadUse *use)
{
    return vl_xml_is(use->node, "iothread");
}

static void
check(const VlModel *m, VlReport *report)
{
    /* mutate: skip[const+1@33] — equivalent: max_id only takes MAX() with ids of at least 1 (id 0 is reported apart), and there is at least one */
    guint64 count, id, max_id = 0;
    guint missing = 0;
    g_autoptr(GHashTable) ids = explicit_ids(m, &count);
    guint listed = g_hash_table_size(ids);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GPtrArray) uses = vl_iothread_uses(m);
    g_autoptr(GPtrArray) drivers = g_ptr_array_new(); /* the uses reported */
    g_autofree char *defined = NULL, *how = NULL, *new_count = NULL;
    GString *add;
    bool by_ids = vl_model_top(m, "iothreadids") != NULL;

    for (guint i = 0; i < uses->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(uses, i);
        /* libvirt refuses iothread='0' on a disk; on a controller it reads 0
         * as unset (both checked with libvirt 9.0) */
        if (use->id == 0 && !is_mapping(use) && vl_xml_is(use->device, "disk")) {
            VlFinding *f = vl_report(report, use->node, "<driver iothread='0'>: IOThread ids start at 1");
            vl_finding_help(f, "use the id of a defined IOThread");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Invalid value for attribute 'iothread' in "
                               "element 'driver': Zero is not permitted\"");
        } else if (lookup(ids, count, use))
            g_ptr_array_add(drivers, use);
    }
    /* libvirt refuses id 0 in <iothreadids> too (checked with libvirt 9.0);
     * explicit_ids() leaves it out, so the fillers are counted as libvirt
     * would once the id is corrected */
    for (xmlNodePtr t = by_ids ? vl_model_top(m, "iothreadids")->children : NULL; t; t = t->next) {
        guint64 zero;
        if (vl_xml_is(t, "iothread") && vl_xml_parse_uint(vl_xml_attr(t, "id"), &zero) && zero == 0) {
            VlFinding *f = vl_report(report, t, "<iothread id='0'>: IOThread ids start at 1");
            vl_finding_help(f, "number the <iothreadids> entries from 1");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Invalid value for attribute 'id' in element "
                               "'iothread': Zero is not permitted\"");
        }
    }
    add = g_string_new(NULL); /* (with no use, the loops below report nothing) */
    for (guint i = 0; i < drivers->len; i++) {
        id = ((VlIothreadUse *) g_ptr_array_index(drivers, i))->id;
        max_id = MAX(max_id, id);
        if (g_hash_table_add(seen, GUINT_TO_POINTER((guint) id))) {
            g_string_append_printf(add, "%s%" G_GUINT64_FORMAT, add->len ? " " : "", id);
            missing++;
        }
    }

    if (count == 0 && listed == 0)
        defined = g_strdup("the domain defines no IOThreads");
    else if (!by_ids)
        defined = g_strdup_printf("<iothreads>%" G_GUINT64_FORMAT "</iothreads> defines ids 1 to %" G_GUINT64_FORMAT,
                                  count, count);
    else
        defined = g_strdup_printf("<iothreadids> and <iothreads> define %" G_GUINT64_FORMAT " IOThread%s",
                                  MAX(count, listed), MAX(count, listed) == 1 ? "" : "s");
    /* Without <iothreadids> the ids are 1..N: raise N to the highest id
     * referenced.  With it, list the missing ids there (and count them). */
    if (by_ids) {
        new_count = g_strdup_printf("%" G_GUINT64_FORMAT, MAX(count, (guint64) listed + missing));
        how = g_strdup_printf("add <iothread id='...'/> for id%s %s to <iothreadids>", missing == 1 ? "" : "s",
                              add->str);
    } else {
        new_count = g_strdup_printf("%" G_GUINT64_FORMAT, max_id);
        how = g_strdup_printf("set <iothreads>%s</iothreads>", new_count);
    }

    for (guint i = 0; i < drivers->len; i++) {
        VlIothreadUse *use = g_ptr_array_index(drivers, i);
        xmlNodePtr driver = use->node;
        xmlNodePtr device = use->device;
        const char *dev = vl_xml_is(device, "disk") ? vl_disk_dev(device) : NULL;
        g_autofree char *what = dev ? g_strdup_printf("<disk> %s", dev)
                                    : g_strdup_printf("<controller type='%s' index='%s'>",
                                                      vl_xml_attr(device, "type") ? vl_xml_attr(device, "type") : "?",
                                                      vl_xml_attr(device, "index") ? vl_xml_attr(device, "index") : "?");
        VlFinding *f;

        id = use->id;
        if (is_mapping(use))
            f = vl_report(report, driver, "%s: <iothread id='%" G_GUINT64_FORMAT "'> is not a defined IOThread",
                          what, id);
        else
            f = vl_report(report, driver, "%s: iothread='%" G_GUINT64_FORMAT "' is not a defined IOThread",
                          what, id);
        vl_finding_help(f, "%s", how);
        vl_finding_note(f, "%s", defined);
        if (is_mapping(use))
            vl_finding_note(f, "the <driver><iothreads> mapping (libvirt 10.0 and later) spreads the device's "
                               "queues over the IOThreads it names, and each must exist");
        else
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s iothread '%" G_GUINT64_FORMAT
                               "' not defined in iothreadid\"", dev ? "Disk" : "controller", id);
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
        "iothread '3' not defined in iothreadid\"; checked with libvirt 9.0), and so is iothread='0' on "
        "a disk (\"Zero is not permitted\"; on a controller libvirt reads 0 as unset). The WindowsKVM build runs its disk "
        "and its virtio-scsi controller on two IOThreads; copying the device lines without the "
        "<iothreads> line is the usual way to get here. Defining the missing threads is safe: they "
        "are host threads the guest never sees.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (iothreads: 2 dedicated; virtio-scsi iothread=1)",
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
