/* The protocol: lifecycle, document sync, diagnostics, code actions, hover.
 *
 * How findings map onto LSP diagnostics:
 * - range: the start tag of the finding's element (its whole subtree would
 *   paint a <devices> finding over most of the file); a finding known only
 *   by line and column runs from there to the end of that line;
 * - severity: error -> Error, warning -> Warning, info (a suggestion) ->
 *   Hint, which editors show unobtrusively; suggestions appear only when
 *   the configuration shows them, as on the command line;
 * - code: the rule id, with codeDescription.href to the rule's section of
 *   the installed rules.md (its headings are the rule ids);
 * - code actions: each finding's fix as a quick fix (a safe one preferred,
 *   an unsafe one titled "(unsafe)"), "Disable RULE here" (the suppression
 *   comment before its element), and source.fixAll.virtlint (every safe fix);
 * - message: the headline, then "help: ..." and "note: ..." lines.  VS Code
 *   shows a multi-line message in its hover and Problems view
 *   (microsoft/vscode#1927); Neovim's diagnostic float shows each line and
 *   its virtual text joins them on one.  relatedInformation would need a
 *   location to point at, and Neovim 0.7 does not show it.
 * Text is synchronised incrementally (TextDocumentSyncKind.Incremental),
 * with UTF-16 columns (lint/lsp/positions.h). */
#include "lint/lsp/server.h"

#include <stdio.h>
#include <string.h>

#include "lint/engine/notes.h"
#include "lint/engine/rule.h"
#include "lint/engine/version.h"
#include "lint/fix/fix.h"
#include "lint/fix/suppression.h"
#include "lint/load/dockind.h"
#include "lint/load/document.h"
#include "lint/load/srcmap.h"
#include "lint/lsp/jsonrpc.h"
#include "lint/lsp/positions.h"
#include "lint/lsp/setup.h"
#include "lint/output/ruledoc.h"

#ifndef VL_DOCDIR
#define VL_DOCDIR "/usr/local/share/doc/virtlint"
#endif

#define FIX_ALL_KIND "source.fixAll.virtlint"

typedef struct {
    gsize start, end;       /* byte offsets of a finding's range */
} Span;

/* An open document and what its last lint found. */
typedef struct {
    char *uri;
    char *path;             /* the file the URI names; NULL for other schemes */
    GString *text;
    gint64 version;
    VlDocument *doc;        /* the text parsed, when it is a libvirt document */
    GPtrArray *findings;    /* of DOC */
    GArray *spans;          /* of Span, one per finding */
    bool edits_attached;    /* each finding's fix carries its edits */
    json_object *fix_all;   /* the edit of every safe fix; made on first request */
    bool fix_all_made;
} Doc;

typedef struct {
    VlRpc *rpc;
    VlContext *context;
    VlLspSetups *setups;
    GHashTable *docs;       /* uri -> Doc* */
    bool initialized, shut_down, exited;
} Server;

static void
doc_clear_results(Doc *d)
{
    g_clear_pointer(&d->findings, g_ptr_array_unref); /* before the document they point into */
    g_clear_pointer(&d->doc, vl_document_free);
    g_clear_pointer(&d->spans, g_array_unref);
    g_clear_pointer(&d->fix_all, json_object_put);
    d->edits_attached = d->fix_all_made = false;
}

static void
doc_free(Doc *d)
{
    doc_clear_results(d);
    g_free(d->uri);
    g_free(d->path);
    g_string_free(d->text, TRUE);
    g_free(d);
}

/* --- JSON helpers --- */

static json_object *
field(json_object *o, const char *key)
{
    json_object *v = NULL;

    if (!o || !json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, key, &v))
        return NULL;
    return v;
}

static const char *
field_str(json_object *o, const char *key)
{
    json_object *v = field(o, key);

    return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
}

/* An integer field into *OUT; false when missing or not an integer. */
static bool
field_int(json_object *o, const char *key, gint64 *out)
{
    json_object *v = field(o, key);

    if (!v || !json_object_is_type(v, json_type_int))
        return false;
    *out = json_object_get_int64(v);
    return true;
}

static bool
position_of_json(json_object *o, VlLspPosition *pos)
{
    gint64 line, character;

    if (!field_int(o, "line", &line) || !field_int(o, "character", &character) || line < 0 || character < 0 ||
        line > G_MAXINT || character > G_MAXINT)
        return false;
    pos->line = (int) line;
    pos->character = (int) character;
    return true;
}

static json_object *
position_json(VlLspPosition pos)
{
    json_object *o = json_object_new_object();

    json_object_object_add(o, "line", json_object_new_int(pos.line));
    json_object_object_add(o, "character", json_object_new_int(pos.character));
    return o;
}

static json_object *
range_json(VlLspPosition start, VlLspPosition end)
{
    json_object *o = json_object_new_object();

    json_object_object_add(o, "start", position_json(start));
    json_object_object_add(o, "end", position_json(end));
    return o;
}

static json_object *
span_json(const Doc *d, Span span)
{
    return range_json(vl_lsp_position_of_offset(d->text->str, d->text->len, span.start),
                      vl_lsp_position_of_offset(d->text->str, d->text->len, span.end));
}

static json_object *
text_edit_json(json_object *range, const char *text, gsize len)
{
    json_object *o = json_object_new_object();

    json_object_object_add(o, "range", range);
    json_object_object_add(o, "newText", json_object_new_string_len(text, (int) len));
    return o;
}

/* --- diagnostics --- */

/* Byte offset of 1-based LINE and 1-based COLUMN (characters) of D. */
static gsize
offset_of(const Doc *d, int line, int column)
{
    return vl_lsp_offset_of_position(d->text->str, d->text->len,
                                     vl_lsp_position_of_line_column(d->text->str, d->text->len, line, column));
}

/* From LINE:COLUMN (the line's first non-blank when COLUMN is 0) to the
 * end of that line; the document's start when LINE is 0. */
static Span
line_span(const Doc *d, int line, int column)
{
    const char *t = d->text->str;
    Span s = { 0, 0 };
    const char *nl;

    if (line <= 0)
        return s;
    s.start = offset_of(d, line, column > 0 ? column : 1);
    if (column <= 0) {
        while (s.start < d->text->len && (t[s.start] == ' ' || t[s.start] == '\t'))
            s.start++;
    }
    nl = memchr(t + s.start, '\n', d->text->len - s.start);
    s.end = nl ? (gsize) (nl - t) : d->text->len;
    if (s.end > s.start && t[s.end - 1] == '\r')
        s.end--;
    return s;
}

static Span
finding_span(const Doc *d, const VlSrcMap *map, const VlFinding *f)
{
    const VlSrcElem *e = map && f->node ? vl_srcmap_get(map, f->node) : NULL;

    if (e)
        return (Span) { e->start, e->tag_end };
    return line_span(d, f->line, f->column);
}

static int
lsp_severity(VlSeverity severity)
{
    switch (severity) {
    case VL_SEVERITY_ERROR:
        return 1;
    case VL_SEVERITY_WARNING:
        return 2;
    case VL_SEVERITY_INFO:
    default:
        return 4; /* Hint: a suggestion, not a problem */
    }
}

/* The rule's section of the installed rules.md. */
static char *
rule_href(const char *id)
{
    g_autofree char *path = g_build_filename(VL_DOCDIR, "rules.md", NULL);
    g_autofree char *uri = g_filename_to_uri(path, NULL, NULL);

    return uri ? g_strconcat(uri, "#", id, NULL) : NULL;
}

static json_object *
diagnostic_json(json_object *range, int severity, const char *code, const char *message)
{
    json_object *o = json_object_new_object();

    json_object_object_add(o, "range", range);
    json_object_object_add(o, "severity", json_object_new_int(severity));
    if (code) {
        g_autofree char *href = rule_href(code);

        json_object_object_add(o, "code", json_object_new_string(code));
        if (href) {
            json_object *desc = json_object_new_object();
            json_object_object_add(desc, "href", json_object_new_string(href));
            json_object_object_add(o, "codeDescription", desc);
        }
    }
    json_object_object_add(o, "source", json_object_new_string("virtlint"));
    json_object_object_add(o, "message", json_object_new_string(message));
    return o;
}

static json_object *
finding_diagnostic(const Doc *d, guint i)
{
    const VlFinding *f = g_ptr_array_index(d->findings, i);
    g_autoptr(GString) message = g_string_new(f->message);

    if (f->help)
        g_string_append_printf(message, "\nhelp: %s", f->help);
    for (guint n = 0; f->notes && n < f->notes->len; n++)
        g_string_append_printf(message, "\nnote: %s", (const char *) g_ptr_array_index(f->notes, n));
    return diagnostic_json(span_json(d, g_array_index(d->spans, Span, i)), lsp_severity(f->severity), f->rule->id,
                           message->str);
}

/* The name of the first element of TEXT, or NULL when there is none to
 * be found (a truncated or broken prolog). */
static char *
root_name(const char *text, gsize len)
{
    const char *p = text, *end = text + len;

    while (p < end) {
        const char *lt = memchr(p, '<', (gsize) (end - p));
        const char *close;
        const char *name;

        if (!lt || lt + 1 >= end)
            return NULL;
        if (lt[1] == '?')
            close = g_strstr_len(lt, end - lt, "?>");
        else if (g_str_has_prefix(lt, "<!--"))
            close = g_strstr_len(lt, end - lt, "-->");
        else if (lt[1] == '!')
            close = memchr(lt, '>', (gsize) (end - lt)); /* a DOCTYPE without an internal subset */
        else {
            name = lt + 1;
            for (p = name; p < end && !g_ascii_isspace(*p) && *p != '>' && *p != '/'; p++)
                ;
            return p > name ? g_strndup(name, (gsize) (p - name)) : NULL;
        }
        if (!close)
            return NULL;
        p = close + 1;
    }
    return NULL;
}

/* Whether TEXT is meant as a document virtlint lints: its first element is
 * one.  Told from the text, not the tree, so that a malformed libvirt
 * document gets its parse error while other XML, well-formed or not, is
 * left to other tools. */
static bool
is_libvirt_text(const char *text, gsize len)
{
    g_autofree char *root = root_name(text, len);
    VlDocKind kind;

    /* no root yet (a document being typed) still gets its syntax error */
    return !root || vl_document_kind_from_root(root, &kind);
}

static bool
blank_text(const GString *text)
{
    for (gsize i = 0; i < text->len; i++) {
        if (!g_ascii_isspace(text->str[i]))
            return false;
    }
    return true;
}

/* Lint D anew; its diagnostics. */
static json_object *
lint(Server *s, Doc *d)
{
    const VlLspSetup *setup = vl_lsp_setup_for(s->setups, d->path);
    json_object *diags = json_object_new_array();
    g_autoptr(VlInputError) load_error = NULL;
    g_autoptr(GError) lint_error = NULL;
    g_autoptr(VlSrcMap) map = NULL;
    char *data;

    doc_clear_results(d);
    if (blank_text(d->text) || !is_libvirt_text(d->text->str, d->text->len))
        return diags;
    if (setup->error) {
        g_autofree char *message = g_strdup_printf("virtlint configuration: %s", setup->error);
        json_object_array_add(diags, diagnostic_json(span_json(d, (Span) { 0, 0 }), 1, NULL, message));
        return diags;
    }
    if (d->text->len > setup->config.max_file_size) {
        g_autofree char *message = g_strdup_printf("larger than the %" G_GSIZE_FORMAT " byte limit for a domain "
                                                   "XML (max-file-size)", setup->config.max_file_size);
        json_object_array_add(diags, diagnostic_json(span_json(d, (Span) { 0, 0 }), 1, NULL, message));
        return diags;
    }
    data = g_malloc(d->text->len + 1);
    memcpy(data, d->text->str, d->text->len + 1);
    if (!(d->doc = vl_document_parse(d->path ? d->path : d->uri, data, d->text->len, &load_error))) {
        json_object_array_add(diags, diagnostic_json(span_json(d, line_span(d, load_error->line, load_error->column)),
                                                     1, NULL, load_error->message));
        return diags;
    }
    d->findings = vl_engine_lint_checked(&setup->engine, d->doc, NULL, &lint_error);
    if (lint_error)
        json_object_array_add(diags, diagnostic_json(span_json(d, (Span) { 0, 0 }), 1, NULL, lint_error->message));
    map = vl_srcmap_build(d->doc->data, d->doc->len, d->doc->doc);
    d->spans = g_array_sized_new(FALSE, FALSE, sizeof(Span), d->findings->len);
    for (guint i = 0; i < d->findings->len; i++) {
        Span span = finding_span(d, map, g_ptr_array_index(d->findings, i));
        g_array_append_val(d->spans, span);
        json_object_array_add(diags, finding_diagnostic(d, i));
    }
    return diags;
}

static void
publish(Server *s, Doc *d, json_object *diagnostics)
{
    json_object *params = json_object_new_object();

    json_object_object_add(params, "uri", json_object_new_string(d->uri));
    json_object_object_add(params, "version", json_object_new_int64(d->version));
    json_object_object_add(params, "diagnostics", diagnostics);
    vl_rpc_notify(s->rpc, "textDocument/publishDiagnostics", params);
}

/* --- document synchronisation --- */

static Doc *
doc_of(Server *s, json_object *params)
{
    const char *uri = field_str(field(params, "textDocument"), "uri");

    return uri ? g_hash_table_lookup(s->docs, uri) : NULL;
}

static void
did_open(Server *s, json_object *id G_GNUC_UNUSED, json_object *params)
{
    json_object *item = field(params, "textDocument");
    const char *uri = field_str(item, "uri");
    json_object *text = field(item, "text");
    Doc *d;

    if (!uri || !text || !json_object_is_type(text, json_type_string))
        return;
    d = g_new0(Doc, 1);
    d->uri = g_strdup(uri);
    d->path = g_filename_from_uri(uri, NULL, NULL);
    d->text = g_string_new_len(json_object_get_string(text), json_object_get_string_len(text));
    field_int(item, "version", &d->version);
    g_hash_table_replace(s->docs, d->uri, d);
    publish(s, d, lint(s, d));
}

/* Apply one TextDocumentContentChangeEvent: a range replaced, or the
 * whole text when there is no range. */
static bool
apply_change(Doc *d, json_object *change)
{
    json_object *text = field(change, "text"), *range = field(change, "range");
    VlLspPosition from, to;
    gsize start, end;

    if (!text || !json_object_is_type(text, json_type_string))
        return false;
    if (!range) {
        g_string_truncate(d->text, 0);
    } else {
        if (!position_of_json(field(range, "start"), &from) || !position_of_json(field(range, "end"), &to))
            return false;
        start = vl_lsp_offset_of_position(d->text->str, d->text->len, from);
        end = vl_lsp_offset_of_position(d->text->str, d->text->len, to);
        if (end < start)
            return false;
        g_string_erase(d->text, (gssize) start, (gssize) (end - start));
        g_string_insert_len(d->text, (gssize) start, json_object_get_string(text),
                            json_object_get_string_len(text));
        return true;
    }
    g_string_append_len(d->text, json_object_get_string(text), json_object_get_string_len(text));
    return true;
}

static void
did_change(Server *s, json_object *id G_GNUC_UNUSED, json_object *params)
{
    Doc *d = doc_of(s, params);
    json_object *changes = field(params, "contentChanges");

    if (!d || !changes || !json_object_is_type(changes, json_type_array))
        return;
    for (size_t i = 0; i < json_object_array_length(changes); i++) {
        if (!apply_change(d, json_object_array_get_idx(changes, i)))
            vl_note(VL_NOTE_ERROR, "%s: a content change the server cannot apply", d->uri);
    }
    field_int(field(params, "textDocument"), "version", &d->version);
    publish(s, d, lint(s, d));
}

static void
did_save(Server *s, json_object *id G_GNUC_UNUSED, json_object *params)
{
    Doc *d = doc_of(s, params);

    /* the text is ours already; a .virtlintrc may have changed meanwhile */
    if (d)
        publish(s, d, lint(s, d));
}

static void
did_close(Server *s, json_object *id G_GNUC_UNUSED, json_object *params)
{
    Doc *d = doc_of(s, params);

    if (!d)
        return;
    publish(s, d, json_object_new_array()); /* a closed file keeps no diagnostics */
    g_hash_table_remove(s->docs, d->uri);
}

/* --- code actions --- */

static bool
kind_wanted(json_object *only, const char *kind)
{
    if (!only || !json_object_is_type(only, json_type_array))
        return true;
    for (size_t i = 0; i < json_object_array_length(only); i++) {
        const char *o = json_object_get_string(json_object_array_get_idx(only, i));
        gsize n = o ? strlen(o) : 0;

        if (o && strncmp(kind, o, n) == 0 && (kind[n] == '\0' || kind[n] == '.'))
            return true;
    }
    return false;
}

static json_object *
workspace_edit(const Doc *d, json_object *edits)
{
    json_object *changes = json_object_new_object(), *edit = json_object_new_object();

    json_object_object_add(changes, d->uri, edits);
    json_object_object_add(edit, "changes", changes);
    return edit;
}

/* A quick fix for finding I of D: TITLE, applying EDITS (owned). */
static json_object *
quickfix_action(Doc *d, guint i, const char *title, json_object *edits, bool preferred)
{
    json_object *action = json_object_new_object(), *diags = json_object_new_array();

    json_object_array_add(diags, finding_diagnostic(d, i));
    json_object_object_add(action, "title", json_object_new_string(title));
    json_object_object_add(action, "kind", json_object_new_string("quickfix"));
    json_object_object_add(action, "diagnostics", diags);
    json_object_object_add(action, "isPreferred", json_object_new_boolean(preferred));
    json_object_object_add(action, "edit", workspace_edit(d, edits));
    return action;
}

static json_object *
fix_action(Doc *d, guint i)
{
    const VlFinding *f = g_ptr_array_index(d->findings, i);
    bool safe = f->rule->fix == VL_FIX_SAFE;
    json_object *edits = json_object_new_array();
    g_autofree char *title = g_strdup_printf("Fix %s%s: %s", f->rule->id, safe ? "" : " (unsafe)",
                                             f->fix->description);

    for (guint j = 0; j < f->fix->edits->len; j++) {
        const VlFixEdit *e = g_ptr_array_index(f->fix->edits, j);
        json_object *range = range_json(vl_lsp_position_of_line_column(d->text->str, d->text->len, e->line, e->column),
                                        vl_lsp_position_of_line_column(d->text->str, d->text->len, e->end_line,
                                                                       e->end_column));
        json_object_array_add(edits, text_edit_json(range, e->content, strlen(e->content)));
    }
    return quickfix_action(d, i, title, edits, safe);
}

/* "Disable RULE here": the suppression comment that silences finding I
 * (lint/fix/suppression.h), or NULL when none can be written. */
static json_object *
disable_action(Doc *d, guint i)
{
    const VlFinding *f = g_ptr_array_index(d->findings, i);
    g_autoptr(GError) error = NULL;
    VlEdit *edit = vl_suppression_edit(d->doc, f, VL_SUPPRESS_COMMENT, NULL, &error);
    json_object *edits;
    g_autofree char *title = NULL;

    if (!edit)
        return NULL;
    edits = json_object_new_array();
    title = g_strdup_printf("Disable %s here", f->rule->id);
    json_object_array_add(edits, text_edit_json(span_json(d, (Span) { edit->start, edit->end }), edit->text,
                                                strlen(edit->text)));
    vl_edit_free(edit);
    return quickfix_action(d, i, title, edits, false);
}

/* The single edit that turns D's text into TEXT: what lies between their
 * common prefix and common suffix, cut at character boundaries. */
static json_object *
minimal_edit(const Doc *d, const char *text, gsize len)
{
    const char *a = d->text->str;
    gsize alen = d->text->len, pre = 0, suf = 0;

    while (pre < alen && pre < len && a[pre] == text[pre])
        pre++;
    while (pre > 0 && ((guchar) a[pre] & 0xc0) == 0x80)
        pre--;
    while (suf < alen - pre && suf < len - pre && a[alen - 1 - suf] == text[len - 1 - suf])
        suf++;
    while (suf > 0 && ((guchar) a[alen - suf] & 0xc0) == 0x80)
        suf--;
    return text_edit_json(span_json(d, (Span) { pre, alen - suf }), text + pre, len - suf - pre);
}

/* source.fixAll.virtlint: every safe fix, applied as `virtlint --fix`
 * would (fixes compose: each pass lints the result again). */
static json_object *
fix_all_action(Server *s, Doc *d)
{
    json_object *action, *edits;

    if (!d->fix_all_made) {
        const VlLspSetup *setup = vl_lsp_setup_for(s->setups, d->path);
        g_autoptr(VlFixResult) res = NULL;

        d->fix_all_made = true;
        if (setup->error)
            return NULL;
        res = vl_fix_document(&setup->engine, d->doc, false);
        if (res->changed)
            d->fix_all = minimal_edit(d, res->text, res->len);
    }
    if (!d->fix_all)
        return NULL;
    action = json_object_new_object();
    edits = json_object_new_array();
    json_object_array_add(edits, json_object_get(d->fix_all));
    json_object_object_add(action, "title", json_object_new_string("Fix all safely fixable virtlint findings"));
    json_object_object_add(action, "kind", json_object_new_string(FIX_ALL_KIND));
    json_object_object_add(action, "edit", workspace_edit(d, edits));
    return action;
}

static void
code_action(Server *s, json_object *id, json_object *params)
{
    Doc *d = doc_of(s, params);
    json_object *range = field(params, "range"), *only = field(field(params, "context"), "only");
    json_object *actions = json_object_new_array();
    VlLspPosition from, to;
    gsize start, end;
    bool any_safe = false;
    g_autoptr(GHashTable) disabled = g_hash_table_new(g_str_hash, g_str_equal);

    if (!range || !position_of_json(field(range, "start"), &from) || !position_of_json(field(range, "end"), &to)) {
        json_object_put(actions);
        vl_rpc_respond_error(s->rpc, id, VL_RPC_INVALID_PARAMS, "codeAction: no range");
        return;
    }
    if (!d || !d->doc) {
        vl_rpc_respond(s->rpc, id, actions);
        return;
    }
    start = vl_lsp_offset_of_position(d->text->str, d->text->len, from);
    end = vl_lsp_offset_of_position(d->text->str, d->text->len, to);
    if (kind_wanted(only, "quickfix") && !d->edits_attached) {
        /* each fixer runs once per finding: only when actions are asked for */
        vl_fix_attach_edits(s->context, d->doc, d->findings, true);
        d->edits_attached = true;
    }
    for (guint i = 0; i < d->findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(d->findings, i);
        Span span = g_array_index(d->spans, Span, i);

        any_safe |= vl_fix_allowed(f, false);
        if (!kind_wanted(only, "quickfix") || span.start > end || start > span.end)
            continue;
        if (f->fix && f->fix->edits && f->fix->edits->len)
            json_object_array_add(actions, fix_action(d, i));
        /* one "Disable RULE here" per rule: a second finding of the rule
         * in the range is silenced by the same comment, or one nearby */
        if (!g_hash_table_contains(disabled, f->rule->id)) {
            json_object *disable = disable_action(d, i);
            if (disable)
                json_object_array_add(actions, disable);
            g_hash_table_add(disabled, (gpointer) f->rule->id);
        }
    }
    if (any_safe && kind_wanted(only, FIX_ALL_KIND)) {
        json_object *all = fix_all_action(s, d);
        if (all)
            json_object_array_add(actions, all);
    }
    vl_rpc_respond(s->rpc, id, actions);
}

/* --- hover --- */

static char *
rule_markdown(const VlRule *rule)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    if (!f)
        return g_strdup(rule->summary);
    vl_ruledoc_section(f, rule, NULL);
    fclose(f);
    return text;
}

static void
hover(Server *s, json_object *id, json_object *params)
{
    Doc *d = doc_of(s, params);
    VlLspPosition pos;
    gsize at;
    g_autoptr(GString) md = g_string_new(NULL);
    g_autoptr(GHashTable) shown = g_hash_table_new(g_str_hash, g_str_equal);
    json_object *result, *contents;
    Span where = { 0, 0 };

    if (!position_of_json(field(params, "position"), &pos)) {
        vl_rpc_respond_error(s->rpc, id, VL_RPC_INVALID_PARAMS, "hover: no position");
        return;
    }
    if (!d || !d->doc) {
        vl_rpc_respond(s->rpc, id, NULL);
        return;
    }
    at = vl_lsp_offset_of_position(d->text->str, d->text->len, pos);
    for (guint i = 0; i < d->findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(d->findings, i);
        Span span = g_array_index(d->spans, Span, i);

        if (at < span.start || at > span.end)
            continue;
        where = span;
        /* the headline quotes XML: a code span keeps "<synic>" from being
         * taken for HTML (a double backtick fence when it holds a backtick) */
        g_string_append_printf(md, "%s**virtlint %s**: %s%s%s\n\n", md->len ? "---\n\n" : "", f->rule->id,
                               strchr(f->message, '`') ? "`` " : "`", f->message,
                               strchr(f->message, '`') ? " ``" : "`");
        if (!g_hash_table_contains(shown, f->rule->id)) {
            g_autofree char *doc = rule_markdown(f->rule);
            g_hash_table_add(shown, (gpointer) f->rule->id);
            g_string_append(md, doc);
        }
    }
    if (!md->len) {
        vl_rpc_respond(s->rpc, id, NULL);
        return;
    }
    contents = json_object_new_object();
    json_object_object_add(contents, "kind", json_object_new_string("markdown"));
    json_object_object_add(contents, "value", json_object_new_string(md->str));
    result = json_object_new_object();
    json_object_object_add(result, "contents", contents);
    json_object_object_add(result, "range", span_json(d, where));
    vl_rpc_respond(s->rpc, id, result);
}

/* --- lifecycle --- */

static void
initialize(Server *s, json_object *id, json_object *params G_GNUC_UNUSED)
{
    json_object *result = json_object_new_object(), *caps = json_object_new_object();
    json_object *sync = json_object_new_object(), *save = json_object_new_object();
    json_object *actions = json_object_new_object(), *kinds = json_object_new_array();
    json_object *info = json_object_new_object();

    json_object_object_add(caps, "positionEncoding", json_object_new_string("utf-16"));
    json_object_object_add(sync, "openClose", json_object_new_boolean(TRUE));
    json_object_object_add(sync, "change", json_object_new_int(2)); /* Incremental */
    json_object_object_add(save, "includeText", json_object_new_boolean(FALSE));
    json_object_object_add(sync, "save", save);
    json_object_object_add(caps, "textDocumentSync", sync);
    json_object_array_add(kinds, json_object_new_string("quickfix"));
    json_object_array_add(kinds, json_object_new_string(FIX_ALL_KIND));
    json_object_object_add(actions, "codeActionKinds", kinds);
    json_object_object_add(caps, "codeActionProvider", actions);
    json_object_object_add(caps, "hoverProvider", json_object_new_boolean(TRUE));
    json_object_object_add(result, "capabilities", caps);
    json_object_object_add(info, "name", json_object_new_string("virtlint"));
    json_object_object_add(info, "version", json_object_new_string(VL_VERSION));
    json_object_object_add(result, "serverInfo", info);
    s->initialized = true;
    vl_rpc_respond(s->rpc, id, result);
}

static void
initialized(Server *s G_GNUC_UNUSED, json_object *id G_GNUC_UNUSED, json_object *params G_GNUC_UNUSED)
{
}

static void
shutdown_(Server *s, json_object *id, json_object *params G_GNUC_UNUSED)
{
    s->shut_down = true;
    vl_rpc_respond(s->rpc, id, NULL);
}

static void
exit_(Server *s, json_object *id G_GNUC_UNUSED, json_object *params G_GNUC_UNUSED)
{
    s->exited = true;
}

typedef struct {
    const char *method;
    bool request;       /* answered; otherwise a notification */
    void (*handle)(Server *s, json_object *id, json_object *params);
} Method;

static const Method methods[] = {
    { "initialize", true, initialize },
    { "initialized", false, initialized },
    { "shutdown", true, shutdown_ },
    { "exit", false, exit_ },
    { "textDocument/didOpen", false, did_open },
    { "textDocument/didChange", false, did_change },
    { "textDocument/didSave", false, did_save },
    { "textDocument/didClose", false, did_close },
    { "textDocument/codeAction", true, code_action },
    { "textDocument/hover", true, hover },
};

static void
dispatch(Server *s, json_object *msg)
{
    json_object *id = field(msg, "id");
    const char *version = field_str(msg, "jsonrpc");
    json_object *method_json = field(msg, "method");
    const char *method = field_str(msg, "method");
    const Method *m = NULL;

    if (!json_object_is_type(msg, json_type_object) || !version || strcmp(version, "2.0") != 0 ||
        (id && !json_object_is_type(id, json_type_int) && !json_object_is_type(id, json_type_string))) {
        vl_rpc_respond_error(s->rpc, NULL, VL_RPC_INVALID_REQUEST, "not a JSON-RPC 2.0 request");
        return;
    }
    if (!method_json && id && (field(msg, "result") || field(msg, "error")))
        return; /* a response: the server sends no requests it waits for */
    if (!method) {
        vl_rpc_respond_error(s->rpc, id, VL_RPC_INVALID_REQUEST, "no method");
        return;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(methods); i++) {
        if (strcmp(methods[i].method, method) == 0)
            m = &methods[i];
    }
    if (!id) {
        /* notifications are never answered: unknown ones (and $/ ones) are
         * ignored, and before initialize only exit counts */
        if (m && !m->request && (s->initialized || strcmp(method, "exit") == 0))
            m->handle(s, NULL, field(msg, "params"));
        return;
    }
    if (!s->initialized && strcmp(method, "initialize") != 0) {
        vl_rpc_respond_error(s->rpc, id, VL_RPC_SERVER_NOT_INITIALIZED, "the server is not initialized");
    } else if (s->shut_down) {
        vl_rpc_respond_error(s->rpc, id, VL_RPC_INVALID_REQUEST, "the server is shut down");
    } else if (!m || !m->request) {
        g_autofree char *message = g_strdup_printf("no method %s", method);
        vl_rpc_respond_error(s->rpc, id, VL_RPC_METHOD_NOT_FOUND, message);
    } else {
        m->handle(s, id, field(msg, "params"));
    }
}

/* The library's notes go to the client's log. */
static void
log_note(VlNoteLevel level, const char *message, gpointer data)
{
    Server *s = data;
    json_object *params = json_object_new_object();

    json_object_object_add(params, "type", json_object_new_int(level == VL_NOTE_ERROR ? 1 : 3));
    json_object_object_add(params, "message", json_object_new_string(message));
    vl_rpc_notify(s->rpc, "window/logMessage", params);
}

int
vl_lsp_serve(VlContext *context, const VlConfig *base, int in_fd, int out_fd)
{
    g_autoptr(VlRpc) rpc = vl_rpc_new(in_fd, out_fd);
    g_autoptr(VlLspSetups) setups = vl_lsp_setups_new(context, base);
    Server s = {
        .rpc = rpc,
        .context = context,
        .setups = setups,
        .docs = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) doc_free),
    };

    vl_notes_set_handler(log_note, &s);
    while (!s.exited) {
        json_object *msg;
        VlRpcRead r = vl_rpc_read(rpc, &msg);

        if (r == VL_RPC_END)
            break;
        if (r == VL_RPC_BAD_JSON) {
            vl_rpc_respond_error(rpc, NULL, VL_RPC_PARSE_ERROR, "the message is not JSON");
            continue;
        }
        dispatch(&s, msg);
        json_object_put(msg);
    }
    vl_notes_set_handler(NULL, NULL);
    g_hash_table_unref(s.docs);
    return s.shut_down ? 0 : 1;
}
