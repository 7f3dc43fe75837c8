/* Turning the command line's paths into the list of inputs to lint. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/load/document.h"

typedef struct {
    char *path;
    /* found in a directory (or named, but to be treated so): a file that
     * turns out not to be a libvirt document is skipped, not an error */
    bool walked;
} VlInput;

/* PATH (a file or a directory met in a walk, or a named file when asked)
 * is to be left out unread. */
typedef bool (*VlInputExcluded)(const char *path, gpointer data);

typedef struct {
    VlInputExcluded excluded;   /* NULL: nothing is */
    gpointer data;
    /* named files are treated like files found in a directory: EXCLUDED
     * is asked about them and they are marked walked */
    bool named_as_walked;
} VlInputOptions;

/* Expand PATHS into VlInput*: "-" stays (standard input), a directory
 * becomes its *.xml files found recursively in sorted order (without the
 * excluded ones, nor anything under an excluded directory), anything else
 * is kept as given and fails later when it is loaded.  Problems found
 * while walking (an unreadable directory) are appended to ERRORS as
 * VlInputError*. */
GPtrArray *vl_inputs_collect(char **paths, const VlInputOptions *options, GPtrArray *errors);
void vl_input_free(VlInput *input);

/* The same, without options, as paths (char*). */
GPtrArray *vl_inputs_expand(char **paths, GPtrArray *errors);
