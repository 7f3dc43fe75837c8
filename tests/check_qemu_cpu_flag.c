/* Unit tests for lint/model/effective_cpu.c: which items of a pass-through
 * -cpu value are flags and which is the model (vl_qemu_cpu_flag), and the
 * CPU the XML alone gives the guest (vl_effective_cpu). */
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

static VlEffectiveCpu
effective(const char *body, Built *b)
{
    static VlConfig config;

    vl_config_init(&config);
    *b = vl_check_build(" type='kvm'", body, &config);
    return vl_effective_cpu(b->model);
}

START_TEST(test_effective_model_from_the_cpu_element)
{
    Built b;
    VlEffectiveCpu e;

    e = effective("<cpu mode='maximum'/>", &b);
    ck_assert_str_eq(e.model, "max");
    vl_check_built_free(b);
    e = effective("<cpu mode='host-passthrough'/>", &b);
    ck_assert_str_eq(e.model, "host");
    vl_check_built_free(b);
    e = effective("<cpu mode='custom'><model>Skylake-Client</model></cpu>", &b);
    ck_assert_str_eq(e.model, "Skylake-Client");
    vl_check_built_free(b);
}
END_TEST

/* libvirt passes <feature policy='disable' name='hypervisor'/> as
 * -hypervisor, and so forbid; another feature's policy hides nothing */
START_TEST(test_effective_hypervisor_bit)
{
    Built b;
    VlEffectiveCpu e;

    e = effective("<cpu mode='host-passthrough'><feature policy='forbid' name='hypervisor'/></cpu>", &b);
    ck_assert(e.hypervisor_hidden);
    vl_check_built_free(b);
    e = effective("<cpu mode='host-passthrough'><feature policy='disable' name='hypervisor'/></cpu>", &b);
    ck_assert(e.hypervisor_hidden);
    vl_check_built_free(b);
    e = effective("<cpu mode='host-passthrough'><feature policy='disable' name='vmx'/></cpu>", &b);
    ck_assert(!e.hypervisor_hidden);
    vl_check_built_free(b);
}
END_TEST

/* <hyperv mode='passthrough'> turns every enlightenment on in libvirt's
 * own -cpu, with no child elements */
START_TEST(test_effective_hyperv_passthrough_is_in_libvirt_cpu)
{
    Built b;
    VlEffectiveCpu e;

    e = effective("<features><hyperv mode='passthrough'/></features>", &b);
    ck_assert(e.libvirt_cpu_matters);
    ck_assert_str_eq(e.libvirt_cpu_why, "Hyper-V enlightenments are on");
    vl_check_built_free(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("qemu_cpu_flag");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_flags_after_the_model);
    tcase_add_test(tc, test_first_item_is_the_model_whatever_it_holds);
    tcase_add_test(tc, test_effective_model_from_the_cpu_element);
    tcase_add_test(tc, test_effective_hypervisor_bit);
    tcase_add_test(tc, test_effective_hyperv_passthrough_is_in_libvirt_cpu);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
