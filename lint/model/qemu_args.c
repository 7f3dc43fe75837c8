/* Helpers shared by the qemu-snapshot-misc rules (see the header). */
#include "lint/model/qemu_args.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "lint/load/xml.h"

char *
qsm_versions(const VlModel *m)
{
    char lv[32], qv[32];

    vl_version_format(m->config->libvirt_version, lv, sizeof(lv));
    if (!m->config->qemu_version)
        return g_strdup_printf("libvirt %s with a QEMU of unknown version (assumed 7.0 or later)", lv);
    return g_strdup_printf("libvirt %s with QEMU %s", lv, vl_version_format(m->config->qemu_version, qv, sizeof(qv)));
}

bool
qsm_json_device(const VlModel *m)
{
    return m->config->libvirt_version >= QSM_JSON_DEVICE_LIBVIRT &&
           (m->config->qemu_version == 0 || m->config->qemu_version >= QSM_JSON_DEVICE_QEMU);
}

bool
qsm_is_option(const char *value, const char *name)
{
    if (!value || value[0] != '-')
        return false;
    value += value[1] == '-' ? 2 : 1;
    return strcmp(value, name) == 0;
}

xmlNodePtr
qsm_next_arg(xmlNodePtr arg)
{
    for (xmlNodePtr n = arg ? arg->next : NULL; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return vl_xml_is_ns(n, VL_NS_QEMU, "arg") ? n : NULL;
    }
    return NULL;
}

xmlNodePtr
qsm_prev_arg(xmlNodePtr arg)
{
    for (xmlNodePtr n = arg ? arg->prev : NULL; n; n = n->prev) {
        if (n->type == XML_ELEMENT_NODE)
            return vl_xml_is_ns(n, VL_NS_QEMU, "arg") ? n : NULL;
    }
    return NULL;
}

const char *
qsm_arg_value(xmlNodePtr arg)
{
    const char *v = vl_xml_attr(arg, "value");
    return v ? v : "";
}

/* QEMU reads -set as GROUP.ID.PROP=VALUE (qemu_set_option). */
bool
qsm_parse_set_device(const char *arg, QsmSet *out)
{
    const char *id, *dot, *eq;

    memset(out, 0, sizeof(*out));
    if (!g_str_has_prefix(arg, "device."))
        return false;
    id = arg + strlen("device.");
    dot = strchr(id, '.');
    eq = dot ? strchr(dot + 1, '=') : NULL;
    if (!eq || dot == id || eq == dot + 1) /* no eq without a dot */
        return false;
    out->id = g_strndup(id, dot - id);
    out->prop = g_strndup(dot + 1, eq - dot - 1);
    out->value = g_strdup(eq + 1);
    return true;
}

void
qsm_set_clear(QsmSet *set)
{
    g_clear_pointer(&set->id, g_free);
    g_clear_pointer(&set->prop, g_free);
    g_clear_pointer(&set->value, g_free);
}

/* Properties whose JSON value is a string even when it looks like a number
 * or a boolean: strings, PCI addresses, and QEMU's on/off/auto enums.  The
 * same list is in fixers/qemu-set-device-json.xsl. */
static const char *const string_props[] = {
    "romfile", "serial", "vendor", "product", "ver", "model", "drive", "netdev", "chardev",
    "bus", "addr", "driver", "host", "sysfsdev", "disable-legacy", "display", "enable-migration",
    NULL,
};

static bool
all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        if (!g_ascii_isdigit(*s))
            return false;
    }
    return true;
}

/* A decimal number QEMU reads the same way as libvirt: no leading zero
 * (QEMU's legacy parser reads 010 as octal). */
static bool
plain_decimal(const char *s)
{
    return all_digits(s) && (s[0] != '0' || s[1] == '\0');
}

bool
qsm_property_for_set(const char *prop, const char *value, const char **type, char **out)
{
    static const char *const yes[] = { "on", "yes", "true", "y", NULL };
    static const char *const no[] = { "off", "no", "false", "n", NULL };
    size_t len = strlen(value);

    if (g_strv_contains(string_props, prop)) {
        *type = "string";
        *out = g_strdup(value);
        return true;
    }
    if (g_strv_contains(yes, value) || g_strv_contains(no, value)) {
        *type = "bool";
        *out = g_strdup(g_strv_contains(yes, value) ? "true" : "false");
        return true;
    }
    if (plain_decimal(value)) {
        *type = "unsigned";
        *out = g_strdup(value);
        return true;
    }
    if (value[0] == '-' && plain_decimal(value + 1)) {
        *type = "signed";
        *out = g_strdup(value);
        return true;
    }
    if ((g_str_has_prefix(value, "0x") || g_str_has_prefix(value, "0X")) && len > 2 && len <= 15) {
        guint64 n = 0;
        for (const char *p = value + 2; *p; p++) {
            if (!g_ascii_isxdigit(*p))
                return false;
            n = n * 16 + (guint64) g_ascii_xdigit_value(*p);
        }
        *type = "unsigned";
        *out = g_strdup_printf("%" G_GUINT64_FORMAT, n);
        return true;
    }
    if (len >= 2 && strchr("kKmMgGtT", value[len - 1])) {
        g_autofree char *digits = g_strndup(value, len - 1);
        guint64 n;
        int shift = strchr("kK", value[len - 1]) ? 10 : strchr("mM", value[len - 1]) ? 20
                  : strchr("gG", value[len - 1]) ? 30 : 40;

        /* QEMU's size suffixes are binary; stay where XSLT's doubles are exact */
        if (!plain_decimal(digits) || strlen(digits) > 9)
            return false;
        n = g_ascii_strtoull(digits, NULL, 10);
        /* compared before the shift: 16777216T would wrap around to 0 */
        if (n > (G_GUINT64_CONSTANT(1) << 53 >> shift))
            return false;
        n <<= shift;
        *type = "unsigned";
        *out = g_strdup_printf("%" G_GUINT64_FORMAT, n);
        return true;
    }
    /* anything else starting like a number is ambiguous (1.5G, 010, 0b1) */
    if (g_ascii_isdigit(value[0]) || (value[0] == '-' && g_ascii_isdigit(value[1])) || value[0] == '+')
        return false;
    *type = "string";
    *out = g_strdup(value);
    return true;
}

GHashTable *
qsm_legacy_device_ids(const VlModel *m)
{
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value;
        g_auto(GStrv) items = NULL;

        if (!qsm_is_option(qsm_arg_value(arg), "device"))
            continue;
        value = qsm_arg_value(qsm_next_arg(arg));
        if (value[0] == '{')
            continue; /* JSON: -set cannot reach it either */
        items = g_strsplit(value, ",", -1);
        for (char **item = items; *item; item++) {
            if (g_str_has_prefix(*item, "id="))
                g_hash_table_add(ids, g_strdup(*item + 3));
        }
    }
    return ids;
}

/* The "id" member of a JSON object, or NULL. */
static char *
json_id(const char *text)
{
    json_object *obj = json_tokener_parse(text);
    json_object *id;
    char *out = NULL;

    /* json_object_object_get_ex() is false for NULL and for anything but an object */
    if (json_object_object_get_ex(obj, "id", &id) && json_object_is_type(id, json_type_string))
        out = g_strdup(json_object_get_string(id));
    json_object_put(obj);
    return out;
}

GHashTable *
qsm_json_device_ids(const VlModel *m)
{
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value;
        char *id;

        if (!qsm_is_option(qsm_arg_value(arg), "device"))
            continue;
        value = qsm_arg_value(qsm_next_arg(arg));
        if (value[0] == '{' && (id = json_id(value)))
            g_hash_table_add(ids, id);
    }
    return ids;
}

static const char *
alias_of(xmlNodePtr dev)
{
    return vl_xml_attr(vl_xml_child(dev, "alias"), "name");
}

GHashTable *
qsm_user_aliases(const VlModel *m)
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
qsm_device_with_alias(const VlModel *m, const char *name)
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
    return g_str_has_prefix(name, prefix) && all_digits(name + strlen(prefix)) &&
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
        if (!all_digits(parts[i]))
            return false;
    }
    return true;
}

bool
qsm_generated_alias(const VlModel *m, const char *name, xmlNodePtr *device, bool *implicit)
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
        if (g_str_has_prefix(name, implicit_prefixes[i]) && (!*rest || all_digits(rest))) {
            *implicit = true;
            return true;
        }
    }
    return false;
}

bool
qsm_override_value_valid(const char *type, const char *value)
{
    char *end = NULL;

    if (!type || !value)
        return false;
    if (strcmp(type, "bool") == 0)
        return strcmp(value, "true") == 0 || strcmp(value, "false") == 0;
    errno = 0;
    if (strcmp(type, "unsigned") == 0) {
        (void) strtoull(value, &end, 10);
        return errno == 0 && end != value && *end == '\0' && !memchr(value, '-', end - value);
    }
    if (strcmp(type, "signed") == 0) {
        (void) strtoll(value, &end, 10);
        return errno == 0 && end != value && *end == '\0';
    }
    return true; /* string, remove, or a type the schema rejects */
}

char *
qsm_override_value_fix(const char *type, const char *value)
{
    static const char *const yes[] = { "on", "yes", "y", "1", "true", NULL };
    static const char *const no[] = { "off", "no", "n", "0", "false", NULL };
    const char *ptype = NULL;
    char *out = NULL;

    if (strcmp(type, "bool") == 0) {
        g_autofree char *lower = g_ascii_strdown(value, -1);
        if (g_strv_contains(yes, lower))
            return g_strdup("true");
        if (g_strv_contains(no, lower))
            return g_strdup("false");
        return NULL;
    }
    if (strcmp(type, "unsigned") != 0 && strcmp(type, "signed") != 0)
        return NULL;
    /* hex numbers and sizes with a binary suffix, as QEMU reads them: the
     * unsigned numbers qsm_property_for_set() reads besides plain decimals,
     * which need no fix */
    if (plain_decimal(value))
        return NULL;
    if (!qsm_property_for_set("", value, &ptype, &out) || strcmp(ptype, "unsigned") != 0) {
        g_free(out);
        return NULL;
    }
    return out;
}

GPtrArray *
qsm_override_properties(xmlNodePtr device)
{
    GPtrArray *props = g_ptr_array_new();

    for (xmlNodePtr fe = device->children; fe; fe = fe->next) {
        if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
            continue;
        for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
            if (vl_xml_is_ns(prop, VL_NS_QEMU, "property"))
                g_ptr_array_add(props, prop);
        }
    }
    return props;
}

xmlNodePtr
qsm_smbios_sysinfo(const VlModel *m)
{
    /* the domain's direct children only: there may be a fwcfg one first */
    for (xmlNodePtr child = m->root ? m->root->children : NULL; child; child = child->next) {
        if (vl_xml_is(child, "sysinfo") && vl_xml_attr_is(child, "type", "smbios"))
            return child;
    }
    return NULL;
}

bool
qsm_sysinfo_has_content(xmlNodePtr sysinfo)
{
    for (xmlNodePtr group = sysinfo ? sysinfo->children : NULL; group; group = group->next) {
        if (xmlFirstElementChild(group)) /* NULL for text and comments */
            return true;
    }
    return false;
}
