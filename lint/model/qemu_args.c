/* QEMU pass-through arguments; see qemu_args.h. */
#include "lint/model/qemu_args.h"
#include "lint/engine/version.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "lint/load/xml.h"
#include "lint/model/strings.h"

char *
vl_assumed_versions(const VlModel *m)
{
    char lv[32], qv[32];

    vl_version_format(m->config->libvirt_version, lv, sizeof(lv));
    if (!m->config->qemu_version)
        return g_strdup_printf("libvirt %s with a QEMU of unknown version (assumed 7.0 or later)", lv);
    return g_strdup_printf("libvirt %s with QEMU %s", lv, vl_version_format(m->config->qemu_version, qv, sizeof(qv)));
}

bool
vl_json_device(const VlModel *m)
{
    return m->config->libvirt_version >= VL_JSON_DEVICE_LIBVIRT &&
           (m->config->qemu_version == 0 || m->config->qemu_version >= VL_JSON_DEVICE_QEMU);
}

bool
vl_qemu_is_option(const char *value, const char *name)
{
    if (!value || value[0] != '-')
        return false;
    value += value[1] == '-' ? 2 : 1;
    return strcmp(value, name) == 0;
}

xmlNodePtr
vl_qemu_next_arg(xmlNodePtr arg)
{
    for (xmlNodePtr n = arg ? arg->next : NULL; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return vl_xml_is_ns(n, VL_NS_QEMU, "arg") ? n : NULL;
    }
    return NULL;
}

const char *
vl_qemu_arg_value(xmlNodePtr arg)
{
    const char *v = vl_xml_attr(arg, "value");
    return v ? v : "";
}

/* QEMU reads -set as GROUP.ID.PROP=VALUE (qemu_set_option). */
bool
vl_qemu_parse_set_device(const char *arg, VlQemuSet *out)
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
vl_qemu_set_clear(VlQemuSet *set)
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

bool
vl_qemu_property_for_set(const char *prop, const char *value, const char **type, char **out)
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
    if (vl_str_plain_decimal(value)) {
        *type = "unsigned";
        *out = g_strdup(value);
        return true;
    }
    if (value[0] == '-' && vl_str_plain_decimal(value + 1)) {
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
        if (!vl_str_plain_decimal(digits) || strlen(digits) > 9)
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
vl_qemu_legacy_device_ids(const VlModel *m)
{
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value;
        g_auto(GStrv) items = NULL;

        if (!vl_qemu_is_option(vl_qemu_arg_value(arg), "device"))
            continue;
        value = vl_qemu_arg_value(vl_qemu_next_arg(arg));
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
vl_qemu_json_device_ids(const VlModel *m)
{
    GHashTable *ids = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value;
        char *id;

        if (!vl_qemu_is_option(vl_qemu_arg_value(arg), "device"))
            continue;
        value = vl_qemu_arg_value(vl_qemu_next_arg(arg));
        if (value[0] == '{' && (id = json_id(value)))
            g_hash_table_add(ids, id);
    }
    return ids;
}
