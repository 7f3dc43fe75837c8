/* Unit tests for lint/model/strings.c, the small string helpers the model
 * and the rules share: "a, b and c", and the digit tests the qemu:arg and
 * alias readers use. */
#include "check_util.h"

#include "lint/model/strings.h"

static char *
join(const char *const *items)
{
    g_autoptr(GPtrArray) array = g_ptr_array_new();

    for (; *items; items++)
        g_ptr_array_add(array, (gpointer) *items);
    return vl_join_and(array);
}

START_TEST(test_join_and)
{
    static const char *const none[] = { NULL };
    static const char *const one[] = { "a", NULL };
    static const char *const two[] = { "a", "b", NULL };
    static const char *const three[] = { "a", "b", "c", NULL };
    g_autofree char *j0 = join(none), *j1 = join(one), *j2 = join(two), *j3 = join(three);

    ck_assert_str_eq(j0, "");
    ck_assert_str_eq(j1, "a");
    ck_assert_str_eq(j2, "a and b");
    ck_assert_str_eq(j3, "a, b and c");
}
END_TEST

START_TEST(test_all_digits)
{
    ck_assert(vl_str_all_digits("0"));
    ck_assert(vl_str_all_digits("0123"));
    ck_assert(!vl_str_all_digits(""));
    ck_assert(!vl_str_all_digits("12a"));
    ck_assert(!vl_str_all_digits("-1"));
    ck_assert(!vl_str_all_digits(" 1"));
}
END_TEST

START_TEST(test_plain_decimal)
{
    /* QEMU's legacy parser reads 010 as octal: only 0 itself may start with 0 */
    ck_assert(vl_str_plain_decimal("0"));
    ck_assert(vl_str_plain_decimal("10"));
    ck_assert(!vl_str_plain_decimal("010"));
    ck_assert(!vl_str_plain_decimal("00"));
    ck_assert(!vl_str_plain_decimal(""));
    ck_assert(!vl_str_plain_decimal("0x10"));
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("strings");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_join_and);
    tcase_add_test(tc, test_all_digits);
    tcase_add_test(tc, test_plain_decimal);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
