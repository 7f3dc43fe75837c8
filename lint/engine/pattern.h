/* PCRE2 patterns written in the source: a VlPattern is the pattern's text,
 * constant; its compiled code is kept, on first use, by the engine context
 * that matches it (context.h). */
#pragma once

#include <stdbool.h>

typedef struct VlContext VlContext;

typedef struct {
    const char *source;
} VlPattern;

#define VL_PATTERN_INIT(src) { .source = (src) }

/* SUBJECT contains a match of PATTERN, compiled in CONTEXT.  A built-in
 * pattern that does not compile is a bug: it matches nothing, and says so
 * once as an error note (notes.h). */
bool vl_pattern_match(VlContext *context, const VlPattern *pattern, const char *subject);
