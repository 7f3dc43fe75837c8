/* Unit tests for lint/model/machine.c (the QEMU driver), firmware.c
 * (firmware paths and features), memory.c (memory values in an element's
 * unit), iothread_users.c (iothread ids as libvirt derives them) and cpu.c
 * (<cpu> predicates), and for the fix descriptions of a few rules that use
 * them.  Each helper is used by many rules; these pin its contract
 * where no corpus case reaches a boundary. */
#include "check_util.h"
#include <string.h>

#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/load/xml.h"
#include "lint/model/cpu.h"
#include "lint/model/iothread_users.h"
#include "lint/model/cpuset.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"
#include "lint/model/memory.h"

static VlConfig config;

/* ROOT_ATTRS goes into <domain ...> as is (the type attribute included). */
static Built
build_root(const char *root_attrs, const char *body)
{
    return vl_check_build(root_attrs, body, &config);
}

static Built
build(const char *body)
{
    return build_root(" type='kvm'", body);
}

static void
done(Built b)
{
    vl_check_built_free(b);
}

START_TEST(test_qemu_driver_types)
{
    static const struct {
        const char *attrs;
        bool qemu;
    } cases[] = {
        { " type='kvm'", true }, { " type='qemu'", true }, { " type='hvf'", true },
        { " type='xen'", false }, { " type='lxc'", false },
        { "", false }, /* no type at all (a schema error): not the QEMU driver, and no crash */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        Built b = build_root(cases[i].attrs, "");
        ck_assert_msg(vl_is_qemu(b.model) == cases[i].qemu, "domain%s", cases[i].attrs);
        done(b);
    }
}
END_TEST

START_TEST(test_loader_path)
{
    char buf[256];
    Built b = build("<os><type>hvm</type><loader readonly='yes' type='pflash'> /usr/share/OVMF/OVMF_CODE.fd </loader></os>");

    ck_assert_str_eq(vl_loader_path(b.model, buf, sizeof(buf)), "/usr/share/OVMF/OVMF_CODE.fd");
    done(b);
    b = build("<os><type>hvm</type><loader readonly='yes' type='pflash'/></os>");
    ck_assert_ptr_null(vl_loader_path(b.model, buf, sizeof(buf)));
    done(b);
    b = build("<os><type>hvm</type></os>");
    ck_assert_ptr_null(vl_loader_path(b.model, buf, sizeof(buf)));
    done(b);
}
END_TEST

START_TEST(test_secboot_build_names)
{
    /* each name matches one pattern only */
    static const char *const secboot[] = {
        "/usr/share/OVMF/OVMF_CODE.secboot.fd",     /* Fedora */
        "/usr/share/OVMF/OVMF_CODE_4M.ms.fd",       /* Debian, with Microsoft's keys */
        "/usr/share/OVMF/OVMF_CODE_4M.snakeoil.fd", /* Debian, with a test key */
        "/usr/share/qemu/edk2-x86_64-secure-code.fd",
        "/usr/share/qemu/ovmf-x86_64-smm-code.bin", /* SUSE */
    };
    static const char *const plain[] = {
        "/usr/share/OVMF/OVMF_CODE.fd",
        "/usr/share/OVMF/OVMF_CODE_4M.fd",
        "/usr/share/qemu/edk2-x86_64-code.fd",
        "/var/lib/secboot/ms/snakeoil/OVMF_CODE.fd", /* only the file's own name counts */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(secboot); i++)
        ck_assert_msg(vl_path_is_secboot_build(secboot[i]), "%s", secboot[i]);
    for (gsize i = 0; i < G_N_ELEMENTS(plain); i++)
        ck_assert_msg(!vl_path_is_secboot_build(plain[i]), "%s", plain[i]);
    ck_assert(!vl_path_is_secboot_build(NULL));
}
END_TEST

START_TEST(test_enrolled_keys_names)
{
    static const char *const enrolled[] = {
        "/usr/share/OVMF/OVMF_VARS.secboot.fd",
        "/usr/share/OVMF/OVMF_VARS_4M.ms.fd",
        "/usr/share/qemu/ovmf-x86_64-ms-vars.bin",
        "/usr/share/OVMF/OVMF_VARS_4M.snakeoil.fd",
        "/usr/share/edk2/ovmf/OVMF_VARS.enrolled.fd",
        "/usr/share/qemu/ovmf-x86_64-suse-vars.bin",
        "/usr/share/qemu/ovmf-x86_64-opensuse-vars.bin",
    };
    static const char *const blank[] = {
        "/usr/share/OVMF/OVMF_VARS.fd",
        "/usr/share/OVMF/OVMF_VARS_4M.fd",
        "/usr/share/qemu/edk2-i386-vars.fd",
        "/srv/enrolled/secboot/OVMF_VARS.fd", /* only the file's own name counts */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(enrolled); i++)
        ck_assert_msg(vl_path_has_enrolled_keys(enrolled[i]), "%s", enrolled[i]);
    for (gsize i = 0; i < G_N_ELEMENTS(blank); i++)
        ck_assert_msg(!vl_path_has_enrolled_keys(blank[i]), "%s", blank[i]);
    ck_assert(!vl_path_has_enrolled_keys(NULL));
}
END_TEST

/* The value of KIB written in the unit of <memory UNIT>. */
static void
assert_memory_value(const char *unit_attr, guint64 kib, const char *want, const char *want_unit)
{
    g_autofree char *body = g_strdup_printf("<memory%s>1</memory>", unit_attr);
    Built b = build(body);
    const char *unit_out = "unset";
    g_autofree char *got = vl_memory_value(b.model->memory, kib, &unit_out);

    ck_assert_msg(strcmp(got, want) == 0, "<memory%s>, %" G_GUINT64_FORMAT " KiB: %s, not %s", unit_attr, kib,
                  got, want);
    if (want_unit)
        ck_assert_msg(unit_out && strcmp(unit_out, want_unit) == 0, "<memory%s>: unit %s", unit_attr,
                      unit_out ? unit_out : "(kept)");
    else
        ck_assert_msg(unit_out == NULL, "<memory%s>: unit %s, not kept", unit_attr, unit_out);
    done(b);
}

START_TEST(test_memory_value_in_element_unit)
{
    assert_memory_value("", 4194304, "4194304", NULL);               /* KiB by default */
    assert_memory_value(" unit='KiB'", 4194304, "4194304", NULL);
    assert_memory_value(" unit='k'", 1000, "1000", NULL);
    assert_memory_value(" unit='M'", 2097152, "2048", NULL);
    assert_memory_value(" unit='MiB'", 4194304, "4096", NULL);
    assert_memory_value(" unit='G'", 4194304, "4", NULL);
    assert_memory_value(" unit='GiB'", 2097152, "2", NULL);
    assert_memory_value(" unit='T'", 2147483648ULL, "2", NULL);
    assert_memory_value(" unit='TiB'", 1073741824ULL, "1", NULL);
    /* not a whole number of the unit: KiB, and the unit attribute changes */
    assert_memory_value(" unit='GiB'", 1572864, "1572864", "KiB");
    assert_memory_value(" unit='M'", 1000, "1000", "KiB");
    /* decimal and byte units are never kept, even where the value would divide */
    assert_memory_value(" unit='MB'", 976, "976", "KiB");
    assert_memory_value(" unit='GB'", 976562, "976562", "KiB");
    assert_memory_value(" unit='KB'", 1000, "1000", "KiB");
    assert_memory_value(" unit='b'", 4194304, "4194304", "KiB");
    assert_memory_value(" unit='bytes'", 1, "1", "KiB");
}
END_TEST

START_TEST(test_win11_and_firmware_feature)
{
    Built b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                    "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo></metadata>"
                    "<os firmware='efi'><type>hvm</type><firmware><feature enabled='yes' name='secure-boot'/>"
                    "<feature enabled='no' name='enrolled-keys'/></firmware></os>");

    ck_assert(vl_is_win11(b.model));
    ck_assert(vl_firmware_feature(b.model, "secure-boot") == VL_FIRMWARE_FEATURE_YES);
    ck_assert(vl_firmware_feature(b.model, "enrolled-keys") == VL_FIRMWARE_FEATURE_NO);
    ck_assert(vl_firmware_feature(b.model, "other") == VL_FIRMWARE_FEATURE_ABSENT);
    ck_assert(VL_FIRMWARE_FEATURE_YES != VL_FIRMWARE_FEATURE_NO &&
              VL_FIRMWARE_FEATURE_YES != VL_FIRMWARE_FEATURE_ABSENT &&
              VL_FIRMWARE_FEATURE_NO != VL_FIRMWARE_FEATURE_ABSENT);
    /* how messages say the OS is known: the model's evidence */
    ck_assert_ptr_nonnull(b.model->guest.evidence);
    ck_assert_str_eq(vl_guest_evidence(b.model), b.model->guest.evidence);
    done(b);
    b = build("<os><type>hvm</type></os>");
    if (!b.model->guest.evidence)
        ck_assert_str_eq(vl_guest_evidence(b.model), "--os");
    done(b);
    b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
              "<libosinfo:os id='http://microsoft.com/win/10'/></libosinfo:libosinfo></metadata>");
    ck_assert(!vl_is_win11(b.model));
    done(b);
    b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
              "<libosinfo:os id='http://fedoraproject.org/fedora/11'/></libosinfo:libosinfo></metadata>");
    ck_assert(!vl_is_win11(b.model));
    done(b);
}
END_TEST

/* The iothread ids of BODY, as "1-3,7". */
static char *
iothread_ids(const char *body)
{
    Built b = build(body);
    VlCpuset set = vl_iothread_ids(b.model);
    char *text = vl_cpuset_format(&set);

    vl_cpuset_clear(&set);
    done(b);
    return text;
}

static void
assert_iothread_ids(const char *body, const char *want)
{
    g_autofree char *got = iothread_ids(body);

    ck_assert_msg(strcmp(got, want) == 0, "%s: ids %s, not %s", body, got, want);
}

START_TEST(test_iothread_ids)
{
    assert_iothread_ids("<iothreads>3</iothreads>", "1-3");
    assert_iothread_ids("<iothreads>3</iothreads><iothreadids><iothread id='5'/></iothreadids>", "1-2,5");
    /* listed ids alone, without <iothreads> */
    assert_iothread_ids("<iothreadids><iothread id='1'/><iothread id='4'/></iothreadids>", "1,4");
    /* id 0 is not an iothread id (libvirt refuses it): the count fills from 1 */
    assert_iothread_ids("<iothreads>2</iothreads><iothreadids><iothread id='0'/></iothreadids>", "1-2");
    /* only <iothread> elements count */
    assert_iothread_ids("<iothreads>1</iothreads><iothreadids><thread id='3'/><iothread/></iothreadids>", "1");
    /* a listed id beyond the cpuset limit is ignored, 65535 is not */
    assert_iothread_ids("<iothreads>1</iothreads><iothreadids><iothread id='65536'/></iothreadids>", "1");
    assert_iothread_ids("<iothreadids><iothread id='65535'/></iothreadids>", "65535");
    /* ids counted once however often they are listed */
    assert_iothread_ids("<iothreads>2</iothreads><iothreadids><iothread id='2'/><iothread id='2'/></iothreadids>",
                        "1-2");
}
END_TEST

START_TEST(test_iothread_ids_stop_at_the_cpuset_limit)
{
    g_autofree char *ids = iothread_ids("<iothreads>65536</iothreads>");

    ck_assert_str_eq(ids, "1-65535");
}
END_TEST

START_TEST(test_iothread_count)
{
    Built b = build("<iothreads>4294967295</iothreads>");

    ck_assert_uint_eq(vl_iothread_count(b.model), 4294967295u);
    done(b);
    b = build("<iothreads>4294967297</iothreads>"); /* too large for unsigned: unknown, not 1 */
    ck_assert_uint_eq(vl_iothread_count(b.model), 0);
    done(b);
    b = build("<iothreads>many</iothreads>");
    ck_assert_uint_eq(vl_iothread_count(b.model), 0);
    done(b);
}
END_TEST

START_TEST(test_cpu_predicates)
{
    char buf[64];
    Built b = build("");

    ck_assert_ptr_null(vl_cpu_mode(b.model)); /* no <cpu>: QEMU's default model */
    ck_assert_ptr_null(vl_cpu_model_name(b.model, buf, sizeof(buf)));
    ck_assert(!vl_cpu_feature_on(b.model, "vmx"));
    done(b);

    b = build("<cpu><model>Skylake-Client</model><feature name='vmx'/><feature policy='force' name='svm'/>"
              "<feature policy='optional' name='pdpe1gb'/><feature policy='disable' name='hle'/>"
              "<feature policy='require' name='pcid'/></cpu>");
    ck_assert_str_eq(vl_cpu_mode(b.model), "custom");
    ck_assert_str_eq(vl_cpu_model_name(b.model, buf, sizeof(buf)), "Skylake-Client");
    ck_assert(vl_cpu_feature_on(b.model, "vmx")); /* libvirt's default policy: require */
    ck_assert(vl_cpu_feature_on(b.model, "svm"));
    ck_assert(vl_cpu_feature_on(b.model, "pcid"));
    ck_assert(!vl_cpu_feature_on(b.model, "pdpe1gb"));
    ck_assert(!vl_cpu_feature_on(b.model, "hle"));
    ck_assert(!vl_cpu_feature_on(b.model, "absent"));
    done(b);

    b = build("<cpu mode='host-passthrough'><model> </model></cpu>");
    ck_assert_str_eq(vl_cpu_mode(b.model), "host-passthrough");
    ck_assert_ptr_null(vl_cpu_model_name(b.model, buf, sizeof(buf)));
    done(b);

    ck_assert(!vl_state_on(NULL));
    ck_assert(!vl_state_off(NULL));
}
END_TEST

extern const VlRule vl_rule_hyperv_dependency;
extern const VlRule vl_rule_memory_win11_vcpu_minimum;
extern const VlRule vl_rule_memory_windows_minimum;
extern const VlRule vl_rule_hyperv_kvm_hidden_syntax;
extern const VlRule vl_rule_hyperv_stimer;

/* What RULE's findings on BODY say, joined with "|": each finding's headline,
 * then "; help: HELP" and "; note: NOTE" for each; with HELP_ONLY, only the
 * help ("" for a finding without one). */
static char *
findings_text(const VlRule *rule, const char *body, bool help_only)
{
    Built b = build(body);
    VlReport report;
    GString *out = g_string_new(NULL);

    vl_report_init(&report, b.doc);
    report.rule = rule;
    rule->check(b.model, &report);
    for (guint i = 0; i < report.findings->len; i++) {
        VlFinding *f = g_ptr_array_index(report.findings, i);

        if (i)
            g_string_append_c(out, '|');
        if (help_only) {
            g_string_append(out, f->help ? f->help : "");
            continue;
        }
        g_string_append(out, f->message);
        if (f->help)
            g_string_append_printf(out, "; help: %s", f->help);
        for (guint j = 0; f->notes && j < f->notes->len; j++)
            g_string_append_printf(out, "; note: %s", (const char *) g_ptr_array_index(f->notes, j));
    }
    vl_report_clear(&report);
    done(b);
    return g_string_free(out, FALSE);
}

/* Only hidden='on' (in any spelling) without <hidden state='on'/> leaves KVM
 * visible; the message says so then and only then. */
START_TEST(test_kvm_attribute_visibility_claim)
{
    static const struct {
        const char *kvm;
        bool visible;
    } cases[] = {
        { "<kvm hidden='on'/>", true },
        { "<kvm hidden='1'/>", true },
        { "<kvm hidden='off'/>", false },
        { "<kvm hidden='no'/>", false },
        { "<kvm hint-dedicated='on'/>", false },
        { "<kvm poll-control='yes'/>", false },
        { "<kvm hidden='yes'><hidden state='on'/></kvm>", false },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *body = g_strdup_printf("<features>%s</features>", cases[i].kvm);
        g_autofree char *got = findings_text(&vl_rule_hyperv_kvm_hidden_syntax, body, false);
        ck_assert_msg(strstr(got, "not libvirt syntax") != NULL, "%s: %s", cases[i].kvm, got);
        ck_assert_msg((strstr(got, "KVM stays visible") != NULL) == cases[i].visible, "%s: %s", cases[i].kvm, got);
    }
}
END_TEST

/* The fix descriptions of RULE's findings on BODY, joined with "|". */
static char *
fix_descriptions(const VlRule *rule, const char *body)
{
    Built b = build(body);
    VlReport report;
    GString *out = g_string_new(NULL);

    vl_report_init(&report, b.doc);
    report.rule = rule;
    rule->check(b.model, &report);
    for (guint i = 0; i < report.findings->len; i++) {
        VlFinding *f = g_ptr_array_index(report.findings, i);
        g_string_append_printf(out, "%s%s", i ? "|" : "", f->fix ? f->fix->description : "(none)");
    }
    vl_report_clear(&report);
    done(b);
    return g_string_free(out, FALSE);
}

#define HYPERV(x) "<features><hyperv mode='custom'>" x "</hyperv></features>"

/* The fix turns on the prerequisite and, through hyperv.xsl, what that needs
 * in turn: the description lists them all, each once, and nothing already on. */
START_TEST(test_hyperv_dependency_fix_lists_the_chain)
{
    static const struct {
        const char *body, *want;
    } cases[] = {
        { HYPERV("<stimer state='off'><direct state='on'/></stimer>"),
          "turn on <stimer>, <synic>, <vpindex> and the hypervclock timer" },
        { HYPERV("<synic state='on'/><stimer state='off'><direct state='on'/></stimer>"),
          "turn on <vpindex>|turn on <stimer> and the hypervclock timer" },
        { HYPERV("<stimer state='on'/>"),
          "turn on <synic> and <vpindex>|turn on the hypervclock timer" },
        { HYPERV("<vpindex state='on'/><tlbflush state='off'><direct state='on'/></tlbflush>"), "turn on <tlbflush>" },
        { HYPERV("<tlbflush state='on'><direct state='on'/></tlbflush><ipi state='on'/>"),
          "turn on <vpindex>|turn on <vpindex>|turn on <vapic>" },
        { HYPERV("<evmcs state='on'/>"), "turn on <vapic>" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = fix_descriptions(&vl_rule_hyperv_dependency, cases[i].body);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s:\n  %s\nnot\n  %s", cases[i].body, got, cases[i].want);
    }
}
END_TEST

#define WIN11 "<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>" \
              "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo></metadata>"

/* What the fix raises, said in its description: the maximum, current or both. */
START_TEST(test_win11_vcpu_fix_descriptions)
{
    static const struct {
        const char *body, *want;
    } cases[] = {
        { WIN11 "<vcpu current='1'>2</vcpu>", "raise <vcpu current> to 2" },
        { WIN11 "<vcpu current='1'>1</vcpu>", "give the guest 2 vCPUs in <vcpu> and its current attribute" },
        /* current above the maximum (libvirt refuses it): only the maximum is raised */
        { WIN11 "<vcpu current='2'>1</vcpu>", "give the guest 2 vCPUs in <vcpu>" },
        { WIN11 "<vcpu current='3'>1</vcpu>", "give the guest 2 vCPUs in <vcpu>" },
        { WIN11 "<vcpu>1</vcpu><cpu><topology sockets='1' cores='1' threads='1'/></cpu>",
          "give the guest 2 vCPUs in <vcpu>, as cores='2' in <topology>" },
        { WIN11 "<vcpu current='2'>2</vcpu>", "" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = fix_descriptions(&vl_rule_memory_win11_vcpu_minimum, cases[i].body);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s:\n  %s\nnot\n  %s", cases[i].body, got, cases[i].want);
    }
}
END_TEST

/* <currentMemory> is raised with <memory> only when it is below the minimum. */
START_TEST(test_windows_minimum_fix_descriptions)
{
    static const struct {
        const char *body, *want;
    } cases[] = {
        { WIN11 "<memory unit='GiB'>2</memory>", "raise <memory> to 4 GiB" },
        { WIN11 "<memory unit='GiB'>2</memory><currentMemory unit='GiB'>1</currentMemory>",
          "raise <memory> and <currentMemory> to 4 GiB" },
        { WIN11 "<memory unit='GiB'>2</memory><currentMemory unit='KiB'>4194303</currentMemory>",
          "raise <memory> and <currentMemory> to 4 GiB" },
        /* currentMemory already at (or above) the minimum, above <memory>
         * (libvirt lowers it to <memory>): only <memory> is raised */
        { WIN11 "<memory unit='GiB'>2</memory><currentMemory unit='GiB'>4</currentMemory>", "raise <memory> to 4 GiB" },
        { WIN11 "<memory unit='GiB'>2</memory><currentMemory unit='GiB'>5</currentMemory>", "raise <memory> to 4 GiB" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = fix_descriptions(&vl_rule_memory_windows_minimum, cases[i].body);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "%s:\n  %s\nnot\n  %s", cases[i].body, got, cases[i].want);
    }
}
END_TEST

/* The stimer advice names what else stimer needs, and nothing when all of it is on. */
START_TEST(test_stimer_advice_names_missing_prerequisites)
{
    g_autofree char *all = findings_text(&vl_rule_hyperv_stimer,
                                    WIN11 "<features><hyperv mode='custom'><vpindex state='on'/><synic state='on'/>"
                                          "</hyperv></features><clock offset='localtime'><timer name='hypervclock' "
                                          "present='yes'/></clock>", true);
    g_autofree char *some = findings_text(&vl_rule_hyperv_stimer,
                                     WIN11 "<features><hyperv mode='custom'><vpindex state='on'/></hyperv></features>",
                                     true);

    ck_assert_msg(strcmp(all, "add <stimer state='on'/> to <hyperv mode='custom'>") == 0, "%s", all);
    ck_assert_msg(g_str_has_suffix(some, ", with <synic> and the hypervclock timer, which it needs"), "%s", some);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("machine-firmware-cpu");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_qemu_driver_types);
    tcase_add_test(tc, test_loader_path);
    tcase_add_test(tc, test_secboot_build_names);
    tcase_add_test(tc, test_enrolled_keys_names);
    tcase_add_test(tc, test_memory_value_in_element_unit);
    tcase_add_test(tc, test_win11_and_firmware_feature);
    tcase_add_test(tc, test_iothread_ids);
    tcase_add_test(tc, test_iothread_ids_stop_at_the_cpuset_limit);
    tcase_add_test(tc, test_iothread_count);
    tcase_add_test(tc, test_cpu_predicates);
    tcase_add_test(tc, test_hyperv_dependency_fix_lists_the_chain);
    tcase_add_test(tc, test_win11_vcpu_fix_descriptions);
    tcase_add_test(tc, test_windows_minimum_fix_descriptions);
    tcase_add_test(tc, test_kvm_attribute_visibility_claim);
    tcase_add_test(tc, test_stimer_advice_names_missing_prerequisites);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
