/* Unit tests for the suggestions of cpu-pinning-l3-split on hosts no saved
 * host in tests/data/pinning/ describes: host cores with more threads than
 * the guest's (SMT4) next to two L3 banks, and three L3 banks of which the
 * two the vCPUs use are too small; and cpu-pinning-shared-cores on a
 * two-socket host numbered alternately. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/host/host.h"
#include "lint/load/document.h"
#include "lint/model/model.h"

/* 4 cores of 4 threads (n, n+4, n+8, n+12), cores 0-1 on L3 bank 0 and 2-3 on bank 1 */
#define CAPS_SMT4                                                                                         \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='16'>"                                                                                     \
    "<cpu id='0' siblings='0,4,8,12'/><cpu id='1' siblings='1,5,9,13'/>"                                  \
    "<cpu id='2' siblings='2,6,10,14'/><cpu id='3' siblings='3,7,11,15'/>"                                \
    "<cpu id='4' siblings='0,4,8,12'/><cpu id='5' siblings='1,5,9,13'/>"                                  \
    "<cpu id='6' siblings='2,6,10,14'/><cpu id='7' siblings='3,7,11,15'/>"                                \
    "<cpu id='8' siblings='0,4,8,12'/><cpu id='9' siblings='1,5,9,13'/>"                                  \
    "<cpu id='10' siblings='2,6,10,14'/><cpu id='11' siblings='3,7,11,15'/>"                              \
    "<cpu id='12' siblings='0,4,8,12'/><cpu id='13' siblings='1,5,9,13'/>"                                \
    "<cpu id='14' siblings='2,6,10,14'/><cpu id='15' siblings='3,7,11,15'/>"                              \
    "</cpus></cell></cells></topology>"                                                                   \
    "<cache><bank id='0' level='3' type='both' size='16' unit='MiB' cpus='0-1,4-5,8-9,12-13'/>"           \
    "<bank id='1' level='3' type='both' size='16' unit='MiB' cpus='2-3,6-7,10-11,14-15'/></cache>"       \
    "</host></capabilities>"

/* 12 CPUs without SMT on three L3 banks: two of 2 CPUs, one of 8 */
#define CAPS_THREE_BANKS                                                                                  \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='12'>"                                                                                     \
    "<cpu id='0' siblings='0'/><cpu id='1' siblings='1'/><cpu id='2' siblings='2'/>"                      \
    "<cpu id='3' siblings='3'/><cpu id='4' siblings='4'/><cpu id='5' siblings='5'/>"                      \
    "<cpu id='6' siblings='6'/><cpu id='7' siblings='7'/><cpu id='8' siblings='8'/>"                      \
    "<cpu id='9' siblings='9'/><cpu id='10' siblings='10'/><cpu id='11' siblings='11'/>"                  \
    "</cpus></cell></cells></topology>"                                                                   \
    "<cache><bank id='0' level='3' type='both' size='4' unit='MiB' cpus='0-1'/>"                          \
    "<bank id='1' level='3' type='both' size='4' unit='MiB' cpus='2-3'/>"                                 \
    "<bank id='2' level='3' type='both' size='16' unit='MiB' cpus='4-11'/></cache>"                       \
    "</host></capabilities>"

/* two sockets numbered alternately (even CPUs on socket 0, odd on socket 1,
 * as Linux numbers many two-socket servers), 4 cores each, threads n and n+8;
 * one L3 per socket */
#define CAPS_TWO_SOCKETS                                                                                  \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='16'>"                                                                                     \
    "<cpu id='0' siblings='0,8'/><cpu id='1' siblings='1,9'/><cpu id='2' siblings='2,10'/>"               \
    "<cpu id='3' siblings='3,11'/><cpu id='4' siblings='4,12'/><cpu id='5' siblings='5,13'/>"             \
    "<cpu id='6' siblings='6,14'/><cpu id='7' siblings='7,15'/><cpu id='8' siblings='0,8'/>"              \
    "<cpu id='9' siblings='1,9'/><cpu id='10' siblings='2,10'/><cpu id='11' siblings='3,11'/>"            \
    "<cpu id='12' siblings='4,12'/><cpu id='13' siblings='5,13'/><cpu id='14' siblings='6,14'/>"          \
    "<cpu id='15' siblings='7,15'/>"                                                                      \
    "</cpus></cell></cells></topology>"                                                                   \
    "<cache><bank id='0' level='3' type='both' size='32' unit='MiB' cpus='0,2,4,6,8,10,12,14'/>"           \
    "<bank id='1' level='3' type='both' size='32' unit='MiB' cpus='1,3,5,7,9,11,13,15'/></cache>"         \
    "</host></capabilities>"

#define DOMAIN(VCPUS, PINS, THREADS)                                                                      \
    "<domain type='kvm'><name>d</name><memory>1048576</memory><vcpu>" VCPUS "</vcpu><cputune>" PINS       \
    "</cputune><os><type arch='x86_64' machine='q35'>hvm</type></os><cpu mode='host-passthrough'>"        \
    "<topology sockets='1' dies='1' cores='2' threads='" THREADS "'/></cpu></domain>"

/* the help of RULE_ID's only finding on DOMAIN with the host CAPS, or NULL without one */
static char *
help_of(const char *rule_id, const char *caps, const char *domain)
{
    g_autoptr(VlHost) host = vl_host_new();
    g_autoptr(GError) gerr = NULL;
    VlCheckRuleRun run;
    char *help = NULL;

    ck_assert(vl_host_add_capabilities(host, caps, "caps", &gerr));
    vl_check_rule_run(&run, rule_id, domain, host);
    ck_assert_uint_le(run.report.findings->len, 1);
    if (run.report.findings->len)
        help = g_strdup(((VlFinding *) g_ptr_array_index(run.report.findings, 0))->help);
    vl_check_rule_run_free(&run);
    return help;
}

/* a 2-thread guest on 4-thread host cores: each guest core on two threads of its own host core */
START_TEST(test_l3_smt4_host)
{
    g_autofree char *help = help_of(
        "cpu-pinning-l3-split", CAPS_SMT4,
        DOMAIN("4", "<vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='1' cpuset='4'/><vcpupin vcpu='2' cpuset='2'/>"
                    "<vcpupin vcpu='3' cpuset='6'/>",
               "2"));

    ck_assert_ptr_nonnull(help);
    ck_assert_str_eq(help, "pin them inside L3 bank 0 (host CPUs 0-1,4-5,8-9,12-13), each guest core on one host "
                           "core; vcpupin vcpu=cpuset: 0=0 1=4 2=1 3=5");
}
END_TEST

/* the vCPUs' two banks are too small: the third, which none uses, holds the guest */
START_TEST(test_l3_unused_bank)
{
    g_autofree char *help = help_of(
        "cpu-pinning-l3-split", CAPS_THREE_BANKS,
        DOMAIN("4", "<vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='1' cpuset='1'/><vcpupin vcpu='2' cpuset='2'/>"
                    "<vcpupin vcpu='3' cpuset='3'/>",
               "1"));

    ck_assert_ptr_nonnull(help);
    ck_assert_str_eq(help, "pin them inside L3 bank 2 (host CPUs 4-11); vcpupin vcpu=cpuset: 0=4 1=5 2=6 3=7");
}
END_TEST

/* the vCPUs on socket 0 (the first L3 bank): the free core suggested for the
 * emulator is there, core 4, not the lower-numbered core 1 of socket 1 */
START_TEST(test_shared_cores_first_bank)
{
    g_autofree char *help = help_of(
        "cpu-pinning-shared-cores", CAPS_TWO_SOCKETS,
        DOMAIN("2", "<vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='1' cpuset='2'/><emulatorpin cpuset='8'/>", "1"));

    ck_assert_ptr_nonnull(help);
    ck_assert_str_eq(help, "pin the emulator threads to whole host cores no vCPU uses: cpuset='4,12'");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pinning-rules");
    TCase *tc = tcase_create("suggestions");

    tcase_add_test(tc, test_l3_smt4_host);
    tcase_add_test(tc, test_l3_unused_bank);
    tcase_add_test(tc, test_shared_cores_first_bank);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
