#include "lint/model/cpuset.h"

#include <string.h>

static void
grow(VlCpuset *set, guint size)
{
    /* mutate: skip[rel:<@14] — equivalent: growing to the size the set has copies and clears nothing */
    if (size <= set->size)
        return;
    set->member = g_realloc(set->member, size);
    memset(set->member + set->size, 0, size - set->size);
    set->size = size;
}

void
vl_cpuset_add(VlCpuset *set, guint n)
{
    grow(set, n + 1);
    /* mutate: skip[const+1@22] — equivalent: members are flags, read only as true or false */
    set->member[n] = 1;
}

void
vl_cpuset_clear(VlCpuset *set)
{
    g_clear_pointer(&set->member, g_free);
    set->size = 0;
}

bool
vl_cpuset_has(const VlCpuset *set, guint n)
{
    return n < set->size && set->member[n];
}

guint
vl_cpuset_count(const VlCpuset *set)
{
    guint count = 0;

    for (guint i = 0; i < set->size; i++)
        count += set->member[i] != 0;
    return count;
}

bool
vl_cpuset_max(const VlCpuset *set, guint *n)
{
    for (guint i = set->size; i > 0; i--) {
        if (set->member[i - 1]) {
            *n = i - 1;
            return true;
        }
    }
    return false;
}

void
vl_cpuset_union(VlCpuset *into, const VlCpuset *from)
{
    for (guint i = 0; i < from->size; i++) {
        if (from->member[i])
            vl_cpuset_add(into, i);
    }
}

VlCpuset
vl_cpuset_intersection(const VlCpuset *a, const VlCpuset *b)
{
    VlCpuset out = { 0 };

    for (guint i = 0; i < MIN(a->size, b->size); i++) {
        if (a->member[i] && b->member[i])
            vl_cpuset_add(&out, i);
    }
    return out;
}

char *
vl_cpuset_format(const VlCpuset *set)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < set->size; i++) {
        guint j = i;

        if (!set->member[i])
            continue;
        while (j + 1 < set->size && set->member[j + 1])
            j++;
        if (out->len)
            g_string_append_c(out, ',');
        if (j == i)
            g_string_append_printf(out, "%u", i);
        else
            g_string_append_printf(out, "%u-%u", i, j);
        i = j;
    }
    return g_string_free(out, FALSE);
}

/* A decimal number at *P (blanks before it allowed); advances *P. */
static bool
parse_number(const char **p, guint *out)
{
    guint64 value = 0;
    const char *s = *p;

    while (*s == ' ' || *s == '\t')
        s++;
    if (!g_ascii_isdigit(*s))
        return false;
    while (g_ascii_isdigit(*s)) {
        value = value * 10 + (guint64) (*s - '0');
        if (value >= VL_CPUSET_MAX)
            return false;
        s++;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    *out = (guint) value;
    *p = s;
    return true;
}

static bool
parse(const char *text, bool negation, VlCpuset *out)
{
    const char *p = text;

    *out = (VlCpuset) { 0 };
    if (!text)
        return false;
    for (;;) {
        bool remove = false;
        guint first, last;

        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '^' && negation) {
            remove = true;
            p++;
        }
        if (!parse_number(&p, &first))
            goto error;
        last = first;
        if (*p == '-') {
            p++;
            if (!parse_number(&p, &last) || last < first)
                goto error;
        }
        for (guint i = first; i <= last; i++) {
            if (remove) {
                if (vl_cpuset_has(out, i))
                    out->member[i] = 0;
            } else {
                vl_cpuset_add(out, i);
            }
        }
        if (*p == '\0')
            break;
        if (*p != ',')
            goto error;
        p++;
    }
    return true;

error:
    vl_cpuset_clear(out);
    return false;
}

bool
vl_cpuset_parse(const char *text, VlCpuset *out)
{
    return parse(text, true, out);
}

bool
vl_cpuset_parse_plain(const char *text, VlCpuset *out)
{
    return parse(text, false, out);
}
