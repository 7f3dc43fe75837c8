/* Small string helpers; see strings.h. */
#include "lint/model/strings.h"

char *
vl_join_and(GPtrArray *items)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(out, i + 1 == items->len ? " and " : ", ");
        g_string_append(out, g_ptr_array_index(items, i));
    }
    return g_string_free(out, FALSE);
}

bool
vl_str_all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++) {
        if (!g_ascii_isdigit(*s))
            return false;
    }
    return true;
}

/* A decimal number QEMU reads the same way as libvirt: no leading zero
 * (QEMU's legacy parser reads 010 as octal). */
bool
vl_str_plain_decimal(const char *s)
{
    return vl_str_all_digits(s) && (s[0] != '0' || s[1] == '\0');
}
