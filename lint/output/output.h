/* Writing findings: text for people; JSON, SARIF, GitHub annotations and
 * JUnit for tools.  Each format lives in its own output_*.c. */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "lint/engine/config.h"
#include "lint/load/document.h"

typedef struct {
    guint files;           /* inputs linted */
    guint findings[3];     /* by severity */
    guint suggestions;     /* info findings not shown (--show-suggestions) */
    guint fixable;         /* findings --fix would fix */
    guint fixable_unsafe;  /* more with --unsafe-fixes */
    guint fixed;           /* findings fixed (--fix) */
    guint fixed_files;
} VlStats;

typedef struct VlOutput VlOutput;

VlOutput *vl_output_new(const VlConfig *config, FILE *out);
/* FINDINGS (VlFinding*) of DOC. */
void vl_output_document(VlOutput *output, VlDocument *doc, GPtrArray *findings);
/* Close the output; the text format prints its summary line here. */
void vl_output_finish(VlOutput *output, const VlStats *stats, guint input_errors);
void vl_output_free(VlOutput *output);

/* Text helpers shared by the text output and --list-rules. */
const char *vl_output_color(const VlConfig *config, const char *sgr);
