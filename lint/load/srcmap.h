/* Where each element of a parsed document sits in its source text: byte
 * offsets of its tags and attributes.  libxml2 keeps only line numbers, and
 * minimal edits need exact offsets, so the text is scanned once more,
 * alongside the tree (element start tags appear in document order).  Built
 * only when a fix is applied. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

typedef struct {
    gsize name_start;       /* first byte of the attribute's (qualified) name */
    gsize name_end;
    gsize value_start;      /* first byte inside the quotes */
    gsize value_end;        /* the closing quote */
    char quote;
} VlSrcAttr;

typedef struct {
    gsize start;            /* '<' of the start tag */
    gsize tag_end;          /* just past the start tag's '>' */
    gsize close_start;      /* '<' of the end tag; == tag_end when self-closing */
    gsize end;              /* just past the element */
    bool self_closing;
    GArray *attrs;          /* of VlSrcAttr, in source order */
} VlSrcElem;

typedef struct VlSrcMap VlSrcMap;

/* Map DOC's elements onto TEXT.  Returns NULL when the two disagree (which
 * would be a bug: the tree was parsed from that very text). */
VlSrcMap *vl_srcmap_build(const char *text, gsize len, xmlDocPtr doc);
void vl_srcmap_free(VlSrcMap *map);
const VlSrcElem *vl_srcmap_get(const VlSrcMap *map, xmlNodePtr element);
/* Find the attribute NAME (qualified, e.g. "xmlns:qemu") of ELEM, or NULL. */
const VlSrcAttr *vl_srcmap_attr(const VlSrcMap *map, const VlSrcElem *elem, const char *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlSrcMap, vl_srcmap_free)
