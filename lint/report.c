#include "report.h"

#include <string.h>

#include "rule.h"
#include "xml.h"

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

void
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
}

static void
report_node(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, va_list ap)
{
    g_autofree char *message = g_strdup_vprintf(fmt, ap);

    vl_report_at(report, severity, node, vl_xml_line(node), vl_document_column(report->doc, node), message);
}

void
vl_report(VlReport *report, xmlNodePtr node, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report_node(report, report->rule->severity, node, fmt, ap);
    va_end(ap);
}

void
vl_report_severity(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    report_node(report, severity, node, fmt, ap);
    va_end(ap);
}

void
vl_finding_free(VlFinding *finding)
{
    if (!finding)
        return;
    g_free(finding->message);
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
