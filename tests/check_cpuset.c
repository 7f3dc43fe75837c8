/* Unit tests for libvirt's cpuset syntax (lint/model/cpuset.c). */
#include "check_util.h"
#include <string.h>

#include "lint/model/cpuset.h"

/* TEXT parses (with negation) and formats back as WANT. */
static void
assert_parses_as(const char *text, const char *want)
{
    VlCpuset set;
    g_autofree char *got = NULL;

    ck_assert_msg(vl_cpuset_parse(text, &set), "'%s' did not parse", text);
    got = vl_cpuset_format(&set);
    ck_assert_msg(strcmp(got, want) == 0, "'%s' parsed as '%s', wanted '%s'", text, got, want);
    vl_cpuset_clear(&set);
}

static void
assert_refused(const char *text)
{
    VlCpuset set;

    ck_assert_msg(!vl_cpuset_parse(text, &set), "'%s' parsed", text ? text : "(null)");
    ck_assert_uint_eq(vl_cpuset_count(&set), 0);
    vl_cpuset_clear(&set);
}

START_TEST(test_numbers_ranges_and_negation)
{
    assert_parses_as("0", "0");
    assert_parses_as("0-3", "0-3");
    assert_parses_as("0-3,8,10-11", "0-3,8,10-11");
    assert_parses_as("0-7,^2", "0-1,3-7");
    assert_parses_as("0-7,^2-5", "0-1,6-7");
    assert_parses_as(" 1 , 3 - 4 ", "1,3-4");
    assert_parses_as("5,1-2", "1-2,5");
    assert_parses_as("3,3,3", "3");
    assert_parses_as("^1,2", "2"); /* removing what is not there is harmless */
    assert_parses_as("65535", "65535");
}
END_TEST

START_TEST(test_malformed_refused)
{
    assert_refused(NULL);
    assert_refused("");
    assert_refused(",");
    assert_refused("1,");
    assert_refused("a");
    assert_refused("3-1");
    assert_refused("1-");
    assert_refused("-1");
    assert_refused("1;2");
    assert_refused("65536");             /* libvirt's limit */
    assert_refused("99999999999999999999");
}
END_TEST

START_TEST(test_plain_has_no_negation)
{
    VlCpuset set;

    ck_assert(!vl_cpuset_parse_plain("0-3,^2", &set));
    ck_assert(vl_cpuset_parse_plain("0-3", &set));
    ck_assert_uint_eq(vl_cpuset_count(&set), 4);
    vl_cpuset_clear(&set);
}
END_TEST

START_TEST(test_set_operations)
{
    VlCpuset a, b, both;
    g_autofree char *text = NULL;
    guint max;

    ck_assert(vl_cpuset_parse("0-5", &a));
    ck_assert(vl_cpuset_parse("4-9", &b));
    both = vl_cpuset_intersection(&a, &b);
    text = vl_cpuset_format(&both);
    ck_assert_str_eq(text, "4-5");
    ck_assert(vl_cpuset_has(&a, 5));
    ck_assert(!vl_cpuset_has(&a, 6));
    ck_assert(!vl_cpuset_has(&a, 100000)); /* beyond the set: not a member, no read past it */
    vl_cpuset_union(&a, &b);
    ck_assert_uint_eq(vl_cpuset_count(&a), 10);
    ck_assert(vl_cpuset_max(&a, &max));
    ck_assert_uint_eq(max, 9);
    vl_cpuset_clear(&a);
    ck_assert(!vl_cpuset_max(&a, &max));
    g_free(text);
    text = vl_cpuset_format(&a);
    ck_assert_str_eq(text, "");
    vl_cpuset_clear(&b);
    vl_cpuset_clear(&both);
}
END_TEST


/* Each boundary of the parser and of the set operations: a range of one,
 * tabs wherever blanks may be, the lowest member. */
START_TEST(test_boundaries)
{
    VlCpuset set;
    guint max = 99;

    assert_parses_as("3-3", "3");
    assert_parses_as("\t1\t,\t2\t-\t3\t", "1-3");
    assert_parses_as("1-\t3", "1-3");
    assert_parses_as("0-3,\t^1", "0,2-3");
    assert_parses_as("0-3, ^2", "0-1,3");
    assert_parses_as("0-3,^4", "0-3");  /* removing one past the end */
    assert_refused("1\t;2");

    ck_assert(vl_cpuset_parse("0", &set));
    ck_assert(vl_cpuset_max(&set, &max));
    ck_assert_uint_eq(max, 0);
    ck_assert(vl_cpuset_has(&set, 0));
    ck_assert(!vl_cpuset_has(&set, 1));
    vl_cpuset_clear(&set);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("cpuset");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_numbers_ranges_and_negation);
    tcase_add_test(tc, test_malformed_refused);
    tcase_add_test(tc, test_plain_has_no_negation);
    tcase_add_test(tc, test_set_operations);
    tcase_add_test(tc, test_boundaries);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
