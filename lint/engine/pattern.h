/* PCRE2 patterns written in the source, compiled on first use and kept for
 * the life of the process. */
#pragma once

#include <stdbool.h>

typedef struct {
    const char *source;
    void *code;         /* pcre2_code *, NULL until first use */
} VlPattern;

#define VL_PATTERN_INIT(src) { .source = (src), .code = NULL }

/* SUBJECT contains a match.  An invalid built-in pattern aborts. */
bool vl_pattern_match(VlPattern *pattern, const char *subject);
