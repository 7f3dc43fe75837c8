/* Device aliases; see aliases.h. */
#include "lint/model/aliases.h"

#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/strings.h"

static const char *
alias_of(xmlNodePtr dev)
{
    return vl_xml_attr(vl_xml_child(dev, "alias"), "name");
}

GHashTable *
vl_user_aliases(const VlModel *m)
{
    GHashTable *aliases = g_hash_table_new(g_str_hash, g_str_equal);

    for (xmlNodePtr dev = m->devices ? m->devices->children : NULL; dev; dev = dev->next) {
        const char *alias;

        /* text and comments have no <alias> child */
        if ((alias = alias_of(dev)) && g_str_has_prefix(alias, "ua-"))
            g_hash_table_insert(aliases, (gpointer) alias, dev);
    }
    return aliases;
}

xmlNodePtr
vl_device_with_alias(const VlModel *m, const char *name)
{
    for (xmlNodePtr dev = m->devices ? m->devices->children : NULL; dev; dev = dev->next) {
        const char *alias;

        if ((alias = alias_of(dev)) && strcmp(alias, name) == 0)
            return dev;
    }
    return NULL;
}

/* NAME is PREFIX followed by a decimal index. */
static bool
indexed(const char *name, const char *prefix, guint64 *index)
{
    return g_str_has_prefix(name, prefix) && vl_str_all_digits(name + strlen(prefix)) &&
           vl_xml_parse_uint(name + strlen(prefix), index);
}

/* The devices named ELEMENT without a user alias, by generated index order;
 * the INDEX-th one, or NULL. */
static xmlNodePtr
nth_unaliased(const VlModel *m, const char *element, guint64 index, bool (*accept)(xmlNodePtr))
{
    GPtrArray *devs = vl_model_devices(m, element);

    for (guint i = 0; i < devs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(devs, i);
        const char *alias = alias_of(dev);

        if ((alias && g_str_has_prefix(alias, "ua-")) || (accept && !accept(dev)))
            continue;
        if (index-- == 0)
            return dev;
    }
    return NULL;
}

static bool
is_hostdev_interface(xmlNodePtr dev)
{
    return vl_xml_attr_is(dev, "type", "hostdev");
}

static bool
is_plain_interface(xmlNodePtr dev)
{
    return !vl_xml_attr_is(dev, "type", "hostdev");
}

/* libvirt's virDiskNameToIndex: vda -> 0, vdz -> 25, vdaa -> 26. */
static int
disk_index(const char *dev)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd", "ubd", NULL };
    const char *p = NULL;
    int idx = 0;

    for (int i = 0; prefixes[i]; i++) {
        if (dev && g_str_has_prefix(dev, prefixes[i])) {
            p = dev + strlen(prefixes[i]);
            break;
        }
    }
    if (!p || !*p)
        /* mutate: skip[const+1] — -1 and -2 both mean no index: the only caller compares the result with == to an index 0..99999 */
        return -1;
    for (int i = 0; p[i]; i++) {
        /* mutate: skip[rel:>=,const+1,const-1] — idx only grows, and a name still going past idx 99999 ends at 2600000 or more (or -1): above every index the caller asks for (n < 100000), so stopping at 99999, 100000 or 100001 gives the same answer */
        if (!g_ascii_islower(p[i]) || idx > 100000)
            /* mutate: skip[const+1] — -1 and -2 both mean no index: the only caller compares the result with == to an index 0..99999 */
            return -1;
        idx = (idx + (i < 1 ? 0 : 1)) * 26 + (p[i] - 'a');
    }
    return idx;
}

static xmlNodePtr
disk_on_bus(const VlModel *m, const char *bus, int index)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr target = vl_xml_child(disk, "target");
        const char *alias = alias_of(disk);

        if (alias && g_str_has_prefix(alias, "ua-"))
            continue;
        if (vl_xml_attr_is(target, "bus", bus) &&
            (index < 0 || disk_index(vl_xml_attr(target, "dev")) == index))
            return disk;
    }
    return NULL;
}

/* "C-B-U" or "C-B-T-U" after a bus name */
static bool
drive_address(const char *s)
{
    g_auto(GStrv) parts = g_strsplit(s, "-", -1);
    guint n = g_strv_length(parts);

    if (n != 3 && n != 4)
        return false;
    for (guint i = 0; i < n; i++) {
        if (!vl_str_all_digits(parts[i]))
            return false;
    }
    return true;
}

bool
vl_generated_alias(const VlModel *m, const char *name, xmlNodePtr *device, bool *implicit)
{
    /* devices counted in order (libvirt numbers the ones without a user alias) */
    static const struct {
        const char *prefix, *element;
    } counted[] = {
        { "sound", "sound" }, { "rng", "rng" }, { "tpm", "tpm" }, { "watchdog", "watchdog" },
        { "shmem", "shmem" }, { "redir", "redirdev" }, { "smartcard", "smartcard" }, { "hub", "hub" },
        { "fs", "filesystem" }, { "crypto", "crypto" }, { "serial", "serial" }, { "console", "console" },
        { "channel", "channel" }, { "parallel", "parallel" }, { "vsock", "vsock" }, { "iommu", "iommu" },
        { "dimm", "memory" }, { "nvdimm", "memory" }, { "virtiopmem", "memory" }, { "virtiomem", "memory" },
    };
    /* devices libvirt may add on its own: the alias cannot be checked offline */
    static const char *const implicit_prefixes[] = {
        "video", "input", "balloon", "pci.", "pcie.", "usb", "sata", "ide", "scsi", "virtio-serial", "ccid",
        "fdc", "xenbus", NULL,
    };
    static const char *const disk_buses[] = { "virtio", "usb", "xen", "sd", NULL };
    static const char *const drive_buses[] = { "ide", "sata", "scsi", "fdc", "usb", NULL };
    guint64 n;

    *device = NULL;
    *implicit = false;
    if (indexed(name, "hostdev", &n)) {
        /* libvirt numbers <interface type='hostdev'> first, then <hostdev> */
        GPtrArray *nets = vl_model_devices(m, "interface");
        guint64 first = 0;
        for (guint i = 0; i < nets->len; i++) {
            xmlNodePtr net = g_ptr_array_index(nets, i);
            const char *alias = alias_of(net);
            first += is_hostdev_interface(net) && !(alias && g_str_has_prefix(alias, "ua-"));
        }
        *device = n < first ? nth_unaliased(m, "interface", n, is_hostdev_interface)
                            : nth_unaliased(m, "hostdev", n - first, NULL);
        return true;
    }
    if (indexed(name, "net", &n)) {
        *device = nth_unaliased(m, "interface", n, is_plain_interface);
        return true;
    }
    for (int i = 0; disk_buses[i]; i++) {
        g_autofree char *prefix = g_strconcat(disk_buses[i], "-disk", NULL);
        if (indexed(name, prefix, &n)) {
            *device = n < 100000 ? disk_on_bus(m, disk_buses[i], (int) n) : NULL;
            return true;
        }
    }
    for (int i = 0; drive_buses[i]; i++) {
        if (g_str_has_prefix(name, drive_buses[i]) && drive_address(name + strlen(drive_buses[i]))) {
            *device = disk_on_bus(m, drive_buses[i], -1);
            return true;
        }
    }
    for (gsize i = 0; i < G_N_ELEMENTS(counted); i++) {
        if (indexed(name, counted[i].prefix, &n)) {
            *device = nth_unaliased(m, counted[i].element, n, NULL);
            return true;
        }
    }
    for (int i = 0; implicit_prefixes[i]; i++) {
        const char *rest = name + strlen(implicit_prefixes[i]);
        if (g_str_has_prefix(name, implicit_prefixes[i]) && (!*rest || vl_str_all_digits(rest))) {
            *implicit = true;
            return true;
        }
    }
    return false;
}

/* The QEMU alias of hostdev DEV: its user alias (<alias name='ua-...'/>), or
 * the hostdevN libvirt gives it, N counting every <hostdev> in document order
 * (checked with libvirt 9.0: usb, pci and mdev hostdevs share the counter).
 * Interfaces of type hostdev take hostdevN aliases too; with one of them in
 * the domain the numbering is not known and NULL is returned.  Free it. */
char *
vl_hostdev_alias(const VlModel *m, xmlNodePtr dev)
{
    xmlNodePtr alias = vl_xml_child(dev, "alias");
    const char *name = vl_xml_attr(alias, "name");

    if (name)
        return g_strdup(name);
    for (guint i = 0; i < m->interfaces->len; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(m->interfaces, i), "type", "hostdev"))
            return NULL;
    }
    /* mutate: skip[rel:<=] — DEV is always an element of m->hostdevs (both callers take it from that array), so the loop returns at DEV's index before i reaches len */
    for (guint i = 0; i < m->hostdevs->len; i++) {
        if (g_ptr_array_index(m->hostdevs, i) == dev)
            return g_strdup_printf("hostdev%u", i);
    }
    return NULL;
}
