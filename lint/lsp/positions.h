/* LSP positions: a 0-based line and a 0-based column counted in UTF-16 code
 * units (the protocol's default encoding, the only one every client
 * supports).  virtlint counts bytes (edits) and characters (findings), so
 * every position crosses here.  Lines end at "\n" ("\r\n" counts as one
 * end: the "\r" is the last character of its line). */
#pragma once

#include <glib.h>

typedef struct {
    int line;
    int character;
} VlLspPosition;

/* The position of byte OFFSET of TEXT (LEN bytes), clamped to its end. */
VlLspPosition vl_lsp_position_of_offset(const char *text, gsize len, gsize offset);
/* The byte offset of POS in TEXT: a line past the end gives LEN, a column
 * past the end of its line gives the line's end (as the protocol says). */
gsize vl_lsp_offset_of_position(const char *text, gsize len, VlLspPosition pos);
/* The position of 1-based LINE and 1-based COLUMN counted in characters
 * (what findings and fix edits carry); COLUMN 0 means the line's start. */
VlLspPosition vl_lsp_position_of_line_column(const char *text, gsize len, int line, int column);
