/* Unit tests for the release notes quote (lint/model/checked_release.c). */
#include "check_util.h"

#include "lint/engine/version.h"
#include "lint/model/checked_release.h"

static const char *
quoted(unsigned target)
{
    static char buf[32];
    VlConfig config;
    Built b;

    vl_config_init(&config);
    config.libvirt_version = target;
    b = vl_check_build(" type='kvm'", "", &config);
    vl_checked_release(b.model, VL_LIBVIRT(9, 0), VL_LIBVIRT(11, 3), buf, sizeof(buf));
    vl_check_built_free(b);
    return buf;
}

START_TEST(test_checked_release)
{
    ck_assert_str_eq(quoted(VL_LIBVIRT(9, 0)), "9.0.0");
    ck_assert_str_eq(quoted(VL_LIBVIRT(10, 0)), "10.0.0");
    ck_assert_str_eq(quoted(VL_LIBVIRT(11, 3)), "11.3.0");
    ck_assert_str_eq(quoted(VL_LIBVIRT(8, 0)), "9.0.0");
    ck_assert_str_eq(quoted(VL_LIBVIRT(12, 8)), "11.3.0");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("checked_release");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_checked_release);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
