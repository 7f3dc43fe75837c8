/* Rules on inputs the corpus cannot hold: domains libvirt refuses to
 * define (so no corpus case may use them) but that a user can still write
 * and lint.  The rules must stay bounded and say something true. */
#include "check_util.h"

#include "lint/model/cpuset.h"

/* 100000 vCPUs, one pinned: the floating ones are listed up to
 * VL_CPUSET_MAX and no further (a count of 4294967295 must not build a
 * set of four billion members). */
START_TEST(test_pinning_isolation_bounded)
{
    VlCheckRuleRun run;
    g_autofree char *expected = g_strdup_printf("vCPUs 1-%u have no <vcpupin>", VL_CPUSET_MAX - 1);
    bool said = false;

    vl_check_rule_run(&run, "cpu-pinning-isolation",
                      "<domain type='kvm'><name>t</name><memory unit='GiB'>4</memory>"
                      "<vcpu placement='static'>100000</vcpu><cputune><vcpupin vcpu='0' cpuset='2'/></cputune>"
                      "</domain>",
                      NULL);
    ck_assert_uint_eq(run.report.findings->len, 1);
    for (guint i = 0; i < run.report.findings->len; i++) {
        VlFinding *f = g_ptr_array_index(run.report.findings, i);
        said = said || strstr(f->message, expected) || (f->help && strstr(f->help, expected));
        for (guint j = 0; f->notes && j < f->notes->len; j++)
            said = said || strstr(g_ptr_array_index(f->notes, j), expected);
    }
    ck_assert_msg(said, "no finding says '%s'", expected);
    vl_check_rule_run_free(&run);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("rule_limits");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_pinning_isolation_bounded);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
