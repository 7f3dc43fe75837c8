/* Writing findings: text for people, JSON for tools. */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "config.h"

typedef struct {
    guint files;           /* inputs linted */
    guint findings[3];     /* by severity */
    guint fixable;         /* findings --fix would fix */
    guint fixable_unsafe;  /* more with --unsafe-fixes */
    guint fixed;           /* findings fixed (--fix) */
    guint fixed_files;
} VlStats;

typedef struct VlOutput VlOutput;

VlOutput *vl_output_new(const VlConfig *config, FILE *out);
/* FINDINGS (VlFinding*) of one input named PATH. */
void vl_output_document(VlOutput *output, const char *path, GPtrArray *findings);
/* Close the output; the text format prints its summary line here. */
void vl_output_finish(VlOutput *output, const VlStats *stats, guint input_errors);
void vl_output_free(VlOutput *output);

/* Text helpers shared by the text output and --list-rules. */
const char *vl_output_color(const VlConfig *config, const char *sgr);
