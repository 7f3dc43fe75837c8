/* Applying fixes: each rule's fixer stylesheet (fixers/RULE.xsl, built in)
 * is run with libxslt on the document, its result is turned into minimal
 * edits of the source text (fixdiff.c), and the edited text is parsed and
 * checked again.  Fixes compose: after each one the document is linted anew,
 * until nothing fixable is left or a bound is reached. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include <libxslt/xsltInternals.h>

#include "lint/load/document.h"
#include "lint/engine/engine.h"
#include "lint/engine/rule.h"

typedef struct {
    const VlRule *rule;
    guint findings;         /* how many of its findings the fix covered */
    char *description;
} VlAppliedFix;

typedef struct {
    char *text;             /* the fixed text (== the input when nothing changed) */
    gsize len;
    bool changed;
    GPtrArray *applied;     /* VlAppliedFix* */
    GHashTable *withheld;   /* rule id -> why its fix was withheld (char*) */
    /* The fixed document (NULL when nothing changed), and the findings on
     * the final text (in it, or in the input when nothing changed): what the
     * last pass found and could not fix, so the caller need not lint again.
     * NULL when the pass limit cut fixing short. */
    VlDocument *document;
    GPtrArray *findings;
    guint hidden_suggestions;  /* left out of FINDINGS (vl_engine_lint_counted) */
    /* --libvirt-check could not get libvirt's verdict on the document
     * FINDINGS are about (vl_engine_lint_checked): an input error */
    GError *libvirt_error;
} VlFixResult;

/* Whether a finding's fix may be applied or shown under these options. */
bool vl_fix_allowed(const VlFinding *finding, bool unsafe);

/* Fix DOC as far as the allowed fixes go. */
VlFixResult *vl_fix_document(const VlEngine *engine, VlDocument *doc, bool unsafe);
void vl_fix_result_free(VlFixResult *result);

/* For JSON and SARIF output: give each allowed fix in FINDINGS (of DOC) the
 * edits its fixer makes to DOC for that finding alone, as line/column
 * ranges; a fix that would be withheld gets none. */
void vl_fix_attach_edits(VlContext *context, VlDocument *doc, GPtrArray *findings, bool unsafe);

/* Run STYLE on DOC with PARAMS (name, value, ..., NULL; values are strings)
 * under the fixers' security preferences (CONTEXT's): no file or network
 * access.
 * Returns the result, or NULL when the transformation failed. */
xmlDocPtr vl_fix_transform(VlContext *context, xsltStylesheetPtr style, xmlDocPtr doc, const char **params);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlFixResult, vl_fix_result_free)
