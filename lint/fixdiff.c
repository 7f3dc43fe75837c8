#include "fixdiff.h"

#include <stdlib.h>
#include <string.h>

#include "xml.h"

typedef struct {
    const VlFixSource *src;
    GPtrArray *edits;
} Diff;

static void
add_edit(Diff *d, gsize start, gsize end, const char *text)
{
    g_ptr_array_add(d->edits, vl_edit_new(start, end, text));
}

static bool
is_fix_ns(xmlNsPtr ns)
{
    return ns && ns->href && strcmp((const char *) ns->href, VL_NS_FIX) == 0;
}

/* The source element R was copied from, or NULL for a new element. */
static xmlNodePtr
origin(const Diff *d, xmlNodePtr r)
{
    for (xmlAttrPtr a = r->properties; a; a = a->next) {
        if (is_fix_ns(a->ns) && xmlStrEqual(a->name, BAD_CAST "id")) {
            g_autofree char *v = (char *) xmlNodeGetContent((xmlNodePtr) a);
            char *end;
            guint64 k = g_ascii_strtoull(v, &end, 10);
            return *end == '\0' && k < d->src->order->len ? g_ptr_array_index(d->src->order, k) : NULL;
        }
    }
    return NULL;
}

static char *
qname(xmlNodePtr n)
{
    if (n->ns && n->ns->prefix)
        return g_strdup_printf("%s:%s", n->ns->prefix, n->name);
    return g_strdup((const char *) n->name);
}

static void
append_escaped(GString *out, const char *s, char quote)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, quote ? ">" : "&gt;"); break;
        case '\'': g_string_append(out, quote == '\'' ? "&apos;" : "'"); break;
        case '"': g_string_append(out, quote == '"' ? "&quot;" : "\""); break;
        default: g_string_append_c(out, *s);
        }
    }
}

static void
append_attr(GString *out, const char *name, const char *value, char quote)
{
    g_string_append_printf(out, " %s=%c", name, quote);
    append_escaped(out, value, quote);
    g_string_append_c(out, quote);
}

/* PREFIX is bound to HREF where the edit lands (in the source tree at
 * SCOPE, or by an ancestor written in this same insertion). */
static bool
ns_in_scope(xmlNodePtr scope, GHashTable *written, const xmlChar *prefix, const xmlChar *href)
{
    const char *w = g_hash_table_lookup(written, prefix ? (const char *) prefix : "");
    xmlNsPtr ns;

    if (w)
        return strcmp(w, (const char *) href) == 0;
    ns = scope ? xmlSearchNs(scope->doc, scope, prefix) : NULL;
    return ns && xmlStrEqual(ns->href, href);
}

static bool
has_element_children(xmlNodePtr n)
{
    return xmlFirstElementChild(n) != NULL;
}

/* Text of a node's text children (for elements without element children). */
static char *
text_of(xmlNodePtr n)
{
    GString *s = g_string_new(NULL);

    for (xmlNodePtr c = n->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            g_string_append(s, (const char *) c->content);
    }
    return g_string_free(s, FALSE);
}

/* Write the new element R, indented by INDENT, in the file's style.  SCOPE
 * is the source element it will be inserted under. */
static void
serialize(const Diff *d, GString *out, xmlNodePtr r, const char *indent, xmlNodePtr scope, GHashTable *written)
{
    const VlTextStyle *st = d->src->style;
    g_autofree char *name = qname(r);
    g_autoptr(GHashTable) mine = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    GHashTableIter it;
    gpointer k, v;

    /* Namespaces this element declares and the edit location lacks. */
    g_hash_table_iter_init(&it, written);
    while (g_hash_table_iter_next(&it, &k, &v))
        g_hash_table_insert(mine, g_strdup(k), g_strdup(v));

    g_string_append_printf(out, "<%s", name);
    for (xmlNsPtr ns = r->nsDef; ns; ns = ns->next) {
        g_autofree char *attr = NULL;
        if (is_fix_ns(ns) || ns_in_scope(scope, mine, ns->prefix, ns->href))
            continue;
        attr = ns->prefix ? g_strdup_printf("xmlns:%s", ns->prefix) : g_strdup("xmlns");
        append_attr(out, attr, (const char *) ns->href, st->quote);
        g_hash_table_insert(mine, g_strdup(ns->prefix ? (const char *) ns->prefix : ""), g_strdup((const char *) ns->href));
    }
    for (xmlAttrPtr a = r->properties; a; a = a->next) {
        g_autofree char *value = NULL, *aname = NULL;
        if (is_fix_ns(a->ns))
            continue;
        value = (char *) xmlNodeGetContent((xmlNodePtr) a);
        aname = a->ns && a->ns->prefix ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                       : g_strdup((const char *) a->name);
        append_attr(out, aname, value ? value : "", st->quote);
    }

    if (has_element_children(r)) {
        g_autofree char *inner = g_strconcat(indent, st->indent_unit, NULL);

        g_string_append_c(out, '>');
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            g_string_append_printf(out, "%s%s", st->newline, inner);
            serialize(d, out, c, inner, scope, mine);
        }
        g_string_append_printf(out, "%s%s</%s>", st->newline, indent, name);
    } else {
        g_autofree char *text = text_of(r);
        if (*g_strstrip(text)) {
            g_string_append_c(out, '>');
            append_escaped(out, text, 0);
            g_string_append_printf(out, "</%s>", name);
        } else {
            g_string_append(out, "/>");
        }
    }
}

static char *
serialize_new(const Diff *d, xmlNodePtr r, const char *indent, xmlNodePtr scope)
{
    g_autoptr(GHashTable) written = g_hash_table_new(g_str_hash, g_str_equal);
    GString *out = g_string_new(NULL);

    serialize(d, out, r, indent, scope, written);
    return g_string_free(out, FALSE);
}

/* Indentation of source element O, or "" when it does not start a line. */
static char *
indent_of(const Diff *d, xmlNodePtr o)
{
    const VlSrcElem *e = vl_srcmap_get(d->src->map, o);
    char *indent = e ? vl_text_indent_at(d->src->text, e->start) : NULL;
    return indent ? indent : g_strdup("");
}

/* Indentation for children of source element O. */
static char *
child_indent(const Diff *d, xmlNodePtr o)
{
    for (xmlNodePtr c = o->children; c; c = c->next) {
        const VlSrcElem *e;
        char *indent;

        if (c->type != XML_ELEMENT_NODE || !(e = vl_srcmap_get(d->src->map, c)))
            continue;
        if ((indent = vl_text_indent_at(d->src->text, e->start)))
            return indent;
    }
    {
        g_autofree char *own = indent_of(d, o);
        return g_strconcat(own, d->src->style->indent_unit, NULL);
    }
}

static void
diff_attributes(Diff *d, xmlNodePtr o, xmlNodePtr r, const VlSrcElem *e)
{
    const char *text = d->src->text;
    char quote = d->src->style->quote;
    gsize insert_at;
    g_autoptr(GHashTable) kept = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    GString *added = g_string_new(NULL);

    /* where new attributes go: after the last one, or after the name */
    if (e->attrs->len)
        insert_at = g_array_index(e->attrs, VlSrcAttr, e->attrs->len - 1).value_end + 1;
    else {
        g_autofree char *name = qname(o);
        insert_at = e->start + 1 + strlen(name);
    }

    /* namespace declarations */
    for (xmlNsPtr ns = r->nsDef; ns; ns = ns->next) {
        g_autofree char *attr = NULL;
        const VlSrcAttr *sa;

        if (is_fix_ns(ns))
            continue;
        attr = ns->prefix ? g_strdup_printf("xmlns:%s", ns->prefix) : g_strdup("xmlns");
        g_hash_table_add(kept, g_strdup(attr));
        sa = vl_srcmap_attr(d->src->map, e, attr);
        if (!sa) {
            /* declared anew here, unless the source already binds it */
            xmlNsPtr have = xmlSearchNs(o->doc, o, ns->prefix);
            if (!have || !xmlStrEqual(have->href, ns->href))
                append_attr(added, attr, (const char *) ns->href, quote);
        } else if ((gsize) xmlStrlen(ns->href) != sa->value_end - sa->value_start ||
                   memcmp(text + sa->value_start, ns->href, sa->value_end - sa->value_start) != 0) {
            GString *v = g_string_new(NULL);
            append_escaped(v, (const char *) ns->href, sa->quote);
            add_edit(d, sa->value_start, sa->value_end, v->str);
            g_string_free(v, TRUE);
        }
    }

    /* ordinary attributes: changed and added */
    for (xmlAttrPtr a = r->properties; a; a = a->next) {
        g_autofree char *name = NULL, *value = NULL, *old = NULL;
        const VlSrcAttr *sa;

        if (is_fix_ns(a->ns))
            continue;
        name = a->ns && a->ns->prefix ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                      : g_strdup((const char *) a->name);
        value = (char *) xmlNodeGetContent((xmlNodePtr) a);
        g_hash_table_add(kept, g_strdup(name));
        sa = vl_srcmap_attr(d->src->map, e, name);
        if (!sa) {
            append_attr(added, name, value ? value : "", quote);
            continue;
        }
        old = a->ns ? (char *) xmlGetNsProp(o, a->name, a->ns->href) : (char *) xmlGetNoNsProp(o, a->name);
        if (g_strcmp0(old, value) != 0) {
            GString *v = g_string_new(NULL);
            append_escaped(v, value ? value : "", sa->quote);
            add_edit(d, sa->value_start, sa->value_end, v->str);
            g_string_free(v, TRUE);
        }
    }

    /* removed attributes (xmlns ones are never removed: a fixer that stops
     * using a prefix leaves its declaration alone) */
    for (guint i = 0; i < e->attrs->len; i++) {
        const VlSrcAttr *sa = &g_array_index(e->attrs, VlSrcAttr, i);
        g_autofree char *name = g_strndup(text + sa->name_start, sa->name_end - sa->name_start);
        gsize from = sa->name_start;

        if (g_str_has_prefix(name, "xmlns") || g_hash_table_contains(kept, name))
            continue;
        while (from > e->start && g_ascii_isspace(text[from - 1]))
            from--;
        add_edit(d, from, sa->value_end + 1, "");
    }

    if (added->len)
        add_edit(d, insert_at, insert_at, added->str);
    g_string_free(added, TRUE);
}

static void
delete_element(Diff *d, xmlNodePtr o)
{
    const VlSrcElem *e = vl_srcmap_get(d->src->map, o);
    const char *text = d->src->text;
    gsize ls, le;
    bool alone = true;

    if (!e)
        return;
    ls = vl_text_line_start(text, e->start);
    le = vl_text_line_end(text, d->src->len, e->end);
    for (gsize i = ls; i < e->start && alone; i++)
        alone = text[i] == ' ' || text[i] == '\t';
    for (gsize i = e->end; i < le && alone; i++)
        alone = g_ascii_isspace(text[i]);
    if (alone)
        add_edit(d, ls, le < d->src->len ? le + 1 : le, ""); /* the whole line(s) */
    else
        add_edit(d, e->start, e->end, "");
}

static void diff_element(Diff *d, xmlNodePtr o, xmlNodePtr r);

static void
replace_element(Diff *d, xmlNodePtr o, xmlNodePtr r)
{
    const VlSrcElem *e = vl_srcmap_get(d->src->map, o);
    g_autofree char *indent = indent_of(d, o);
    g_autofree char *text = NULL;

    if (!e)
        return;
    text = serialize_new(d, r, indent, o->parent);
    add_edit(d, e->start, e->end, text);
}

/* New elements go right after the surviving sibling before them, each on
 * its own line at the siblings' indentation; new elements before every
 * surviving sibling go in front of the first one. */
static void
insert_before(Diff *d, xmlNodePtr first, GPtrArray *news, const char *indent, xmlNodePtr scope)
{
    const VlTextStyle *st = d->src->style;
    const VlSrcElem *fe = vl_srcmap_get(d->src->map, first);
    g_autofree char *own = vl_text_indent_at(d->src->text, fe->start);
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < news->len; i++) {
        g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, scope);
        if (own)
            g_string_append_printf(out, "%s%s%s", indent, ser, st->newline);
        else
            g_string_append_printf(out, "%s%s%s", ser, st->newline, indent);
    }
    if (own) {
        gsize ls = vl_text_line_start(d->src->text, fe->start);
        add_edit(d, ls, ls, out->str);
    } else {
        add_edit(d, fe->start, fe->start, out->str);
    }
    g_string_free(out, TRUE);
}

/* Where to insert after an element ending at END: past blanks and comments
 * that follow it on its line (a trailing comment belongs to that element),
 * before the line end; or right at END when other markup follows. */
static gsize
after_trailing_comments(const char *text, gsize len, gsize end)
{
    gsize le = vl_text_line_end(text, len, end), p = end;

    while (p < le) {
        if (text[p] == ' ' || text[p] == '\t' || text[p] == '\r') {
            p++;
        } else if (g_str_has_prefix(text + p, "<!--")) {
            const char *close = g_strstr_len(text + p, (gssize) (le - p), "-->");
            if (!close)
                return end;
            p = (gsize) (close - text) + 3;
        } else {
            return end;
        }
    }
    /* before "\r\n" or "\n" */
    return le > end && text[le - 1] == '\r' ? le - 1 : le;
}

static void
insert_after(Diff *d, xmlNodePtr prev, GPtrArray *news, const char *indent, xmlNodePtr scope)
{
    const VlSrcElem *pe = vl_srcmap_get(d->src->map, prev);
    gsize at = after_trailing_comments(d->src->text, d->src->len, pe->end);
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < news->len; i++) {
        g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, scope);
        g_string_append_printf(out, "%s%s%s", d->src->style->newline, indent, ser);
    }
    add_edit(d, at, at, out->str);
    g_string_free(out, TRUE);
}

/* O keeps none of its element children: the new ones go at the end of its
 * content, before the end tag, so text and comments inside stay.  When O
 * had element children (all removed now) its inside is written anew. */
static void
rewrite_inside(Diff *d, xmlNodePtr o, const VlSrcElem *e, GPtrArray *news, const char *indent)
{
    const VlTextStyle *st = d->src->style;
    const char *text = d->src->text;
    g_autofree char *own = indent_of(d, o);
    g_autofree char *name = qname(o);
    GString *inner = g_string_new(NULL);

    for (guint i = 0; i < news->len; i++) {
        g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, o);
        g_string_append_printf(inner, "%s%s%s", st->newline, indent, ser);
    }
    if (e->self_closing) {
        /* <clock offset='utc'/>  ->  <clock offset='utc'> ... </clock> */
        gsize q = e->tag_end - 2;
        g_autofree char *repl = NULL;
        while (q > e->start && g_ascii_isspace(text[q - 1]))
            q--;
        repl = g_strdup_printf(">%s%s%s</%s>", inner->str, st->newline, own, name);
        add_edit(d, q, e->tag_end, repl);
    } else if (has_element_children(o)) {
        g_string_append_printf(inner, "%s%s", st->newline, own);
        add_edit(d, e->tag_end, e->close_start, inner->str);
    } else {
        /* after the last non-blank content; the blank before </name> stays */
        gsize q = e->close_start;
        while (q > e->tag_end && g_ascii_isspace(text[q - 1]))
            q--;
        if (!memchr(text + q, '\n', e->close_start - q))
            g_string_append_printf(inner, "%s%s", st->newline, own);
        add_edit(d, q, q, inner->str);
    }
    g_string_free(inner, TRUE);
}

static void
diff_children(Diff *d, xmlNodePtr o, xmlNodePtr r, const VlSrcElem *e)
{
    g_autoptr(GHashTable) matched = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GPtrArray) news = g_ptr_array_new();
    g_autofree char *indent = child_indent(d, o);
    xmlNodePtr prev = NULL;

    for (xmlNodePtr rc = r->children; rc; rc = rc->next) {
        xmlNodePtr oc;

        if (rc->type != XML_ELEMENT_NODE)
            continue;
        oc = origin(d, rc);
        if (!oc || oc->parent != o || g_hash_table_contains(matched, oc)) {
            g_ptr_array_add(news, rc); /* new, or moved here: written anew */
            continue;
        }
        g_hash_table_add(matched, oc);
        if (news->len) {
            if (prev)
                insert_after(d, prev, news, indent, o);
            else
                insert_before(d, oc, news, indent, o);
            g_ptr_array_set_size(news, 0);
        }
        diff_element(d, oc, rc);
        prev = oc;
    }

    if (!prev) {
        /* Nothing of the old content survives. */
        if (news->len) {
            rewrite_inside(d, o, e, news, indent);
            return;
        }
    } else if (news->len) {
        insert_after(d, prev, news, indent, o);
    }
    for (xmlNodePtr oc = o->children; oc; oc = oc->next) {
        if (oc->type == XML_ELEMENT_NODE && !g_hash_table_contains(matched, oc))
            delete_element(d, oc);
    }
}

/* A kept element whose name changed (say into a namespace prefix): rewrite
 * the name in its tags only, so its content, comments included, stays. */
static void
rename_element(Diff *d, const VlSrcElem *e, const char *old_name, const char *new_name)
{
    add_edit(d, e->start + 1, e->start + 1 + strlen(old_name), new_name);
    if (!e->self_closing)
        add_edit(d, e->close_start + 2, e->close_start + 2 + strlen(old_name), new_name);
}

static void
diff_element(Diff *d, xmlNodePtr o, xmlNodePtr r)
{
    const VlSrcElem *e = vl_srcmap_get(d->src->map, o);
    g_autofree char *oname = qname(o), *rname = qname(r);

    if (!e)
        return;
    if (strcmp(oname, rname) != 0)
        rename_element(d, e, oname, rname);
    diff_attributes(d, o, r, e);

    if (!has_element_children(o) && !has_element_children(r)) {
        g_autofree char *ot = text_of(o), *rt = text_of(r);
        if (strcmp(ot, rt) != 0) {
            if (e->self_closing) {
                replace_element(d, o, r);
            } else {
                GString *v = g_string_new(NULL);
                append_escaped(v, rt, 0);
                add_edit(d, e->tag_end, e->close_start, v->str);
                g_string_free(v, TRUE);
            }
        }
        return;
    }
    diff_children(d, o, r, e);
}

GPtrArray *
vl_fixdiff(const VlFixSource *src, xmlDocPtr result)
{
    Diff d = { .src = src, .edits = g_ptr_array_new_with_free_func((GDestroyNotify) vl_edit_free) };
    xmlNodePtr r = xmlDocGetRootElement(result);
    xmlNodePtr o = r ? origin(&d, r) : NULL;

    if (!o || o != g_ptr_array_index(src->order, 0)) {
        g_ptr_array_unref(d.edits);
        return NULL;
    }
    diff_element(&d, o, r);
    return d.edits;
}
