/* Unified diffs of a file's text before and after fixing, in the form
 * `git apply` and `patch -p1` accept. */
#pragma once

#include <glib.h>

/* Append to OUT the diff turning OLD into NEW, headed a/PATH and b/PATH, with
 * three lines of context.  Nothing is appended when the texts are equal. */
void vl_udiff(GString *out, const char *path, const char *old, gsize old_len, const char *new_text,
              gsize new_len);
