/* Unit tests for lint/host/connection.h: what names each connection's
 * domains in findings when several --connect URIs are given. */
#include "check_util.h"

#include "lint/host/connection.h"

START_TEST(test_labels)
{
    char *uris[] = { (char *) "qemu+ssh://root@web1/system", (char *) "qemu:///system",
                     (char *) "qemu+ssh://h/system", (char *) "qemu+ssh://h/session",
                     (char *) "qemu+tls://[2001:db8::1]:16514/system", (char *) "test:///default", NULL };
    g_auto(GStrv) labels = vl_connection_labels(uris);

    ck_assert_uint_eq(g_strv_length(labels), 6);
    ck_assert_str_eq(labels[0], "web1");                  /* the host, without the user */
    ck_assert_str_eq(labels[1], "qemu:///system");        /* local: the URI */
    ck_assert_str_eq(labels[2], "qemu+ssh://h/system");   /* a host two URIs share: the URIs */
    ck_assert_str_eq(labels[3], "qemu+ssh://h/session");
    ck_assert_str_eq(labels[4], "2001:db8::1");
    ck_assert_str_eq(labels[5], "test:///default");
}
END_TEST

START_TEST(test_labels_none)
{
    g_auto(GStrv) labels = vl_connection_labels(NULL);

    ck_assert_ptr_null(labels[0]);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("connection");
    TCase *tc = tcase_create("labels");

    tcase_add_test(tc, test_labels);
    tcase_add_test(tc, test_labels_none);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
