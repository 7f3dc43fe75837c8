/* GitHub Actions workflow commands: one ::error/::warning/::notice
 * annotation per finding, shown on the pull request's diff. */
#include "lint/output/format.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

/* Escaping as the runner parses commands: % CR LF always, and in
 * properties also : and , */
static void
escape(GString *out, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%': g_string_append(out, "%25"); break;
        case '\r': g_string_append(out, "%0D"); break;
        case '\n': g_string_append(out, "%0A"); break;
        case ':': g_string_append(out, property ? "%3A" : ":"); break;
        case ',': g_string_append(out, property ? "%2C" : ","); break;
        default: g_string_append_c(out, *s);
        }
    }
}

static void
document(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        g_autoptr(GString) line = g_string_new(NULL);
        const char *kind = f->severity == VL_SEVERITY_ERROR ? "error"
                           : f->severity == VL_SEVERITY_WARNING ? "warning" : "notice";

        g_string_append_printf(line, "::%s file=", kind);
        escape(line, doc->path, true);
        if (f->line > 0)
            g_string_append_printf(line, ",line=%d", f->line);
        if (f->column > 0)
            g_string_append_printf(line, ",col=%d", f->column);
        g_string_append(line, ",title=");
        escape(line, f->rule->id, true);
        g_string_append(line, "::");
        escape(line, f->message, false);
        if (f->help || f->notes) {
            g_autofree char *details = vl_output_details(f, "");

            escape(line, "\n", false);
            escape(line, g_strchomp(details), false);
        }
        fprintf(ctx->out, "%s\n", line->str);
    }
}

static void
finish(VlOutputCtx *ctx G_GNUC_UNUSED, const VlStats *stats G_GNUC_UNUSED, guint input_errors G_GNUC_UNUSED)
{
}

const VlOutputFormat vl_output_github = {
    .document = document,
    .finish = finish,
};
