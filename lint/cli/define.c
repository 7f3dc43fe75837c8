#include "lint/cli/define.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include "lint/cli/cli.h"

/* Write CURRENT to DIR/DOMAIN-STAMP.xml, or -2, -3... when that exists:
 * two definitions saved in one second must not overwrite each other.
 * The path written, or NULL. */
static char *
save_backup(const char *dir, const char *domain, const char *stamp, const char *current, gsize len, GError **error)
{
    for (guint n = 1; n < 1000; n++) {
        g_autofree char *name = n == 1 ? g_strdup_printf("%s-%s.xml", domain, stamp)
                                       : g_strdup_printf("%s-%s-%u.xml", domain, stamp, n);
        g_autofree char *path = g_build_filename(dir, name, NULL);
        int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        gsize done = 0;

        if (fd < 0 && errno == EEXIST)
            continue;
        if (fd < 0) {
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(errno), "%s", g_strerror(errno));
            return NULL;
        }
        while (done < len) {
            ssize_t w = write(fd, current + done, len - done);

            if (w < 0 && errno == EINTR)
                continue;
            if (w < 0)
                break;
            done += (gsize) w;
        }
        if (done < len || fsync(fd) < 0) {
            int err = errno;

            close(fd);
            unlink(path);
            g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s", g_strerror(err));
            return NULL;
        }
        close(fd);
        return g_steal_pointer(&path);
    }
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_EXIST, "too many backups of %s in one second", domain);
    return NULL;
}

gboolean
vl_define_with_backup(VlLive *live, const char *label, const char *domain, const char *current, gsize len,
                      const char *xml, gboolean *running, GError **error)
{
    g_autoptr(GDateTime) now = g_date_time_new_now_local();
    g_autofree char *stamp = g_date_time_format(now, "%Y%m%d-%H%M%S");
    g_autofree char *dir = g_build_filename(g_get_user_state_dir(), "virtlint", "backups", NULL);
    g_autofree char *backup = NULL;
    g_autoptr(GError) save_error = NULL;

    *running = FALSE;
    if (g_mkdir_with_parents(dir, 0700) < 0 ||
        !(backup = save_backup(dir, domain, stamp, current, len, &save_error))) {
        g_set_error(error, VL_CLI_ERROR, 0, "cannot save a backup in %s%s%s; nothing defined", dir,
                    save_error ? ": " : "", save_error ? save_error->message : "");
        return FALSE;
    }
    fprintf(stderr, "%s: previous definition saved to %s\n", label, backup);
    return vl_live_define(live, domain, xml, running, error);
}
