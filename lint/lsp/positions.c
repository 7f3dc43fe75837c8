#include "lint/lsp/positions.h"

#include <string.h>


/* UTF-16 code units of the UTF-8 sequence led by byte C: a character
 * beyond the Basic Multilingual Plane (a 4-byte sequence) is a surrogate
 * pair.  Continuation bytes count nothing, so invalid UTF-8 still yields a
 * position, never a crash. */
static int
utf16_units(guchar c)
{
    if ((c & 0xc0) == 0x80)
        return 0;
    return c >= 0xf0 ? 2 : 1;
}

/* Byte offset of the start of 0-based LINE, or LEN past the end. */
static gsize
line_start(const char *text, gsize len, int line)
{
    gsize i = 0;

    for (int l = 0; l < line; l++) {
        const char *nl = memchr(text + i, '\n', len - i);
        if (!nl)
            return len;
        i = (gsize) (nl - text) + 1;
    }
    return i;
}

VlLspPosition
vl_lsp_position_of_offset(const char *text, gsize len, gsize offset)
{
    VlLspPosition pos = { 0, 0 };

    if (offset > len)
        offset = len;
    for (gsize i = 0; i < offset; i++) {
        if (text[i] == '\n') {
            pos.line++;
            pos.character = 0;
        } else {
            pos.character += utf16_units((guchar) text[i]);
        }
    }
    return pos;
}

gsize
vl_lsp_offset_of_position(const char *text, gsize len, VlLspPosition pos)
{
    gsize i;
    int units = 0;

    if (pos.line < 0)
        return 0;
    i = line_start(text, len, pos.line);
    /* stop at the character that would pass the column: a column inside a
     * surrogate pair lands before the pair, never inside a UTF-8 sequence */
    while (i < len && text[i] != '\n') {
        int u = utf16_units((guchar) text[i]);
        if (u && units + u > pos.character)
            break;
        units += u;
        i++;
        while (i < len && ((guchar) text[i] & 0xc0) == 0x80)
            i++;
    }
    return i;
}

VlLspPosition
vl_lsp_position_of_line_column(const char *text, gsize len, int line, int column)
{
    VlLspPosition pos = { line > 0 ? line - 1 : 0, 0 };
    gsize i = line_start(text, len, pos.line);

    if (i == len && pos.line > 0)
        return vl_lsp_position_of_offset(text, len, len);
    for (int c = 1; c < column && i < len && text[i] != '\n'; c++) {
        pos.character += utf16_units((guchar) text[i]);
        i++;
        while (i < len && ((guchar) text[i] & 0xc0) == 0x80)
            i++;
    }
    return pos;
}
