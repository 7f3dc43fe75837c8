#include "lint/engine/engine.h"

#include <stdio.h>
#include <string.h>

#include "lint/host/host.h"
#include "lint/host/libvirtcheck.h"
#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/schema/schema.h"
#include "lint/engine/suppress.h"

G_DEFINE_QUARK(vl-engine-error, vl_engine_error)

static bool
rule_matches(const VlRule *rule, char **names)
{
    for (char **n = names; n && *n; n++) {
        if (strcmp(*n, rule->id) == 0 || strcmp(*n, rule->category) == 0)
            return true;
    }
    return false;
}

static gboolean
check_names(char **names, const char *option, GError **error)
{
    for (char **n = names; n && *n; n++) {
        if (!vl_registry_find(*n) && !vl_registry_is_category(*n)) {
            g_set_error(error, VL_ENGINE_ERROR, 0, "%s: '%s' is neither a rule id nor a category "
                        "(see virtlint --list-rules)", option, *n);
            return FALSE;
        }
    }
    return TRUE;
}

gboolean
vl_engine_init(VlEngine *engine, const VlConfig *config, GError **error)
{
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);

    engine->config = config;
    engine->enabled = g_new0(bool, count);
    if (!check_names(config->select, "--select", error) || !check_names(config->ignore, "--ignore", error))
        return FALSE;

    for (gsize i = 0; i < count; i++) {
        engine->enabled[i] = (!config->select || rule_matches(rules[i], config->select)) &&
                             !rule_matches(rules[i], config->ignore);
        /* host-aware rules need host facts (main.c says once when they are skipped) */
        if (rules[i]->needs_host && vl_host_empty(config->host))
            engine->enabled[i] = false;
    }

    return vl_engine_use_schema(engine, error);
}

gboolean
vl_engine_use_schema(const VlEngine *engine, GError **error)
{
    const VlConfig *config = engine->config;

    /* Fixing needs the schema too: a fix must not make a valid file invalid. */
    if (!vl_engine_rule_enabled(engine, "schema") && !config->fix && !config->diff)
        return TRUE;
    if (!config->schema_path) {
        vl_schema_prepare_release(config->libvirt_version);
        return TRUE;
    }
    return vl_schema_prepare(config->schema_path, TRUE, error);
}

void
vl_engine_clear(VlEngine *engine)
{
    g_clear_pointer(&engine->enabled, g_free);
}

bool
vl_engine_rule_enabled(const VlEngine *engine, const char *id)
{
    const VlRule *rule = vl_registry_find(id);
    return rule && engine->enabled[vl_registry_index(rule)];
}

GPtrArray *
vl_engine_lint(const VlEngine *engine, VlDocument *doc)
{
    g_autoptr(VlModel) model = vl_model_build(doc, engine->config);
    VlSuppressions sup;
    VlReport report;
    GPtrArray *kept;
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);

    /* engines of several .virtlintrc files may target different releases */
    vl_engine_use_schema(engine, NULL);
    vl_report_init(&report, doc);

    report.rule = &vl_rule_suppression_unknown_rule;
    vl_suppressions_collect(&sup, model, &report);
    if (!engine->enabled[vl_registry_index(&vl_rule_suppression_unknown_rule)])
        g_ptr_array_set_size(report.findings, 0);

    for (gsize i = 0; i < count; i++) {
        if (!engine->enabled[i] || !rules[i]->check)
            continue;
        report.rule = rules[i];
        rules[i]->check(model, &report);
    }
    /* last: it confirms the findings of rules that report the same refusal;
     * --diff shows no findings, so it would define for nothing */
    if (engine->config->libvirt_check && !engine->config->diff &&
        engine->enabled[vl_registry_index(&vl_rule_libvirt_define)]) {
        report.rule = &vl_rule_libvirt_define;
        vl_libvirt_define_check(model, &report);
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
        g_ptr_array_add(kept, f);
    }
    g_ptr_array_sort(kept, vl_finding_compare);

    vl_suppressions_clear(&sup);
    vl_report_clear(&report);
    return kept;
}
