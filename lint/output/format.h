/* Inside the output module: what each format implements.  The formats
 * build their own state at begin(), receive each document's findings, and
 * write what they buffered at finish(). */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "lint/engine/config.h"
#include "lint/engine/report.h"
#include "lint/load/document.h"
#include "lint/output/output.h"

typedef struct {
    const VlConfig *config;
    FILE *out;
    void *state;
} VlOutputCtx;

typedef struct {
    void (*begin)(VlOutputCtx *ctx);
    void (*document)(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings);
    void (*finish)(VlOutputCtx *ctx, const VlStats *stats, guint input_errors);
} VlOutputFormat;

extern const VlOutputFormat vl_output_text;
extern const VlOutputFormat vl_output_json;
extern const VlOutputFormat vl_output_sarif;
extern const VlOutputFormat vl_output_github;
extern const VlOutputFormat vl_output_junit;

/* Shared by the formats. */
const char *vl_output_level(VlSeverity severity);          /* SARIF/GitHub: error, warning, note */
/* A finding's help and notes as lines "help: ..." and "note: ...", each line
 * after a finding's first starting with INDENT; "" when it has neither. */
char *vl_output_details(const VlFinding *f, const char *indent);
void vl_output_summary(FILE *out, const VlConfig *config, const VlStats *stats, guint input_errors);
