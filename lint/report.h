/* Findings, and the sink rules report them to. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "document.h"
#include "severity.h"

struct VlRule;

typedef struct {
    const struct VlRule *rule;
    VlSeverity severity;
    xmlNodePtr node;      /* the offending element, or the would-be parent */
    int line;             /* 1-based; 0 when unknown */
    int column;           /* 1-based; 0 when unknown */
    char *message;
} VlFinding;

typedef struct VlReport {
    VlDocument *doc;
    const struct VlRule *rule;   /* the rule being run; set by the engine */
    GPtrArray *findings;         /* of VlFinding*, owned */
} VlReport;

void vl_report_init(VlReport *report, VlDocument *doc);
void vl_report_clear(VlReport *report);

/* Report a finding of the current rule at NODE with the rule's severity. */
void vl_report(VlReport *report, xmlNodePtr node, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* The same with an explicit severity (a rule whose cases differ in weight). */
void vl_report_severity(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
/* A finding known only by position (schema errors without a node). */
void vl_report_at(VlReport *report, VlSeverity severity, xmlNodePtr node, int line, int column,
                  const char *message);

void vl_finding_free(VlFinding *finding);
/* Orders findings by line, column, then rule id. */
gint vl_finding_compare(gconstpointer a, gconstpointer b);
