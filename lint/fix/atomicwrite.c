#include "lint/fix/atomicwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK(vl-write-error, vl_write_error)

/* The caller names the file; the message says what went wrong. */
static gboolean
fail(GError **error, const char *what, int err)
{
    g_set_error(error, VL_WRITE_ERROR, err, "%s: %s", what, g_strerror(err));
    return FALSE;
}

/* TARGET holds exactly EXPECTED (LEN bytes); read with a bound, so a file
 * that grew meanwhile is not read whole. */
static bool
still_holds(const char *target, const char *expected, gsize len)
{
    g_autofree char *buf = g_malloc(len + 1);
    gsize got = 0;
    int fd = open(target, O_RDONLY | O_CLOEXEC);

    if (fd < 0)
        return false;
    while (got < len + 1) {
        ssize_t n = read(fd, buf + got, len + 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (gsize) n;
    }
    close(fd);
    return got == len && memcmp(buf, expected, len) == 0;
}

gboolean
vl_write_atomic(const char *path, const char *data, gsize len, const char *expected, gsize expected_len,
                GError **error)
{
    g_autofree char *target = realpath(path, NULL);
    g_autofree char *dir = NULL, *tmp = NULL;
    struct stat st;
    gsize done = 0;
    int fd, dirfd, err;

    if (!target)
        return fail(error, "cannot resolve", errno);
    if (stat(target, &st) < 0)
        return fail(error, "cannot stat", errno);
    /* rename() would replace a read-only file in a writable directory (and
     * root may write anything): the file's mode is what its owner set, so
     * a file nobody may write is left alone. */
    if (access(target, W_OK) < 0)
        return fail(error, "not writable, left unchanged", errno);
    if ((st.st_mode & 0222) == 0)
        return fail(error, "read-only, left unchanged", EACCES);

    dir = g_path_get_dirname(target);
    tmp = g_build_filename(dir, ".virtlint-XXXXXX", NULL);
    if ((fd = g_mkstemp_full(tmp, O_WRONLY | O_CLOEXEC, 0600)) < 0)
        return fail(error, "cannot create a temporary file beside it", errno);

    while (done < len) {
        ssize_t n = write(fd, data + done, len - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            goto failed;
        }
        done += (gsize) n;
    }
    if (fchmod(fd, st.st_mode & 07777) < 0)
        goto failed;
    if (geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) < 0)
        goto failed;
    if (fsync(fd) < 0)
        goto failed;
    if (close(fd) < 0) {
        fd = -1;
        goto failed;
    }
    fd = -1;
    /* as late as can be: the window for an edit to slip in is this call */
    if (expected && !still_holds(target, expected, expected_len)) {
        unlink(tmp);
        g_set_error(error, VL_WRITE_ERROR, VL_WRITE_CHANGED,
                    "the file changed while virtlint was fixing it; left as it is now (run virtlint again)");
        return FALSE;
    }
    if (rename(tmp, target) < 0)
        goto failed;
    /* make the rename itself durable */
    if ((dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
        fsync(dirfd);
        close(dirfd);
    }
    return TRUE;

failed:
    err = errno;
    if (fd >= 0)
        close(fd);
    unlink(tmp);
    return fail(error, "cannot write, left unchanged", err);
}
