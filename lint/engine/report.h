/* Findings, and the sink rules report them to. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

#include "lint/load/document.h"
#include "lint/engine/severity.h"

struct VlRule;

/* A fix a rule offers for one finding: its fixer (fixers/RULE.xsl) is run
 * with these parameters, and with the finding's element as its target. */
typedef struct {
    int line, column;          /* where the replaced text starts (1-based) */
    int end_line, end_column;  /* where it ends (exclusive) */
    char *content;             /* what replaces it */
} VlFixEdit;

typedef struct {
    char *description;
    GPtrArray *params;    /* name, value, name, value, ... (char*, owned) */
    GPtrArray *edits;     /* VlFixEdit*, filled for JSON output only */
} VlFix;

typedef struct {
    const struct VlRule *rule;
    VlSeverity severity;
    xmlNodePtr node;      /* the offending element, or the would-be parent */
    int line;             /* 1-based; 0 when unknown */
    int column;           /* 1-based; 0 when unknown */
    /* What a user reads, in three parts (as rustc prints them):
     *   message: the headline, one sentence of at most 100 characters that
     *            names the element ("<hyperv>: Windows guest without stimer");
     *   help:    what to change, with the XML where that helps;
     *   notes:   why, the release a fact holds for, what a guide gets wrong. */
    char *message;
    char *help;           /* NULL when there is nothing more to say */
    GPtrArray *notes;     /* of char*, owned; NULL when none */
    VlFix *fix;           /* NULL when there is no fix for this finding */
} VlFinding;

/* The longest headline a finding may have (tests hold every rule to it). */
#define VL_HEADLINE_MAX 100

typedef struct VlReport {
    VlDocument *doc;
    const struct VlRule *rule;   /* the rule being run; set by the engine */
    GPtrArray *findings;         /* of VlFinding*, owned */
} VlReport;

void vl_report_init(VlReport *report, VlDocument *doc);
void vl_report_clear(VlReport *report);

/* Report a finding of the current rule at NODE with the rule's severity. */
VlFinding *vl_report(VlReport *report, xmlNodePtr node, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* The same with an explicit severity (a rule whose cases differ in weight). */
VlFinding *vl_report_severity(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *fmt, ...)
    G_GNUC_PRINTF(4, 5);
/* Say what to change (replaces an earlier help). */
void vl_finding_help(VlFinding *finding, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Add a note: why, and for which release. */
void vl_finding_note(VlFinding *finding, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
/* Offer a fix for FINDING: DESCRIPTION, then stylesheet parameters as
 * name, value pairs, NULL-terminated. */
void vl_finding_set_fix(VlFinding *finding, const char *description, ...) G_GNUC_NULL_TERMINATED;
/* A finding known only by position (schema errors without a node). */
VlFinding *vl_report_at(VlReport *report, VlSeverity severity, xmlNodePtr node, int line, int column,
                        const char *message);

GPtrArray *vl_fix_edits_new(void);
VlFixEdit *vl_fix_edit_new(int line, int column, int end_line, int end_column, const char *content);
/* Remove FINDING's fix (it was tried and withheld). */
void vl_finding_drop_fix(VlFinding *finding);
/* Takes ownership of EDITS. */
void vl_fix_set_edits(VlFix *fix, GPtrArray *edits);

void vl_finding_free(VlFinding *finding);
/* Orders findings by line, column, then rule id. */
gint vl_finding_compare(gconstpointer a, gconstpointer b);
