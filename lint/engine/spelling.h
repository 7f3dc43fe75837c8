/* "Did you mean": the known name nearest to a misspelt one.  Used for rule
 * ids, categories and severities (--select, --ignore, --explain,
 * .virtlintrc, suppressions), options and configuration keys. */
#pragma once

#include <glib.h>

/* The candidate of CANDIDATES (NULL-terminated) nearest to GIVEN, or NULL
 * when none is near enough to be a likely typo: at most one edit for short
 * names, a third of GIVEN's length for longer ones (rustc's measure), with
 * case ignored and a swap of two neighbours counting as one edit. */
const char *vl_spelling_nearest(const char *given, const char *const *candidates);

/* The rule id, category or severity nearest to NAME, or NULL. */
const char *vl_spelling_rule_name(const char *name);

/* " (did you mean 'X'?)" for the nearest of CANDIDATES, or "" when there is
 * none; for appending to an error message.  Free with g_free. */
char *vl_spelling_hint(const char *given, const char *const *candidates);
char *vl_spelling_rule_hint(const char *name);
