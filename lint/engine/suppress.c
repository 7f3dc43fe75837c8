/* memmem() */
#define _GNU_SOURCE
#include "lint/engine/suppress.h"

#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/spelling.h"
#include "lint/load/xml.h"

typedef struct {
    xmlNodePtr element;
    GHashTable *rules;       /* NULL: every rule */
} ScopedSuppression;

static void
scoped_free(ScopedSuppression *s)
{
    if (s->rules)
        g_hash_table_unref(s->rules);
    g_free(s);
}

/* Split "a, b,c: reason" into rule ids, checking each exists.  (XML forbids
 * "--" inside comments, so the reason follows a colon.)
 * Returns NULL when the list is empty (meaning: every rule). */
static GHashTable *
parse_rule_list(const char *text, xmlNodePtr where, VlReport *report)
{
    g_autofree char *list = g_strdup(text);
    g_auto(GStrv) parts = NULL;
    GHashTable *rules = NULL;
    char *reason = strchr(list, ':');

    if (reason)
        *reason = '\0'; /* everything after the colon explains the suppression */
    g_strdelimit(list, " \t\r\n", ',');
    parts = g_strsplit(list, ",", -1);
    for (char **p = parts; *p; p++) {
        if (!**p)
            continue;
        if (!rules)
            rules = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        if (!vl_registry_find(*p)) {
            /* the headline names the suppression: the comment or <virtlint:disable> */
            VlFinding *f = vl_report(report, where, "%s: suppression names '%s', which is not a virtlint rule",
                                     where->type != XML_COMMENT_NODE ? "<virtlint:disable>"
                                     : strstr((const char *) where->content, "virtlint-disable-file")
                                         ? "<!-- virtlint-disable-file -->"
                                         : "<!-- virtlint-disable -->",
                                     *p);
            const char *near = vl_spelling_rule_name(*p);

            if (near && vl_registry_find(near))
                vl_finding_help(f, "did you mean '%s'? (virtlint --list-rules shows every rule id)", near);
            else
                vl_finding_help(f, "use a rule id that virtlint --list-rules shows");
        }
        g_hash_table_add(rules, g_strdup(*p));
    }
    return rules;
}

static void
merge_file_rules(VlSuppressions *sup, GHashTable *rules)
{
    GHashTableIter iter;
    gpointer key;

    if (!rules) {
        sup->file_all = true;
        return;
    }
    g_hash_table_iter_init(&iter, rules);
    while (g_hash_table_iter_next(&iter, &key, NULL))
        g_hash_table_add(sup->file_rules, g_strdup(key));
    g_hash_table_unref(rules);
}

static xmlNodePtr
next_element(xmlNodePtr node)
{
    for (xmlNodePtr n = node->next; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE)
            return n;
    }
    return NULL;
}

static void
read_comment(VlSuppressions *sup, xmlNodePtr comment, VlReport *report)
{
    const char *text = (const char *) comment->content;
    const char *file_kw = "virtlint-disable-file";
    const char *kw = "virtlint-disable";

    while (g_ascii_isspace(*text))
        text++;
    if (g_str_has_prefix(text, file_kw) &&
        (!text[strlen(file_kw)] || g_ascii_isspace(text[strlen(file_kw)]))) {
        merge_file_rules(sup, parse_rule_list(text + strlen(file_kw), comment, report));
    } else if (g_str_has_prefix(text, kw) && (!text[strlen(kw)] || g_ascii_isspace(text[strlen(kw)]))) {
        ScopedSuppression *s = g_new0(ScopedSuppression, 1);

        s->rules = parse_rule_list(text + strlen(kw), comment, report);
        s->element = next_element(comment);
        if (s->element)
            g_ptr_array_add(sup->scoped, s);
        else
            scoped_free(s);
    }
}

static void
walk_comments(VlSuppressions *sup, xmlNodePtr node, VlReport *report)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE && n->content)
            read_comment(sup, n, report);
        else if (n->type == XML_ELEMENT_NODE && n->children)
            walk_comments(sup, n->children, report);
    }
}

static void
read_metadata(VlSuppressions *sup, const VlModel *model, VlReport *report)
{
    if (!model->virtlint_meta)
        return;
    for (xmlNodePtr n = model->virtlint_meta->children; n; n = n->next) {
        const char *rules;

        if (!vl_xml_is_ns(n, VL_NS_VIRTLINT, "disable"))
            continue;
        rules = vl_xml_attr(n, "rules");
        if (!rules || !*rules) {
            vl_finding_help(vl_report(report, n, "<virtlint:disable>: no rules= attribute"),
                            "name the rules to silence: rules='RULE[,RULE]'");
            continue;
        }
        merge_file_rules(sup, parse_rule_list(rules, n, report));
    }
}

void
vl_suppressions_collect(VlSuppressions *sup, const VlModel *model, VlReport *report)
{
    VlDocument *doc = model->doc;

    sup->file_all = false;
    sup->file_rules = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    sup->scoped = g_ptr_array_new_with_free_func((GDestroyNotify) scoped_free);

    /* Comments can sit anywhere; walk the tree for them only when the text
     * mentions a suppression at all, which most files never do. */
    if (memmem(doc->data, doc->len, "virtlint-disable", strlen("virtlint-disable")))
        walk_comments(sup, doc->doc->children, report);
    read_metadata(sup, model, report);
}

static bool
rules_cover(GHashTable *rules, const char *id)
{
    return !rules || g_hash_table_contains(rules, id);
}

bool
vl_suppressions_cover(const VlSuppressions *sup, const VlFinding *f)
{
    if (sup->file_all || g_hash_table_contains(sup->file_rules, f->rule->id))
        return true;
    for (guint i = 0; i < sup->scoped->len; i++) {
        ScopedSuppression *s = g_ptr_array_index(sup->scoped, i);

        if (!rules_cover(s->rules, f->rule->id))
            continue;
        for (xmlNodePtr n = f->node; n; n = n->parent) {
            if (n == s->element)
                return true;
        }
    }
    return false;
}

void
vl_suppressions_clear(VlSuppressions *sup)
{
    g_clear_pointer(&sup->file_rules, g_hash_table_unref);
    g_clear_pointer(&sup->scoped, g_ptr_array_unref);
}
