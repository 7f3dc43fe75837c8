/* Unit tests for lint/model/machine_types.c: the versioned x86 machine
 * types of QEMU 7.2, 10.0 and 11.1 as their Debian binaries list them
 * (`qemu-system-x86_64 -machine help`), at each edge. */
#include "check_util.h"

#include "lint/engine/version.h"
#include "lint/model/machine_types.h"

static VlMachineTypeState
state(unsigned qemu, const char *machine)
{
    bool exact;

    return vl_machine_type_state(vl_machine_types_for(qemu, &exact), machine);
}

START_TEST(test_qemu_11_1)
{
    unsigned q = VL_LIBVIRT(11, 1);

    ck_assert_int_eq(state(q, "pc-q35-5.1"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-i440fx-5.1"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-q35-4.0.1"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-q35-4.2"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-1.2"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-q35-5.2"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-i440fx-8.1"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-q35-8.2"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-11.1"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-11.2"), VL_MACHINE_TYPE_NOT_JUDGED);
    ck_assert_int_eq(state(q, "q35"), VL_MACHINE_TYPE_NOT_JUDGED);
    ck_assert_int_eq(state(q, "pc-q35-jammy"), VL_MACHINE_TYPE_NOT_JUDGED);
    /* micro versions of the target are its release */
    ck_assert_int_eq(state(VL_LIBVIRT(11, 1) + 3, "pc-q35-5.1"), VL_MACHINE_TYPE_DELETED);
}
END_TEST

START_TEST(test_qemu_10_0)
{
    unsigned q = VL_LIBVIRT(10, 0);

    ck_assert_int_eq(state(q, "pc-q35-2.3"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-i440fx-2.3"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-q35-2.4"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-q35-4.0.1"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-i440fx-7.0"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-q35-7.1"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-10.0"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-10.1"), VL_MACHINE_TYPE_NOT_JUDGED);
}
END_TEST

START_TEST(test_qemu_7_2)
{
    unsigned q = VL_LIBVIRT(7, 2);

    ck_assert_int_eq(state(q, "pc-q35-2.3"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-1.3"), VL_MACHINE_TYPE_DELETED);
    ck_assert_int_eq(state(q, "pc-i440fx-1.4"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-i440fx-1.7"), VL_MACHINE_TYPE_DEPRECATED);
    ck_assert_int_eq(state(q, "pc-i440fx-2.0"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-i440fx-2.3"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-2.4"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-4.2"), VL_MACHINE_TYPE_PRESENT);
    ck_assert_int_eq(state(q, "pc-q35-7.2"), VL_MACHINE_TYPE_PRESENT);
}
END_TEST

START_TEST(test_tables_for)
{
    bool exact;
    const VlQemuMachineTypes *t;

    t = vl_machine_types_for(0, &exact);
    ck_assert(!exact);
    ck_assert_uint_eq(t->qemu, VL_LIBVIRT(11, 1));
    t = vl_machine_types_for(VL_LIBVIRT(10, 0) + 13, &exact);
    ck_assert(exact);
    ck_assert_uint_eq(t->qemu, VL_LIBVIRT(10, 0));
    /* between known releases: the older one's deletions hold */
    t = vl_machine_types_for(VL_LIBVIRT(10, 2), &exact);
    ck_assert(!exact);
    ck_assert_uint_eq(t->qemu, VL_LIBVIRT(10, 0));
    t = vl_machine_types_for(VL_LIBVIRT(12, 0), &exact);
    ck_assert(!exact);
    ck_assert_uint_eq(t->qemu, VL_LIBVIRT(11, 1));
    ck_assert_ptr_null(vl_machine_types_for(VL_LIBVIRT(7, 1), &exact));
    ck_assert_ptr_null(vl_machine_types_for(VL_LIBVIRT(6, 2), &exact));
    ck_assert_int_eq(vl_machine_type_state(NULL, "pc-q35-2.0"), VL_MACHINE_TYPE_NOT_JUDGED);
}
END_TEST

START_TEST(test_versioned)
{
    VlMachineFamily family = VL_MACHINE_UNKNOWN;
    unsigned v = 0;

    ck_assert(vl_machine_type_versioned("pc-q35-4.2", &family, &v));
    ck_assert_int_eq(family, VL_MACHINE_Q35);
    ck_assert_uint_eq(v, VL_LIBVIRT(4, 2));
    ck_assert(vl_machine_type_versioned("pc-i440fx-2.12", &family, &v));
    ck_assert_int_eq(family, VL_MACHINE_I440FX);
    ck_assert_uint_eq(v, VL_LIBVIRT(2, 12));
    ck_assert(vl_machine_type_versioned("pc-q35-4.0.1", &family, &v));
    ck_assert_uint_eq(v, VL_LIBVIRT(4, 0) + 1);
    ck_assert(vl_machine_type_versioned("pc-0.15", &family, &v));
    ck_assert_int_eq(family, VL_MACHINE_I440FX);
    ck_assert(vl_machine_type_versioned("pc-1.3", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-1.4", &family, &v));   /* pc-i440fx-1.4 then */
    ck_assert(!vl_machine_type_versioned("pc-0.9", &family, &v));
    ck_assert(vl_machine_type_versioned("pc-0.10", &family, &v)); /* the oldest */
    ck_assert_uint_eq(v, VL_LIBVIRT(0, 10));
    ck_assert(!vl_machine_type_versioned("pc-q35-5.0.1", &family, &v)); /* only 4.0 had a micro release's type */
    ck_assert(!vl_machine_type_versioned("pc-q35-4.1.1", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-i440fx-0.15", &family, &v)); /* written pc-0.15 */
    ck_assert(!vl_machine_type_versioned("pc-i440fx-1.3", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-i440fx-4.0.1", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-4.3", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-2.13", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-12.0", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-4.2x", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-4", &family, &v));
    ck_assert(!vl_machine_type_versioned("q35", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc", &family, &v));
    ck_assert(!vl_machine_type_versioned("pc-q35-rhel9.4.0", &family, &v));
    ck_assert(!vl_machine_type_versioned(NULL, &family, &v));
}
END_TEST

START_TEST(test_ubuntu_only)
{
    ck_assert(vl_machine_type_ubuntu_only("pc-q35-jammy"));
    ck_assert(vl_machine_type_ubuntu_only("pc-i440fx-focal"));
    ck_assert(vl_machine_type_ubuntu_only("pc-q35-noble-v2"));
    ck_assert(vl_machine_type_ubuntu_only("pc-i440fx-bionic-hpb"));
    ck_assert(vl_machine_type_ubuntu_only("ubuntu"));
    ck_assert(!vl_machine_type_ubuntu_only("pc-q35-rhel9.4.0"));
    ck_assert(!vl_machine_type_ubuntu_only("pc-q35-4.2"));
    ck_assert(!vl_machine_type_ubuntu_only("pc-q35-Jammy"));
    ck_assert(!vl_machine_type_ubuntu_only("pc-q35-jam2y"));
    ck_assert(!vl_machine_type_ubuntu_only("q35"));
    ck_assert(!vl_machine_type_ubuntu_only("pc"));
    ck_assert(!vl_machine_type_ubuntu_only(NULL));
}
END_TEST

START_TEST(test_newest)
{
    char buf[32];

    ck_assert_str_eq(vl_machine_type_newest(vl_machine_types_newest(), VL_MACHINE_Q35, buf, sizeof(buf)),
                     "pc-q35-11.1");
    ck_assert_str_eq(vl_machine_type_newest(vl_machine_types_newest(), VL_MACHINE_I440FX, buf, sizeof(buf)),
                     "pc-i440fx-11.1");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("machine_types");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_qemu_11_1);
    tcase_add_test(tc, test_qemu_10_0);
    tcase_add_test(tc, test_qemu_7_2);
    tcase_add_test(tc, test_tables_for);
    tcase_add_test(tc, test_versioned);
    tcase_add_test(tc, test_ubuntu_only);
    tcase_add_test(tc, test_newest);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
