#include "lint/engine/version.h"

#include <string.h>

const char *
vl_version_format(unsigned version, char *buf, gsize size)
{
    g_snprintf(buf, size, "%u.%u.%u", version / 1000000u, version / 1000u % 1000u, version % 1000u);
    return buf;
}

gboolean
vl_version_parse(const char *text, unsigned *version)
{
    guint64 part[3] = { 0, 0, 0 };
    g_auto(GStrv) parts = g_strsplit(text, ".", -1);
    guint n = g_strv_length(parts);

    if (n < 2 || n > 3)
        return FALSE;
    for (guint i = 0; i < n; i++) {
        if (!g_ascii_string_to_unsigned(parts[i], 10, 0, 999, &part[i], NULL))
            return FALSE;
    }
    *version = (unsigned) (part[0] * 1000000 + part[1] * 1000 + part[2]);
    return TRUE;
}

/* libvirt's library is named libvirt.so.0.MAJOR*1000+MINOR.MICRO (libvirt
 * 9.0.0 installs libvirt.so.0.9000.0), and libvirt.so.0, the name the
 * loader looks for, links to it: one readlink tells the installed release
 * without loading it (a directory scan costs most of a millisecond on
 * every start).  0 when NAME is not such a name. */
static unsigned
version_of(const char *name)
{
    guint64 code, micro;
    char *end;

    if (!g_str_has_prefix(name, "libvirt.so.0."))
        return 0;
    code = g_ascii_strtoull(name + strlen("libvirt.so.0."), &end, 10);
    if (*end != '.' || code < 1000 || code / 1000 > 999)
        return 0;
    micro = g_ascii_strtoull(end + 1, &end, 10);
    if (*end || micro > 999)
        return 0;
    return VL_LIBVIRT((unsigned) (code / 1000), (unsigned) (code % 1000)) + (unsigned) micro;
}

static unsigned
libvirt_in(const char *dir)
{
    g_autofree char *link = g_build_filename(dir, "libvirt.so.0", NULL);
    g_autofree char *target = g_file_read_link(link, NULL);
    g_autofree char *name = target ? g_path_get_basename(target) : NULL;

    return name ? version_of(name) : 0;
}

unsigned
vl_version_installed_libvirt(void)
{
    /* where the dynamic loader would find it: LD_LIBRARY_PATH first */
    static const char *const system_dirs[] = {
        "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib",
        "/usr/local/lib64", "/usr/local/lib",
    };
    const char *env = g_getenv("LD_LIBRARY_PATH");
    unsigned found;

    if (env && *env) {
        g_auto(GStrv) dirs = g_strsplit(env, ":", -1);

        for (guint i = 0; dirs[i]; i++)
            if (*dirs[i] && (found = libvirt_in(dirs[i])))
                return found;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(system_dirs); i++)
        if ((found = libvirt_in(system_dirs[i])))
            return found;
    return 0;
}

unsigned
vl_version_default_libvirt(void)
{
    static unsigned cached;
    static gsize done;

    if (g_once_init_enter(&done)) {
        cached = vl_version_installed_libvirt();
        if (!cached)
            cached = VL_LIBVIRT_NEWEST_KNOWN;
        g_once_init_leave(&done, 1);
    }
    return cached;
}

unsigned
vl_version_paired_qemu(unsigned libvirt)
{
    /* Debian's releases: each libvirt with the QEMU beside it */
    static const struct {
        unsigned libvirt, qemu;
    } pairs[] = {
        { VL_LIBVIRT(9, 0), VL_LIBVIRT(7, 2) },     /* Debian 12 */
        { VL_LIBVIRT(11, 3), VL_LIBVIRT(10, 0) },   /* Debian 13 */
        { VL_LIBVIRT(12, 8), VL_LIBVIRT(11, 1) },   /* Debian unstable, 2026-12 */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(pairs); i++)
        if (libvirt / 1000u == pairs[i].libvirt / 1000u)
            return pairs[i].qemu;
    return 0;
}
