#include "lint/fix/fixdiff.h"

#include <stdlib.h>
#include <string.h>

#include "lint/load/xml.h"

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

/* VALUE (UTF-8, from the result tree) as the source must spell it: in an
 * attribute (QUOTE set) tab, newline and carriage return as character
 * references, or XML would normalise them to spaces; a carriage return in
 * text too (it would become a newline); and in a file not in UTF-8 every
 * other character as a reference, which any encoding can carry. */
static void
append_escaped(GString *out, const char *s, char quote, bool ascii)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': g_string_append(out, "&amp;"); break;
        case '<': g_string_append(out, "&lt;"); break;
        case '>': g_string_append(out, quote ? ">" : "&gt;"); break;
        case '\'': g_string_append(out, quote == '\'' ? "&apos;" : "'"); break;
        case '"': g_string_append(out, quote == '"' ? "&quot;" : "\""); break;
        case '\r': g_string_append(out, "&#13;"); break;
        case '\t': g_string_append(out, quote ? "&#9;" : "\t"); break;
        case '\n': g_string_append(out, quote ? "&#10;" : "\n"); break;
        default:
            if (ascii && (guchar) *s >= 0x80) {
                gunichar c = g_utf8_get_char_validated(s, -1);

                if (c != (gunichar) -1 && c != (gunichar) -2) {
                    g_string_append_printf(out, "&#%u;", (unsigned) c);
                    s = g_utf8_next_char(s) - 1;
                    break;
                }
            }
            g_string_append_c(out, *s);
        }
    }
}

static void
append_attr(GString *out, const char *name, const char *value, char quote, bool ascii)
{
    g_string_append_printf(out, " %s=%c", name, quote);
    append_escaped(out, value, quote, ascii);
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

static char *moved_text(const Diff *d, xmlNodePtr o, xmlNodePtr r, const char *indent);
static void serialize(const Diff *d, GString *out, xmlNodePtr r, const char *indent, xmlNodePtr scope,
                      GHashTable *written);

/* Result element R at a new place: from its source text when the fixer
 * moved it (see moved_text), else written anew. */
static void
write_element(const Diff *d, GString *out, xmlNodePtr r, const char *indent, xmlNodePtr scope, GHashTable *written)
{
    xmlNodePtr o = origin(d, r);
    g_autofree char *moved = o ? moved_text(d, o, r, indent) : NULL;

    if (moved)
        g_string_append(out, moved);
    else
        serialize(d, out, r, indent, scope, written);
}

static void
write_markup(GString *out, xmlNodePtr n)
{
    if (n->type == XML_COMMENT_NODE)
        g_string_append_printf(out, "<!--%s-->", n->content ? (const char *) n->content : "");
    else
        g_string_append_printf(out, "<?%s%s%s?>", n->name, n->content ? " " : "",
                               n->content ? (const char *) n->content : "");
}

/* Write the new element R, indented by INDENT, in the file's style.  SCOPE
 * is the source element it will be inserted under. */
static void
serialize(const Diff *d, GString *out, xmlNodePtr r, const char *indent, xmlNodePtr scope, GHashTable *written)
{
    const VlTextStyle *st = d->src->style;
    g_autofree char *name = qname(r);
    g_autoptr(GHashTable) mine = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    bool content = false;
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
        append_attr(out, attr, (const char *) ns->href, st->quote, d->src->ascii);
        g_hash_table_insert(mine, g_strdup(ns->prefix ? (const char *) ns->prefix : ""), g_strdup((const char *) ns->href));
    }
    for (xmlAttrPtr a = r->properties; a; a = a->next) {
        g_autofree char *value = NULL, *aname = NULL;
        if (is_fix_ns(a->ns))
            continue;
        value = (char *) xmlNodeGetContent((xmlNodePtr) a);
        aname = a->ns && a->ns->prefix ? g_strdup_printf("%s:%s", a->ns->prefix, a->name)
                                       : g_strdup((const char *) a->name);
        append_attr(out, aname, value ? value : "", st->quote, d->src->ascii);
    }

    if (has_element_children(r)) {
        /* elements, comments and processing instructions each on a line;
         * the blank text between them is the layout this writes anew */
        g_autofree char *inner = g_strconcat(indent, st->indent_unit, NULL);

        g_string_append_c(out, '>');
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE && c->type != XML_COMMENT_NODE && c->type != XML_PI_NODE)
                continue;
            g_string_append_printf(out, "%s%s", st->newline, inner);
            if (c->type == XML_ELEMENT_NODE)
                write_element(d, out, c, inner, scope, mine);
            else
                write_markup(out, c);
        }
        g_string_append_printf(out, "%s%s</%s>", st->newline, indent, name);
        return;
    }
    for (xmlNodePtr c = r->children; c && !content; c = c->next)
        content = c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE ||
                  ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && !xmlIsBlankNode(c));
    if (!content) {
        g_string_append(out, "/>");
        return;
    }
    /* text, comments and processing instructions as they come */
    g_string_append_c(out, '>');
    for (xmlNodePtr c = r->children; c; c = c->next) {
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            append_escaped(out, (const char *) c->content, 0, d->src->ascii);
        else if (c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE)
            write_markup(out, c);
    }
    g_string_append_printf(out, "</%s>", name);
}

static char *
serialize_new(const Diff *d, xmlNodePtr r, const char *indent, xmlNodePtr scope)
{
    g_autoptr(GHashTable) written = g_hash_table_new(g_str_hash, g_str_equal);
    GString *out = g_string_new(NULL);

    write_element(d, out, r, indent, scope, written);
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
                append_attr(added, attr, (const char *) ns->href, quote, d->src->ascii);
        } else if ((gsize) xmlStrlen(ns->href) != sa->value_end - sa->value_start ||
                   memcmp(text + sa->value_start, ns->href, sa->value_end - sa->value_start) != 0) {
            GString *v = g_string_new(NULL);
            append_escaped(v, (const char *) ns->href, sa->quote, d->src->ascii);
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
            append_attr(added, name, value ? value : "", quote, d->src->ascii);
            continue;
        }
        old = a->ns ? (char *) xmlGetNsProp(o, a->name, a->ns->href) : (char *) xmlGetNoNsProp(o, a->name);
        if (g_strcmp0(old, value) != 0) {
            GString *v = g_string_new(NULL);
            append_escaped(v, value ? value : "", sa->quote, d->src->ascii);
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
    g_autoptr(GHashTable) written = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GString) text = g_string_new(NULL);

    if (!e)
        return;
    serialize(d, text, r, indent, o->parent, written); /* anew: O itself is what changes */
    add_edit(d, e->start, e->end, text->str);
}

/* The start of the comment lines right above line LS (each comment alone
 * on its lines), or LS.  A comment above an element speaks of it, and a
 * virtlint-disable comment suppresses it: what is inserted before the
 * element goes above them. */
static gsize
above_own_comments(const char *text, gsize ls)
{
    while (ls > 0) {
        gsize end = ls - 1, start; /* the previous line, without its newline */
        const char *open;

        while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == ' ' || text[end - 1] == '\t'))
            end--;
        if (end < 3 || strncmp(text + end - 3, "-->", 3) != 0)
            break;
        open = g_strrstr_len(text, (gssize) (end - 3), "<!--");
        if (!open)
            break;
        start = vl_text_line_start(text, (gsize) (open - text));
        for (gsize i = start; i < (gsize) (open - text); i++)
            if (text[i] != ' ' && text[i] != '\t')
                return ls;
        ls = start;
    }
    return ls;
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
        gsize ls = above_own_comments(d->src->text, vl_text_line_start(d->src->text, fe->start));
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

/* O keeps none of its element children in place: the new ones go at the
 * end of its content, before the end tag (on lines of their own when the
 * end tag has one), so text and comments inside stay; the old children
 * are deleted one by one. */
static void
rewrite_inside(Diff *d, xmlNodePtr o, const VlSrcElem *e, GPtrArray *news, const char *indent)
{
    const VlTextStyle *st = d->src->style;
    const char *text = d->src->text;
    g_autofree char *own = indent_of(d, o);
    g_autofree char *name = qname(o);
    GString *inner = g_string_new(NULL);
    gsize ls, q;
    bool own_line = !e->self_closing;

    if (e->self_closing) {
        /* <clock offset='utc'/>  ->  <clock offset='utc'> ... </clock> */
        g_autofree char *repl = NULL;

        for (guint i = 0; i < news->len; i++) {
            g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, o);
            g_string_append_printf(inner, "%s%s%s", st->newline, indent, ser);
        }
        q = e->tag_end - 2;
        while (q > e->start && g_ascii_isspace(text[q - 1]))
            q--;
        repl = g_strdup_printf(">%s%s%s</%s>", inner->str, st->newline, own, name);
        add_edit(d, q, e->tag_end, repl);
        g_string_free(inner, TRUE);
        return;
    }

    ls = vl_text_line_start(text, e->close_start);
    for (gsize i = ls; i < e->close_start && own_line; i++)
        own_line = text[i] == ' ' || text[i] == '\t';
    if (own_line && ls > e->tag_end) {
        for (guint i = 0; i < news->len; i++) {
            g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, o);
            g_string_append_printf(inner, "%s%s%s", indent, ser, st->newline);
        }
        add_edit(d, ls, ls, inner->str);
    } else {
        /* after the last non-blank content; the blank before </name> stays */
        for (guint i = 0; i < news->len; i++) {
            g_autofree char *ser = serialize_new(d, g_ptr_array_index(news, i), indent, o);
            g_string_append_printf(inner, "%s%s%s", st->newline, indent, ser);
        }
        q = e->close_start;
        while (q > e->tag_end && g_ascii_isspace(text[q - 1]))
            q--;
        if (!memchr(text + q, '\n', e->close_start - q))
            g_string_append_printf(inner, "%s%s", st->newline, own);
        add_edit(d, q, q, inner->str);
    }
    g_string_free(inner, TRUE);
}

/* Which children of R stay where they are: those copied from children of O
 * in the order O has them, as many as possible (a longest increasing run
 * of their positions in O).  Any other child of O in R was moved: it is
 * deleted from its place and written at its new one. */
static GHashTable *
kept_in_place(const Diff *d, xmlNodePtr o, xmlNodePtr r)
{
    g_autoptr(GHashTable) position = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GArray) pos = g_array_new(FALSE, FALSE, sizeof(guint));
    g_autoptr(GPtrArray) cand = g_ptr_array_new();
    g_autofree guint *len = NULL, *back = NULL;
    GHashTable *kept = g_hash_table_new(g_direct_hash, g_direct_equal);
    guint n = 0, best = 0;

    for (xmlNodePtr oc = o->children; oc; oc = oc->next)
        if (oc->type == XML_ELEMENT_NODE)
            g_hash_table_insert(position, oc, GUINT_TO_POINTER(++n));
    for (xmlNodePtr rc = r->children; rc; rc = rc->next) {
        xmlNodePtr oc = rc->type == XML_ELEMENT_NODE ? origin(d, rc) : NULL;
        guint p = oc ? GPOINTER_TO_UINT(g_hash_table_lookup(position, oc)) : 0;

        if (p && !g_ptr_array_find(cand, oc, NULL)) {
            g_ptr_array_add(cand, oc);
            g_array_append_val(pos, p);
        }
    }
    /* quadratic, over one element's children */
    len = g_new0(guint, cand->len + 1);
    back = g_new0(guint, cand->len + 1);
    for (guint i = 0; i < cand->len; i++) {
        len[i] = 1;
        back[i] = G_MAXUINT;
        for (guint j = 0; j < i; j++) {
            if (g_array_index(pos, guint, j) < g_array_index(pos, guint, i) && len[j] + 1 > len[i]) {
                len[i] = len[j] + 1;
                back[i] = j;
            }
        }
        if (len[i] > len[best])
            best = i;
    }
    for (guint i = cand->len ? best : G_MAXUINT; i != G_MAXUINT; i = back[i])
        g_hash_table_add(kept, g_ptr_array_index(cand, i));
    return kept;
}

/* Whether N holds nothing but whitespace text (no element, comment, CDATA
 * or other text). */
static bool
only_blanks(xmlNodePtr n)
{
    for (xmlNodePtr c = n->children; c; c = c->next)
        if (c->type != XML_TEXT_NODE || !xmlIsBlankNode(c))
            return false;
    return true;
}

static void
diff_children(Diff *d, xmlNodePtr o, xmlNodePtr r, const VlSrcElem *e)
{
    g_autoptr(GHashTable) kept = NULL;
    g_autoptr(GHashTable) matched = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GPtrArray) news = g_ptr_array_new();
    g_autofree char *indent = child_indent(d, o);
    xmlNodePtr prev = NULL;

    /* Every child goes and only blanks would be left between the tags: the
     * element becomes empty (<memballoon model='none'/>) instead of keeping
     * a blank line before its end tag.  Attribute edits end at the '>'
     * this replaces, and come first at the same place. */
    if (!e->self_closing && only_blanks(r)) {
        bool blank = true;

        for (xmlNodePtr oc = o->children; oc && blank; oc = oc->next)
            blank = oc->type == XML_ELEMENT_NODE || (oc->type == XML_TEXT_NODE && xmlIsBlankNode(oc));
        if (blank) {
            add_edit(d, e->tag_end - 1, e->end, "/>");
            return;
        }
    }
    kept = kept_in_place(d, o, r);

    for (xmlNodePtr rc = r->children; rc; rc = rc->next) {
        xmlNodePtr oc;

        if (rc->type != XML_ELEMENT_NODE)
            continue;
        oc = origin(d, rc);
        if (!oc || !g_hash_table_contains(kept, oc) || g_hash_table_contains(matched, oc)) {
            g_ptr_array_add(news, rc); /* new, moved, or copied: written at its place */
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
        /* Nothing of the old content survives in place. */
        if (news->len)
            rewrite_inside(d, o, e, news, indent);
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

/* Past the comment, processing instruction or CDATA section at P, or P
 * itself when none starts there. */
static gsize
skip_markup(const char *text, gsize p, gsize end, bool *is_text)
{
    static const struct { const char *open, *close; bool text; } kinds[] = {
        { "<!--", "-->", false }, { "<?", "?>", false }, { "<![CDATA[", "]]>", true },
    };

    for (guint k = 0; k < G_N_ELEMENTS(kinds); k++) {
        const char *close;

        if (!g_str_has_prefix(text + p, kinds[k].open))
            continue;
        close = g_strstr_len(text + p, (gssize) (end - p), kinds[k].close);
        *is_text = kinds[k].text;
        return close ? (gsize) (close - text) + strlen(kinds[k].close) : end;
    }
    return p;
}

/* The text of E (an element without element children) becomes RT, and the
 * comments and processing instructions among it stay: RT replaces the
 * first run of text that is not blank, the other such runs are emptied. */
static void
replace_text(Diff *d, const VlSrcElem *e, const char *rt)
{
    const char *text = d->src->text;
    g_autoptr(GString) v = g_string_new(NULL);
    gsize p = e->tag_end, run = p;
    bool placed = false, blank = true;

    append_escaped(v, rt, 0, d->src->ascii);
    for (;;) {
        bool is_text = false;
        gsize next = p < e->close_start ? skip_markup(text, p, e->close_start, &is_text) : p;

        if (p == e->close_start || (next != p && !is_text)) {
            /* a run of text ends at P */
            if (!blank) {
                add_edit(d, run, p, placed ? "" : v->str);
                placed = true;
            }
            if (p == e->close_start)
                break;
            p = run = next;
            blank = true;
        } else if (next != p) {
            blank = false; /* CDATA is text */
            p = next;
        } else {
            blank = blank && g_ascii_isspace(text[p]);
            p++;
        }
    }
    if (!placed && v->len)
        add_edit(d, e->tag_end, e->tag_end, v->str);
}

/* Source element O, which the fixer moved (as R), written at its new place
 * from its own text, so the comments, layout and character references in
 * it go along: O's bytes with R's changes applied, re-indented from O's
 * indentation to INDENT.  NULL when a change reaches outside O. */
static char *
moved_text(const Diff *d, xmlNodePtr o, xmlNodePtr r, const char *indent)
{
    const VlSrcElem *e = vl_srcmap_get(d->src->map, o);
    g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func((GDestroyNotify) vl_edit_free);
    Diff inner = { .src = d->src, .edits = edits };
    g_autofree char *old_indent = NULL, *text = NULL;
    GString *out;
    gsize len;

    if (!e)
        return NULL;
    diff_element(&inner, o, r);
    for (guint i = 0; i < edits->len; i++) {
        VlEdit *ed = g_ptr_array_index(edits, i);

        if (ed->start < e->start || ed->end > e->end)
            return NULL;
        ed->start -= e->start;
        ed->end -= e->start;
    }
    if (!(text = vl_edits_apply(d->src->text + e->start, e->end - e->start, edits, &len)))
        return NULL;
    old_indent = indent_of(d, o);
    if (!*old_indent && vl_text_line_start(d->src->text, e->start) != e->start)
        return g_steal_pointer(&text); /* not at a line start: layout unknown */
    out = g_string_sized_new(len);
    for (const char *p = text; *p; p++) {
        g_string_append_c(out, *p);
        if (*p == '\n') {
            if (g_str_has_prefix(p + 1, old_indent))
                p += strlen(old_indent);
            g_string_append(out, indent);
        }
    }
    return g_string_free(out, FALSE);
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
            if (e->self_closing)
                replace_element(d, o, r);
            else
                replace_text(d, e, rt);
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
