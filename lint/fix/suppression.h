/* Writing suppressions (the syntax lint/engine/suppress.h reads): the text
 * edits that silence findings, for --add-suppressions and for an editor's
 * "Disable RULE here".  Only insertions: every other byte stays.
 *
 * Comment form (files): a finding on an element, or inside one (an
 * attribute, a comment), gets <!-- virtlint-disable RULE[: reason] --> on
 * its own line before the nearest enclosing element, indented like it (just
 * before its start tag when something precedes the tag on its line); several
 * rules on one element share one comment, and a virtlint-disable comment
 * already right before the element gains the new rules instead of a second
 * comment.  A finding with no element (known only by line) gets
 * <!-- virtlint-disable-file RULE --> before the root element.
 *
 * Metadata form (live domains: libvirt drops comments on define): one
 * <virtlint:disable rules='RULE,...[: reason]'/> in the domain's
 * <metadata><virtlint:lint>, made when missing. */
#pragma once

#include <glib.h>

#include "lint/engine/report.h"
#include "lint/fix/textedit.h"
#include "lint/load/document.h"

typedef enum {
    VL_SUPPRESS_COMMENT,
    VL_SUPPRESS_METADATA,
} VlSuppressForm;

#define VL_SUPPRESSION_ERROR (vl_suppression_error_quark())
GQuark vl_suppression_error_quark(void);

/* REASON can be written in FORM: no "--" (XML forbids it in comments), no
 * line break, no control character, valid UTF-8.  NULL is fine. */
gboolean vl_suppression_reason_valid(const char *reason, GError **error);

/* The edits (VlEdit*, owned, to vl_edits_apply on DOC's text) that silence
 * FINDINGS (VlFinding*, found in DOC) with REASON (NULL: none).  An empty
 * array when FINDINGS is; NULL with ERROR when a suppression cannot be
 * written (a bad reason, a tree the text does not match). */
GPtrArray *vl_suppression_edits(VlDocument *doc, GPtrArray *findings, VlSuppressForm form, const char *reason,
                                GError **error);

/* The one edit that silences FINDING: an editor's quick fix. */
VlEdit *vl_suppression_edit(VlDocument *doc, const VlFinding *finding, VlSuppressForm form, const char *reason,
                            GError **error);

/* Append EDIT to FIX_EDITS (from vl_fix_edits_new) as 1-based lines and
 * columns (characters) of DOC's text. */
void vl_suppression_add_fix_edit(GPtrArray *fix_edits, VlDocument *doc, const VlEdit *edit);
