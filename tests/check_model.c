/* Unit tests for the model (lint/model.c): topology defaults, guest OS
 * detection and its precedence, firmware and machine detection, memory. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>

#include "lint/model.h"

static VlConfig config;

typedef struct {
    VlDocument *doc;
    VlModel *model;
} Built;

static Built
build_with(const char *body, const VlConfig *c)
{
    g_autofree char *text = g_strdup_printf("<domain type='kvm'>\n<name>t</name>\n%s\n</domain>\n", body);
    VlInputError *error = NULL;
    Built b;

    b.doc = vl_document_parse("t.xml", g_strdup(text), strlen(text), &error);
    ck_assert_msg(b.doc != NULL, "parse failed: %s", error ? error->message : "?");
    b.model = vl_model_build(b.doc, c);
    return b;
}

static Built
build(const char *body)
{
    return build_with(body, &config);
}

static void
done(Built b)
{
    vl_model_free(b.model);
    vl_document_free(b.doc);
}

#define WIN11_OSINFO                                                                                  \
    "<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>" \
    "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo></metadata>"

START_TEST(test_default_topology_is_socket_per_vcpu)
{
    Built b = build("<vcpu placement='static'>6</vcpu>");

    ck_assert_uint_eq(b.model->vcpus, 6);
    ck_assert_ptr_null(b.model->topology.node);
    ck_assert_uint_eq(b.model->topology.sockets, 6);
    ck_assert_uint_eq(b.model->topology.cores, 1);
    ck_assert_uint_eq(b.model->topology.threads, 1);
    ck_assert_uint_eq(vl_topology_product(&b.model->topology), 6);
    done(b);
}
END_TEST

START_TEST(test_explicit_topology_and_max_vcpus)
{
    Built b = build("<vcpu current='2'>8</vcpu><cpu><topology sockets='1' cores='4' threads='2'/></cpu>");

    ck_assert_uint_eq(b.model->vcpus, 8); /* the maximum, not current */
    ck_assert_ptr_nonnull(b.model->topology.node);
    ck_assert_uint_eq(b.model->topology.dies, 1);
    ck_assert_uint_eq(b.model->topology.clusters, 1);
    ck_assert_uint_eq(vl_topology_product(&b.model->topology), 8);
    done(b);
}
END_TEST

START_TEST(test_missing_vcpu_defaults_to_one)
{
    Built b = build("");

    ck_assert_uint_eq(b.model->vcpus, 1);
    ck_assert_uint_eq(b.model->topology.sockets, 1);
    done(b);
}
END_TEST

START_TEST(test_osinfo_windows_11)
{
    Built b = build(WIN11_OSINFO);

    ck_assert_int_eq(b.model->guest.family, VL_GUEST_WINDOWS);
    ck_assert_uint_eq(b.model->guest.windows_version, 11);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_UNKNOWN);
    ck_assert_ptr_nonnull(strstr(b.model->guest.evidence, "libosinfo"));
    done(b);
}
END_TEST

START_TEST(test_osinfo_server_edition)
{
    Built b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                    "<libosinfo:os id='http://microsoft.com/win/2k22'/></libosinfo:libosinfo></metadata>");

    ck_assert_int_eq(b.model->guest.family, VL_GUEST_WINDOWS);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_SERVER);
    ck_assert_uint_eq(vl_guest_socket_limit(b.model->guest.edition), 0);
    done(b);
}
END_TEST

START_TEST(test_osinfo_beats_hyperv_and_cli)
{
    VlConfig c = config;
    Built b;

    c.os_family = VL_GUEST_WINDOWS;
    b = build_with("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                   "<libosinfo:os id='http://fedoraproject.org/fedora/39'/></libosinfo:libosinfo></metadata>"
                   "<features><hyperv><relaxed state='on'/></hyperv></features>", &c);
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_LINUX);
    done(b);
}
END_TEST

START_TEST(test_virtlint_metadata_beats_hyperv)
{
    Built b = build("<metadata><virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>"
                    "<virtlint:guest os='linux'/></virtlint:lint></metadata>"
                    "<features><hyperv><relaxed state='on'/></hyperv></features>");

    ck_assert_int_eq(b.model->guest.family, VL_GUEST_LINUX);
    done(b);
}
END_TEST

START_TEST(test_hyperv_sign_beats_cli)
{
    VlConfig c = config;
    Built b;

    c.os_family = VL_GUEST_LINUX;
    b = build_with("<clock offset='localtime'><timer name='hypervclock' present='yes'/></clock>", &c);
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_WINDOWS);
    ck_assert_ptr_nonnull(strstr(b.model->guest.evidence, "hypervclock"));
    done(b);
}
END_TEST

START_TEST(test_disabled_hyperv_is_no_sign)
{
    Built b = build("<features><hyperv mode='custom'><relaxed state='off'/></hyperv></features>");

    ck_assert_int_eq(b.model->guest.family, VL_GUEST_UNKNOWN);
    done(b);
}
END_TEST

START_TEST(test_cli_os_and_edition_fallback)
{
    VlConfig c = config;
    Built b;

    c.os_family = VL_GUEST_WINDOWS;
    c.os_windows_version = 10;
    c.os_edition = VL_EDITION_PRO;
    b = build_with("<vcpu>2</vcpu>", &c);
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_WINDOWS);
    ck_assert_uint_eq(b.model->guest.windows_version, 10);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_PRO);
    done(b);
}
END_TEST

START_TEST(test_edition_from_metadata)
{
    Built b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
              "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo>"
              "<virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>"
              "<virtlint:guest edition='workstation'/></virtlint:lint></metadata>");
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_WORKSTATION);
    ck_assert_uint_eq(vl_guest_socket_limit(b.model->guest.edition), 4);
    done(b);
}
END_TEST

START_TEST(test_firmware_detection)
{
    Built b = build("<os firmware='efi'><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>");

    ck_assert(b.model->uefi);
    ck_assert(b.model->pflash_nvram);
    ck_assert_int_eq(b.model->machine_family, VL_MACHINE_Q35);
    ck_assert_str_eq(b.model->machine_version, "7.2");
    done(b);

    b = build("<os><type machine='pc-i440fx-6.2'>hvm</type>"
              "<loader readonly='yes' type='pflash' stateless='yes'>/usr/share/OVMF/OVMF.fd</loader></os>");
    ck_assert(b.model->uefi);
    ck_assert(!b.model->pflash_nvram);
    ck_assert_int_eq(b.model->machine_family, VL_MACHINE_I440FX);
    ck_assert_str_eq(b.model->machine_version, "6.2");
    done(b);

    b = build("<os><type machine='pc'>hvm</type><loader readonly='yes' secure='yes'>/usr/share/OVMF/OVMF_CODE.ms.fd</loader></os>");
    ck_assert(b.model->uefi);
    ck_assert(b.model->secure_boot);
    ck_assert(b.model->pflash_nvram);
    ck_assert_ptr_null(b.model->machine_version);
    done(b);

    b = build("<os><type arch='x86_64'>hvm</type></os>");
    ck_assert(!b.model->uefi);
    ck_assert_int_eq(b.model->machine_family, VL_MACHINE_UNKNOWN);
    done(b);
}
END_TEST

START_TEST(test_memory_units)
{
    guint64 kib;
    Built b = build("<memory unit='GiB'>4</memory><currentMemory unit='MB'>2000</currentMemory>");

    ck_assert_uint_eq(b.model->memory_kib, 4 * 1024 * 1024);
    ck_assert_uint_eq(b.model->current_memory_kib, 2000ULL * 1000 * 1000 / 1024);
    done(b);

    ck_assert(vl_memory_to_kib("1048576", NULL, &kib));
    ck_assert_uint_eq(kib, 1048576);
    ck_assert(vl_memory_to_kib("1", "T", &kib));
    ck_assert_uint_eq(kib, 1ULL << 30);
    ck_assert(!vl_memory_to_kib("12x", "KiB", &kib));
    ck_assert(!vl_memory_to_kib("1", "parsecs", &kib));
    ck_assert(!vl_memory_to_kib("99999999999999999999", "EiB", &kib));
}
END_TEST

START_TEST(test_devices_and_qemu_blocks_collected)
{
    Built b = build("<devices><disk type='file'/><disk type='file'/><hostdev mode='subsystem' type='pci'/>"
                    "<filesystem type='mount'/><interface type='network'/></devices>"
                    "<qemu:commandline xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
                    "<qemu:arg value='-S'/></qemu:commandline><commandline/>");

    ck_assert_uint_eq(b.model->disks->len, 2);
    ck_assert_uint_eq(b.model->hostdevs->len, 1);
    ck_assert_uint_eq(b.model->filesystems->len, 1);
    ck_assert_uint_eq(b.model->interfaces->len, 1);
    ck_assert_uint_eq(b.model->qemu_blocks->len, 2);
    ck_assert_uint_eq(b.model->qemu_args->len, 1);
    done(b);
}
END_TEST

/* Repeated singletons are schema errors that libvirt resolves by reading
 * the first; the model does the same (and found by fuzzing: a second
 * libosinfo:os once leaked the first id). Repeated <devices> all count. */
START_TEST(test_repeated_elements_first_wins)
{
    Built b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                    "<libosinfo:os id='http://microsoft.com/win/11'/>"
                    "<libosinfo:os id='http://fedoraproject.org/fedora/39'/></libosinfo:libosinfo></metadata>"
                    "<os><type machine='pc-q35-8.2'>hvm</type></os><os><type machine='pc-q35-9.2'>hvm</type></os>"
                    "<devices><disk type='file'/></devices><devices><disk type='file'/></devices>");

    ck_assert_str_eq(b.model->osinfo_id, "http://microsoft.com/win/11");
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_WINDOWS);
    ck_assert_str_eq(b.model->machine_version, "8.2");
    ck_assert_uint_eq(b.model->disks->len, 2);
    done(b);
}
END_TEST

START_TEST(test_hyperv_helpers)
{
    Built b = build("<features><hyperv><stimer state='on'/><synic state='off'/></hyperv></features>");

    ck_assert(vl_model_hyperv_custom(b.model));
    ck_assert(vl_model_hyperv_on(b.model, "stimer"));
    ck_assert(!vl_model_hyperv_on(b.model, "synic"));
    ck_assert(!vl_model_hyperv_on(b.model, "vpindex"));
    done(b);

    b = build("<features><hyperv mode='passthrough'><stimer state='on'/></hyperv></features>");
    ck_assert(!vl_model_hyperv_custom(b.model));
    ck_assert(!vl_model_hyperv_on(b.model, "stimer"));
    done(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_default_topology_is_socket_per_vcpu);
    tcase_add_test(tc, test_explicit_topology_and_max_vcpus);
    tcase_add_test(tc, test_missing_vcpu_defaults_to_one);
    tcase_add_test(tc, test_osinfo_windows_11);
    tcase_add_test(tc, test_osinfo_server_edition);
    tcase_add_test(tc, test_osinfo_beats_hyperv_and_cli);
    tcase_add_test(tc, test_virtlint_metadata_beats_hyperv);
    tcase_add_test(tc, test_hyperv_sign_beats_cli);
    tcase_add_test(tc, test_disabled_hyperv_is_no_sign);
    tcase_add_test(tc, test_cli_os_and_edition_fallback);
    tcase_add_test(tc, test_edition_from_metadata);
    tcase_add_test(tc, test_firmware_detection);
    tcase_add_test(tc, test_memory_units);
    tcase_add_test(tc, test_devices_and_qemu_blocks_collected);
    tcase_add_test(tc, test_repeated_elements_first_wins);
    tcase_add_test(tc, test_hyperv_helpers);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
