#include "lint/fix/fix.h"

#include <string.h>

#include <libxslt/security.h>
#include <libxslt/variables.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "lint/fix/fixdiff.h"
#include "lint/fix/fixers.h"
#include "lint/fix/fixmeaning.h"
#include "lint/engine/registry.h"
#include "lint/host/libvirtcheck.h"
#include "lint/schema/schema.h"
#include "lint/load/srcmap.h"
#include "lint/load/xml.h"

/* Enough for every rule to fix once, and a few to fix what others uncover. */
#define MAX_PASSES 32

static void
quiet_xslt(void *ctx G_GNUC_UNUSED, const char *msg G_GNUC_UNUSED, ...)
{
}

static void
quiet_xml(void *ctx G_GNUC_UNUSED, VlXmlError err G_GNUC_UNUSED)
{
}

/* RULE_ID's fixer stylesheet, compiled in CONTEXT on first use. */
static xsltStylesheetPtr
stylesheet(VlContext *context, const char *rule_id)
{
    GHashTable *stylesheets = vl_context_stylesheets(context);
    xsltStylesheetPtr style;

    if ((style = g_hash_table_lookup(stylesheets, rule_id)))
        return style;
    xsltSetGenericErrorFunc(NULL, quiet_xslt);
    for (unsigned i = 0; i < vl_embedded_fixer_count; i++) {
        const VlEmbeddedFixer *f = &vl_embedded_fixers[i];
        xmlDocPtr doc;

        if (strcmp(f->rule_id, rule_id) != 0)
            continue;
        /* A built-in stylesheet that does not compile is a bug the tests
         * catch; here the fix is only withheld. */
        xmlSetStructuredErrorFunc(NULL, quiet_xml);
        doc = xmlReadMemory(f->xsl, (int) f->len, rule_id, NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
        style = doc ? xsltParseStylesheetDoc(doc) : NULL;
        xmlSetStructuredErrorFunc(NULL, NULL);
        if (!style) {
            if (doc)
                xmlFreeDoc(doc);
            return NULL;
        }
        g_hash_table_insert(stylesheets, (gpointer) f->rule_id, style);
        return style;
    }
    return NULL;
}

bool
vl_fix_allowed(const VlFinding *f, bool unsafe)
{
    return f->fix && (f->rule->fix == VL_FIX_SAFE || (unsafe && f->rule->fix == VL_FIX_UNSAFE));
}

xmlDocPtr
vl_fix_transform(VlContext *context, xsltStylesheetPtr style, xmlDocPtr doc, const char **params)
{
    xsltTransformContextPtr ctxt = xsltNewTransformContext(style, doc);
    xmlDocPtr result;

    xsltSetCtxtSecurityPrefs(vl_context_xslt_security(context), ctxt);
    xsltSetTransformErrorFunc(ctxt, NULL, quiet_xslt);
    xsltQuoteUserParams(ctxt, params);
    result = xsltApplyStylesheetUser(style, doc, NULL, NULL, NULL, ctxt);
    if (result && ctxt->state != XSLT_STATE_OK)
        g_clear_pointer(&result, xmlFreeDoc);
    xsltFreeTransformContext(ctxt);
    return result;
}

/* Elements of DOC in document order. */
static void
collect_elements(xmlNodePtr node, GPtrArray *out)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        g_ptr_array_add(out, n);
        collect_elements(n->children, out);
    }
}

/* Drops the indentation between elements (blank text beside element
 * siblings): a third of a typical domain's nodes, which every transform
 * would copy for nothing, since the diff of the result (fixdiff.c) compares
 * the text only of elements without element children and indents what it
 * inserts from the source. */
static void
strip_indentation(xmlNodePtr parent)
{
    xmlNodePtr next;

    if (!xmlFirstElementChild(parent))
        return;
    for (xmlNodePtr n = parent->children; n; n = next) {
        next = n->next;
        if (n->type == XML_TEXT_NODE && xmlIsBlankNode(n)) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            strip_indentation(n);
        }
    }
}

/* A copy of DOC whose elements carry vl:id (their index in ORDER). */
static xmlDocPtr
annotated_copy(VlDocument *doc, GPtrArray *order)
{
    xmlDocPtr copy = xmlCopyDoc(doc->doc, 1);
    g_autoptr(GPtrArray) copies = g_ptr_array_new();
    xmlNsPtr ns = NULL;

    collect_elements(doc->doc->children, order);
    strip_indentation(xmlDocGetRootElement(copy));
    collect_elements(copy->children, copies);
    g_assert(order->len == copies->len);
    /* The prefix is only a name: fixers match the namespace.  A document
     * may bind vl itself, so the first free one of vl, vl1, vl2... */
    for (guint n = 0; !ns && n < 1000; n++) {
        g_autofree char *prefix = n ? g_strdup_printf("vl%u", n) : g_strdup("vl");

        if (!xmlSearchNs(copy, xmlDocGetRootElement(copy), BAD_CAST prefix))
            ns = xmlNewNs(xmlDocGetRootElement(copy), BAD_CAST VL_NS_FIX, BAD_CAST prefix);
    }
    for (guint i = 0; ns && i < copies->len; i++) {
        char id[16];
        g_snprintf(id, sizeof(id), "%u", i);
        xmlSetNsProp(g_ptr_array_index(copies, i), ns, BAD_CAST "id", BAD_CAST id);
    }
    return copy;
}

/* node -> its vl:id, for ORDER */
static GHashTable *
index_order(GPtrArray *order)
{
    GHashTable *index = g_hash_table_new(g_direct_hash, g_direct_equal);

    for (guint i = 0; i < order->len; i++)
        g_hash_table_insert(index, g_ptr_array_index(order, i), GUINT_TO_POINTER(i + 1));
    return index;
}

/* One level of indentation is how far <domain>'s first child is indented
 * past <domain> itself, when both start their lines. */
static void
indent_from_tree(VlTextStyle *style, VlDocument *doc, const VlSrcMap *map)
{
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    xmlNodePtr child = xmlFirstElementChild(root);
    const VlSrcElem *re = vl_srcmap_get(map, root), *ce = child ? vl_srcmap_get(map, child) : NULL;
    g_autofree char *root_indent = re ? vl_text_indent_at(doc->data, re->start) : NULL;
    g_autofree char *child_indent = ce ? vl_text_indent_at(doc->data, ce->start) : NULL;

    if (root_indent && child_indent && g_str_has_prefix(child_indent, root_indent) &&
        strlen(child_indent) > strlen(root_indent)) {
        g_free(style->indent_unit);
        style->indent_unit = g_strdup(child_indent + strlen(root_indent));
    }
}

/* Whether text inserted into DOC may be UTF-8: its declared encoding is
 * UTF-8, or it declares none.  Input that is not ASCII-compatible (UTF-16)
 * never gets this far: it is refused when read. */
static bool
writes_utf8(xmlDocPtr doc)
{
    return !doc->encoding || g_ascii_strcasecmp((const char *) doc->encoding, "UTF-8") == 0 ||
           g_ascii_strcasecmp((const char *) doc->encoding, "UTF8") == 0;
}

/* Run RULE's fixer for FINDINGS on DOC; returns the edits of DOC's text. */
static GPtrArray *
rule_edits(VlContext *context, VlDocument *doc, const VlRule *rule, GPtrArray *findings, const char **why,
           VlFixMeaning **expected)
{
    xsltStylesheetPtr style = stylesheet(context, rule->fixer ? rule->fixer : rule->id);
    g_autoptr(GPtrArray) order = g_ptr_array_new();
    g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(VlSrcMap) map = NULL;
    g_autoptr(GHashTable) values = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autoptr(GHashTable) index = NULL;
    GString *targets = g_string_new(" ");
    xmlDocPtr input, result;
    GPtrArray *edits = NULL;
    VlTextStyle text_style = { 0 };

    if (!style) {
        *why = "its fixer stylesheet is missing or does not compile";
        g_string_free(targets, TRUE);
        return NULL;
    }
    input = annotated_copy(doc, order);
    index = index_order(order);
    /* targets: the findings' elements; other parameters: each finding's
     * values, distinct ones joined by spaces (so lists merge). */
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        guint id = GPOINTER_TO_UINT(g_hash_table_lookup(index, f->node));

        if (id > 0)
            g_string_append_printf(targets, "%u ", id - 1);
        for (guint p = 0; p + 1 < f->fix->params->len; p += 2) {
            const char *name = g_ptr_array_index(f->fix->params, p);
            const char *value = g_ptr_array_index(f->fix->params, p + 1);
            GPtrArray *list = g_hash_table_lookup(values, name);

            if (!list) {
                g_hash_table_insert(values, (gpointer) name, list = g_ptr_array_new());
                g_ptr_array_add(names, (gpointer) name);
            }
            if (!g_ptr_array_find_with_equal_func(list, value, g_str_equal, NULL))
                g_ptr_array_add(list, (gpointer) value);
        }
    }

    g_ptr_array_add(params, g_strdup("targets"));
    g_ptr_array_add(params, g_string_free(targets, FALSE));
    for (guint i = 0; i < names->len; i++) {
        GPtrArray *list = g_hash_table_lookup(values, g_ptr_array_index(names, i));
        g_ptr_array_add(list, NULL);
        g_ptr_array_add(params, g_strdup(g_ptr_array_index(names, i)));
        g_ptr_array_add(params, g_strjoinv(" ", (char **) list->pdata));
        g_ptr_array_set_size(list, list->len - 1);
    }
    g_ptr_array_add(params, NULL);

    result = vl_fix_transform(context, style, input, (const char **) params->pdata);
    if (!result) {
        *why = "the fixer stylesheet failed";
    } else if (!(map = vl_srcmap_build(doc->data, doc->len, doc->doc))) {
        *why = "the source could not be mapped";
    } else {
        VlFixSource src = { .text = doc->data, .len = doc->len, .map = map, .order = order, .style = &text_style,
                            .ascii = !writes_utf8(doc->doc) };
        vl_text_style_detect(&text_style, doc->data, doc->len);
        indent_from_tree(&text_style, doc, map);
        if (!(edits = vl_fixdiff(&src, result)))
            *why = "the fixer result does not map back to the source";
        else
            *expected = vl_fix_meaning_new(input, result);
        vl_text_style_clear(&text_style);
    }
    if (result)
        xmlFreeDoc(result);
    xmlFreeDoc(input);
    return edits;
}

void
vl_fix_attach_edits(VlContext *context, VlDocument *doc, GPtrArray *findings, bool unsafe)
{
    /* Each finding gets the edits of its own fix, as if it were the only
     * one: its fixer runs once per finding (in JSON and SARIF output only,
     * where a consumer applies the fixes it picks, one by one). */
    for (guint i = 0; i < findings->len; i++) {
        VlFinding *f = g_ptr_array_index(findings, i);
        g_autoptr(GPtrArray) one = g_ptr_array_new();
        g_autoptr(VlFixMeaning) expected = NULL;
        g_autoptr(GPtrArray) edits = NULL;
        const char *why = NULL;
        GPtrArray *out;

        if (!vl_fix_allowed(f, unsafe))
            continue;
        g_ptr_array_add(one, f);
        if (!(edits = rule_edits(context, doc, f->rule, one, &why, &expected)))
            continue;
        out = vl_fix_edits_new();
        for (guint j = 0; j < edits->len; j++) {
            const VlEdit *e = g_ptr_array_index(edits, j);
            int l1, c1, l2, c2;
            vl_document_position(doc, e->start, &l1, &c1);
            vl_document_position(doc, e->end, &l2, &c2);
            g_ptr_array_add(out, vl_fix_edit_new(l1, c1, l2, c2, e->text));
        }
        vl_fix_set_edits(f->fix, out);
    }
}

static char *
finding_key(const VlFinding *f)
{
    return g_strdup_printf("%s\t%s", f->rule->id, f->message);
}

/* The first rule (in registry order) with fixes to apply in FINDINGS,
 * skipping withheld rules and findings a fix was already tried on. */
static const VlRule *
next_rule(GPtrArray *findings, bool unsafe, GHashTable *withheld, GHashTable *attempted, GPtrArray *of_rule)
{
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);

    for (gsize r = 0; r < count; r++) {
        if (g_hash_table_contains(withheld, rules[r]->id))
            continue;
        g_ptr_array_set_size(of_rule, 0);
        for (guint i = 0; i < findings->len; i++) {
            VlFinding *f = g_ptr_array_index(findings, i);
            g_autofree char *key = NULL;

            if (f->rule != rules[r] || !vl_fix_allowed(f, unsafe))
                continue;
            key = finding_key(f);
            if (!g_hash_table_contains(attempted, key))
                g_ptr_array_add(of_rule, f);
        }
        if (of_rule->len)
            return rules[r];
    }
    return NULL;
}

static void
applied_free(VlAppliedFix *a)
{
    g_free(a->description);
    g_free(a);
}

static void
withhold(VlFixResult *res, GHashTable *withheld, const VlRule *rule, const char *why)
{
    g_hash_table_add(withheld, (gpointer) rule->id);
    g_hash_table_insert(res->withheld, (gpointer) rule->id, g_strdup(why));
}

/* ENGINE with only the enabled rules that have a fixer: between two fixes,
 * only their findings matter (the schema rule, the costliest check, is not
 * among them).  It shares ENGINE's context and schema choice: free only
 * its ENABLED. */
static VlEngine
fixing_engine(const VlEngine *engine)
{
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);
    VlEngine fixing = *engine;

    fixing.enabled = g_new0(bool, count);

    for (gsize i = 0; i < count; i++)
        fixing.enabled[i] = engine->enabled[i] && rules[i]->fix != VL_FIX_NONE;
    return fixing;
}

/* --libvirt-check: the installed libvirt defines DOC.  A fix must not turn
 * a document libvirt defines into one it refuses; *WHY says what libvirt
 * said.  A check that cannot be made (libvirt crashed) counts as refused,
 * and clears *LINT_ERROR: the failure is the fix's reason, not the input's
 * error. */
static bool
libvirt_defines(const VlDocument *doc, char **why, GError **lint_error)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VlLibvirtVerdict) verdict = NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);

    if (doc->kind != VL_DOC_DOMAIN)
        return false;
    verdict = vl_libvirt_check_domain(root, doc->data, doc->len, &error);
    if (verdict && !verdict->refused)
        return true;
    /* a check that failed is said here, as the fix's reason; linting the
     * input reports its own failure */
    g_free(vl_libvirt_check_take_error());
    g_clear_error(lint_error);
    if (why)
        *why = verdict ? g_strdup_printf("libvirt %s would refuse the result: %s", verdict->version, verdict->message)
                       : g_strdup_printf("libvirt could not check the result: %s", error->message);
    return false;
}

VlFixResult *
vl_fix_document(const VlEngine *engine, VlDocument *doc, bool unsafe)
{
    VlFixResult *res = g_new0(VlFixResult, 1);
    g_autoptr(GHashTable) withheld = g_hash_table_new(g_str_hash, g_str_equal);
    g_autoptr(GHashTable) attempted = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GPtrArray) of_rule = g_ptr_array_new();
    bool was_valid = vl_engine_schema_valid(engine, doc);
    /* asked only when a fix is about to be applied: --diff of a document
     * with nothing to fix loads no libvirt */
    int was_defined = engine->config->libvirt_check ? -1 : 0;
    VlDocument *cur = doc;
    VlEngine fixing;

    res->applied = g_ptr_array_new_with_free_func((GDestroyNotify) applied_free);
    res->withheld = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);

    /* Fixers rewrite domain XML; a snapshot's embedded domain is a record of
     * the past, to be fixed in the domain itself; other documents have no
     * fixer. */
    if (doc->kind != VL_DOC_DOMAIN) {
        res->text = g_memdup2(doc->data, doc->len + 1);
        res->len = doc->len;
        return res;
    }

    fixing = fixing_engine(engine);
    /* The first pass lints fully: its findings are the answer when there is
     * nothing to fix. */
    for (int pass = 0; pass < MAX_PASSES; pass++) {
        guint hidden = 0;
        g_autoptr(GPtrArray) findings = NULL;
        g_autoptr(GPtrArray) edits = NULL;
        g_autoptr(VlFixMeaning) expected = NULL;
        g_autoptr(VlInputError) error = NULL;
        const VlRule *rule;
        const char *why = NULL;
        VlDocument *next;
        VlAppliedFix *applied;
        char *text;
        gsize len;

        if (pass == 0)
            findings = vl_engine_lint_checked(engine, cur, &hidden, &res->libvirt_error);
        else
            findings = vl_engine_lint_counted(&fixing, cur, &hidden);
        rule = next_rule(findings, unsafe, withheld, attempted, of_rule);
        if (!rule) {
            if (pass > 0) {
                g_autoptr(GError) lint_error = NULL;

                hidden = 0;
                g_clear_pointer(&findings, g_ptr_array_unref);
                findings = vl_engine_lint_checked(engine, cur, &hidden, &lint_error);
                /* a failure stands until a later check fails anew */
                if (lint_error) {
                    g_clear_error(&res->libvirt_error);
                    res->libvirt_error = g_steal_pointer(&lint_error);
                }
            }
            res->findings = g_steal_pointer(&findings);
            res->hidden_suggestions = hidden;
            break;
        }
        /* A finding that survives its own fix is not tried again. */
        for (guint i = 0; i < of_rule->len; i++)
            g_hash_table_add(attempted, finding_key(g_ptr_array_index(of_rule, i)));
        edits = rule_edits(engine->context, cur, rule, of_rule, &why, &expected);
        if (!edits) {
            withhold(res, withheld, rule, why);
            continue;
        }
        text = vl_edits_apply(cur->data, cur->len, edits, &len);
        if (!text) {
            withhold(res, withheld, rule, "its edits overlap");
            continue;
        }
        if (len == cur->len && memcmp(text, cur->data, len) == 0) {
            g_free(text);
            withhold(res, withheld, rule, "the fixer changed nothing");
            continue;
        }
        next = vl_document_parse(cur->path, text, len, &error);
        if (!next) {
            withhold(res, withheld, rule, "the result would not be well-formed");
            continue;
        }
        /* The edits must mean what the stylesheet produced, no more, no
         * less: a comment lost, a character reference written raw (and
         * normalised away), bytes in another encoding. */
        if (!vl_fix_meaning_kept(expected, next->doc)) {
            vl_document_free(next);
            withhold(res, withheld, rule, "its edits of the text would not mean what its fixer produced "
                     "(a comment, character reference or encoding would be lost)");
            continue;
        }
        if (was_valid && !vl_engine_schema_valid(engine, next)) {
            vl_document_free(next);
            withhold(res, withheld, rule, "the result would not validate against libvirt's schema");
            continue;
        }
        if (was_defined < 0)
            was_defined = libvirt_defines(doc, NULL, &res->libvirt_error);
        if (was_defined) {
            g_autofree char *refusal = NULL;

            if (!libvirt_defines(next, &refusal, &res->libvirt_error)) {
                vl_document_free(next);
                withhold(res, withheld, rule, refusal);
                continue;
            }
        }

        applied = g_new0(VlAppliedFix, 1);
        applied->rule = rule;
        applied->findings = of_rule->len;
        applied->description = g_strdup(((VlFinding *) g_ptr_array_index(of_rule, 0))->fix->description);
        g_ptr_array_add(res->applied, applied);
        if (cur != doc)
            vl_document_free(cur);
        cur = next;
    }

    g_free(fixing.enabled);

    res->changed = cur != doc;
    res->text = g_memdup2(cur->data, cur->len + 1);
    res->len = cur->len;
    if (cur != doc)
        res->document = cur;
    return res;
}

void
vl_fix_result_free(VlFixResult *res)
{
    if (!res)
        return;
    g_free(res->text);
    /* the findings point into the document: they go first */
    if (res->findings)
        g_ptr_array_unref(res->findings);
    vl_document_free(res->document);
    g_ptr_array_unref(res->applied);
    g_clear_error(&res->libvirt_error);
    g_hash_table_unref(res->withheld);
    g_free(res);
}
