/* Turning the command line's paths into the list of inputs to lint. */
#pragma once

#include <glib.h>

#include "lint/load/document.h"

/* Expand PATHS: "-" stays (standard input), a directory becomes its *.xml
 * files found recursively in sorted order, anything else is kept as given
 * and fails later when it is loaded.  Problems found while walking (an
 * unreadable directory) are appended to ERRORS as VlInputError*. */
GPtrArray *vl_inputs_expand(char **paths, GPtrArray *errors);
