/* .virtlintrc: per-repository configuration, an INI file read with GLib's
 * GKeyFile.  It is found by walking up from each linted file to the
 * repository root (a directory with .git), or named with --config.
 *
 *   [virtlint]
 *   select = hyperv, cpu            ignore = uefi-snapshot
 *   fail-on = error                 schema = /path/domain.rng
 *   unsafe-fixes = true             libvirt-version = 9.0
 *   qemu-version = 7.2
 *   exclude = networks/old, *.bak.xml    (globs, relative to the .virtlintrc)
 *
 *   [severity]
 *   disk-discard-granularity = error     (error, warning, info or off)
 *
 *   [path vms/gaming/win-?.xml]          (a glob, relative to the .virtlintrc)
 *   ignore = cpu-socket-limit
 *   os = win11
 *   edition = pro
 *
 * Command-line options override the file. */
#pragma once

#include <glib.h>

#include "lint/engine/config.h"

typedef struct VlRcFile VlRcFile;

#define VL_RC_ERROR (vl_rc_error_quark())
GQuark vl_rc_error_quark(void);

/* The .virtlintrc that applies to INPUT, or NULL when there is none. */
char *vl_rcfile_find(const char *input);
/* Load and check PATH: an unknown group, key, value or rule id is an error
 * naming the file and line. */
VlRcFile *vl_rcfile_load(const char *path, GError **error);
void vl_rcfile_free(VlRcFile *rc);
/* RC's exclude globs match PATH (a file or a directory) or a directory
 * above it, relative to RC's directory; a path outside it never matches. */
gboolean vl_rcfile_excludes(const VlRcFile *rc, const char *path);
/* Apply RC to CONFIG for INPUT, leaving what the command line set. */
void vl_rcfile_apply(const VlRcFile *rc, const char *input, VlConfig *config);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlRcFile, vl_rcfile_free)
