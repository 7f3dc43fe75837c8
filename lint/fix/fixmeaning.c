/* A fix's edits must mean what its fixer produced (see fixmeaning.h). */
#include "lint/engine/notes.h"
#include "lint/fix/fixmeaning.h"

#include <stdio.h>
#include <string.h>

#include "lint/fix/fixdiff.h"

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* NODE's namespace; an element the fixer wrote as "qemu:commandline"
 * without binding the prefix (a text parse binds it) counts as in the
 * namespace the prefix has there. */
static const char *
namespace_of(xmlNodePtr node)
{
    const char *colon;

    if (node->ns)
        return (const char *) node->ns->href;
    if ((colon = strchr((const char *) node->name, ':'))) {
        g_autofree char *prefix = g_strndup((const char *) node->name, colon - (const char *) node->name);
        xmlNsPtr ns = xmlSearchNs(node->doc, node, BAD_CAST prefix);

        if (ns)
            return (const char *) ns->href;
    }
    return "";
}

static const char *
local_name(xmlNodePtr node)
{
    const char *colon = node->ns ? NULL : strchr((const char *) node->name, ':');

    return colon && *namespace_of(node) ? colon + 1 : (const char *) node->name;
}

/* The tree under NODE (a list of siblings) as text, for comparing what the
 * fixer produced with what its edits of the source parse to: elements with
 * their attributes (sorted, without virtlint's vl:id), text and processing
 * instructions; whitespace-only text is left out (edits re-indent).
 * Comments go to COMMENTS, by parent: the edits may keep a comment the
 * fixer dropped with its element, but must lose none the fixer kept. */
static void
canonical(xmlNodePtr node, GString *out, GHashTable *comments, const char *path)
{
    guint index = 0;

    for (xmlNodePtr n = node; n; n = n->next) {
        switch (n->type) {
        case XML_ELEMENT_NODE: {
            g_autoptr(GPtrArray) attrs = g_ptr_array_new_with_free_func(g_free);
            g_autofree char *child_path = g_strdup_printf("%s/%u", path, index++);

            g_string_append_printf(out, "<{%s}%s", namespace_of(n), local_name(n));
            for (xmlAttrPtr a = n->properties; a; a = a->next) {
                g_autofree char *value = NULL;

                if (a->ns && xmlStrEqual(a->ns->href, BAD_CAST VL_NS_FIX))
                    continue;
                value = (char *) xmlNodeGetContent((xmlNodePtr) a);
                g_ptr_array_add(attrs, g_strdup_printf(" {%s}%s=\"%s\"", a->ns ? (const char *) a->ns->href : "",
                                                       (const char *) a->name, value ? value : ""));
            }
            g_ptr_array_sort(attrs, compare_strings);
            for (guint i = 0; i < attrs->len; i++)
                g_string_append(out, g_ptr_array_index(attrs, i));
            g_string_append_c(out, '>');
            canonical(n->children, out, comments, child_path);
            g_string_append(out, "</>");
            break;
        }
        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
            if (!xmlIsBlankNode(n))
                g_string_append_printf(out, "T[%s]", (const char *) n->content);
            break;
        case XML_COMMENT_NODE:
            /* parent's path and text: "where" at the level of the parent */
            g_hash_table_add(comments, g_strdup_printf("%s C[%s]", path, (const char *) n->content));
            break;
        case XML_PI_NODE:
            g_string_append_printf(out, "P[%s %s]", (const char *) n->name, n->content ? (const char *) n->content : "");
            break;
        case XML_ENTITY_REF_NODE:
            g_string_append_printf(out, "&%s;", (const char *) n->name);
            break;
        default:
            break;
        }
    }
}

struct VlFixMeaning {
    char *tree;
    GHashTable *comments;
    /* the source's comments whose element the fixer kept (its vl:id is in
     * the result), by text, with their count: they must survive */
    GHashTable *kept;
};

void
vl_fix_meaning_free(VlFixMeaning *c)
{
    g_free(c->tree);
    g_hash_table_unref(c->comments);
    if (c->kept)
        g_hash_table_unref(c->kept);
    g_free(c);
}

static void
collect_ids(xmlNodePtr node, GHashTable *ids)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        xmlChar *id;

        if (n->type != XML_ELEMENT_NODE)
            continue;
        if ((id = xmlGetNsProp(n, BAD_CAST "id", BAD_CAST VL_NS_FIX)))
            g_hash_table_add(ids, id);
        collect_ids(n->children, ids);
    }
}

/* Count into KEPT the comments under NODE (of the annotated input) whose
 * parent element is in IDS, or that sit outside any element. */
static void
count_kept_comments(xmlNodePtr node, GHashTable *ids, GHashTable *kept)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE) {
            xmlNodePtr parent = n->parent;
            g_autofree xmlChar *id = parent && parent->type == XML_ELEMENT_NODE
                                         ? xmlGetNsProp(parent, BAD_CAST "id", BAD_CAST VL_NS_FIX) : NULL;

            if (!parent || parent->type != XML_ELEMENT_NODE || (id && g_hash_table_contains(ids, id))) {
                guint count = GPOINTER_TO_UINT(g_hash_table_lookup(kept, n->content));
                g_hash_table_insert(kept, n->content, GUINT_TO_POINTER(count + 1));
            }
        } else if (n->type == XML_ELEMENT_NODE) {
            count_kept_comments(n->children, ids, kept);
        }
    }
}

static void
count_comments(xmlNodePtr node, GHashTable *counts)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE) {
            guint count = GPOINTER_TO_UINT(g_hash_table_lookup(counts, n->content));
            g_hash_table_insert(counts, n->content, GUINT_TO_POINTER(count + 1));
        } else if (n->type == XML_ELEMENT_NODE) {
            count_comments(n->children, counts);
        }
    }
}

static VlFixMeaning *
canonical_doc(xmlDocPtr doc)
{
    VlFixMeaning *c = g_new0(VlFixMeaning, 1);
    GString *out = g_string_new(NULL);

    c->comments = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    canonical(doc->children, out, c->comments, "");
    c->tree = g_string_free(out, FALSE);
    return c;
}

/* GOT (the edits, parsed as GOT_DOC) means what WANT (the fixer's result)
 * does: the same tree, every comment of WANT's in the same parent, and
 * every comment of the source whose element the fixer kept, somewhere (a
 * fixer that rewrites an element's text drops the comments inside it). */
static bool
same_meaning(const VlFixMeaning *want, const VlFixMeaning *got, xmlDocPtr got_doc)
{
    g_autoptr(GHashTable) counts = g_hash_table_new(g_str_hash, g_str_equal);
    GHashTableIter it;
    gpointer key, value;

    if (strcmp(want->tree, got->tree) != 0)
        return false;
    g_hash_table_iter_init(&it, want->comments);
    while (g_hash_table_iter_next(&it, &key, NULL))
        if (!g_hash_table_contains(got->comments, key))
            return false;
    count_comments(got_doc->children, counts);
    g_hash_table_iter_init(&it, want->kept);
    while (g_hash_table_iter_next(&it, &key, &value))
        if (GPOINTER_TO_UINT(g_hash_table_lookup(counts, key)) < GPOINTER_TO_UINT(value))
            return false;
    return true;
}

VlFixMeaning *
vl_fix_meaning_new(xmlDocPtr input, xmlDocPtr result)
{
    g_autoptr(GHashTable) ids = g_hash_table_new_full(g_str_hash, g_str_equal, xmlFree, NULL);
    g_autoptr(GHashTable) kept = g_hash_table_new(g_str_hash, g_str_equal);
    VlFixMeaning *meaning = canonical_doc(result);
    GHashTableIter it;
    gpointer key, value;

    /* keys point into INPUT's comments: copied, INPUT is freed first */
    meaning->kept = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    collect_ids(result->children, ids);
    count_kept_comments(input->children, ids, kept);
    g_hash_table_iter_init(&it, kept);
    while (g_hash_table_iter_next(&it, &key, &value))
        g_hash_table_insert(meaning->kept, g_strdup(key), value);
    return meaning;
}

bool
vl_fix_meaning_kept(const VlFixMeaning *meaning, xmlDocPtr edited)
{
    VlFixMeaning *got = canonical_doc(edited);
    bool same = same_meaning(meaning, got, edited);

    if (!same && g_getenv("VIRTLINT_DEBUG_FIX"))
        vl_note(VL_NOTE_INFO, "fixer produced:\n%s\nedits give:\n%s", meaning->tree, got->tree);
    vl_fix_meaning_free(got);
    return same;
}
