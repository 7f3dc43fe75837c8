#include "lint/fix/suppression.h"

#include <string.h>

#include "lint/engine/rule.h"
#include "lint/load/srcmap.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

G_DEFINE_QUARK(vl-suppression-error-quark, vl_suppression_error)

/* What one run of edits works with. */
typedef struct {
    VlDocument *doc;
    VlSrcMap *map;
    VlTextStyle style;
    const char *reason;
} Writer;

gboolean
vl_suppression_reason_valid(const char *reason, GError **error)
{
    if (!reason)
        return TRUE;
    if (!g_utf8_validate(reason, -1, NULL)) {
        g_set_error(error, VL_SUPPRESSION_ERROR, 0, "the suppression reason is not valid UTF-8");
        return FALSE;
    }
    for (const char *p = reason; *p; p++) {
        if ((unsigned char) *p < 0x20 || *p == 0x7f) {
            g_set_error(error, VL_SUPPRESSION_ERROR, 0, "the suppression reason must be one line of text");
            return FALSE;
        }
    }
    if (strstr(reason, "--") || g_str_has_suffix(reason, "-")) {
        g_set_error(error, VL_SUPPRESSION_ERROR, 0,
                    "the suppression reason cannot contain '--' or end in '-' (XML comments cannot)");
        return FALSE;
    }
    return TRUE;
}

/* The element a comment before it silences FINDING for: the finding's own
 * element, or the one holding its attribute or comment; NULL for a finding
 * known only by line. */
static xmlNodePtr
target_element(const VlFinding *f)
{
    for (xmlNodePtr n = f->node; n; n = n->parent) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
        if (n->type == XML_DOCUMENT_NODE)
            break;
    }
    return NULL;
}

static void
add_rule(GPtrArray *rules, const char *id)
{
    for (guint i = 0; i < rules->len; i++) {
        if (strcmp(g_ptr_array_index(rules, i), id) == 0)
            return;
    }
    g_ptr_array_add(rules, (gpointer) id);
}

static char *
join_rules(GPtrArray *rules, const char *sep)
{
    g_autoptr(GString) s = g_string_new(NULL);

    for (guint i = 0; i < rules->len; i++)
        g_string_append_printf(s, "%s%s", i ? sep : "", (const char *) g_ptr_array_index(rules, i));
    return g_string_free(g_steal_pointer(&s), FALSE);
}

static const VlSrcElem *
src_elem(Writer *w, xmlNodePtr element, GError **error)
{
    const VlSrcElem *e = w->map ? vl_srcmap_get(w->map, element) : NULL;

    if (!e)
        g_set_error(error, VL_SUPPRESSION_ERROR, 0, "%s:%d: <%s> cannot be found in the text", w->doc->path,
                    vl_xml_line(element), (const char *) element->name);
    return e;
}

/* Insert COMMENT (without line end) before the start tag at START: on a
 * line of its own when only blanks precede the tag, else right before it. */
static VlEdit *
insert_before(Writer *w, gsize start, const char *comment)
{
    const char *text = w->doc->data;
    g_autofree char *indent = vl_text_indent_at(text, start);
    g_autofree char *line = NULL;

    if (!indent)
        return vl_edit_new(start, start, comment);
    line = g_strconcat(indent, comment, w->style.newline, NULL);
    return vl_edit_new(vl_text_line_start(text, start), vl_text_line_start(text, start), line);
}

/* The virtlint-disable comment right before ELEMENT (only blanks between),
 * or NULL. */
static xmlNodePtr
disable_comment_before(xmlNodePtr element)
{
    for (xmlNodePtr n = element->prev; n; n = n->prev) {
        const char *c;

        if (n->type == XML_TEXT_NODE && xmlIsBlankNode(n))
            continue;
        if (n->type != XML_COMMENT_NODE || !n->content)
            return NULL;
        c = (const char *) n->content;
        while (g_ascii_isspace(*c))
            c++;
        if (!g_str_has_prefix(c, "virtlint-disable") || !g_ascii_isspace(c[strlen("virtlint-disable")]))
            return NULL; /* another comment, -file, or one without a rule list (it silences all) */
        return n;
    }
    return NULL;
}

/* Add RULES to the comment that ends (with "-->") at END: after its rule
 * list, before any reason.  The comment's own rules stay as they are. */
static VlEdit *
merge_into_comment(Writer *w, xmlNodePtr comment, gsize end, GPtrArray *rules)
{
    const char *text = w->doc->data;
    const char *content = (const char *) comment->content;
    gsize close = end - 3; /* the "-->" */
    gsize open = close - strlen(content); /* comments are not entity-decoded: the bytes are the content */
    const char *colon = memchr(text + open, ':', close - open);
    gsize at = colon ? (gsize) (colon - text) : close;
    g_autoptr(GPtrArray) fresh = g_ptr_array_new();
    g_auto(GStrv) have = NULL;
    g_autofree char *list = NULL, *existing = g_strndup(text + open, at - open);
    g_autofree char *insert = NULL;

    while (at > open && g_ascii_isspace(text[at - 1]))
        at--;
    g_strdelimit(existing, " \t\r\n", ',');
    have = g_strsplit(existing, ",", -1);
    for (guint i = 0; i < rules->len; i++) {
        if (!g_strv_contains((const char *const *) have, g_ptr_array_index(rules, i)))
            g_ptr_array_add(fresh, g_ptr_array_index(rules, i));
    }
    list = join_rules(fresh, ", ");
    insert = g_strdup_printf("%s%s%s%s", fresh->len ? ", " : "", list, !colon && w->reason ? ": " : "",
                             !colon && w->reason ? w->reason : "");
    return vl_edit_new(at, at, insert);
}

static char *
comment_text(Writer *w, const char *keyword, GPtrArray *rules)
{
    g_autofree char *list = join_rules(rules, ", ");

    return g_strdup_printf("<!-- %s %s%s%s -->", keyword, list, w->reason ? ": " : "", w->reason ? w->reason : "");
}

static VlEdit *
comment_edit(Writer *w, xmlNodePtr element, GPtrArray *rules, GError **error)
{
    const VlSrcElem *e = src_elem(w, element, error);
    xmlNodePtr existing = disable_comment_before(element);
    g_autofree char *comment = NULL;

    if (!e)
        return NULL;
    if (existing) {
        gsize end = e->start;

        while (end > 0 && g_ascii_isspace(w->doc->data[end - 1]))
            end--;
        if (end >= 3 && memcmp(w->doc->data + end - 3, "-->", 3) == 0)
            return merge_into_comment(w, existing, end, rules);
    }
    comment = comment_text(w, "virtlint-disable", rules);
    return insert_before(w, e->start, comment);
}

static VlEdit *
file_comment_edit(Writer *w, GPtrArray *rules, GError **error)
{
    const VlSrcElem *e = src_elem(w, xmlDocGetRootElement(w->doc->doc), error);
    g_autofree char *comment = comment_text(w, "virtlint-disable-file", rules);

    return e ? insert_before(w, e->start, comment) : NULL;
}

/* --- the metadata form --- */

static xmlNodePtr
domain_element(VlDocument *doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);

    return root && vl_xml_is(root, "domainsnapshot") ? vl_xml_child(root, "domain") : root;
}

static xmlNodePtr
child_ns(xmlNodePtr parent, const char *uri, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next) {
        if (vl_xml_is_ns(n, uri, name))
            return n;
    }
    return NULL;
}

static xmlNodePtr
last_child_element(xmlNodePtr parent)
{
    xmlNodePtr last = NULL;

    for (xmlNodePtr n = parent->children; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            last = n;
    }
    return last;
}

/* The indentation of ELEMENT's start tag, or "" when it shares its line. */
static char *
indent_of(Writer *w, xmlNodePtr element)
{
    const VlSrcElem *e = w->map ? vl_srcmap_get(w->map, element) : NULL;
    char *indent = e ? vl_text_indent_at(w->doc->data, e->start) : NULL;

    return indent ? indent : g_strdup("");
}

/* Insert MARKUP as the last child of PARENT, on its own line, one level
 * deeper than PARENT; a self-closing PARENT is opened. */
static VlEdit *
append_child(Writer *w, xmlNodePtr parent, const char *markup, GError **error)
{
    const VlSrcElem *e = src_elem(w, parent, error), *l = NULL;
    xmlNodePtr last = last_child_element(parent);
    g_autofree char *indent = NULL, *child_indent = NULL, *insert = NULL;
    gsize slash;

    if (!e || (last && !(l = src_elem(w, last, error))))
        return NULL;
    indent = indent_of(w, parent);
    child_indent = last ? indent_of(w, last) : g_strconcat(indent, w->style.indent_unit, NULL);
    if (!e->self_closing) {
        gsize at = l ? l->end : e->tag_end;

        insert = g_strconcat(w->style.newline, child_indent, markup, NULL);
        return vl_edit_new(at, at, insert);
    }
    /* <x/> becomes <x>NL MARKUP NL</x>: the "/>" is replaced */
    insert = g_strdup_printf(">%s%s%s%s%s</%s%s%s>", w->style.newline, child_indent, markup, w->style.newline, indent,
                             parent->ns && parent->ns->prefix ? (const char *) parent->ns->prefix : "",
                             parent->ns && parent->ns->prefix ? ":" : "", (const char *) parent->name);
    for (slash = e->tag_end - 2; slash > e->start && w->doc->data[slash] != '/'; slash--)
        ;
    return vl_edit_new(slash, e->tag_end, insert);
}

/* Escape TEXT for an attribute quoted with QUOTE. */
static char *
attr_escape(const char *text, char quote)
{
    GString *s = g_string_new(NULL);

    for (const char *p = text; *p; p++) {
        if (*p == '&')
            g_string_append(s, "&amp;");
        else if (*p == '<')
            g_string_append(s, "&lt;");
        else if (*p == quote)
            g_string_append(s, quote == '"' ? "&quot;" : "&apos;");
        else
            g_string_append_c(s, *p);
    }
    return g_string_free(s, FALSE);
}

/* <virtlint:lint xmlns:virtlint=...> holding DISABLE, its lines indented
 * by INDENT (its own) and INDENT + one level (DISABLE's). */
static char *
lint_block(Writer *w, const char *indent, const char *disable)
{
    char q = w->style.quote;

    return g_strdup_printf("<virtlint:lint xmlns:virtlint=%c%s%c>%s%s%s%s%s%s</virtlint:lint>", q, VL_NS_VIRTLINT, q,
                           w->style.newline, indent, w->style.indent_unit, disable, w->style.newline, indent);
}

/* A new <metadata> in DOMAIN: after <name>, <uuid>, <genid>, <title> and
 * <description> (where libvirt writes it), else first. */
static VlEdit *
new_metadata(Writer *w, xmlNodePtr domain, const char *disable, GError **error)
{
    xmlNodePtr after = NULL, first = NULL;
    const VlSrcElem *d = src_elem(w, domain, error), *a = NULL;
    g_autofree char *indent = NULL, *inner = NULL, *block = NULL, *insert = NULL;

    if (!d)
        return NULL;
    if (d->self_closing) {
        g_set_error(error, VL_SUPPRESSION_ERROR, 0, "%s: an empty <domain/> cannot hold <metadata>", w->doc->path);
        return NULL;
    }
    for (xmlNodePtr n = domain->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!first)
            first = n;
        if (vl_xml_is(n, "name") || vl_xml_is(n, "uuid") || vl_xml_is(n, "genid") || vl_xml_is(n, "title") ||
            vl_xml_is(n, "description"))
            after = n;
    }
    if (after && !(a = src_elem(w, after, error)))
        return NULL;
    indent = first ? indent_of(w, first) : g_strconcat(indent_of(w, domain), w->style.indent_unit, NULL);
    inner = g_strconcat(indent, w->style.indent_unit, NULL);
    block = lint_block(w, inner, disable);
    insert = g_strdup_printf("%s%s<metadata>%s%s%s%s%s</metadata>", w->style.newline, indent, w->style.newline, inner,
                             block, w->style.newline, indent);
    return a ? vl_edit_new(a->end, a->end, insert) : vl_edit_new(d->tag_end, d->tag_end, insert);
}

static VlEdit *
metadata_edit(Writer *w, GPtrArray *rules, GError **error)
{
    xmlNodePtr domain = domain_element(w->doc);
    xmlNodePtr metadata = domain ? vl_xml_child(domain, "metadata") : NULL;
    xmlNodePtr lint = child_ns(metadata, VL_NS_VIRTLINT, "lint");
    g_autofree char *list = join_rules(rules, ",");
    g_autofree char *value = g_strdup_printf("%s%s%s", list, w->reason ? ": " : "", w->reason ? w->reason : "");
    g_autofree char *escaped = attr_escape(value, w->style.quote);
    g_autofree char *disable = NULL;
    char q = w->style.quote;

    if (!domain) {
        g_set_error(error, VL_SUPPRESSION_ERROR, 0, "%s: no <domain> to hold <metadata>", w->doc->path);
        return NULL;
    }
    if (lint && lint->ns && lint->ns->prefix)
        disable = g_strdup_printf("<%s:disable rules=%c%s%c/>", (const char *) lint->ns->prefix, q, escaped, q);
    else if (lint)
        disable = g_strdup_printf("<disable rules=%c%s%c/>", q, escaped, q); /* the default namespace */
    else
        disable = g_strdup_printf("<virtlint:disable rules=%c%s%c/>", q, escaped, q);
    if (lint)
        return append_child(w, lint, disable, error);
    if (metadata) {
        xmlNodePtr last = last_child_element(metadata);
        g_autofree char *indent =
            last ? indent_of(w, last) : g_strconcat(indent_of(w, metadata), w->style.indent_unit, NULL);
        g_autofree char *block = lint_block(w, indent, disable);

        return append_child(w, metadata, block, error);
    }
    return new_metadata(w, domain, disable, error);
}

/* --- both forms --- */

static void
writer_init(Writer *w, VlDocument *doc, const char *reason)
{
    w->doc = doc;
    w->reason = reason && *reason ? reason : NULL;
    w->map = vl_srcmap_build(doc->data, doc->len, doc->doc);
    vl_text_style_detect(&w->style, doc->data, doc->len);
}

static void
writer_clear(Writer *w)
{
    g_clear_pointer(&w->map, vl_srcmap_free);
    vl_text_style_clear(&w->style);
}

GPtrArray *
vl_suppression_edits(VlDocument *doc, GPtrArray *findings, VlSuppressForm form, const char *reason, GError **error)
{
    g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func((GDestroyNotify) vl_edit_free);
    g_autoptr(GPtrArray) file_rules = g_ptr_array_new();
    /* element -> its rules, elements in the order first met */
    g_autoptr(GHashTable) by_element = g_hash_table_new_full(NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) elements = g_ptr_array_new();
    Writer w = { 0 };
    bool ok = true;

    if (!vl_suppression_reason_valid(reason, error))
        return NULL;
    if (!findings->len)
        return g_steal_pointer(&edits);
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        xmlNodePtr element = form == VL_SUPPRESS_COMMENT ? target_element(f) : NULL;
        GPtrArray *rules;

        if (!element) {
            add_rule(file_rules, f->rule->id);
            continue;
        }
        if (!(rules = g_hash_table_lookup(by_element, element))) {
            rules = g_ptr_array_new();
            g_hash_table_insert(by_element, element, rules);
            g_ptr_array_add(elements, element);
        }
        add_rule(rules, f->rule->id);
    }

    writer_init(&w, doc, reason);
    if (file_rules->len) {
        VlEdit *e = form == VL_SUPPRESS_COMMENT ? file_comment_edit(&w, file_rules, error)
                                                : metadata_edit(&w, file_rules, error);
        if (e)
            g_ptr_array_add(edits, e);
        ok = e != NULL;
    }
    for (guint i = 0; ok && i < elements->len; i++) {
        xmlNodePtr element = g_ptr_array_index(elements, i);
        VlEdit *e = comment_edit(&w, element, g_hash_table_lookup(by_element, element), error);

        if (e)
            g_ptr_array_add(edits, e);
        ok = e != NULL;
    }
    writer_clear(&w);
    return ok ? g_steal_pointer(&edits) : NULL;
}

VlEdit *
vl_suppression_edit(VlDocument *doc, const VlFinding *finding, VlSuppressForm form, const char *reason,
                    GError **error)
{
    g_autoptr(GPtrArray) one = g_ptr_array_new();
    g_autoptr(GPtrArray) edits = NULL;

    g_ptr_array_add(one, (gpointer) finding);
    if (!(edits = vl_suppression_edits(doc, one, form, reason, error)))
        return NULL;
    g_assert(edits->len == 1);
    return g_ptr_array_steal_index(edits, 0);
}

void
vl_suppression_add_fix_edit(GPtrArray *fix_edits, VlDocument *doc, const VlEdit *edit)
{
    int line, column, end_line, end_column;

    vl_document_position(doc, edit->start, &line, &column);
    vl_document_position(doc, edit->end, &end_line, &end_column);
    g_ptr_array_add(fix_edits, vl_fix_edit_new(line, column, end_line, end_column, edit->text));
}
