/* Writing a live domain's new definition back.  The definition it replaces
 * is saved first, so that none is ever lost: --fix --define and --edit both
 * come through here. */
#pragma once

#include <glib.h>

#include "lint/host/live.h"

/* Save CURRENT (LEN bytes: DOMAIN's definition as it was read) to
 * $XDG_STATE_HOME/virtlint/backups/DOMAIN-TIMESTAMP.xml, mode 0600 (or
 * DOMAIN-TIMESTAMP-N.xml: a backup never replaces another saved in the same
 * second), and print on stderr, after LABEL, where; then define XML as
 * DOMAIN's new definition.  *RUNNING tells whether the domain runs (the
 * change then applies at its next boot).  False when the backup cannot be
 * saved (nothing is defined then) or libvirt refuses XML; ERROR says which. */
gboolean vl_define_with_backup(VlLive *live, const char *label, const char *domain, const char *current, gsize len,
                               const char *xml, gboolean *running, GError **error);
