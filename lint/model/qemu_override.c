/* <qemu:override>; see qemu_override.h. */
#include "lint/model/qemu_override.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/model/strings.h"

bool
vl_override_value_valid(const char *type, const char *value)
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
vl_override_value_fix(const char *type, const char *value)
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
     * unsigned numbers vl_qemu_property_for_set() reads besides plain decimals,
     * which need no fix */
    if (vl_str_plain_decimal(value))
        return NULL;
    if (!vl_qemu_property_for_set("", value, &ptype, &out) || strcmp(ptype, "unsigned") != 0) {
        g_free(out);
        return NULL;
    }
    return out;
}

GPtrArray *
vl_override_properties(xmlNodePtr device)
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

/* The <qemu:property name=NAME> of the qemu:override device ALIAS, or NULL. */
xmlNodePtr
vl_override_property(const VlModel *m, const char *alias, const char *name)
{
    if (!alias)
        return NULL;
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);

        if (!vl_xml_attr_is(dev, "alias", alias))
            continue;
        for (xmlNodePtr fe = dev->children; fe; fe = fe->next) {
            if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
                continue;
            for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
                if (vl_xml_is_ns(prop, VL_NS_QEMU, "property") && vl_xml_attr_is(prop, "name", name))
                    return prop;
            }
        }
    }
    return NULL;
}
