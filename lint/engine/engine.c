#include "lint/engine/engine.h"

#include <stdio.h>
#include <string.h>

#include "lint/host/host.h"
#include "lint/host/libvirtcheck.h"
#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/engine/spelling.h"
#include "lint/schema/schema.h"
#include "lint/engine/suppress.h"
#include "lint/load/xml.h"

G_DEFINE_QUARK(vl-engine-error, vl_engine_error)

/* --select and --ignore name rules, categories and severities. */
static bool
is_severity(const char *name)
{
    VlSeverity sev;

    return vl_severity_parse(name, &sev) == 0;
}

/* NAMES name RULE itself, not only its category. */
static bool
names_rule(const VlRule *rule, char **names)
{
    for (char **n = names; n && *n; n++)
        if (strcmp(*n, rule->id) == 0)
            return true;
    return false;
}

static bool
rule_matches(const VlRule *rule, char **names)
{
    for (char **n = names; n && *n; n++) {
        if (strcmp(*n, rule->id) == 0 || strcmp(*n, rule->category) == 0)
            return true;
    }
    return false;
}

/* NAMES select rules: some of them are rule ids or categories. */
static bool
names_rules(char **names)
{
    for (char **n = names; n && *n; n++)
        if (!is_severity(*n))
            return true;
    return false;
}

/* A finding reported with SEV passes the severities --select and --ignore
 * name: --select warning keeps warnings (of whichever rules it selects),
 * --ignore info drops suggestions. */
static bool
severity_passes(const VlConfig *config, VlSeverity sev)
{
    bool selects = false, selected = false;

    for (char **n = config->select; n && *n; n++) {
        VlSeverity named;

        if (vl_severity_parse(*n, &named) == 0) {
            selects = true;
            selected |= named == sev;
        }
    }
    if (selects && !selected)
        return false;
    for (char **n = config->ignore; n && *n; n++) {
        VlSeverity named;

        if (vl_severity_parse(*n, &named) == 0 && named == sev)
            return false;
    }
    return true;
}

static gboolean
check_names(char **names, const char *option, GError **error)
{
    for (char **n = names; n && *n; n++) {
        if (!vl_registry_find(*n) && !vl_registry_is_category(*n) && !is_severity(*n)) {
            const char *near = vl_spelling_rule_name(*n);

            if (near)
                g_set_error(error, VL_ENGINE_ERROR, 0,
                            "%s: '%s' is neither a rule id, a category nor a severity; did you mean '%s'?", option,
                            *n, near);
            else
                g_set_error(error, VL_ENGINE_ERROR, 0,
                            "%s: '%s' is neither a rule id, a category nor a severity (see virtlint --list-rules)",
                            option, *n);
            return FALSE;
        }
    }
    return TRUE;
}

static gboolean choose_schema(VlEngine *engine, GError **error);

gboolean
vl_engine_init(VlEngine *engine, VlContext *context, const VlConfig *config, GError **error)
{
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);

    *engine = (VlEngine) { .context = context, .config = config };
    engine->enabled = g_new0(bool, count);
    if (!check_names(config->select, "--select", error) || !check_names(config->ignore, "--ignore", error))
        return FALSE;

    for (gsize i = 0; i < count; i++) {
        engine->enabled[i] = (!names_rules(config->select) || rule_matches(rules[i], config->select)) &&
                             !rule_matches(rules[i], config->ignore);
        if (rules[i]->opt_in && !names_rule(rules[i], config->select))
            engine->enabled[i] = false;
        /* host-aware rules need host facts (main.c says once when they are skipped) */
        if (rules[i]->needs_host && vl_host_empty(config->host))
            engine->enabled[i] = false;
    }

    return choose_schema(engine, error);
}

static gboolean
choose_schema(VlEngine *engine, GError **error)
{
    const VlConfig *config = engine->config;
    VlSchemaSet *set = vl_context_schemas(engine->context);

    /* Fixing needs the schema too: a fix must not make a valid file invalid. */
    if (!vl_engine_rule_enabled(engine, "schema") && !config->fix && !config->diff)
        return TRUE;
    if (!config->schema_path) {
        vl_schema_choose_release(set, &engine->schema, config->libvirt_version);
        return TRUE;
    }
    return vl_schema_choose_file(set, &engine->schema, config->schema_path, TRUE, error);
}

gboolean
vl_engine_schema_valid(const VlEngine *engine, const VlDocument *doc)
{
    return vl_schema_valid(vl_context_schema_cache(engine->context), &engine->schema, doc);
}

void
vl_engine_clear(VlEngine *engine)
{
    g_clear_pointer(&engine->enabled, g_free);
    vl_schema_choice_clear(&engine->schema);
}

bool
vl_engine_rule_enabled(const VlEngine *engine, const char *id)
{
    const VlRule *rule = vl_registry_find(id);
    return rule && engine->enabled[vl_registry_index(rule)];
}

/* Findings of consequence rules (what the VM cannot do, with nothing to
 * fix: no internal snapshots of a UEFI guest, no migration with a host
 * device) become one finding of domain-limitations on <domain> that lists
 * each, with its cause's line: the same consequence is otherwise repeated
 * for every UEFI guest, hostdev and share, and on the element that causes
 * it, next to what other rules say about that element.  They stay as they
 * are when domain-limitations is not enabled; a suppression of
 * domain-limitations (before <domain>, or file-wide) silences them all. */
static void
merge_consequences(const VlEngine *engine, VlDocument *doc, const VlSuppressions *sup, GPtrArray *kept)
{
    g_autoptr(GPtrArray) merged = g_ptr_array_new_with_free_func((GDestroyNotify) vl_finding_free);
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    VlFinding *all;

    if (!engine->enabled[vl_registry_index(&vl_rule_domain_limitations)] || !root)
        return;
    for (guint i = 0; i < kept->len; i++)
        if (((VlFinding *) g_ptr_array_index(kept, i))->rule->consequence)
            g_ptr_array_add(merged, g_ptr_array_index(kept, i));
    if (merged->len == 0)
        return;
    /* move them from KEPT (which would free them) to MERGED */
    for (guint i = kept->len; i-- > 0;)
        if (((VlFinding *) g_ptr_array_index(kept, i))->rule->consequence)
            g_ptr_array_steal_index(kept, i);
    g_ptr_array_sort(merged, vl_finding_compare);

    all = g_new0(VlFinding, 1);
    all->rule = &vl_rule_domain_limitations;
    all->severity = VL_SEVERITY_INFO;
    all->node = root;
    all->line = vl_xml_line(root);
    all->column = vl_document_column(doc, root);
    for (guint i = 0; i < merged->len; i++) {
        const VlFinding *f = g_ptr_array_index(merged, i);

        if (f->severity > all->severity)
            all->severity = f->severity;
        vl_finding_note(all, "line %d: %s [%s]%s%s", f->line, f->message, f->rule->id, f->help ? "; " : "",
                        f->help ? f->help : "");
    }
    all->message = g_strdup_printf("<domain>: %u limit%s on snapshots, save or migration, listed in the notes",
                                   merged->len, merged->len == 1 ? "" : "s");
    vl_finding_help(all, "nothing to fix if these are accepted; each note names the element that causes one");
    if (vl_suppressions_cover(sup, all))
        vl_finding_free(all);
    else
        g_ptr_array_add(kept, all);
}

/* What a schema finding's headline is about: "track=" for an attribute
 * ("<timer>: track='guest' is not accepted ...", "<topology>: attribute
 * clusters= ...", "<vcpu>: the value of placement= ..."), else the element
 * as headlines start with it ("<watchdog" for "<watchdog>: as written, ..."). */
static char *
schema_subject(const char *headline)
{
    const char *close = strstr(headline, ">: ");
    const char *rest, *end;

    if (headline[0] != '<' || !close)
        return NULL;
    rest = close + 3;
    if (g_str_has_prefix(rest, "attribute "))
        rest += strlen("attribute ");
    else if (g_str_has_prefix(rest, "the value of "))
        rest += strlen("the value of ");
    end = rest + strspn(rest, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_:-");
    if (end > rest && *end == '=')
        return g_strndup(rest, (gsize) (end + 1 - rest));
    return g_strndup(headline, (gsize) (close - headline)); /* "<watchdog" */
}

/* REFUSAL's headline is about SUBJECT: it names the attribute, or starts
 * with the element. */
static bool
says_subject(const VlFinding *refusal, const char *subject)
{
    gsize len = strlen(subject);

    if (subject[len - 1] == '=')
        return strstr(refusal->message, subject) != NULL;
    return strncmp(refusal->message, subject, len) == 0 && strchr("> ", refusal->message[len]);
}

/* A schema error that another rule reports as refused (by libvirt or QEMU)
 * on the same element and about the same attribute says one thing twice:
 * the rule's finding, which says why and what to do, stays, with the
 * schema's words as a note and the graver of the two severities. */
static void
merge_schema_into_refusals(GPtrArray *kept)
{
    for (guint i = kept->len; i-- > 0;) {
        VlFinding *schema = g_ptr_array_index(kept, i);
        g_autofree char *subject = NULL;
        VlFinding *refusal = NULL;

        if (schema->rule != &vl_rule_schema || !schema->node || !(subject = schema_subject(schema->message)))
            continue;
        for (guint j = 0; j < kept->len && !refusal; j++) {
            VlFinding *f = g_ptr_array_index(kept, j);

            if (f->node == schema->node && f->rule->refused_by != VL_REFUSED_BY_NONE && says_subject(f, subject))
                refusal = f;
        }
        if (!refusal)
            continue;
        vl_finding_note(refusal, "the schema says so too: %s", schema->message);
        if (schema->severity > refusal->severity)
            refusal->severity = schema->severity;
        g_ptr_array_remove_index(kept, i); /* frees it */
    }
}

/* The same warning or suggestion (headline and help) from one rule at
 * several places, with nothing to fix (one per pass-through argument that
 * opens an evdev device, say), is
 * one finding at the first place whose notes list the others, with what
 * each adds.  Errors stay apart: each is a refusal to fix where it is. */
static void
merge_repeated_headlines(GPtrArray *kept)
{
    g_ptr_array_sort(kept, vl_finding_compare);
    for (guint i = 0; i < kept->len; i++) {
        VlFinding *first = g_ptr_array_index(kept, i);

        if (first->fix || first->severity == VL_SEVERITY_ERROR)
            continue;
        for (guint j = kept->len; j-- > i + 1;) {
            VlFinding *again = g_ptr_array_index(kept, j);
            const char *adds = again->notes && again->notes->len ? g_ptr_array_index(again->notes, 0) : NULL;

            if (again->rule != first->rule || again->fix || again->severity != first->severity ||
                strcmp(again->message, first->message) != 0 || g_strcmp0(again->help, first->help) != 0)
                continue;
            vl_finding_note(first, "the same at line %d%s%s", again->line, adds ? ": " : "", adds ? adds : "");
            g_ptr_array_remove_index(kept, j); /* frees it */
        }
    }
}

GPtrArray *
vl_engine_lint(const VlEngine *engine, VlDocument *doc)
{
    return vl_engine_lint_counted(engine, doc, NULL);
}

GPtrArray *
vl_engine_lint_counted(const VlEngine *engine, VlDocument *doc, guint *hidden)
{
    return vl_engine_lint_checked(engine, doc, hidden, NULL);
}

GPtrArray *
vl_engine_lint_checked(const VlEngine *engine, VlDocument *doc, guint *hidden, GError **error)
{
    /* Only a domain (or the one in a snapshot) has a domain model to
     * build; the rules that check other documents (rule.h's documents)
     * read the document alone. */
    bool domain = doc->kind == VL_DOC_DOMAIN || doc->kind == VL_DOC_SNAPSHOT;
    g_autoptr(VlModel) built = domain ? vl_model_build(doc, engine->config) : NULL;
    VlModel bare = { .config = engine->config, .doc = doc, .root = xmlDocGetRootElement(doc->doc) };
    VlModel *model = domain ? built : &bare;
    VlSuppressions sup;
    VlReport report;
    GPtrArray *kept;
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);

    model->engine = engine;
    vl_report_init(&report, doc);

    report.rule = &vl_rule_suppression_unknown_rule;
    vl_suppressions_collect(&sup, model, &report);
    if (!engine->enabled[vl_registry_index(&vl_rule_suppression_unknown_rule)])
        g_ptr_array_set_size(report.findings, 0);

    for (gsize i = 0; i < count; i++) {
        if (!engine->enabled[i] || !rules[i]->check || !vl_rule_checks(rules[i], doc->kind))
            continue;
        report.rule = rules[i];
        rules[i]->check(model, &report);
    }
    /* last: it confirms the findings of rules that report the same refusal;
     * --diff shows no findings, so it would define for nothing */
    if (engine->config->libvirt_check && !engine->config->diff &&
        engine->enabled[vl_registry_index(&vl_rule_libvirt_define)] &&
        vl_rule_checks(&vl_rule_libvirt_define, doc->kind)) {
        g_autofree char *failure = NULL;

        report.rule = &vl_rule_libvirt_define;
        g_free(vl_libvirt_check_take_error());
        vl_libvirt_define_check(model, &report);
        /* a rule cannot return an error: the check leaves its failure to be
         * taken right after it */
        if ((failure = vl_libvirt_check_take_error()))
            g_set_error_literal(error, VL_ENGINE_ERROR, 0, failure);
    }

    /* Move each finding to KEPT or free it when a suppression covers it;
     * severities a .virtlintrc overrides change here ("off" drops it). */
    kept = g_ptr_array_new_with_free_func((GDestroyNotify) vl_finding_free);
    g_ptr_array_set_free_func(report.findings, NULL);
    for (guint i = 0; i < report.findings->len; i++) {
        VlFinding *f = g_ptr_array_index(report.findings, i);

        gpointer override;

        if (vl_suppressions_cover(&sup, f)) {
            vl_finding_free(f);
            continue;
        }
        if (engine->config->severity_overrides &&
            g_hash_table_lookup_extended(engine->config->severity_overrides, f->rule->id, NULL, &override)) {
            if (GPOINTER_TO_INT(override) < 0) {
                vl_finding_free(f);
                continue;
            }
            f->severity = (VlSeverity) GPOINTER_TO_INT(override);
        }
        if (!severity_passes(engine->config, f->severity)) {
            vl_finding_free(f);
            continue;
        }
        g_ptr_array_add(kept, f);
    }
    merge_schema_into_refusals(kept);
    merge_repeated_headlines(kept);
    merge_consequences(engine, doc, &sup, kept);
    /* suggestions the user did not ask to see are counted, not kept (nor
     * fixed: the fixer lints through here too) */
    if (!engine->config->show_suggestions) {
        for (guint i = kept->len; i-- > 0;) {
            if (((VlFinding *) g_ptr_array_index(kept, i))->severity != VL_SEVERITY_INFO)
                continue;
            g_ptr_array_remove_index(kept, i);
            if (hidden)
                (*hidden)++;
        }
    }
    g_ptr_array_sort(kept, vl_finding_compare);

    vl_suppressions_clear(&sup);
    vl_report_clear(&report);
    return kept;
}
