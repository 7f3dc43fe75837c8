/* Unit tests for vl_qemu_cpu_flag (lint/model/effective_cpu.c): which items
 * of a pass-through -cpu value are flags and which is the model. */
#include "check_util.h"
#include <stdlib.h>

#include "lint/model/effective_cpu.h"
#include "lint/model/qemu_cmdline.h"

/* The state of FLAG in "-cpu VALUE", as virtlint reads it. */
static int
flag_of(const char *value, const char *flag)
{
    VlQemuOption opt = { .name = (char *)"cpu", .value = value };
    int state;

    opt.props = vl_qemu_keyval_parse(value, "model");
    state = vl_qemu_cpu_flag(&opt, flag);
    g_ptr_array_unref(opt.props);
    return state;
}

START_TEST(test_flags_after_the_model)
{
    ck_assert_int_eq(flag_of("host,kvm=off", "kvm"), 0);
    ck_assert_int_eq(flag_of("host,-hypervisor", "hypervisor"), 0);
    ck_assert_int_eq(flag_of("host,+hypervisor", "hypervisor"), 1);
    ck_assert_int_eq(flag_of("host,hv-relaxed", "hv-relaxed"), 1);
    ck_assert_int_eq(flag_of("host", "kvm"), -1);
    ck_assert_int_eq(flag_of(NULL, "kvm"), -1);
    /* another flag whose name ends in the one asked for */
    ck_assert_int_eq(flag_of("host,svm", "vm"), -1);
    ck_assert_int_eq(flag_of("host,-svm", "vm"), -1);
    /* QEMU takes "+kvm=off" whole as a feature name: it sets no kvm */
    ck_assert_int_eq(flag_of("host,+kvm=off", "kvm"), -1);
}
END_TEST

/* QEMU looks the whole first piece up as the CPU model (parse_cpu_option):
 * "-cpu kvm=off,..." names a model "kvm=off", which does not exist, and
 * hides nothing */
START_TEST(test_first_item_is_the_model_whatever_it_holds)
{
    ck_assert_int_eq(flag_of("kvm=off", "kvm"), -1);
    ck_assert_int_eq(flag_of("kvm=off,+hypervisor", "kvm"), -1);
    ck_assert_int_eq(flag_of("kvm=off,+hypervisor", "hypervisor"), 1);
    ck_assert_int_eq(flag_of("kvm=off,kvm=on", "kvm"), 1);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("qemu_cpu_flag");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_flags_after_the_model);
    tcase_add_test(tc, test_first_item_is_the_model_whatever_it_holds);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
