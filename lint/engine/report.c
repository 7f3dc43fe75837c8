#include "lint/engine/report.h"

#include <string.h>

#include "lint/engine/rule.h"
#include "lint/load/xml.h"

void
vl_report_init(VlReport *report, VlDocument *doc)
{
    report->doc = doc;
    report->rule = NULL;
    report->findings = g_ptr_array_new_with_free_func((GDestroyNotify) vl_finding_free);
}

void
vl_report_clear(VlReport *report)
{
    g_clear_pointer(&report->findings, g_ptr_array_unref);
}

VlFinding *
vl_report_at(VlReport *report, VlSeverity severity, xmlNodePtr node, int line, int column,
             const char *message)
{
    VlFinding *f = g_new0(VlFinding, 1);

    f->rule = report->rule;
    f->severity = severity;
    f->node = node;
    f->line = line;
    f->column = column;
    f->message = g_strdup(message);
    g_ptr_array_add(report->findings, f);
    return f;
}

static VlFinding * G_GNUC_PRINTF(4, 0)
report_node(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, va_list ap)
{
    g_autofree char *message = g_strdup_vprintf(fmt, ap);

    return vl_report_at(report, severity, node, vl_xml_line(node), vl_document_column(report->doc, node), message);
}

VlFinding *
vl_report(VlReport *report, xmlNodePtr node, const char *fmt, ...)
{
    VlFinding *f;
    va_list ap;

    va_start(ap, fmt);
    f = report_node(report, report->rule->severity, node, fmt, ap);
    va_end(ap);
    return f;
}

VlFinding *
vl_report_severity(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, ...)
{
    VlFinding *f;
    va_list ap;

    va_start(ap, fmt);
    f = report_node(report, severity, node, fmt, ap);
    va_end(ap);
    return f;
}

void
vl_finding_help(VlFinding *finding, const char *fmt, ...)
{
    va_list ap;

    g_free(finding->help);
    va_start(ap, fmt);
    finding->help = g_strdup_vprintf(fmt, ap);
    va_end(ap);
}

void
vl_finding_note(VlFinding *finding, const char *fmt, ...)
{
    va_list ap;

    if (!finding->notes)
        finding->notes = g_ptr_array_new_with_free_func(g_free);
    va_start(ap, fmt);
    g_ptr_array_add(finding->notes, g_strdup_vprintf(fmt, ap));
    va_end(ap);
}

void
vl_finding_set_fix(VlFinding *finding, const char *description, ...)
{
    VlFix *fix = g_new0(VlFix, 1);
    const char *arg;
    va_list ap;

    fix->description = g_strdup(description);
    fix->params = g_ptr_array_new_with_free_func(g_free);
    va_start(ap, description);
    while ((arg = va_arg(ap, const char *)))
        g_ptr_array_add(fix->params, g_strdup(arg));
    va_end(ap);
    g_assert(fix->params->len % 2 == 0);
    finding->fix = fix;
}

static void
fix_edit_free(VlFixEdit *e)
{
    g_free(e->content);
    g_free(e);
}

static void
fix_free(VlFix *fix)
{
    if (!fix)
        return;
    g_free(fix->description);
    g_ptr_array_unref(fix->params);
    if (fix->edits)
        g_ptr_array_unref(fix->edits);
    g_free(fix);
}

void
vl_finding_drop_fix(VlFinding *finding)
{
    g_clear_pointer(&finding->fix, fix_free);
}

void
vl_fix_set_edits(VlFix *fix, GPtrArray *edits)
{
    if (fix->edits)
        g_ptr_array_unref(fix->edits);
    fix->edits = edits;
}

VlFixEdit *
vl_fix_edit_new(int line, int column, int end_line, int end_column, const char *content)
{
    VlFixEdit *e = g_new0(VlFixEdit, 1);

    e->line = line;
    e->column = column;
    e->end_line = end_line;
    e->end_column = end_column;
    e->content = g_strdup(content);
    return e;
}

GPtrArray *
vl_fix_edits_new(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify) fix_edit_free);
}

void
vl_finding_free(VlFinding *finding)
{
    if (!finding)
        return;
    g_free(finding->message);
    g_free(finding->help);
    g_clear_pointer(&finding->notes, g_ptr_array_unref);
    fix_free(finding->fix);
    g_free(finding);
}

gint
vl_finding_compare(gconstpointer a, gconstpointer b)
{
    const VlFinding *fa = *(const VlFinding *const *) a;
    const VlFinding *fb = *(const VlFinding *const *) b;

    if (fa->line != fb->line)
        return fa->line < fb->line ? -1 : 1;
    if (fa->column != fb->column)
        return fa->column < fb->column ? -1 : 1;
    return strcmp(fa->rule->id, fb->rule->id);
}

const char *
vl_fix_name(VlFixApplicability fix)
{
    switch (fix) {
    case VL_FIX_SAFE:
        return "safe";
    case VL_FIX_UNSAFE:
        return "unsafe";
    case VL_FIX_NONE:
    default:
        return "none";
    }
}

bool
vl_rule_checks(const VlRule *rule, VlDocKind kind)
{
    unsigned documents = rule->documents ? rule->documents : VL_DOCS_DOMAIN;

    return (documents & VL_DOC_BIT(kind)) != 0;
}
