#include "lint/load/srcmap.h"

#include <string.h>

struct VlSrcMap {
    const char *text;
    GHashTable *elems;      /* xmlNodePtr -> VlSrcElem* */
};

static void
src_elem_free(VlSrcElem *e)
{
    g_array_unref(e->attrs);
    g_free(e);
}

static bool
is_name_char(char c)
{
    return g_ascii_isalnum(c) || c == '_' || c == '-' || c == '.' || c == ':' || (unsigned char) c >= 0x80;
}

/* Skip past the end of a construct that starts at P with OPEN and ends with
 * CLOSE; returns the offset after CLOSE, or LEN when it never closes. */
static gsize
skip_past(const char *text, gsize len, gsize p, const char *close)
{
    const char *hit = g_strstr_len(text + p, (gssize) (len - p), close);
    return hit ? (gsize) (hit - text) + strlen(close) : len;
}

/* Parse the start tag at P ('<' of "<name ...>"), filling E. */
static bool
scan_start_tag(const char *text, gsize len, gsize p, VlSrcElem *e)
{
    gsize i = p + 1;

    e->start = p;
    while (i < len && is_name_char(text[i]))
        i++;
    for (;;) {
        VlSrcAttr a = { 0 };

        while (i < len && g_ascii_isspace(text[i]))
            i++;
        if (i >= len)
            return false;
        if (text[i] == '>') {
            e->tag_end = i + 1;
            return true;
        }
        if (text[i] == '/' && i + 1 < len && text[i + 1] == '>') {
            e->tag_end = i + 2;
            e->self_closing = true;
            return true;
        }
        a.name_start = i;
        while (i < len && is_name_char(text[i]))
            i++;
        a.name_end = i;
        if (a.name_end == a.name_start)
            return false;
        while (i < len && g_ascii_isspace(text[i]))
            i++;
        if (i >= len || text[i] != '=')
            return false;
        i++;
        while (i < len && g_ascii_isspace(text[i]))
            i++;
        if (i >= len || (text[i] != '\'' && text[i] != '"'))
            return false;
        a.quote = text[i];
        a.value_start = ++i;
        while (i < len && text[i] != a.quote)
            i++;
        if (i >= len)
            return false;
        a.value_end = i++;
        g_array_append_val(e->attrs, a);
    }
}

static xmlNodePtr
next_in_document_order(xmlNodePtr n)
{
    if (n->children) {
        for (xmlNodePtr c = n->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE)
                return c;
        }
    }
    for (; n; n = n->parent) {
        for (xmlNodePtr s = n->next; s; s = s->next) {
            if (s->type == XML_ELEMENT_NODE)
                return s;
        }
        if (!n->parent || n->parent->type != XML_ELEMENT_NODE)
            break;
    }
    return NULL;
}

VlSrcMap *
vl_srcmap_build(const char *text, gsize len, xmlDocPtr doc)
{
    g_autoptr(GPtrArray) open = g_ptr_array_new();
    VlSrcMap *map = g_new0(VlSrcMap, 1);
    xmlNodePtr next = xmlDocGetRootElement(doc);
    gsize p = 0;

    map->text = text;
    map->elems = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) src_elem_free);

    while (p < len) {
        const char *lt = memchr(text + p, '<', len - p);

        if (!lt)
            break;
        p = (gsize) (lt - text);
        if (g_str_has_prefix(lt, "<!--")) {
            p = skip_past(text, len, p + 4, "-->");
        } else if (g_str_has_prefix(lt, "<![CDATA[")) {
            p = skip_past(text, len, p + 9, "]]>");
        } else if (g_str_has_prefix(lt, "<?")) {
            p = skip_past(text, len, p + 2, "?>");
        } else if (g_str_has_prefix(lt, "<!")) {
            p = skip_past(text, len, p + 2, ">");
        } else if (p + 1 < len && text[p + 1] == '/') {
            VlSrcElem *e;
            if (open->len == 0)
                goto mismatch;
            e = g_ptr_array_steal_index(open, open->len - 1);
            e->close_start = p;
            p = skip_past(text, len, p, ">");
            e->end = p;
        } else {
            VlSrcElem *e = g_new0(VlSrcElem, 1);

            e->attrs = g_array_new(FALSE, TRUE, sizeof(VlSrcAttr));
            if (!next || !scan_start_tag(text, len, p, e)) {
                src_elem_free(e);
                goto mismatch;
            }
            g_hash_table_insert(map->elems, next, e);
            next = next_in_document_order(next);
            p = e->tag_end;
            if (e->self_closing)
                e->close_start = e->end = e->tag_end;
            else
                g_ptr_array_add(open, e);
        }
    }
    if (open->len == 0 && !next)
        return map;
mismatch:
    vl_srcmap_free(map);
    return NULL;
}

void
vl_srcmap_free(VlSrcMap *map)
{
    if (!map)
        return;
    g_hash_table_unref(map->elems);
    g_free(map);
}

const VlSrcElem *
vl_srcmap_get(const VlSrcMap *map, xmlNodePtr element)
{
    return g_hash_table_lookup(map->elems, element);
}

const VlSrcAttr *
vl_srcmap_attr(const VlSrcMap *map, const VlSrcElem *elem, const char *name)
{
    gsize nlen = strlen(name);

    for (guint i = 0; i < elem->attrs->len; i++) {
        const VlSrcAttr *a = &g_array_index(elem->attrs, VlSrcAttr, i);
        if (a->name_end - a->name_start == nlen && memcmp(map->text + a->name_start, name, nlen) == 0)
            return a;
    }
    return NULL;
}
