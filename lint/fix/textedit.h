/* Byte-range edits of a source text, and the text's own style (quotes,
 * line ends, indentation) that inserted markup must follow. */
#pragma once

#include <glib.h>

typedef struct {
    gsize start;        /* replace text[start, end) ... */
    gsize end;
    char *text;         /* ... with this */
    guint seq;          /* order of creation, set by vl_edits_apply */
} VlEdit;

typedef struct {
    char quote;             /* ' or ", whichever the file uses most */
    const char *newline;    /* "\n" or "\r\n" */
    char *indent_unit;      /* one level of indentation, e.g. two spaces */
} VlTextStyle;

VlEdit *vl_edit_new(gsize start, gsize end, const char *text);
void vl_edit_free(VlEdit *edit);

/* Apply EDITS (equal starts keep their order) to TEXT; NULL when two
 * edits overlap. */
char *vl_edits_apply(const char *text, gsize len, GPtrArray *edits, gsize *out_len);

void vl_text_style_detect(VlTextStyle *style, const char *text, gsize len);
void vl_text_style_clear(VlTextStyle *style);

/* Offset of the start of the line holding OFFSET, and of its end (the
 * newline, or LEN). */
gsize vl_text_line_start(const char *text, gsize offset);
gsize vl_text_line_end(const char *text, gsize len, gsize offset);
/* The indentation before OFFSET when only blanks precede it on its line. */
char *vl_text_indent_at(const char *text, gsize offset);
