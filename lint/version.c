#include "version.h"

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
