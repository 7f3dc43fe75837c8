/* Suppressions written in the domain XML itself:
 *   <!-- virtlint-disable RULE[,RULE] -->       the next element and its subtree
 *   <!-- virtlint-disable-file RULE[,RULE] -->  the whole file
 *   <metadata><virtlint:lint xmlns:virtlint="http://virtlint.org/xmlns/domain/1.0">
 *     <virtlint:disable rules="RULE[,RULE]"/>   the whole file; survives virsh define
 *   </virtlint:lint></metadata>
 * Without a rule list, a comment disables every rule.  A reason may follow
 * the list after a colon: <!-- virtlint-disable cpu-socket-limit: Pro edition -->. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/model/model.h"
#include "lint/engine/report.h"

typedef struct {
    bool file_all;           /* every rule disabled for the file */
    GHashTable *file_rules;  /* rule ids disabled for the file */
    GPtrArray *scoped;       /* element-scoped suppressions */
} VlSuppressions;

/* Gather the document's suppressions.  Rule ids that do not exist are
 * reported to REPORT, whose current rule must be suppression-unknown-rule. */
void vl_suppressions_collect(VlSuppressions *sup, const VlModel *model, VlReport *report);
bool vl_suppressions_cover(const VlSuppressions *sup, const VlFinding *finding);
void vl_suppressions_clear(VlSuppressions *sup);
