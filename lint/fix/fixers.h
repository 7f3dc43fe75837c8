/* The fixer stylesheets built into the binary (see tools/embed_fixers.c). */
#pragma once

#include <stddef.h>

typedef struct {
    const char *rule_id;    /* fixers/RULE_ID.xsl */
    const char *xsl;
    size_t len;
} VlEmbeddedFixer;

extern const VlEmbeddedFixer vl_embedded_fixers[];
extern const unsigned vl_embedded_fixer_count;
