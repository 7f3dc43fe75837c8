/* JSON output: one array of findings, each {file, line, column, rule,
 * severity, message, fix}; fix is null or {applicability, description,
 * edits: [{content, location, end_location}]}. */
#include "lint/fix/fix.h"
#include "lint/output/format.h"
#include "lint/output/json.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

static json_object *
position_json(int line, int column)
{
    json_object *pos = json_object_new_object();

    json_object_object_add(pos, "line", json_object_new_int(line));
    json_object_object_add(pos, "column", json_object_new_int(column));
    return pos;
}

json_object *
vl_output_fix_json(const VlFinding *f)
{
    json_object *fix = json_object_new_object();
    json_object *edits = json_object_new_array();

    json_object_object_add(fix, "applicability", json_object_new_string(vl_fix_name(f->rule->fix)));
    json_object_object_add(fix, "description", json_object_new_string(f->fix->description));
    for (guint i = 0; f->fix->edits && i < f->fix->edits->len; i++) {
        const VlFixEdit *e = g_ptr_array_index(f->fix->edits, i);
        json_object *edit = json_object_new_object();

        json_object_object_add(edit, "content", json_object_new_string(e->content));
        json_object_object_add(edit, "location", position_json(e->line, e->column));
        json_object_object_add(edit, "end_location", position_json(e->end_line, e->end_column));
        json_object_array_add(edits, edit);
    }
    json_object_object_add(fix, "edits", edits);
    return fix;
}

void
vl_output_print_json(FILE *out, json_object *obj, bool pretty)
{
    fputs(json_object_to_json_string_ext(obj, (pretty ? JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED
                                                      : JSON_C_TO_STRING_PLAIN) |
                                                  JSON_C_TO_STRING_NOSLASHESCAPE),
          out);
}

static void
begin(VlOutputCtx *ctx)
{
    ctx->state = GINT_TO_POINTER(1); /* nothing written yet */
    fputs("[", ctx->out);
}

static void
document(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        json_object *obj = json_object_new_object();
        json_object *notes = json_object_new_array();

        for (guint n = 0; f->notes && n < f->notes->len; n++)
            json_object_array_add(notes, json_object_new_string(g_ptr_array_index(f->notes, n)));
        json_object_object_add(obj, "file", json_object_new_string(doc->path));
        json_object_object_add(obj, "line", f->line > 0 ? json_object_new_int(f->line) : NULL);
        json_object_object_add(obj, "column", f->column > 0 ? json_object_new_int(f->column) : NULL);
        json_object_object_add(obj, "rule", json_object_new_string(f->rule->id));
        json_object_object_add(obj, "severity", json_object_new_string(vl_severity_name(f->severity)));
        json_object_object_add(obj, "message", json_object_new_string(f->message));
        json_object_object_add(obj, "help", f->help ? json_object_new_string(f->help) : NULL);
        json_object_object_add(obj, "notes", notes);
        json_object_object_add(obj, "fix",
                               vl_fix_allowed(f, ctx->config->unsafe_fixes) ? vl_output_fix_json(f) : NULL);
        fputs(ctx->state ? "\n  " : ",\n  ", ctx->out);
        vl_output_print_json(ctx->out, obj, false);
        ctx->state = NULL;
        json_object_put(obj);
    }
}

static void
finish(VlOutputCtx *ctx, const VlStats *stats G_GNUC_UNUSED, guint input_errors G_GNUC_UNUSED)
{
    fputs(ctx->state ? "]\n" : "\n]\n", ctx->out);
}

const VlOutputFormat vl_output_json = {
    .begin = begin,
    .document = document,
    .finish = finish,
};
