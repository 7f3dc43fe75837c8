/* From a fixer's result tree back to the smallest edit of the source text.
 *
 * Before a stylesheet runs, every element of a copy of the document gets a
 * vl:id attribute (its index in document order).  Fixers copy attributes,
 * so in the result each surviving element still says which source element
 * it came from.  Comparing the two trees element by element gives attribute
 * changes, text changes, insertions and removals, each of which becomes an
 * edit of just those bytes; everything else in the file stays as it was. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/load/srcmap.h"
#include "lint/fix/textedit.h"

#define VL_NS_FIX "urn:x-virtlint:fix"

typedef struct {
    const char *text;       /* the source */
    gsize len;
    const VlSrcMap *map;
    GPtrArray *order;       /* vl:id -> source element */
    const VlTextStyle *style;
    bool ascii;             /* not UTF-8: write other characters as references */
} VlFixSource;

/* Edits that turn the source into RESULT, or NULL when the result cannot be
 * mapped back (its root is not the source's root). */
GPtrArray *vl_fixdiff(const VlFixSource *src, xmlDocPtr result);
