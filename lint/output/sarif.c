/* SARIF 2.1.0 output, for GitHub code scanning and other SARIF consumers:
 * one run; tool.driver.rules carries every rule's description and help;
 * results carry ruleId, level, message, a region and, where a fix is
 * allowed, SARIF fixes built from the fix's edits. */
#include "lint/fix/fix.h"
#include "lint/output/format.h"
#include "lint/output/json.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"
#include "lint/engine/version.h"

typedef struct {
    json_object *results;
} Sarif;

static json_object *
text(const char *s)
{
    json_object *o = json_object_new_object();
    json_object_object_add(o, "text", json_object_new_string(s));
    return o;
}

static json_object *
rule_descriptor(const VlRule *r)
{
    json_object *rule = json_object_new_object();
    json_object *config = json_object_new_object();
    json_object *help = json_object_new_object();
    json_object *props = json_object_new_object();
    g_autofree char *help_uri = g_strdup_printf("https://virtlint.org/rules#%s", r->id);
    g_autofree char *markdown = g_strdup_printf("%s\n\nBad:\n\n```xml\n%s\n```\n\nGood:\n\n```xml\n%s\n```\n",
                                                r->rationale, r->example_bad, r->example_good);

    json_object_object_add(rule, "id", json_object_new_string(r->id));
    json_object_object_add(rule, "name", json_object_new_string(r->id));
    json_object_object_add(rule, "shortDescription", text(r->summary));
    json_object_object_add(rule, "fullDescription", text(r->rationale));
    json_object_object_add(help, "text", json_object_new_string(r->rationale));
    json_object_object_add(help, "markdown", json_object_new_string(markdown));
    json_object_object_add(rule, "help", help);
    json_object_object_add(rule, "helpUri", json_object_new_string(help_uri));
    json_object_object_add(config, "level", json_object_new_string(vl_output_level(r->severity)));
    json_object_object_add(rule, "defaultConfiguration", config);
    json_object_object_add(props, "category", json_object_new_string(r->category));
    json_object_object_add(props, "fix", json_object_new_string(vl_fix_name(r->fix)));
    json_object_object_add(rule, "properties", props);
    return rule;
}

static json_object *
region(int line, int column, int end_line, int end_column)
{
    json_object *reg = json_object_new_object();

    json_object_object_add(reg, "startLine", json_object_new_int(line > 0 ? line : 1));
    if (column > 0)
        json_object_object_add(reg, "startColumn", json_object_new_int(column));
    if (end_line > 0) {
        json_object_object_add(reg, "endLine", json_object_new_int(end_line));
        json_object_object_add(reg, "endColumn", json_object_new_int(end_column));
    }
    return reg;
}

static json_object *
artifact(const char *path)
{
    json_object *loc = json_object_new_object();
    json_object_object_add(loc, "uri", json_object_new_string(path));
    return loc;
}

static json_object *
fixes_json(const char *path, const VlFinding *f)
{
    json_object *fixes = json_object_new_array();
    json_object *fix = json_object_new_object();
    json_object *changes = json_object_new_array();
    json_object *change = json_object_new_object();
    json_object *replacements = json_object_new_array();

    for (guint i = 0; f->fix->edits && i < f->fix->edits->len; i++) {
        const VlFixEdit *e = g_ptr_array_index(f->fix->edits, i);
        json_object *rep = json_object_new_object();
        json_object *inserted = json_object_new_object();

        json_object_object_add(rep, "deletedRegion", region(e->line, e->column, e->end_line, e->end_column));
        json_object_object_add(inserted, "text", json_object_new_string(e->content));
        json_object_object_add(rep, "insertedContent", inserted);
        json_object_array_add(replacements, rep);
    }
    json_object_object_add(change, "artifactLocation", artifact(path));
    json_object_object_add(change, "replacements", replacements);
    json_object_array_add(changes, change);
    json_object_object_add(fix, "description", text(f->fix->description));
    json_object_object_add(fix, "artifactChanges", changes);
    json_object_array_add(fixes, fix);
    return fixes;
}

/* The headline as the message's text; headline, help and notes as its
 * markdown, which viewers such as GitHub code scanning show in full. */
static json_object *
message(const VlFinding *f)
{
    json_object *msg = text(f->message);
    g_autoptr(GString) md = NULL;

    if (!f->help && !f->notes)
        return msg;
    md = g_string_new(f->message);
    if (f->help)
        g_string_append_printf(md, "\n\n**help:** %s", f->help);
    for (guint i = 0; f->notes && i < f->notes->len; i++)
        g_string_append_printf(md, "\n\n**note:** %s", (const char *) g_ptr_array_index(f->notes, i));
    json_object_object_add(msg, "markdown", json_object_new_string(md->str));
    return msg;
}

static void
begin(VlOutputCtx *ctx)
{
    Sarif *s = g_new0(Sarif, 1);
    s->results = json_object_new_array();
    ctx->state = s;
}

static void
document(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings)
{
    Sarif *s = ctx->state;

    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        json_object *result = json_object_new_object();
        json_object *locations = json_object_new_array();
        json_object *location = json_object_new_object();
        json_object *physical = json_object_new_object();

        json_object_object_add(result, "ruleId", json_object_new_string(f->rule->id));
        json_object_object_add(result, "ruleIndex", json_object_new_int((int) vl_registry_index(f->rule)));
        json_object_object_add(result, "level", json_object_new_string(vl_output_level(f->severity)));
        json_object_object_add(result, "message", message(f));
        json_object_object_add(physical, "artifactLocation", artifact(doc->path));
        json_object_object_add(physical, "region", region(f->line, f->column, 0, 0));
        json_object_object_add(location, "physicalLocation", physical);
        json_object_array_add(locations, location);
        json_object_object_add(result, "locations", locations);
        if (vl_fix_allowed(f, ctx->config->unsafe_fixes) && f->fix->edits && f->fix->edits->len)
            json_object_object_add(result, "fixes", fixes_json(doc->path, f));
        json_object_array_add(s->results, result);
    }
}

static void
finish(VlOutputCtx *ctx, const VlStats *stats G_GNUC_UNUSED, guint input_errors G_GNUC_UNUSED)
{
    Sarif *s = ctx->state;
    json_object *log = json_object_new_object();
    json_object *runs = json_object_new_array();
    json_object *run = json_object_new_object();
    json_object *tool = json_object_new_object();
    json_object *driver = json_object_new_object();
    json_object *rules = json_object_new_array();
    gsize count;
    const VlRule *const *all = vl_registry_rules(&count);

    for (gsize i = 0; i < count; i++)
        json_object_array_add(rules, rule_descriptor(all[i]));
    json_object_object_add(driver, "name", json_object_new_string("virtlint"));
    json_object_object_add(driver, "version", json_object_new_string(VL_VERSION));
    json_object_object_add(driver, "informationUri", json_object_new_string("https://virtlint.org/"));
    json_object_object_add(driver, "rules", rules);
    json_object_object_add(tool, "driver", driver);
    json_object_object_add(run, "tool", tool);
    json_object_object_add(run, "results", s->results);
    json_object_array_add(runs, run);
    json_object_object_add(log, "$schema", json_object_new_string("https://json.schemastore.org/sarif-2.1.0.json"));
    json_object_object_add(log, "version", json_object_new_string("2.1.0"));
    json_object_object_add(log, "runs", runs);
    vl_output_print_json(ctx->out, log, true);
    fputc('\n', ctx->out);
    json_object_put(log);
    g_free(s);
}

const VlOutputFormat vl_output_sarif = {
    .begin = begin,
    .document = document,
    .finish = finish,
};
