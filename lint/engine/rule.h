/* What a rule is: metadata next to a check.  Every rule is one file,
 * rules/CATEGORY/NAME.c; the registry is generated from those files. */
#pragma once

#include "lint/load/dockind.h"
#include "lint/model/model.h"
#include "lint/engine/report.h"
#include "lint/engine/severity.h"

typedef enum {
    VL_FIX_NONE,
    VL_FIX_SAFE,    /* cannot break an installed guest */
    VL_FIX_UNSAFE,  /* changes hardware the guest sees */
} VlFixApplicability;

#define VL_RULE_MAX_SOURCES 8

/* Who refuses what the rule reports, when someone does: what the agreement
 * tests hold the rule to (tests/libvirt_agreement.py). */
typedef enum {
    VL_REFUSED_BY_NONE,     /* a recommendation, or silently ignored */
    VL_REFUSED_BY_LIBVIRT,  /* virsh define (or start) fails */
    VL_REFUSED_BY_QEMU,     /* libvirt accepts it, QEMU exits at start */
} VlRefusedBy;

typedef struct VlRule {
    const char *id;            /* stable kebab-case id, prefixed by its category */
    const char *category;
    VlSeverity severity;       /* default severity of its findings */
    const char *summary;       /* one line */
    const char *rationale;     /* why it matters, and where a popular guide gets it wrong */
    /* What a user can open: web addresses, files of libvirt/QEMU/osinfo-db/
     * virt-manager, unpublished guides described as such; NULL-terminated. */
    const char *sources[VL_RULE_MAX_SOURCES];
    VlFixApplicability fix;    /* whether its fix is safe or unsafe */
    /* The fixer stylesheet, fixers/NAME.xsl; NULL means the rule id.  Rules
     * that fix the same part of the domain share one (hyperv.xsl). */
    const char *fixer;
    VlRefusedBy refused_by;
    /* Needs host facts (--connect, --capabilities, ...); skipped without. */
    bool needs_host;
    /* For VL_REFUSED_BY_LIBVIRT: a piece of libvirt's error message, so the
     * agreement test can find the libvirt test files the rule must flag. */
    const char *libvirt_error;
    /* Off unless --select (or select =) names it by id: a rule that would
     * fire on nearly every ordinary VM with nothing wrong, kept for those
     * who want it.  Its rationale says why it is off. */
    bool opt_in;
    /* Its findings say what the VM cannot do (snapshots, migration), with
     * nothing to fix: the engine lists them together, in one finding of
     * domain-limitations per domain. */
    bool consequence;
    /* The kinds of document it checks (VL_DOC_BIT()s of lint/load/dockind.h);
     * 0, as most rules leave it, means domains and their snapshots. */
    unsigned documents;
    const char *example_bad;   /* XML snippets for --explain and rules.md */
    const char *example_good;
    void (*check)(const VlModel *model, VlReport *report);
} VlRule;

const char *vl_fix_name(VlFixApplicability fix);
/* RULE checks documents of KIND. */
bool vl_rule_checks(const VlRule *rule, VlDocKind kind);
