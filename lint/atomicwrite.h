/* Replacing a file's contents without ever leaving it half-written. */
#pragma once

#include <glib.h>

#define VL_WRITE_ERROR (vl_write_error_quark())
GQuark vl_write_error_quark(void);

/* Write DATA to PATH atomically: a temporary file in the same directory,
 * fsync, rename over the target (symlinks are followed to it), the
 * original's mode kept.  On any failure the original is untouched. */
gboolean vl_write_atomic(const char *path, const char *data, gsize len, GError **error);
