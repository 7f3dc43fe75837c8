/* Unit tests for lint/engine/spelling.c: which misspellings get a "did you
 * mean", and which names are too far from any to guess. */
#include "check_util.h"

#include "lint/engine/spelling.h"

static const char *const words[] = { "fix", "format", "fail-on", "select", "ignore", "unsafe-fixes", NULL };

START_TEST(test_one_edit)
{
    ck_assert_str_eq(vl_spelling_nearest("fxi", words), "fix");      /* a swap is one edit */
    ck_assert_str_eq(vl_spelling_nearest("formt", words), "format"); /* a deletion */
    ck_assert_str_eq(vl_spelling_nearest("FORMAT", words), "format"); /* case is ignored */
    ck_assert_str_eq(vl_spelling_nearest("selecct", words), "select"); /* an insertion */
    ck_assert_str_eq(vl_spelling_nearest("ignroe", words), "ignore");
}
END_TEST

START_TEST(test_too_far)
{
    /* two edits in a short name are not a typo */
    ck_assert_ptr_null(vl_spelling_nearest("fox1", words));
    ck_assert_ptr_null(vl_spelling_nearest("xyz", words));
    ck_assert_ptr_null(vl_spelling_nearest("", words));
    ck_assert_ptr_null(vl_spelling_nearest("anything", NULL));
    /* a third of the length: two edits in six letters pass, three do not */
    ck_assert_str_eq(vl_spelling_nearest("slcect", words), "select");
    ck_assert_ptr_null(vl_spelling_nearest("zzlzzt", words));
}
END_TEST

START_TEST(test_nearest_wins)
{
    static const char *const near[] = { "fail-on", "fail-of", "fail-no", NULL };

    /* an exact match beats a later near one, and the first of equals wins */
    ck_assert_str_eq(vl_spelling_nearest("fail-of", near), "fail-of");
    ck_assert_str_eq(vl_spelling_nearest("fail-ox", near), "fail-on");
}
END_TEST

START_TEST(test_hyphenated_start)
{
    /* the misspelt start of a hyphenated name, but not a short stem */
    ck_assert_str_eq(vl_spelling_nearest("unsafe", words), "unsafe-fixes");
    ck_assert_str_eq(vl_spelling_nearest("unsfe", words), "unsafe-fixes");
    static const char *const short_stem[] = { "cpu-feature-unknown", NULL };

    ck_assert_str_eq(vl_spelling_nearest("fal", words), "fail-on");
    ck_assert_ptr_null(vl_spelling_nearest("cpx", short_stem));
}
END_TEST

START_TEST(test_rule_names)
{
    g_autofree char *hint = vl_spelling_rule_hint("hyperv-stimr");
    g_autofree char *none = vl_spelling_rule_hint("qqqqqqqqqqqq");

    ck_assert_str_eq(vl_spelling_rule_name("hyperv-stimr"), "hyperv-stimer");
    ck_assert_str_eq(vl_spelling_rule_name("cpu-topolgy"), "cpu-topology-mismatch");
    ck_assert_str_eq(vl_spelling_rule_name("hypervv"), "hyperv");      /* a category */
    ck_assert_str_eq(vl_spelling_rule_name("warnig"), "warning");      /* a severity */
    ck_assert_str_eq(hint, " (did you mean 'hyperv-stimer'?)");
    ck_assert_str_eq(none, "");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("spelling");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_one_edit);
    tcase_add_test(tc, test_too_far);
    tcase_add_test(tc, test_nearest_wins);
    tcase_add_test(tc, test_hyphenated_start);
    tcase_add_test(tc, test_rule_names);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
