/* Unit tests for the model (lint/model/model.c): topology defaults, guest OS
 * detection and its precedence, firmware and machine detection, memory. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>

#include "lint/host/host.h"
#include "lint/model/model.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>

static VlConfig config;

static Built
build_with(const char *body, const VlConfig *c)
{
    return vl_check_build(" type='kvm'", body, c);
}

static Built
build(const char *body)
{
    return build_with(body, &config);
}

static void
done(Built b)
{
    vl_check_built_free(b);
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


/* ---- Tests that pin each fact the model derives at its boundary: each
 * one fails when a condition, limit or guard of lint/model/model.c, guest.c,
 * xml.c or host.c is changed (tools/mutate.py finds such changes). */

START_TEST(test_memory_limit_of_largest_unit)
{
    guint64 kib = 0;

    /* 15 EiB is the most a guint64 of bytes holds; 16 EiB overflows */
    ck_assert(vl_memory_to_kib("15", "EiB", &kib));
    ck_assert_uint_eq(kib, 15ULL << 50);
    ck_assert(!vl_memory_to_kib("16", "EiB", &kib));
    /* units by name, decimal and binary */
    ck_assert(vl_memory_to_kib("3", "KB", &kib));
    ck_assert_uint_eq(kib, 2); /* 3000 bytes, rounded down */
    ck_assert(vl_memory_to_kib("2048", "b", &kib));
    ck_assert_uint_eq(kib, 2);
    ck_assert(vl_memory_to_kib("1", "G", &kib));
    ck_assert_uint_eq(kib, 1024 * 1024);
}
END_TEST

START_TEST(test_topology_attribute_range)
{
    /* the largest unsigned is a count; one more is not, and the default 1 stands */
    Built b = build("<vcpu>8</vcpu><cpu><topology sockets='4294967295' dies='4294967296' cores='x' threads='2'/></cpu>");

    ck_assert_uint_eq(b.model->topology.sockets, 4294967295u);
    ck_assert_uint_eq(b.model->topology.dies, 1);
    ck_assert_uint_eq(b.model->topology.cores, 1);
    ck_assert_uint_eq(b.model->topology.threads, 2);
    ck_assert_uint_eq(b.model->topology.clusters, 1);
    done(b);
}
END_TEST

START_TEST(test_vcpu_count_range)
{
    Built b = build("<vcpu>4294967295</vcpu>");

    ck_assert_uint_eq(b.model->vcpus, 4294967295u);
    done(b);
    b = build("<vcpu>4294967296</vcpu>");
    ck_assert_uint_eq(b.model->vcpus, 1); /* too large: the default stands */
    done(b);
    b = build("<vcpu>many</vcpu>");
    ck_assert_uint_eq(b.model->vcpus, 1);
    done(b);
}
END_TEST

START_TEST(test_firmware_feature_secure_boot)
{
    Built b = build("<os firmware='efi'><type>hvm</type><firmware><feature enabled='yes' name='secure-boot'/>"
                    "</firmware></os>");

    ck_assert(b.model->secure_boot);
    done(b);
    /* another feature, secure boot disabled, or not a <feature> element */
    b = build("<os firmware='efi'><type>hvm</type><firmware><feature enabled='yes' name='enrolled-keys'/>"
              "<feature enabled='no' name='secure-boot'/><other enabled='yes' name='secure-boot'/></firmware></os>");
    ck_assert(!b.model->secure_boot);
    done(b);
}
END_TEST

START_TEST(test_machine_families_and_versions)
{
    static const struct {
        const char *machine;
        VlMachineFamily family;
        const char *version;   /* NULL: none */
        unsigned qemu;
    } cases[] = {
        { "pc-q35-7.2", VL_MACHINE_Q35, "7.2", 7002000 },
        { "q35", VL_MACHINE_Q35, NULL, 0 },
        { "q35-8.0", VL_MACHINE_Q35, NULL, 0 },            /* not pc-q35-: no version */
        { "pc-q35-rhel9.2.0", VL_MACHINE_Q35, NULL, 0 },    /* no digit after the last dash */
        { "pc-q35-7.x", VL_MACHINE_Q35, "7.x", 0 },         /* a version that does not parse */
        { "pc", VL_MACHINE_I440FX, NULL, 0 },
        { "pc-i440fx-6.2", VL_MACHINE_I440FX, "6.2", 6002000 },
        { "pc-i440fx-jammy", VL_MACHINE_I440FX, NULL, 0 },
        { "pc-1.0", VL_MACHINE_I440FX, NULL, 0 },           /* old pc-x.y: i440fx, not pc-i440fx- */
        { "pcx", VL_MACHINE_OTHER, NULL, 0 },
        { "virt", VL_MACHINE_OTHER, NULL, 0 },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *body = g_strdup_printf("<os><type machine='%s'>hvm</type></os>", cases[i].machine);
        Built b = build(body);

        ck_assert_msg(b.model->machine_family == cases[i].family, "%s: family %d", cases[i].machine,
                      b.model->machine_family);
        ck_assert_msg(g_strcmp0(b.model->machine_version, cases[i].version) == 0, "%s: version %s",
                      cases[i].machine, b.model->machine_version);
        ck_assert_msg(b.model->machine_qemu == cases[i].qemu, "%s: qemu %u", cases[i].machine,
                      b.model->machine_qemu);
        done(b);
    }
}
END_TEST

START_TEST(test_machine_newer_than_target)
{
    VlConfig c = config;
    Built b;

    c.libvirt_version = VL_LIBVIRT(9, 0);
    c.qemu_version = VL_LIBVIRT(7, 2);
    b = build_with("<os><type machine='pc-q35-7.2'>hvm</type></os>", &c);
    ck_assert(!vl_model_machine_newer_than_target(b.model));
    done(b);
    b = build_with("<os><type machine='pc-q35-8.0'>hvm</type></os>", &c);
    ck_assert(vl_model_machine_newer_than_target(b.model));
    done(b);
    b = build_with("<os><type machine='q35'>hvm</type></os>", &c);
    ck_assert(!vl_model_machine_newer_than_target(b.model));
    done(b);
}
END_TEST

START_TEST(test_uefi_from_loader)
{
    static const struct {
        const char *os;
        bool uefi, nvram;
    } cases[] = {
        { "<loader type='pflash'>/opt/fw/code.bin</loader>", true, true },
        { "<loader readonly='yes'>/usr/share/edk2/ovmf/OVMF_CODE.fd</loader>", true, true },
        { "<loader readonly='yes'>/usr/share/qemu/edk2-x86_64-code.fd</loader>", true, true },
        { "<loader readonly='yes'>/usr/share/AAVMF/AAVMF_CODE.fd</loader>", true, true },
        { "<loader readonly='yes'>/usr/share/ovmf/x64/code.fd</loader>", true, true },
        { "<loader type='rom'>/usr/share/seabios/bios.bin</loader>", false, false },
        { "<loader>/usr/share/seabios/bios-256k.bin</loader>", false, false },
        { "<loader type='rom'>/usr/share/OVMF/OVMF.fd</loader>", true, false },
        { "<loader type='pflash' stateless='yes'>/usr/share/OVMF/OVMF.fd</loader>", true, false },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *body = g_strdup_printf("<os><type machine='q35'>hvm</type>%s</os>", cases[i].os);
        Built b = build(body);

        ck_assert_msg(b.model->uefi == cases[i].uefi, "%s: uefi %d", cases[i].os, b.model->uefi);
        ck_assert_msg(b.model->pflash_nvram == cases[i].nvram, "%s: nvram %d", cases[i].os, b.model->pflash_nvram);
        done(b);
    }
}
END_TEST

START_TEST(test_uefi_from_firmware_attribute)
{
    Built b = build("<os firmware='bios'><type>hvm</type></os>");

    ck_assert(!b.model->uefi);
    ck_assert(!b.model->pflash_nvram);
    done(b);
    b = build("<os firmware='efi'><type>hvm</type><loader stateless='yes'/></os>");
    ck_assert(b.model->uefi);
    ck_assert(!b.model->pflash_nvram);
    done(b);
    b = build("<os firmware='efi'><type>hvm</type><loader type='rom'/></os>");
    ck_assert(b.model->uefi);
    ck_assert(!b.model->pflash_nvram);
    done(b);
    b = build("<os firmware='efi'><type>hvm</type><loader type='pflash'/></os>");
    ck_assert(b.model->pflash_nvram);
    done(b);
}
END_TEST

START_TEST(test_unreadable_memory_is_zero)
{
    Built b = build("<memory unit='KiB'>lots</memory>");

    ck_assert_uint_eq(b.model->memory_kib, 0);
    ck_assert_uint_eq(b.model->current_memory_kib, 0);
    done(b);
}
END_TEST

START_TEST(test_only_plain_elements_are_devices_and_top)
{
    Built b = build("<!-- top comment -->\n<devices>\n  <!-- a comment -->\n"
                    "  <q:disk xmlns:q='urn:x-other'/>\n  <disk type='file'/>\n</devices>");

    ck_assert_uint_eq(b.model->disks->len, 1);
    ck_assert_uint_eq(vl_model_devices(b.model, "disk")->len, 1);
    ck_assert_uint_eq(vl_model_devices(b.model, "text")->len, 0);
    ck_assert_uint_eq(vl_model_devices(b.model, "comment")->len, 0);
    ck_assert_ptr_null(vl_model_top(b.model, "text"));
    ck_assert_ptr_null(vl_model_top(b.model, "comment"));
    ck_assert_ptr_nonnull(vl_model_top(b.model, "devices"));
    done(b);
    vl_model_free(NULL); /* freeing nothing is allowed, as g_free(NULL) is */
}
END_TEST

START_TEST(test_osinfo_only_from_os_element)
{
    Built b = build("<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                    "<libosinfo:other id='http://fedoraproject.org/fedora/39'/>"
                    "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo></metadata>");

    ck_assert_str_eq(b.model->osinfo_id, "http://microsoft.com/win/11");
    done(b);
}
END_TEST

START_TEST(test_windows_signs)
{
    static const struct {
        const char *body;
        bool windows;
    } cases[] = {
        { "<features><hyperv mode='passthrough'/></features>", true },
        { "<features><hyperv><relaxed state='off'/></hyperv></features>", false },   /* mode custom by default */
        { "<features><hyperv mode='custom'/></features>", false },
        { "<os><type>hvm</type><acpi><table type='slic'>/var/lib/slic.bin</table></acpi></os>", true },
        { "<os><type>hvm</type><acpi><table type='msdm'>/var/lib/msdm.bin</table></acpi></os>", true },
        { "<os><type>hvm</type><acpi><table type='raw'>/var/lib/raw.bin</table></acpi></os>", false },
        { "<clock offset='utc'><timer name='hypervclock' present='no'/></clock>", false },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        Built b = build(cases[i].body);

        ck_assert_msg((b.model->guest.family == VL_GUEST_WINDOWS) == cases[i].windows, "%s: family %d",
                      cases[i].body, b.model->guest.family);
        done(b);
    }
}
END_TEST

START_TEST(test_no_evidence_without_a_sign_or_option)
{
    Built b = build("<vcpu>2</vcpu>");

    ck_assert_int_eq(b.model->guest.family, VL_GUEST_UNKNOWN);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_UNKNOWN);
    ck_assert_ptr_null(b.model->guest.evidence);
    done(b);
    /* a model built without a configuration: the facts of the file only */
    b = build_with("<vcpu>2</vcpu>", NULL);
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_UNKNOWN);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_UNKNOWN);
    done(b);
}
END_TEST

START_TEST(test_edition_option_alone)
{
    VlConfig c = config;
    Built b;

    c.os_edition = VL_EDITION_PRO; /* --edition without --os */
    b = build_with(WIN11_OSINFO, &c);
    ck_assert_int_eq(b.model->guest.edition, VL_EDITION_PRO);
    done(b);
}
END_TEST

START_TEST(test_guest_parse_os)
{
    static const struct {
        const char *name;
        VlGuestFamily family;
        unsigned version;
    } cases[] = {
        { "windows", VL_GUEST_WINDOWS, 0 },  { "win10", VL_GUEST_WINDOWS, 10 },
        { "windows-10", VL_GUEST_WINDOWS, 10 }, { "win11", VL_GUEST_WINDOWS, 11 },
        { "Windows-11", VL_GUEST_WINDOWS, 11 }, { "windows-server", VL_GUEST_WINDOWS, 0 },
        { "linux", VL_GUEST_LINUX, 0 },      { "other", VL_GUEST_OTHER, 0 },
    };
    VlGuestFamily family;
    unsigned version;
    VlWindowsEdition edition;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        family = VL_GUEST_UNKNOWN;
        version = 7; /* whatever was there before is replaced */
        edition = VL_EDITION_UNKNOWN;
        ck_assert_msg(vl_guest_parse_os(cases[i].name, &family, &version, &edition), "%s", cases[i].name);
        ck_assert_msg(family == cases[i].family && version == cases[i].version, "%s: %d %u", cases[i].name,
                      family, version);
    }
    ck_assert(vl_guest_parse_os("windows-server", &family, &version, &edition));
    ck_assert_int_eq(edition, VL_EDITION_SERVER);
    family = VL_GUEST_UNKNOWN;
    ck_assert(!vl_guest_parse_os("beos", &family, &version, &edition));
    ck_assert_int_eq(family, VL_GUEST_UNKNOWN);
}
END_TEST

START_TEST(test_guest_from_osinfo)
{
    static const char *const linux_ids[] = {
        "http://libosinfo.org/linux/2022", "http://fedoraproject.org/fedora/39", "http://ubuntu.com/ubuntu/24.04",
        "http://debian.org/debian/12", "http://redhat.com/rhel/9.4", "http://centos.org/centos-stream/9",
        "http://archlinux.org/archlinux/rolling", "http://opensuse.org/opensuse/15.6",
        "http://almalinux.org/almalinux/9", "http://rockylinux.org/rocky/9", "http://nixos.org/nixos/24.05",
        "http://gentoo.org/gentoo/rolling", "http://alpinelinux.org/alpinelinux/3.20",
    };
    VlGuestFamily family;
    unsigned version;
    VlWindowsEdition edition = VL_EDITION_UNKNOWN;

    for (gsize i = 0; i < G_N_ELEMENTS(linux_ids); i++) {
        family = VL_GUEST_UNKNOWN;
        version = 11;
        vl_guest_from_osinfo_id(linux_ids[i], &family, &version, &edition);
        ck_assert_msg(family == VL_GUEST_LINUX, "%s: family %d", linux_ids[i], family);
        ck_assert_uint_eq(version, 0);
    }
    /* BSD has its own family since issue #12 (tests/check_guest_os.c) */
    vl_guest_from_osinfo_id("http://freebsd.org/freebsd/14.0", &family, &version, &edition);
    ck_assert_int_eq(family, VL_GUEST_BSD);
    vl_guest_from_osinfo_id("http://microsoft.com/win/10", &family, &version, &edition);
    ck_assert_int_eq(family, VL_GUEST_WINDOWS);
    ck_assert_uint_eq(version, 10);
    ck_assert_int_eq(edition, VL_EDITION_UNKNOWN);
}
END_TEST

START_TEST(test_editions_and_socket_limits)
{
    static const struct {
        const char *name;
        VlWindowsEdition edition;
        unsigned sockets;
    } cases[] = {
        { "home", VL_EDITION_HOME, 1 },       { "pro", VL_EDITION_PRO, 2 },
        { "education", VL_EDITION_EDUCATION, 2 }, { "enterprise", VL_EDITION_ENTERPRISE, 2 },
        { "workstation", VL_EDITION_WORKSTATION, 4 }, { "server", VL_EDITION_SERVER, 0 },
    };
    VlWindowsEdition edition;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        edition = VL_EDITION_UNKNOWN;
        ck_assert(vl_guest_parse_edition(cases[i].name, &edition));
        ck_assert_int_eq(edition, cases[i].edition);
        ck_assert_str_eq(vl_guest_edition_name(edition), cases[i].name);
        ck_assert_uint_eq(vl_guest_socket_limit(edition), cases[i].sockets);
    }
    ck_assert(!vl_guest_parse_edition("ultimate", &edition));
    ck_assert_str_eq(vl_guest_edition_name(VL_EDITION_UNKNOWN), "unknown");
    ck_assert_uint_eq(vl_guest_socket_limit(VL_EDITION_UNKNOWN), 1);
}
END_TEST

START_TEST(test_xml_helpers)
{
    /* domain XML may not have a DOCTYPE; host files read by lint/host/host.c
     * may, and their entity references stay unexpanded, as here */
    static const char xml[] = "<!DOCTYPE e [<!ENTITY ent 'E'>]>\n"
                              "<e xmlns:q='urn:x-q' q:name='theirs' name='ours' empty='' mixed='a&ent;b' "
                              "only='&ent;'><!-- 9 -->\n 42 <q:child/><child/><t kind='x'/><table kind='x'/></e>";
    xmlDocPtr doc = xmlReadMemory(xml, (int) strlen(xml), "t.xml", NULL, XML_PARSE_NONET);
    xmlNodePtr e = xmlDocGetRootElement(doc);
    xmlNodePtr text = e->children; /* the comment, then text */
    char buf[16];
    guint64 n;

    ck_assert(!vl_xml_is(NULL, "e"));
    ck_assert(!vl_xml_is_ns(NULL, "urn:x-q", "child"));
    ck_assert(vl_xml_is(e, "e"));
    ck_assert(!vl_xml_is(text, "comment"));
    ck_assert(!vl_xml_is(text->next, "text"));
    ck_assert(vl_xml_is_ns(vl_xml_child(e, "child")->prev, "urn:x-q", "child"));
    ck_assert(!vl_xml_is(vl_xml_child(e, "child")->prev, "child")); /* namespaced: not ours */
    ck_assert(!vl_xml_is_ns(vl_xml_child(e, "child"), "urn:x-q", "child"));
    /* a namespaced attribute is not an element */
    ck_assert(!vl_xml_is_ns((xmlNodePtr) xmlHasNsProp(e, BAD_CAST "name", BAD_CAST "urn:x-q"), "urn:x-q", "name"));
    ck_assert_str_eq(vl_xml_attr(e, "name"), "ours");
    ck_assert_str_eq(vl_xml_attr(e, "empty"), "");
    ck_assert_str_eq(vl_xml_attr(e, "mixed"), "");         /* an entity we never expand */
    ck_assert_str_eq(vl_xml_attr(e, "only"), "");
    xmlNewProp(e, BAD_CAST "made", NULL); /* built in code: no text child at all */
    ck_assert_str_eq(vl_xml_attr(e, "made"), "");
    ck_assert_ptr_null(vl_xml_attr(text, "name"));
    ck_assert(vl_xml_is(vl_xml_child_with(e, "table", "kind", "x"), "table"));
    ck_assert_str_eq(vl_xml_text(e, buf, sizeof(buf)), "42");  /* text, not the comment */
    ck_assert_str_eq(vl_xml_text(NULL, buf, sizeof(buf)), "");
    ck_assert_int_eq(vl_xml_line(e), 2);
    ck_assert_int_eq(vl_xml_line((xmlNodePtr) doc), 0);  /* a node without a line */
    ck_assert_int_eq(vl_xml_line(NULL), 0);

    ck_assert(vl_xml_parse_uint(" 17 ", &n));
    ck_assert_uint_eq(n, 17);
    ck_assert(!vl_xml_parse_uint("-5", &n));
    ck_assert(!vl_xml_parse_uint("+5", &n));
    ck_assert(!vl_xml_parse_uint("", &n));
    ck_assert(!vl_xml_parse_uint("5 5", &n));
    ck_assert(!vl_xml_parse_uint(NULL, &n));
    xmlFreeDoc(doc);
}
END_TEST


/* ---- Host facts (lint/host/host.c), read as the host-aware rules get them. */

#define PCI_DEVICE(extra)                                                                              \
    "<device><name>pci</name><capability type='pci'>" extra "</capability></device>"

START_TEST(test_host_empty_until_told)
{
    g_autoptr(VlHost) caps = vl_host_new(), domcaps = vl_host_new(), nodedev = vl_host_new();
    g_autoptr(GError) error = NULL;

    ck_assert(vl_host_empty(NULL));
    vl_host_free(NULL);
    ck_assert(vl_host_empty(caps));
    ck_assert(vl_host_add_capabilities(caps, "<capabilities><host/></capabilities>", "c", &error));
    ck_assert(!vl_host_empty(caps));
    ck_assert(vl_host_add_domcapabilities(domcaps, "<domainCapabilities/>", "d", &error));
    ck_assert(!vl_host_empty(domcaps));
    ck_assert(vl_host_add_nodedev(nodedev, "<device><name>x</name></device>", "n", &error));
    ck_assert(!vl_host_empty(nodedev));
}
END_TEST

START_TEST(test_host_refuses_other_documents)
{
    g_autoptr(VlHost) h = vl_host_new();
    GError *error = NULL;

    ck_assert(!vl_host_add_capabilities(h, "<domainCapabilities/>", "c.xml", &error));
    ck_assert_ptr_nonnull(strstr(error->message, "c.xml"));
    g_clear_error(&error);
    ck_assert(!vl_host_add_capabilities(h, "not xml", "c.xml", &error));
    g_clear_error(&error);
    ck_assert(!vl_host_add_domcapabilities(h, "<capabilities/>", "d.xml", &error));
    g_clear_error(&error);
    ck_assert(!vl_host_add_domcapabilities(h, "<<<", "d.xml", &error));
    g_clear_error(&error);
    ck_assert(!vl_host_add_nodedev(h, "<capabilities/>", "n.xml", &error));
    g_clear_error(&error);
    ck_assert(!vl_host_add_nodedev(h, "", "n.xml", &error));
    g_clear_error(&error);
    ck_assert(vl_host_empty(h));
}
END_TEST

START_TEST(test_host_capabilities)
{
    g_autoptr(VlHost) h = vl_host_new();
    g_autoptr(GError) error = NULL;
    static const char caps[] =
        "<capabilities><host><cpu><arch>x86_64</arch>"
        "<pages unit='KiB' size='4'/><pages unit='MiB' size='2'/><other size='8'/></cpu>"
        "<topology><cells num='2'>\n"
        "<cell id='0'><memory unit='KiB'>1000</memory><cpus num='2'><cpu id='0'/><cpu id='1'/>"
        "<other id='7'/></cpus></cell>\n"
        "<!-- second node -->\n"
        "<cell id='1'><memory unit='GiB'>2</memory><cpus num='1'><cpu id='2'/></cpus></cell>\n"
        "<cell id='2'><memory>lots</memory></cell>"
        "</cells></topology></host>"
        "<notguest><arch><emulator>/not/an/emulator</emulator></arch></notguest>"
        "<guest><arch name='x86_64'><emulator>/usr/bin/qemu-system-x86_64</emulator>"
        "<domain type='qemu'/><domain type='kvm'><emulator>/usr/bin/kvm</emulator></domain>"
        "<other><emulator>/not/either</emulator></other></arch></guest></capabilities>";

    ck_assert(vl_host_add_capabilities(h, caps, "caps.xml", &error));
    ck_assert_uint_eq(h->page_sizes_kib->len, 2);
    ck_assert_uint_eq(g_array_index(h->page_sizes_kib, guint64, 0), 4);
    ck_assert_uint_eq(g_array_index(h->page_sizes_kib, guint64, 1), 2048);
    ck_assert_uint_eq(h->cells, 3);
    ck_assert_uint_eq(h->largest_cell_kib, 2 * 1024 * 1024);
    ck_assert_uint_eq(g_hash_table_size(h->cpus), 3);
    ck_assert(g_hash_table_contains(h->cpus, GUINT_TO_POINTER(0 + 1)));
    ck_assert(!g_hash_table_contains(h->cpus, GUINT_TO_POINTER(7 + 1)));
    ck_assert_uint_eq(h->emulators->len, 2);
    ck_assert_str_eq(g_ptr_array_index(h->emulators, 0), "/usr/bin/qemu-system-x86_64");
    ck_assert_str_eq(g_ptr_array_index(h->emulators, 1), "/usr/bin/kvm");
}
END_TEST

START_TEST(test_host_domcapabilities)
{
    g_autoptr(VlHost) h = vl_host_new();
    g_autoptr(GError) error = NULL;
    static const char domcaps[] =
        "<domainCapabilities><os supported='yes'><enum name='firmware'><value>bios</value><value>efi</value></enum>"
        "<loader supported='yes'><value>/usr/share/OVMF/OVMF_CODE.fd</value><type/></loader></os>"
        "<devices><tpm><enum name='model'><value>tpm-tis</value><value>tpm-crb</value></enum></tpm>"
        "<video><enum name='modelType'><value>vga</value></enum></video></devices></domainCapabilities>";

    ck_assert(vl_host_add_domcapabilities(h, domcaps, "domcaps.xml", &error));
    ck_assert(h->efi);
    ck_assert_uint_eq(h->loaders->len, 1);
    ck_assert_uint_eq(h->tpm_models->len, 2);
    ck_assert_uint_eq(h->video_models->len, 1);
}
END_TEST

START_TEST(test_host_pci_address)
{
    static const struct {
        const char *domain, *bus, *slot, *function, *want;
    } cases[] = {
        { "0x0000", "0x0f", "0x00", "0x1", "0000:0f:00.1" },
        { NULL, "0x0f", "0x1f", "0x7", "0000:0f:1f.7" },
        { "0x0001", "1", "2", "3", "0001:01:02.3" },
        { "0xffff", "0xff", "0x1f", "0x7", "ffff:ff:1f.7" },
        { "0x10000", "0x0f", "0x00", "0x0", NULL },
        { NULL, "0x100", "0x00", "0x0", NULL },
        { NULL, "0x0f", "0x20", "0x0", NULL },
        { NULL, "0x0f", "0x00", "0x8", NULL },
        { "0x0000", NULL, "0x00", "0x0", NULL },
        { "0x0000", "0x0f", NULL, "0x0", NULL },
        { "0x0000", "0x0f", "0x00", NULL, NULL },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *got = vl_host_pci_address(cases[i].domain, cases[i].bus, cases[i].slot, cases[i].function);
        ck_assert_msg(g_strcmp0(got, cases[i].want) == 0, "case %zu: %s", i, got);
    }
}
END_TEST

START_TEST(test_host_nodedev)
{
    g_autoptr(VlHost) h = vl_host_new();
    g_autoptr(GError) error = NULL;
    VlHostPci *gpu, *bare;

    ck_assert(vl_host_add_nodedev(h, PCI_DEVICE("<class>0x030000</class><domain>0</domain><bus>15</bus><slot>0</slot>"
                                                "<function>0</function><iommuGroup number='14'>\n"
                                                "<address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/>\n"
                                                "<other domain='0x0000' bus='0x0f' slot='0x00' function='0x2'/>"
                                                "<address domain='0x0000' bus='0x0f' slot='0x00' function='0x1'/>"
                                                "</iommuGroup>"), "gpu.xml", &error));
    ck_assert(vl_host_add_nodedev(h, PCI_DEVICE(""), "bare.xml", &error));
    ck_assert(vl_host_add_nodedev(h, "<device><name>usb</name><capability type='usb_device'/></device>", "usb.xml",
                                  &error));
    ck_assert_uint_eq(g_hash_table_size(h->pci), 2);
    gpu = g_hash_table_lookup(h->pci, "0000:0f:00.0");
    ck_assert_ptr_nonnull(gpu);
    ck_assert_uint_eq(gpu->class_code, 0x030000);
    ck_assert_int_eq(gpu->iommu_group, 14);
    ck_assert_uint_eq(gpu->group->len, 2);
    ck_assert_str_eq(g_ptr_array_index(gpu->group, 1), "0000:0f:00.1");
    /* no numbers at all: address 0000:00:00.0, class 0, group unknown */
    bare = g_hash_table_lookup(h->pci, "0000:00:00.0");
    ck_assert_ptr_nonnull(bare);
    ck_assert_uint_eq(bare->class_code, 0);
    ck_assert_int_eq(bare->iommu_group, -1);
    ck_assert_uint_eq(bare->group->len, 0);
}
END_TEST

START_TEST(test_host_nodedev_dir)
{
    g_autoptr(VlHost) h = vl_host_new();
    GError *error = NULL;
    g_autofree char *dir = g_dir_make_tmp("check_model_XXXXXX", NULL);
    g_autofree char *xml = g_build_filename(dir, "gpu.xml", NULL);
    g_autofree char *notes = g_build_filename(dir, "notes.txt", NULL);

    ck_assert(!vl_host_add_nodedev_dir(h, "/nonexistent/virtlint/nodedev", &error));
    ck_assert_ptr_nonnull(error);
    g_clear_error(&error);
    ck_assert(vl_host_empty(h));

    ck_assert(g_file_set_contents(xml, PCI_DEVICE("<bus>1</bus>"), -1, NULL));
    ck_assert(g_file_set_contents(notes, "not XML: only *.xml files are read", -1, NULL));
    ck_assert_msg(vl_host_add_nodedev_dir(h, dir, &error), "%s", error ? error->message : "");
    ck_assert_uint_eq(g_hash_table_size(h->pci), 1);
    ck_assert_ptr_nonnull(g_hash_table_lookup(h->pci, "0000:01:00.0"));
    g_unlink(xml);
    g_unlink(notes);
    g_rmdir(dir);
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
    tcase_add_test(tc, test_memory_limit_of_largest_unit);
    tcase_add_test(tc, test_topology_attribute_range);
    tcase_add_test(tc, test_vcpu_count_range);
    tcase_add_test(tc, test_firmware_feature_secure_boot);
    tcase_add_test(tc, test_machine_families_and_versions);
    tcase_add_test(tc, test_machine_newer_than_target);
    tcase_add_test(tc, test_uefi_from_loader);
    tcase_add_test(tc, test_uefi_from_firmware_attribute);
    tcase_add_test(tc, test_unreadable_memory_is_zero);
    tcase_add_test(tc, test_only_plain_elements_are_devices_and_top);
    tcase_add_test(tc, test_osinfo_only_from_os_element);
    tcase_add_test(tc, test_windows_signs);
    tcase_add_test(tc, test_no_evidence_without_a_sign_or_option);
    tcase_add_test(tc, test_edition_option_alone);
    tcase_add_test(tc, test_guest_parse_os);
    tcase_add_test(tc, test_guest_from_osinfo);
    tcase_add_test(tc, test_editions_and_socket_limits);
    tcase_add_test(tc, test_xml_helpers);
    tcase_add_test(tc, test_host_empty_until_told);
    tcase_add_test(tc, test_host_refuses_other_documents);
    tcase_add_test(tc, test_host_capabilities);
    tcase_add_test(tc, test_host_domcapabilities);
    tcase_add_test(tc, test_host_pci_address);
    tcase_add_test(tc, test_host_nodedev);
    tcase_add_test(tc, test_host_nodedev_dir);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
