/* Unit tests for guest OS detection (lint/model/guest.c, detect_guest in
 * lint/model/model.c): the families beyond Windows and Linux, libosinfo
 * vendor ids, media names, and the signs of another OS beating Hyper-V
 * flags. */
#include "check_util.h"

#include "lint/model/guest.h"
#include "lint/model/model.h"

static VlConfig config;

#define QEMU_NS " xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'"
#define HYPERV "<features><hyperv mode='custom'><relaxed state='on'/><vapic state='on'/></hyperv></features>"
#define OSINFO(id)                                                                                    \
    "<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>" \
    "<libosinfo:os id='" id "'/></libosinfo:libosinfo></metadata>"
#define DISK(device, file) \
    "<disk type='file' device='" device "'><source file='" file "'/><target dev='sdz' bus='sata'/></disk>"

static Built
build(const char *body)
{
    return vl_check_build(" type='kvm'" QEMU_NS, body, &config);
}

static void
expect(const char *body, VlGuestFamily family, const char *evidence)
{
    Built b = build(body);

    ck_assert_msg(b.model->guest.family == family, "%s: family %d, want %d (%s)", body, b.model->guest.family,
                  family, b.model->guest.evidence ? b.model->guest.evidence : "no evidence");
    if (evidence)
        ck_assert_msg(b.model->guest.evidence && strstr(b.model->guest.evidence, evidence), "%s: evidence %s", body,
                      b.model->guest.evidence);
    vl_check_built_free(b);
}

START_TEST(test_osinfo_vendors)
{
    static const struct {
        const char *id;
        VlGuestFamily family;
    } cases[] = {
        { "http://apple.com/macosx/10.15", VL_GUEST_MACOS },
        { "http://apple.com/macos", VL_GUEST_MACOS },
        { "http://android-x86.org/android-x86/9.0", VL_GUEST_ANDROID },
        { "http://freebsd.org/freebsd/14.1", VL_GUEST_BSD },
        { "http://openbsd.org/openbsd/7.8", VL_GUEST_BSD },
        { "http://netbsd.org/netbsd/9.4", VL_GUEST_BSD },
        { "http://dragonflybsd.org/dragonflybsd/6.4", VL_GUEST_BSD },
        { "http://ubuntu.com/ubuntu/24.04", VL_GUEST_LINUX },
        { "http://debian.org/debian/12", VL_GUEST_LINUX },
        { "http://archlinux.org/archlinux/rolling", VL_GUEST_LINUX },
        { "http://libosinfo.org/linux/2022", VL_GUEST_LINUX },
        { "http://system76.com/popos/22.04", VL_GUEST_LINUX },
        { "http://manjaro.org/manjaro/rolling", VL_GUEST_LINUX },
        { "http://oracle.com/oel/9.0", VL_GUEST_LINUX },
        { "http://oracle.com/solaris/11", VL_GUEST_OTHER },
        { "http://freedos.org/freedos/1.3", VL_GUEST_OTHER },
        { "http://haiku-os.org/haiku/r1beta4", VL_GUEST_OTHER },
        { "http://microsoft.com/win/11", VL_GUEST_WINDOWS },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        VlGuestFamily family;
        unsigned version;
        VlWindowsEdition edition = VL_EDITION_UNKNOWN;

        vl_guest_from_osinfo_id(cases[i].id, &family, &version, &edition);
        ck_assert_msg(family == cases[i].family, "%s: %d", cases[i].id, family);
    }
}
END_TEST

START_TEST(test_osinfo_macos_beats_hyperv)
{
    expect(OSINFO("http://apple.com/macosx/10.15") HYPERV, VL_GUEST_MACOS, "libosinfo");
}
END_TEST

START_TEST(test_media_names)
{
    static const struct {
        const char *file;
        VlGuestFamily family;
        const char *what;
    } cases[] = {
        { "/var/lib/libvirt/images/Win11_23H2_English_x64v2.iso", VL_GUEST_WINDOWS, "win11" },
        { "Win10_22H2_EnglishInternational_x64.iso", VL_GUEST_WINDOWS, "win10" },
        { "/isos/virtio-win-0.1.240.iso", VL_GUEST_WINDOWS, "virtio-win" },
        { "en-us_windows_server_2022.iso", VL_GUEST_WINDOWS, "windows" },
        { "Bliss-v16.9.7-x86_64-OFFICIAL-gapps-20241011.iso", VL_GUEST_ANDROID, "bliss" },
        { "android-x86_64-9.0-r2.iso", VL_GUEST_ANDROID, "android" },
        { "PrimeOS-2.1.0.iso", VL_GUEST_ANDROID, "primeos" },
        { "FreeBSD-14.1-RELEASE-amd64-disc1.iso", VL_GUEST_BSD, "freebsd" },
        { "OPNsense-24.7-dvd-amd64.iso", VL_GUEST_BSD, "opnsense" },
        { "pfSense-CE-2.7.2-RELEASE-amd64.iso", VL_GUEST_BSD, "pfsense" },
        { "ubuntu-24.04-desktop-amd64.iso", VL_GUEST_LINUX, "ubuntu" },
        { "archlinux-2024.01.01-x86_64.iso", VL_GUEST_LINUX, "archlinux" },
        { "haos_ova-11.1.qcow2", VL_GUEST_LINUX, "haos" },
        { "/home/u/OSX-KVM/OpenCore/OpenCore.qcow2", VL_GUEST_MACOS, "opencore" },
        { "BaseSystem.img", VL_GUEST_MACOS, "basesystem" },
        { "mac_hdd_ng.img", VL_GUEST_MACOS, "mac_hdd" },
        /* no match inside longer words, nor without a name */
        { "darwin.img", VL_GUEST_UNKNOWN, NULL },
        { "winter-data.qcow2", VL_GUEST_UNKNOWN, NULL },
        { "kubuntuish.qcow2", VL_GUEST_UNKNOWN, NULL },
        { "disk0.qcow2", VL_GUEST_UNKNOWN, NULL },
        { "/isos/ubuntu/disk.qcow2", VL_GUEST_UNKNOWN, NULL }, /* the base name only */
    };
    const char *what;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        VlGuestFamily f = vl_guest_media_family(cases[i].file, &what);
        ck_assert_msg(f == cases[i].family, "%s: %d", cases[i].file, f);
        ck_assert_msg(g_strcmp0(what, cases[i].what) == 0, "%s: %s", cases[i].file, what);
    }
    ck_assert_int_eq(vl_guest_media_family(NULL, &what), VL_GUEST_UNKNOWN);
}
END_TEST

START_TEST(test_applesmc_beats_hyperv)
{
    /* OSX-KVM's libvirt template: Hyper-V flags and QEMU's Apple SMC */
    expect(HYPERV "<qemu:commandline><qemu:arg value='-device'/>"
                  "<qemu:arg value='isa-applesmc,osk=ourhardworkbythesewordsguardedpleasedontsteal(c)AppleComputerInc'/>"
                  "<qemu:arg value='-smbios'/><qemu:arg value='type=2'/></qemu:commandline>",
           VL_GUEST_MACOS, "isa-applesmc");
    /* the OSK alone, in -global */
    expect(HYPERV "<qemu:commandline><qemu:arg value='-global'/>"
                  "<qemu:arg value='isa-applesmc.osk=ourhardworkbythesewordsguardedpleasedontsteal(c)AppleComputerInc'/>"
                  "</qemu:commandline>",
           VL_GUEST_MACOS, "OSK");
}
END_TEST

START_TEST(test_penryn_is_macos)
{
    expect(HYPERV "<qemu:commandline><qemu:arg value='-cpu'/>"
                  "<qemu:arg value='Penryn,kvm=on,vendor=GenuineIntel,+invtsc,vmware-cpuid-freq=on'/></qemu:commandline>",
           VL_GUEST_MACOS, "Penryn");
    expect("<cpu mode='custom' match='exact'><model fallback='forbid'>Penryn</model></cpu>", VL_GUEST_MACOS, "Penryn");
    /* a -cpu replaced by a later one counts no more */
    expect("<qemu:commandline><qemu:arg value='-cpu'/><qemu:arg value='Penryn'/>"
           "<qemu:arg value='-cpu'/><qemu:arg value='host'/></qemu:commandline>",
           VL_GUEST_UNKNOWN, NULL);
}
END_TEST

START_TEST(test_media_beat_hyperv)
{
    expect(HYPERV "<devices>" DISK("disk", "/var/lib/libvirt/images/OpenCore.qcow2") "</devices>", VL_GUEST_MACOS,
           "OpenCore.qcow2 is named like macOS media");
    expect(HYPERV "<devices>" DISK("cdrom", "/isos/Bliss-v15.9-x86_64-OFFICIAL-gapps.iso") "</devices>",
           VL_GUEST_ANDROID, "Android");
    expect(HYPERV "<devices>" DISK("cdrom", "/isos/OPNsense-24.7-dvd-amd64.iso") "</devices>", VL_GUEST_BSD, "BSD");
    expect(HYPERV "<devices>" DISK("cdrom", "/isos/ubuntu-24.04-live-server-amd64.iso") "</devices>",
           VL_GUEST_LINUX, "Linux");
    /* Android beats Linux: both tables could claim a Linux-based Android */
    expect("<devices>" DISK("cdrom", "/isos/ubuntu-24.04.iso") DISK("disk", "/img/android-x86.iso") "</devices>",
           VL_GUEST_ANDROID, NULL);
    /* a system disk may be named after anything: only install media count */
    expect("<devices>" DISK("disk", "/img/ubuntu.qcow2") "</devices>", VL_GUEST_UNKNOWN, NULL);
    /* a CD-ROM or floppy is removable media whatever its file is called */
    expect("<devices>" DISK("cdrom", "/img/ubuntu-24.04-desktop-amd64.img") "</devices>", VL_GUEST_LINUX, "Linux");
    expect("<devices>" DISK("floppy", "/img/ubuntu-24.04-desktop-amd64.img") "</devices>", VL_GUEST_LINUX, "Linux");
    expect("<devices>" DISK("disk", "/img/ubuntu-24.04-desktop-amd64.img") "</devices>", VL_GUEST_UNKNOWN, NULL);
}
END_TEST

START_TEST(test_direct_kernel_boot_is_linux)
{
    expect(HYPERV "<os><type>hvm</type><kernel>/boot/vmlinuz</kernel></os>", VL_GUEST_LINUX, "kernel");
}
END_TEST

START_TEST(test_hyperv_alone_still_windows)
{
    expect(HYPERV, VL_GUEST_WINDOWS, "Hyper-V");
    /* a Windows medium does not change the evidence Hyper-V gives */
    expect(HYPERV "<devices>" DISK("cdrom", "Win11_23H2.iso") "</devices>", VL_GUEST_WINDOWS, "Hyper-V");
}
END_TEST

START_TEST(test_windows_media_without_hyperv)
{
    expect("<devices>" DISK("cdrom", "/isos/Win11_23H2_English_x64.iso") "</devices>", VL_GUEST_WINDOWS,
           "Win11_23H2_English_x64.iso is named like Windows media");
    expect("<devices>" DISK("cdrom", "/isos/virtio-win.iso") "</devices>", VL_GUEST_WINDOWS, "virtio-win.iso");
    expect("<devices>" DISK("disk", "/img/disk0.qcow2") "</devices>", VL_GUEST_UNKNOWN, NULL);
    expect("<devices>" DISK("disk", "/img/win11.qcow2") "</devices>", VL_GUEST_UNKNOWN, NULL);
}
END_TEST

START_TEST(test_windows_media_version_and_cli)
{
    VlConfig c = config;
    Built b = build("<devices>" DISK("cdrom", "/isos/Win11_23H2_English_x64.iso") "</devices>");

    ck_assert_uint_eq(b.model->guest.windows_version, 11);
    vl_check_built_free(b);
    /* --os says more than a disc's name: it wins over Windows media */
    c.os_family = VL_GUEST_WINDOWS;
    c.os_windows_version = 10;
    b = vl_check_build(" type='kvm'", "<devices>" DISK("cdrom", "Win11.iso") "</devices>", &c);
    ck_assert_uint_eq(b.model->guest.windows_version, 10);
    ck_assert_str_eq(b.model->guest.evidence, "--os");
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_signs_beat_cli_and_metadata_beats_signs)
{
    VlConfig c = config;
    Built b;

    c.os_family = VL_GUEST_WINDOWS;
    b = vl_check_build(" type='kvm'", "<devices>" DISK("cdrom", "FreeBSD-14.1.iso") "</devices>", &c);
    ck_assert_int_eq(b.model->guest.family, VL_GUEST_BSD);
    vl_check_built_free(b);

    expect("<metadata><virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>"
           "<virtlint:guest os='windows'/></virtlint:lint></metadata>"
           "<devices>" DISK("cdrom", "ubuntu-24.04.iso") "</devices>",
           VL_GUEST_WINDOWS, "virtlint metadata");
}
END_TEST

START_TEST(test_parse_new_families)
{
    VlGuestFamily family;
    unsigned version;
    VlWindowsEdition edition = VL_EDITION_UNKNOWN;

    ck_assert(vl_guest_parse_os("macos", &family, &version, &edition));
    ck_assert_int_eq(family, VL_GUEST_MACOS);
    ck_assert(vl_guest_parse_os("Android", &family, &version, &edition));
    ck_assert_int_eq(family, VL_GUEST_ANDROID);
    ck_assert(vl_guest_parse_os("bsd", &family, &version, &edition));
    ck_assert_int_eq(family, VL_GUEST_BSD);
    ck_assert_str_eq(vl_guest_family_name(VL_GUEST_MACOS), "macOS");
    ck_assert_str_eq(vl_guest_family_name(VL_GUEST_UNKNOWN), "an unknown OS");
    /* the old values keep their numbers (configs and tests compare them) */
    ck_assert_int_eq(VL_GUEST_UNKNOWN, 0);
    ck_assert_int_eq(VL_GUEST_OTHER, 3);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("guest_os");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_osinfo_vendors);
    tcase_add_test(tc, test_osinfo_macos_beats_hyperv);
    tcase_add_test(tc, test_media_names);
    tcase_add_test(tc, test_applesmc_beats_hyperv);
    tcase_add_test(tc, test_penryn_is_macos);
    tcase_add_test(tc, test_media_beat_hyperv);
    tcase_add_test(tc, test_direct_kernel_boot_is_linux);
    tcase_add_test(tc, test_hyperv_alone_still_windows);
    tcase_add_test(tc, test_windows_media_without_hyperv);
    tcase_add_test(tc, test_windows_media_version_and_cli);
    tcase_add_test(tc, test_signs_beat_cli_and_metadata_beats_signs);
    tcase_add_test(tc, test_parse_new_families);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
