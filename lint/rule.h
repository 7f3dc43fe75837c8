/* What a rule is: metadata next to a check.  Every rule lives in rules/ and
 * is listed once, in rules/registry.c. */
#pragma once

#include "model.h"
#include "report.h"
#include "severity.h"

typedef enum {
    VL_FIX_NONE,
    VL_FIX_SAFE,    /* cannot break an installed guest */
    VL_FIX_UNSAFE,  /* changes hardware the guest sees */
} VlFixApplicability;

#define VL_RULE_MAX_SOURCES 8

typedef struct VlRule {
    const char *id;            /* stable kebab-case id, prefixed by its category */
    const char *category;
    VlSeverity severity;       /* default severity of its findings */
    const char *summary;       /* one line */
    const char *rationale;     /* why it matters, and where a seed got it wrong */
    /* Seed files under ../shared/seeds/ and upstream documents; NULL-terminated. */
    const char *sources[VL_RULE_MAX_SOURCES];
    VlFixApplicability fix;    /* whether its fix is safe or unsafe */
    /* The fixer stylesheet, fixers/NAME.xsl; NULL means the rule id.  Rules
     * that fix the same part of the domain share one (hyperv.xsl). */
    const char *fixer;
    const char *example_bad;   /* XML snippets for --explain and rules.md */
    const char *example_good;
    void (*check)(const VlModel *model, VlReport *report);
} VlRule;

const char *vl_fix_name(VlFixApplicability fix);
