/* Text output: `path:line:col: severity: [*] headline [rule]`, followed (unless
 * --concise) by the source line with the element marked and the finding's
 * help and notes, as rustc shows them; then the summary. */
#include <stdbool.h>
#include <string.h>

#include "lint/fix/fix.h"
#include "lint/output/format.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

#include "lint/output/sgr.h"

static const char *
severity_color(VlSeverity sev)
{
    switch (sev) {
    case VL_SEVERITY_ERROR:
        return SGR_RED;
    case VL_SEVERITY_WARNING:
        return SGR_YELLOW;
    case VL_SEVERITY_INFO:
    default:
        return SGR_BLUE;
    }
}

/* The source line of F with a caret line under its start tag. */
static void
write_excerpt(VlOutputCtx *ctx, VlDocument *doc, const VlFinding *f)
{
    const VlConfig *c = ctx->config;
    const char *text = doc->data, *start, *end, *tag_end;
    int line = f->line, col = f->column;
    g_autofree char *number = g_strdup_printf("%d", line);
    int width = (int) strlen(number);
    glong shown, from, len;

    if (line <= 0 || col <= 0)
        return;
    /* the line's start, from the document's line index (built once) */
    start = vl_document_line_start(doc, line);
    if (!start)
        return;
    end = memchr(start, '\n', doc->len - (gsize) (start - text));
    if (!end)
        end = text + doc->len;
    if (end > start && end[-1] == '\r')
        end--;
    shown = g_utf8_strlen(start, end - start);
    from = col - 1;
    if (from >= shown)
        return;
    /* underline the start tag, or up to the end of the line */
    tag_end = memchr(g_utf8_offset_to_pointer(start, from), '>', (gsize) (end - g_utf8_offset_to_pointer(start, from)));
    len = tag_end ? g_utf8_strlen(g_utf8_offset_to_pointer(start, from), tag_end + 1 - g_utf8_offset_to_pointer(start, from))
                  : shown - from;

    fprintf(ctx->out, "%s%*s |%s\n", vl_output_color(c, SGR_BLUE), width, "", vl_output_color(c, SGR_RESET));
    fprintf(ctx->out, "%s%s |%s %.*s\n", vl_output_color(c, SGR_BLUE), number, vl_output_color(c, SGR_RESET),
            (int) (end - start), start);
    fprintf(ctx->out, "%s%*s |%s %*s%s", vl_output_color(c, SGR_BLUE), width, "", vl_output_color(c, SGR_RESET),
            (int) from, "", vl_output_color(c, severity_color(f->severity)));
    for (glong i = 0; i < len; i++)
        fputc('^', ctx->out);
    fprintf(ctx->out, "%s\n", vl_output_color(c, SGR_RESET));
}

/* "  = help: ..." and "  = note: ..." under the excerpt, as rustc has them. */
static void
write_details(VlOutputCtx *ctx, const VlFinding *f)
{
    const VlConfig *c = ctx->config;
    g_autofree char *details = vl_output_details(f, "");
    g_auto(GStrv) lines = g_strsplit(details, "\n", -1);

    for (guint i = 0; lines[i] && *lines[i]; i++) {
        bool first = g_str_has_prefix(lines[i], "help: ") || g_str_has_prefix(lines[i], "note: ");

        if (first)
            fprintf(ctx->out, "  %s=%s %s%.4s%s%s\n", vl_output_color(c, SGR_BLUE), vl_output_color(c, SGR_RESET),
                    vl_output_color(c, SGR_BOLD), lines[i], vl_output_color(c, SGR_RESET), lines[i] + 4);
        else
            fprintf(ctx->out, "    %s\n", lines[i]);
    }
}

static void
document(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings)
{
    const VlConfig *c = ctx->config;

    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);

        fprintf(ctx->out, "%s%s:%d:", vl_output_color(c, SGR_BOLD), doc->path, f->line);
        if (f->column > 0)
            fprintf(ctx->out, "%d:", f->column);
        fprintf(ctx->out, "%s %s%s%s: %s%s %s[%s]%s\n", vl_output_color(c, SGR_RESET),
                vl_output_color(c, severity_color(f->severity)), vl_severity_name(f->severity),
                vl_output_color(c, SGR_RESET), vl_fix_allowed(f, c->unsafe_fixes) ? "[*] " : "", f->message,
                vl_output_color(c, SGR_DIM), f->rule->id, vl_output_color(c, SGR_RESET));
        if (c->concise)
            continue;
        write_excerpt(ctx, doc, f);
        write_details(ctx, f);
        fputc('\n', ctx->out);
    }
}

static void
finish(VlOutputCtx *ctx, const VlStats *stats, guint input_errors)
{
    if (!ctx->config->quiet)
        vl_output_summary(ctx->out, ctx->config, stats, input_errors);
}

const VlOutputFormat vl_output_text = {
    .document = document,
    .finish = finish,
};
