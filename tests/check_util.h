/* Shared by the check-based unit tests. */
#pragma once

#include <check.h>
#include <stdlib.h>

/* Run every test case in SUITE and return main()'s exit status. */
static inline int
vl_check_run(Suite *suite)
{
    SRunner *sr = srunner_create(suite);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
