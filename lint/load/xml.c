#include "lint/load/xml.h"

#include <string.h>

bool
vl_xml_is(xmlNodePtr node, const char *name)
{
    return node && node->type == XML_ELEMENT_NODE && !node->ns &&
           strcmp((const char *) node->name, name) == 0;
}

bool
vl_xml_is_ns(xmlNodePtr node, const char *uri, const char *name)
{
    /* mutate: skip[drop-and@66] — equivalent: libxml2 gives every namespace it parses an href */
    return node && node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
           strcmp((const char *) node->ns->href, uri) == 0 &&
           strcmp((const char *) node->name, name) == 0;
}

const char *
vl_xml_attr(xmlNodePtr node, const char *name)
{
    if (!node || node->type != XML_ELEMENT_NODE)
        return NULL;
    for (xmlAttrPtr attr = node->properties; attr; attr = attr->next) {
        if (attr->ns || strcmp((const char *) attr->name, name) != 0)
            continue;
        if (attr->children && attr->children->type == XML_TEXT_NODE && !attr->children->next)
            return (const char *) attr->children->content;
        return ""; /* empty value, or entity references we never expand */
    }
    return NULL;
}

bool
vl_xml_attr_is(xmlNodePtr node, const char *name, const char *value)
{
    const char *v = vl_xml_attr(node, name);
    return v && strcmp(v, value) == 0;
}

xmlNodePtr
vl_xml_child(xmlNodePtr node, const char *name)
{
    if (!node)
        return NULL;
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (vl_xml_is(child, name))
            return child;
    }
    return NULL;
}

xmlNodePtr
vl_xml_child_with(xmlNodePtr node, const char *name, const char *attr, const char *value)
{
    if (!node)
        return NULL;
    for (xmlNodePtr child = node->children; child; child = child->next) {
        if (vl_xml_is(child, name) && vl_xml_attr_is(child, attr, value))
            return child;
    }
    return NULL;
}

const char *
vl_xml_text(xmlNodePtr node, char *buf, gsize size)
{
    buf[0] = '\0';
    if (!node)
        return buf;
    for (xmlNodePtr child = node->children; child; child = child->next) {
        /* mutate: skip[drop-and@45] — equivalent: libxml2 text nodes always have content */
        if (child->type == XML_TEXT_NODE && child->content) {
            g_strlcpy(buf, (const char *) child->content, size);
            break;
        }
    }
    return g_strstrip(buf);
}

bool
vl_xml_parse_uint(const char *text, guint64 *out)
{
    char *end;
    guint64 value;

    if (!text)
        return false;
    while (g_ascii_isspace(*text))
        text++;
    if (!g_ascii_isdigit(*text))
        return false;
    value = g_ascii_strtoull(text, &end, 10);
    while (g_ascii_isspace(*end))
        end++;
    if (*end)
        return false;
    *out = value;
    return true;
}

int
vl_xml_line(xmlNodePtr node)
{
    long line = node ? xmlGetLineNo(node) : 0;
    /* mutate: skip[rel:>=@17,drop-and@24,rel:<@29] — equivalent: line 0 gives 0 either way, and no document reaches line 2^31 */
    return line > 0 && line <= G_MAXINT ? (int) line : 0;
}

bool
vl_state_on(xmlNodePtr node)
{
    return vl_xml_attr_is(node, "state", "on"); /* false for NULL */
}

bool
vl_state_off(xmlNodePtr node)
{
    return vl_xml_attr_is(node, "state", "off");
}
