/* Unit tests for the host-aware rules (rules/host/, one file per rule) with partial host
 * facts: `--nodedev` alone, `--capabilities` alone, ... (the corpus always
 * loads all three kinds from a tests/data/host* directory).  A rule whose
 * facts were not given must stay silent rather than report everything as
 * missing from the host. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/load/document.h"
#include "lint/host/host.h"
#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"

/* capabilities of a 2-CPU host (CPUs 0 and 1) offering 4 KiB and 2 MiB pages */
#define CAPS                                                                                              \
    "<capabilities><host><cpu><arch>x86_64</arch><pages unit='KiB' size='4'/><pages unit='KiB' "          \
    "size='2048'/></cpu><topology><cells num='1'><cell id='0'><memory unit='KiB'>4194304</memory>"        \
    "<cpus num='2'><cpu id='0'/><cpu id='1'/></cpus></cell></cells></topology></host>"                     \
    "<guest><os_type>hvm</os_type><arch name='x86_64'><emulator>/usr/bin/qemu-system-x86_64</emulator>"   \
    "</arch></guest></capabilities>"
/* the same host's capabilities as libvirt gives them when it cannot read the
 * NUMA topology: no <topology>, so no CPU list */
#define CAPS_NO_TOPOLOGY                                                                                  \
    "<capabilities><host><cpu><arch>x86_64</arch><pages unit='KiB' size='4'/></cpu></host>"               \
    "<guest><os_type>hvm</os_type><arch name='x86_64'><emulator>/usr/bin/qemu-system-x86_64</emulator>"   \
    "</arch></guest></capabilities>"
#define DOMCAPS                                                                                           \
    "<domainCapabilities><path>/usr/bin/qemu-system-x86_64</path><os supported='yes'><enum "              \
    "name='firmware'><value>efi</value></enum><loader supported='yes'><value>/usr/share/OVMF/"             \
    "OVMF_CODE_4M.fd</value></loader></os><devices><tpm supported='yes'><enum name='model'><value>"       \
    "tpm-crb</value></enum></tpm></devices></domainCapabilities>"
#define NODEDEV                                                                                           \
    "<device><name>pci_0000_0f_00_0</name><capability type='pci'><class>0x030000</class><domain>0"        \
    "</domain><bus>15</bus><slot>0</slot><function>0</function><iommuGroup number='14'><address "          \
    "domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></iommuGroup></capability></device>"

/* everything each host rule can report on, given the matching facts */
#define DOMAIN                                                                                            \
    "<domain type='kvm'><name>t</name><memory unit='GiB'>2</memory><vcpu cpuset='0-5'>4</vcpu>"           \
    "<memoryBacking><hugepages><page size='2' unit='MiB'/></hugepages></memoryBacking>"                   \
    "<cputune><vcpupin vcpu='0' cpuset='7'/></cputune>"                                                   \
    "<os firmware='efi'><type arch='x86_64' machine='q35'>hvm</type></os>"                                \
    "<devices><emulator>/usr/libexec/qemu-kvm</emulator>"                                                 \
    "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x0f' "     \
    "slot='0x00' function='0x0'/></source></hostdev>"                                                     \
    "<tpm model='tpm-tis'><backend type='emulator' version='2.0'/></tpm></devices></domain>"

enum { WITH_CAPS = 1, WITH_NO_TOPOLOGY = 2, WITH_DOMCAPS = 4, WITH_NODEDEV = 8 };

static VlHost *
host_with(int what)
{
    VlHost *h = vl_host_new();
    g_autoptr(GError) error = NULL;

    if (what & WITH_CAPS)
        ck_assert(vl_host_add_capabilities(h, CAPS, "caps", &error));
    if (what & WITH_NO_TOPOLOGY)
        ck_assert(vl_host_add_capabilities(h, CAPS_NO_TOPOLOGY, "caps", &error));
    if (what & WITH_DOMCAPS)
        ck_assert(vl_host_add_domcapabilities(h, DOMCAPS, "domcaps", &error));
    if (what & WITH_NODEDEV)
        ck_assert(vl_host_add_nodedev(h, NODEDEV, "nodedev", &error));
    return h;
}

/* How many findings RULE reports on DOMAIN with the host facts WHAT. */
static guint
findings(const char *rule_id, int what)
{
    g_autoptr(VlHost) host = host_with(what);
    VlCheckRuleRun run;
    guint n;

    vl_check_rule_run(&run, rule_id, DOMAIN, host);
    n = run.report.findings->len;
    vl_check_rule_run_free(&run);
    return n;
}

/* Each rule reports on DOMAIN with its facts, and nothing with the others. */
START_TEST(test_capabilities_rules)
{
    static const char *const rules[] = { "host-cpuset-range", "host-vcpu-overcommit", "host-emulator" };

    for (gsize i = 0; i < G_N_ELEMENTS(rules); i++) {
        ck_assert_msg(findings(rules[i], WITH_CAPS) > 0, "%s silent with capabilities", rules[i]);
        ck_assert_msg(findings(rules[i], WITH_DOMCAPS | WITH_NODEDEV) == 0, "%s without capabilities", rules[i]);
    }
    /* the 2 MiB pages are offered; without capabilities nothing is known */
    ck_assert_uint_eq(findings("host-hugepage-size", WITH_CAPS), 0);
    ck_assert_uint_eq(findings("host-hugepage-size", WITH_NO_TOPOLOGY), 1);
    ck_assert_uint_eq(findings("host-hugepage-size", WITH_DOMCAPS | WITH_NODEDEV), 0);
}
END_TEST

/* Capabilities without a CPU list: pins and the vCPU count cannot be checked. */
START_TEST(test_capabilities_without_cpus)
{
    ck_assert_uint_eq(findings("host-cpuset-range", WITH_NO_TOPOLOGY), 0);
    ck_assert_uint_eq(findings("host-vcpu-overcommit", WITH_NO_TOPOLOGY), 0);
    ck_assert_uint_eq(findings("host-emulator", WITH_NO_TOPOLOGY), 1);
}
END_TEST

START_TEST(test_domcapabilities_rules)
{
    /* tpm-tis is not among the models; firmware='efi' is offered */
    ck_assert_uint_eq(findings("host-device-model", WITH_DOMCAPS), 1);
    ck_assert_uint_eq(findings("host-device-model", WITH_CAPS | WITH_NODEDEV), 0);
    ck_assert_uint_eq(findings("host-firmware", WITH_DOMCAPS), 0);
    ck_assert_uint_eq(findings("host-firmware", WITH_CAPS | WITH_NODEDEV), 0);
}
END_TEST

START_TEST(test_nodedev_rules)
{
    /* 0f:00.0 is alone in its group on this host */
    ck_assert_uint_eq(findings("host-pci-device", WITH_NODEDEV), 0);
    ck_assert_uint_eq(findings("host-pci-device", WITH_CAPS | WITH_DOMCAPS), 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("host-rules");
    TCase *tc = tcase_create("partial-host-facts");

    tcase_add_test(tc, test_capabilities_rules);
    tcase_add_test(tc, test_capabilities_without_cpus);
    tcase_add_test(tc, test_domcapabilities_rules);
    tcase_add_test(tc, test_nodedev_rules);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
