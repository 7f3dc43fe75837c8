#include "lint/cli/define.h"

#include <stdio.h>

#include "lint/cli/cli.h"

gboolean
vl_define_with_backup(VlLive *live, const char *label, const char *domain, const char *current, gsize len,
                      const char *xml, gboolean *running, GError **error)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *stamp = g_date_time_format(now, "%Y%m%d-%H%M%S");
    g_autofree char *dir = g_build_filename(g_get_user_state_dir(), "virtlint", "backups", NULL);
    g_autofree char *name = g_strdup_printf("%s-%s.xml", domain, stamp);
    g_autofree char *backup = g_build_filename(dir, name, NULL);
    g_autoptr(GError) save_error = NULL;

    *running = FALSE;
    if (g_mkdir_with_parents(dir, 0700) < 0 || !g_file_set_contents(backup, current, (gssize) len, &save_error)) {
        g_set_error(error, VL_CLI_ERROR, 0, "cannot save a backup in %s%s%s; nothing defined", dir,
                    save_error ? ": " : "", save_error ? save_error->message : "");
        return FALSE;
    }
    fprintf(stderr, "%s: previous definition saved to %s\n", label, backup);
    return vl_live_define(live, domain, xml, running, error);
}
