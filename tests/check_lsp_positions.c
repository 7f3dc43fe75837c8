/* Unit tests for the language server's positions (lint/lsp/positions.c):
 * byte offsets <-> 0-based lines and UTF-16 columns. */
#include "check_util.h"

#include <string.h>

#include "lint/lsp/positions.h"

/* "é" is 2 bytes and 1 UTF-16 unit; U+1F600 is 4 bytes and 2 units */
static const char text[] = "ab\n\xc3\xa9x\xf0\x9f\x98\x80y\r\n\nz";

static VlLspPosition
pos(int line, int character)
{
    return (VlLspPosition) { line, character };
}

START_TEST(test_offset_to_position)
{
    gsize len = strlen(text);
    VlLspPosition p;

    p = vl_lsp_position_of_offset(text, len, 0);
    ck_assert_int_eq(p.line, 0);
    ck_assert_int_eq(p.character, 0);
    p = vl_lsp_position_of_offset(text, len, 3 + 3); /* after "éx" */
    ck_assert_int_eq(p.line, 1);
    ck_assert_int_eq(p.character, 2);
    p = vl_lsp_position_of_offset(text, len, 3 + 7); /* after the surrogate pair */
    ck_assert_int_eq(p.character, 4);
    p = vl_lsp_position_of_offset(text, len, len);
    ck_assert_int_eq(p.line, 3);
    ck_assert_int_eq(p.character, 1);
    p = vl_lsp_position_of_offset(text, len, len + 10); /* clamped */
    ck_assert_int_eq(p.line, 3);
}
END_TEST

START_TEST(test_position_to_offset)
{
    gsize len = strlen(text);

    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(0, 1)), 1);
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(1, 1)), 5);   /* after é */
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(1, 4)), 10);  /* after the pair */
    /* a column inside the pair lands before it, never inside its bytes */
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(1, 3)), 6);
    /* past the end of a line: the line's end (the "\r" stays in the line) */
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(1, 99)), 12);
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(0, 99)), 2);
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(2, 0)), 13);
    /* past the last line: the end */
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(9, 0)), len);
    ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, pos(-1, 0)), 0);
}
END_TEST

START_TEST(test_round_trip)
{
    gsize len = strlen(text);

    for (gsize i = 0; i <= len; i++) {
        if (((guchar) text[i] & 0xc0) == 0x80)
            continue; /* inside a character: no position names it */
        ck_assert_uint_eq(vl_lsp_offset_of_position(text, len, vl_lsp_position_of_offset(text, len, i)), i);
    }
}
END_TEST

START_TEST(test_line_column)
{
    gsize len = strlen(text);
    VlLspPosition p;

    /* findings count columns in characters, 1-based */
    p = vl_lsp_position_of_line_column(text, len, 2, 4); /* the 4th character: y */
    ck_assert_int_eq(p.line, 1);
    ck_assert_int_eq(p.character, 4);
    p = vl_lsp_position_of_line_column(text, len, 2, 0);
    ck_assert_int_eq(p.character, 0);
    p = vl_lsp_position_of_line_column(text, len, 4, 2);
    ck_assert_int_eq(p.line, 3);
    ck_assert_int_eq(p.character, 1);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("lsp_positions");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_offset_to_position);
    tcase_add_test(tc, test_position_to_offset);
    tcase_add_test(tc, test_round_trip);
    tcase_add_test(tc, test_line_column);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
