/* See device_address.h. */
#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/device_address.h"

bool
vl_address_part(xmlNodePtr address, const char *name, guint64 *out)
{
    const char *text = vl_xml_attr(address, name);
    char *end = NULL;

    *out = 0;
    if (!text)
        return true;
    *out = g_ascii_strtoull(text, &end, 0);
    return end != text && *end == '\0';   /* g_ascii_strtoull always sets END */
}

char *
vl_pci_address_key(xmlNodePtr address)
{
    guint64 domain, bus, slot, function;

    if (!vl_address_part(address, "domain", &domain) || !vl_address_part(address, "bus", &bus) ||
        !vl_address_part(address, "slot", &slot) || !vl_address_part(address, "function", &function))
        return NULL;
    return g_strdup_printf("%04" G_GINT64_MODIFIER "x:%02" G_GINT64_MODIFIER "x:%02" G_GINT64_MODIFIER
                           "x.%" G_GINT64_MODIFIER "x",
                           domain, bus, slot, function);
}

char *
vl_device_label(xmlNodePtr dev)
{
    const char *name = (const char *) dev->name;
    xmlNodePtr target = vl_xml_child(dev, "target");

    if (strcmp(name, "disk") == 0 && vl_xml_attr(target, "dev"))
        return g_strdup_printf("<disk> %s", vl_xml_attr(target, "dev"));
    if ((strcmp(name, "controller") == 0 || strcmp(name, "hostdev") == 0 || strcmp(name, "interface") == 0) &&
        vl_xml_attr(dev, "type"))
        return g_strdup_printf("<%s type='%s'>", name, vl_xml_attr(dev, "type"));
    if (vl_xml_attr(dev, "model") && strcmp(name, "hostdev") != 0)
        return g_strdup_printf("<%s model='%s'>", name, vl_xml_attr(dev, "model"));
    return g_strdup_printf("<%s>", name);
}

bool
vl_pci_number(const char *text, guint64 *out)
{
    char *end;

    if (!text || !*text)
        return false;
    *out = g_ascii_strtoull(text, &end, 0);
    return *end == '\0';
}
