#include "lint/output/output.h"

#include "lint/output/format.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

struct VlOutput {
    VlOutputCtx ctx;
    const VlOutputFormat *format;
    GHashTable *per_rule;   /* rule -> guint[3], findings per severity reported, for --statistics */
};

static const VlOutputFormat *
format_of(VlFormat f)
{
    switch (f) {
    case VL_FORMAT_JSON:
        return &vl_output_json;
    case VL_FORMAT_SARIF:
        return &vl_output_sarif;
    case VL_FORMAT_GITHUB:
        return &vl_output_github;
    case VL_FORMAT_JUNIT:
        return &vl_output_junit;
    case VL_FORMAT_TEXT:
    default:
        return &vl_output_text;
    }
}

VlOutput *
vl_output_new(const VlConfig *config, FILE *out)
{
    VlOutput *o = g_new0(VlOutput, 1);

    o->ctx.config = config;
    o->ctx.out = out;
    o->format = format_of(config->format);
    o->per_rule = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, g_free);
    if (o->format->begin)
        o->format->begin(&o->ctx);
    return o;
}

const char *
vl_output_color(const VlConfig *config, const char *sgr)
{
    return config->color ? sgr : "";
}

const char *
vl_output_level(VlSeverity severity)
{
    switch (severity) {
    case VL_SEVERITY_ERROR:
        return "error";
    case VL_SEVERITY_WARNING:
        return "warning";
    case VL_SEVERITY_INFO:
    default:
        return "note";
    }
}

/* Append "LABEL: TEXT" to OUT, continuation lines of TEXT indented to line
 * up under its first. */
static void
append_labelled(GString *out, const char *indent, const char *label, const char *text)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

    g_string_append_printf(out, "%s%s: %s\n", indent, label, lines[0]);
    for (guint i = 1; lines[i]; i++)
        g_string_append_printf(out, "%s%*s%s\n", indent, (int) strlen(label) + 2, "", lines[i]);
}

char *
vl_output_details(const VlFinding *f, const char *indent)
{
    GString *out = g_string_new(NULL);

    if (f->help)
        append_labelled(out, indent, "help", f->help);
    for (guint i = 0; f->notes && i < f->notes->len; i++)
        append_labelled(out, indent, "note", g_ptr_array_index(f->notes, i));
    return g_string_free(out, FALSE);
}

void
vl_output_document(VlOutput *o, VlDocument *doc, GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        guint *counts = g_hash_table_lookup(o->per_rule, f->rule);

        if (!counts) {
            counts = g_new0(guint, VL_SEVERITY_ERROR + 1);
            g_hash_table_insert(o->per_rule, (gpointer) f->rule, counts);
        }
        counts[f->severity]++;
    }
    o->format->document(&o->ctx, doc, findings);
}

void
vl_output_summary(FILE *out, const VlConfig *config, const VlStats *s, guint input_errors)
{
    guint problems = s->findings[VL_SEVERITY_ERROR] + s->findings[VL_SEVERITY_WARNING];
    guint shown = s->findings[VL_SEVERITY_INFO];
    g_autofree char *unreadable = input_errors
        ? g_strdup_printf("; %u input%s could not be linted", input_errors, input_errors == 1 ? "" : "s")
        : g_strdup("");
    g_autofree char *files = g_strdup_printf("%u file%s", s->files, s->files == 1 ? "" : "s");
    g_autofree char *suggested = shown ? g_strdup_printf(" and %u suggestion%s", shown, shown == 1 ? "" : "s")
                                       : g_strdup("");
    /* suggestions are counted even when not shown, as ruff counts hidden fixes */
    g_autofree char *hidden = s->suggestions
        ? g_strdup_printf(", and %u suggestion%s: --show-suggestions", s->suggestions, s->suggestions == 1 ? "" : "s")
        : g_strdup("");

    if (s->fixed)
        fprintf(out, "Fixed %u problem%s in %u file%s.\n", s->fixed, s->fixed == 1 ? "" : "s", s->fixed_files,
                s->fixed_files == 1 ? "" : "s");
    if (problems == 0 && shown == 0) {
        fprintf(out, "No problems %sfound in %s%s%s.\n", s->fixed ? "left " : "", files, unreadable, hidden);
        return;
    }
    if (problems == 0)
        fprintf(out, "No problems %sfound%s in %s%s%s.\n", s->fixed ? "left " : "", suggested, files, unreadable,
                hidden);
    else
        fprintf(out, "Found %u problem%s (%u error%s, %u warning%s)%s in %s%s%s.\n", problems,
                problems == 1 ? "" : "s", s->findings[VL_SEVERITY_ERROR],
                s->findings[VL_SEVERITY_ERROR] == 1 ? "" : "s", s->findings[VL_SEVERITY_WARNING],
                s->findings[VL_SEVERITY_WARNING] == 1 ? "" : "s", suggested, files, unreadable, hidden);
    if (s->fixable)
        fprintf(out, "[*] %u fixable with --fix%s.\n", s->fixable, config->unsafe_fixes ? " --unsafe-fixes" : "");
    if (s->fixable_unsafe)
        fprintf(out, "%u more fixable with --fix --unsafe-fixes (they change hardware the guest sees).\n",
                s->fixable_unsafe);
}

/* One line of --statistics: a rule and a severity it was reported with
 * (the configuration may move a rule's findings to another severity). */
typedef struct {
    const VlRule *rule;
    VlSeverity severity;
    guint count;
} VlStatLine;

static gint
by_count(gconstpointer a, gconstpointer b)
{
    const VlStatLine *la = a, *lb = b;
    int c = g_strcmp0(la->rule->id, lb->rule->id);

    if (la->count != lb->count)
        return la->count > lb->count ? -1 : 1;
    return c ? c : (int) lb->severity - (int) la->severity;
}

/* --statistics: findings per rule and severity reported, most frequent
 * first (on stderr for the machine formats, so their output stays
 * parseable). */
static void
write_statistics(VlOutput *o)
{
    FILE *out = o->ctx.config->format == VL_FORMAT_TEXT ? o->ctx.out : stderr;
    g_autoptr(GArray) lines = g_array_new(FALSE, FALSE, sizeof(VlStatLine));
    GHashTableIter it;
    gpointer rule, counts;

    g_hash_table_iter_init(&it, o->per_rule);
    while (g_hash_table_iter_next(&it, &rule, &counts)) {
        for (int sev = VL_SEVERITY_INFO; sev <= VL_SEVERITY_ERROR; sev++) {
            VlStatLine line = { rule, (VlSeverity) sev, ((guint *) counts)[sev] };
            if (line.count)
                g_array_append_val(lines, line);
        }
    }
    g_array_sort(lines, by_count);
    for (guint i = 0; i < lines->len; i++) {
        const VlStatLine *l = &g_array_index(lines, VlStatLine, i);
        fprintf(out, "%5u  %-32s %-8s %s\n", l->count, l->rule->id, vl_severity_name(l->severity),
                vl_fix_name(l->rule->fix));
    }
}

void
vl_output_finish(VlOutput *o, const VlStats *stats, guint input_errors)
{
    if (o->ctx.config->statistics)
        write_statistics(o);
    o->format->finish(&o->ctx, stats, input_errors);
    fflush(o->ctx.out);
}

void
vl_output_free(VlOutput *o)
{
    g_hash_table_unref(o->per_rule);
    g_free(o);
}
