#include "lint/engine/spelling.h"

#include <string.h>

#include "lint/engine/registry.h"

/* Optimal string alignment distance, case-insensitive, giving up (returning
 * LIMIT + 1) as soon as every path costs more than LIMIT. */
static gsize
distance(const char *a, const char *b, gsize limit)
{
    gsize la = strlen(a), lb = strlen(b);
    g_autofree gsize *rows = NULL;
    gsize *prev2, *prev, *cur;

    if ((la > lb ? la - lb : lb - la) > limit)
        return limit + 1;
    rows = g_new(gsize, 3 * (lb + 1));
    prev2 = rows, prev = rows + lb + 1, cur = rows + 2 * (lb + 1);
    for (gsize j = 0; j <= lb; j++)
        prev[j] = j;
    for (gsize i = 1; i <= la; i++) {
        gsize best = cur[0] = i;

        for (gsize j = 1; j <= lb; j++) {
            char ca = g_ascii_tolower(a[i - 1]), cb = g_ascii_tolower(b[j - 1]);
            gsize d = MIN(MIN(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + (ca != cb));

            if (i > 1 && j > 1 && ca == g_ascii_tolower(b[j - 2]) && g_ascii_tolower(a[i - 2]) == cb)
                d = MIN(d, prev2[j - 2] + 1);
            cur[j] = d;
            best = MIN(best, d);
        }
        if (best > limit)
            return limit + 1;
        {
            gsize *t = prev2;
            prev2 = prev, prev = cur, cur = t;
        }
    }
    return prev[lb];
}

const char *
vl_spelling_nearest(const char *given, const char *const *candidates)
{
    gsize limit = MAX(strlen(given) / 3, 1);
    const char *best = NULL;
    gsize best_d = limit + 1;

    for (const char *const *c = candidates; c && *c; c++) {
        gsize d = distance(given, *c, limit);

        if (d < best_d)
            best = *c, best_d = d;
    }
    if (best)
        return best;
    /* "cpu-topolgy" for cpu-topology-mismatch: a misspelt start of a
     * hyphenated name, cut where the name has a hyphen */
    for (const char *const *c = candidates; c && *c; c++) {
        for (const char *h = strchr(*c, '-'); h; h = strchr(h + 1, '-')) {
            g_autofree char *head = g_strndup(*c, (gsize) (h - *c));
            gsize d = distance(given, head, limit);

            if (d < best_d && strlen(head) >= 4)
                best = *c, best_d = d;
        }
    }
    return best;
}

/* Rule ids, then categories, then severities: a rule id wins a tie. */
static GPtrArray *
rule_names(void)
{
    static const char *const severities[] = { "error", "warning", "info" };
    gsize count;
    const VlRule *const *rules = vl_registry_rules(&count);
    GPtrArray *names = g_ptr_array_new();

    for (gsize i = 0; i < count; i++)
        g_ptr_array_add(names, (gpointer) rules[i]->id);
    for (gsize i = 0; i < count; i++) {
        if (!g_ptr_array_find_with_equal_func(names, rules[i]->category, g_str_equal, NULL))
            g_ptr_array_add(names, (gpointer) rules[i]->category);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(severities); i++)
        g_ptr_array_add(names, (gpointer) severities[i]);
    g_ptr_array_add(names, NULL);
    return names;
}

const char *
vl_spelling_rule_name(const char *name)
{
    g_autoptr(GPtrArray) names = rule_names();

    return vl_spelling_nearest(name, (const char *const *) names->pdata);
}

char *
vl_spelling_hint(const char *given, const char *const *candidates)
{
    const char *near = vl_spelling_nearest(given, candidates);

    return near ? g_strdup_printf(" (did you mean '%s'?)", near) : g_strdup("");
}

char *
vl_spelling_rule_hint(const char *name)
{
    const char *near = vl_spelling_rule_name(name);

    return near ? g_strdup_printf(" (did you mean '%s'?)", near) : g_strdup("");
}
