/* suppression-unknown-rule: a suppression names a rule that does not exist.
 * The suppression reader (lint/engine/suppress.c) reports these findings, since it
 * is the one place suppressions are parsed; this file holds the metadata. */
#include "lint/engine/registry.h"

const VlRule vl_rule_suppression_unknown_rule = {
    .id = "suppression-unknown-rule",
    .category = "suppression",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A virtlint-disable comment or metadata entry names a rule that does not exist",
    .rationale =
        "A suppression with a misspelt rule id silences nothing, and the finding it was meant "
        "to silence keeps failing the check; worse, a rule renamed later would silently stop "
        "being suppressed. Every rule id in a suppression must be one that virtlint --list-rules "
        "shows.",
    .sources = { "virtlint(1), the manual page: SUPPRESSIONS" },
    .fix = VL_FIX_NONE,
    .example_bad = "<!-- virtlint-disable cpu-sockets -->\n<vcpu>8</vcpu>",
    .example_good = "<!-- virtlint-disable cpu-socket-limit -->\n<vcpu>8</vcpu>",
    .check = NULL,
};
