/* Replacing a file's contents without ever leaving it half-written. */
#pragma once

#include <glib.h>

#define VL_WRITE_ERROR (vl_write_error_quark())
GQuark vl_write_error_quark(void);

/* Write DATA to PATH atomically: a temporary file in the same directory,
 * fsync, rename over the target (symlinks are followed to it), the
 * original's mode kept.  When EXPECTED is given (EXPECTED_LEN bytes: what
 * the caller read and fixed), the file must still hold exactly that just
 * before the rename: one changed meanwhile, by an editor or a checkout, is
 * not overwritten.  On any failure the original is untouched, and the
 * error's code is the errno (VL_WRITE_CHANGED for a changed file). */
gboolean vl_write_atomic(const char *path, const char *data, gsize len, const char *expected, gsize expected_len,
                         GError **error);

/* The error code of a file that changed since it was read. */
#define VL_WRITE_CHANGED (-1)
