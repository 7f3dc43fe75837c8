/* Unit tests for the host's CPU topology and L3 cache banks read from
 * `virsh capabilities` (lint/host/host.h), the domain's pins
 * (lint/model/pinning.h), and the pinning rules on partial facts: without
 * siblings or cache banks they stay silent. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/host/host.h"
#include "lint/load/document.h"
#include "lint/model/model.h"
#include "lint/model/pinning.h"

/* 4 cores, 8 threads (siblings n and n+4), two L3 banks; CPU 3's attributes
 * as an older libvirt (before 6.0) writes them: no die_id */
#define CAPS                                                                                              \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='8'>"                                                                                      \
    "<cpu id='4' socket_id='0' die_id='0' core_id='0' siblings='0,4'/>"                                   \
    "<cpu id='0' socket_id='0' die_id='0' core_id='0' siblings='0,4'/>"                                   \
    "<cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1,5'/>"                                   \
    "<cpu id='2' socket_id='0' die_id='0' core_id='2' siblings='2,6'/>"                                   \
    "<cpu id='3' socket_id='0' core_id='3' siblings='3,7'/>"                                              \
    "<cpu id='5' socket_id='0' die_id='0' core_id='1' siblings='1,5'/>"                                   \
    "<cpu id='6' socket_id='0' die_id='0' core_id='2' siblings='2,6'/>"                                   \
    "<cpu id='7' socket_id='0' die_id='0' core_id='3' siblings='3,7'/>"                                   \
    "</cpus></cell></cells></topology>"                                                                   \
    "<cache><bank id='0' level='3' type='both' size='16' unit='MiB' cpus='0-1,4-5'/>"                     \
    "<bank id='1' level='3' type='both' size='16384' unit='KiB' cpus='2-3,6-7'/>"                         \
    "<bank id='2' level='2' type='both' size='512' unit='KiB' cpus='0,4'/>"                               \
    "<bank id='0' level='3' type='code' size='8' unit='MiB' cpus='0-1,4-5'/>"                             \
    "<bank id='9' level='3' type='both' size='1' unit='MiB' cpus='x'/></cache>"                           \
    "</host></capabilities>"

/* what libvirt gives when it cannot read the topology: ids only, no cache */
#define CAPS_IDS_ONLY                                                                                     \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='2'><cpu id='0'/><cpu id='1'/></cpus></cell></cells></topology></host></capabilities>"

static VlHost *
host_from(const char *xml)
{
    VlHost *h = vl_host_new();
    g_autoptr(GError) error = NULL;

    ck_assert(vl_host_add_capabilities(h, xml, "caps", &error));
    return h;
}

START_TEST(test_topology)
{
    g_autoptr(VlHost) h = host_from(CAPS);
    const VlHostCpu *c;
    g_autofree char *s = NULL;

    ck_assert_uint_eq(h->topology->len, 8);
    /* sorted by id whatever the document's order */
    c = g_ptr_array_index(h->topology, 0);
    ck_assert_uint_eq(c->id, 0);
    c = vl_host_cpu(h, 4);
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->core_id, 0);
    ck_assert_int_eq(c->socket_id, 0);
    ck_assert_int_eq(c->die_id, 0);
    ck_assert_int_eq(c->cell, 0);
    s = vl_cpuset_format(&c->siblings);
    ck_assert_str_eq(s, "0,4");
    c = vl_host_cpu(h, 3);
    ck_assert_int_eq(c->die_id, -1);
    ck_assert_int_eq(c->core_id, 3);
    ck_assert_ptr_null(vl_host_cpu(h, 8));
    ck_assert(vl_host_has_siblings(h));
    ck_assert(vl_host_siblings(h, 1, 5));
    ck_assert(vl_host_siblings(h, 1, 1));
    ck_assert(!vl_host_siblings(h, 1, 2));
    ck_assert(!vl_host_siblings(h, 9, 9));
}
END_TEST

START_TEST(test_cores)
{
    g_autoptr(VlHost) h = host_from(CAPS);
    g_autoptr(GPtrArray) all = vl_host_cores(h, NULL);
    g_autoptr(GPtrArray) some = NULL;
    VlCpuset within = { 0 };
    g_autofree char *first = NULL, *last = NULL, *only = NULL;

    ck_assert_uint_eq(all->len, 4);
    first = vl_cpuset_format(g_ptr_array_index(all, 0));
    last = vl_cpuset_format(g_ptr_array_index(all, 3));
    ck_assert_str_eq(first, "0,4");
    ck_assert_str_eq(last, "3,7");
    /* only whole cores inside WITHIN: 1 without 5 is no core of it */
    ck_assert(vl_cpuset_parse("1-2,6", &within));
    some = vl_host_cores(h, &within);
    ck_assert_uint_eq(some->len, 1);
    only = vl_cpuset_format(g_ptr_array_index(some, 0));
    ck_assert_str_eq(only, "2,6");
    vl_cpuset_clear(&within);
    /* half a core, its higher thread: no core */
    {
        g_autoptr(GPtrArray) none = NULL;

        ck_assert(vl_cpuset_parse("5", &within));
        none = vl_host_cores(h, &within);
        ck_assert_uint_eq(none->len, 0);
        vl_cpuset_clear(&within);
    }
}
END_TEST

START_TEST(test_l3_banks)
{
    g_autoptr(VlHost) h = host_from(CAPS);
    g_autoptr(GPtrArray) banks = vl_host_l3_banks(h);
    const VlHostCache *b;

    /* the L2 bank, the code half of a CDP bank and a bank with a bad cpuset are not L3 banks */
    ck_assert_uint_eq(h->caches->len, 4);
    ck_assert_uint_eq(banks->len, 2);
    b = g_ptr_array_index(banks, 0);
    ck_assert_uint_eq(b->size_kib, 16384);
    ck_assert_str_eq(b->type, "both");
    b = g_ptr_array_index(banks, 1);
    ck_assert_uint_eq(b->id, 1);
    ck_assert_uint_eq(b->size_kib, 16384);
    ck_assert_int_eq(vl_host_l3_bank_of(banks, 5), 0);
    ck_assert_int_eq(vl_host_l3_bank_of(banks, 6), 1);
    ck_assert_int_eq(vl_host_l3_bank_of(banks, 8), -1);
}
END_TEST

/* the edges of what the capabilities say: ids past INT_MAX and past the
 * bitmap, an element in <cache> that is not a bank */
#define CAPS_EDGES                                                                                        \
    "<capabilities><host><cpu><arch>x86_64</arch></cpu><topology><cells num='1'><cell id='0'>"          \
    "<cpus num='4'>"                                                                                      \
    "<cpu id='0' socket_id='2147483647' die_id='2147483648' core_id='0' siblings='0'/>"                   \
    "<cpu id='1' socket_id='0' die_id='0' core_id='1' siblings='1'/>"                                     \
    "<cpu id='65535' socket_id='0' die_id='0' core_id='2' siblings='65535'/>"                             \
    "<cpu id='65536' socket_id='0' die_id='0' core_id='3' siblings='0'/>"                                 \
    "</cpus></cell></cells></topology>"                                                                   \
    "<cache><bank id='0' level='3' type='both' size='8' unit='MiB' cpus='0-1'/>"                          \
    "<monitor id='1' level='3' type='both' size='8' unit='MiB' cpus='0-1'/></cache>"                      \
    "</host></capabilities>"

START_TEST(test_edges)
{
    g_autoptr(VlHost) h = host_from(CAPS_EDGES);
    const VlHostCpu *c = vl_host_cpu(h, 0);

    ck_assert_ptr_nonnull(c);
    /* an id an int holds, and one it does not */
    ck_assert_int_eq(c->socket_id, 2147483647);
    ck_assert_int_eq(c->die_id, -1);
    /* 65535 is the last CPU the bitmap holds; 65536 is dropped */
    ck_assert_uint_eq(h->topology->len, 3);
    ck_assert_ptr_nonnull(vl_host_cpu(h, 65535));
    ck_assert_ptr_nonnull(vl_host_cpu(h, 1));
    ck_assert_uint_eq(h->caches->len, 1);
}
END_TEST

START_TEST(test_ids_only)
{
    g_autoptr(VlHost) h = host_from(CAPS_IDS_ONLY);
    g_autoptr(GPtrArray) banks = vl_host_l3_banks(h);
    g_autoptr(GPtrArray) cores = vl_host_cores(h, NULL);
    const VlHostCpu *c = vl_host_cpu(h, 1);

    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->socket_id, -1);
    ck_assert_int_eq(c->core_id, -1);
    ck_assert_uint_eq(vl_cpuset_count(&c->siblings), 0);
    ck_assert(!vl_host_has_siblings(h));
    ck_assert(!vl_host_siblings(h, 0, 0));
    ck_assert_uint_eq(banks->len, 0);
    /* each CPU a core of its own */
    ck_assert_uint_eq(cores->len, 2);
}
END_TEST

START_TEST(test_empty_host)
{
    g_autoptr(VlHost) h = vl_host_new();

    ck_assert(!vl_host_has_siblings(h));
    ck_assert_ptr_null(vl_host_cpu(h, 0));
}
END_TEST

#define PINNED                                                                                            \
    "<domain type='kvm'><name>p</name><memory>1048576</memory><vcpu>4</vcpu><iothreads>2</iothreads>"   \
    "<cputune><vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='0' cpuset='5'/><vcpupin vcpu='1' cpuset='4'/>" \
    "<vcpupin vcpu='2' cpuset='1-2'/><vcpupin vcpu='9' cpuset='3'/><vcpupin vcpu='3' cpuset='bad'/>"     \
    "<emulatorpin cpuset='3'/><emulatorpin cpuset='7'/><iothreadpin iothread='2' cpuset='6-7'/>"       \
    "<iothreadpin iothread='x' cpuset='6'/></cputune>"                                                   \
    "<os><type arch='x86_64' machine='q35'>hvm</type></os></domain>"

START_TEST(test_pinning_model)
{
    VlInputError *error = NULL;
    VlConfig config;
    VlDocument *doc;
    VlModel *model;
    VlPinning *p;
    VlCpuset all;
    g_autofree char *s = NULL, *io = NULL, *em = NULL;

    vl_config_init(&config);
    doc = vl_document_parse("p.xml", g_strdup(PINNED), strlen(PINNED), &error);
    ck_assert_ptr_nonnull(doc);
    model = vl_model_build(doc, &config);
    p = vl_pinning_new(model);
    ck_assert_uint_eq(p->vcpus, 4);
    /* the first pin of vCPU 0 wins; vCPU 9 does not exist; vCPU 3's pin does not parse */
    ck_assert_uint_eq(p->pinned, 3);
    ck_assert_int_eq(vl_pinning_single(p, 0), 0);
    ck_assert_int_eq(vl_pinning_single(p, 1), 4);
    ck_assert_int_eq(vl_pinning_single(p, 2), -1);
    ck_assert_int_eq(vl_pinning_single(p, 3), -1);
    ck_assert_int_eq(vl_pinning_single(p, 4), -1);
    ck_assert_ptr_null(p->vcpu_node[3]);
    all = vl_pinning_vcpu_hosts(p);
    s = vl_cpuset_format(&all);
    ck_assert_str_eq(s, "0-2,4");
    vl_cpuset_clear(&all);
    em = vl_cpuset_format(&p->emulator);
    ck_assert_str_eq(em, "3");
    ck_assert_uint_eq(p->iothreads->len, 1);
    ck_assert_uint_eq(((VlIothreadPin *) g_ptr_array_index(p->iothreads, 0))->id, 2);
    io = vl_cpuset_format(&((VlIothreadPin *) g_ptr_array_index(p->iothreads, 0))->cpus);
    ck_assert_str_eq(io, "6-7");
    vl_pinning_free(p);
    vl_pinning_free(NULL);
    vl_model_free(model);
    vl_document_free(doc);
}
END_TEST

/* vcpu='4' of 4 vCPUs (0 to 3) is one past the last: no pin */
#define PIN_PAST_LAST                                                                                     \
    "<domain type='kvm'><name>p</name><memory>1048576</memory><vcpu>4</vcpu>"                           \
    "<cputune><vcpupin vcpu='4' cpuset='1'/></cputune>"                                                   \
    "<os><type arch='x86_64' machine='q35'>hvm</type></os></domain>"

START_TEST(test_pin_past_last_vcpu)
{
    VlInputError *error = NULL;
    VlConfig config;
    VlDocument *doc;
    VlModel *model;
    VlPinning *p;

    vl_config_init(&config);
    doc = vl_document_parse("p.xml", g_strdup(PIN_PAST_LAST), strlen(PIN_PAST_LAST), &error);
    ck_assert_ptr_nonnull(doc);
    model = vl_model_build(doc, &config);
    p = vl_pinning_new(model);
    ck_assert_uint_eq(p->vcpus, 4);
    ck_assert_uint_eq(p->pinned, 0);
    vl_pinning_free(p);
    vl_model_free(model);
    vl_document_free(doc);
}
END_TEST

/* 4 vCPUs as 2 cores x 2 threads, split over the banks, threads on
 * different host cores, the emulator on a vCPU's sibling */
#define SPLIT                                                                                             \
    "<domain type='kvm'><name>s</name><memory>1048576</memory><vcpu>4</vcpu>"                           \
    "<cputune><vcpupin vcpu='0' cpuset='0'/><vcpupin vcpu='1' cpuset='1'/><vcpupin vcpu='2' cpuset='2'/>" \
    "<vcpupin vcpu='3' cpuset='3'/><emulatorpin cpuset='4'/></cputune>"                                  \
    "<os><type arch='x86_64' machine='q35'>hvm</type></os>"                                               \
    "<cpu mode='host-passthrough'><topology sockets='1' dies='1' cores='2' threads='2'/></cpu></domain>"

static guint
findings(const char *rule_id, const char *caps, const char *domain)
{
    g_autoptr(VlHost) host = caps ? host_from(caps) : vl_host_new();
    VlCheckRuleRun run;
    guint n;

    ck_assert(vl_registry_find(rule_id) && vl_registry_find(rule_id)->needs_host);
    vl_check_rule_run(&run, rule_id, domain, host);
    n = run.report.findings->len;
    vl_check_rule_run_free(&run);
    return n;
}

START_TEST(test_rules_with_and_without_facts)
{
    static const char *const rules[] = { "cpu-pinning-l3-split", "cpu-pinning-thread-siblings",
                                         "cpu-pinning-shared-cores" };

    for (guint i = 0; i < G_N_ELEMENTS(rules); i++) {
        ck_assert_uint_eq(findings(rules[i], CAPS, SPLIT), 1);
        ck_assert_uint_eq(findings(rules[i], CAPS_IDS_ONLY, SPLIT), 0);
        ck_assert_uint_eq(findings(rules[i], NULL, SPLIT), 0);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("host-topology");
    TCase *tc = tcase_create("topology");

    tcase_add_test(tc, test_topology);
    tcase_add_test(tc, test_cores);
    tcase_add_test(tc, test_l3_banks);
    tcase_add_test(tc, test_ids_only);
    tcase_add_test(tc, test_edges);
    tcase_add_test(tc, test_empty_host);
    tcase_add_test(tc, test_pinning_model);
    tcase_add_test(tc, test_pin_past_last_vcpu);
    tcase_add_test(tc, test_rules_with_and_without_facts);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
