/* Unit tests for the table of removed and deprecated QEMU options
 * (lint/model/qemu_removed.c): which <qemu:arg> shapes match which entry,
 * and which do not. */
#include "check_util.h"

#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"
#include "lint/model/qemu_cmdline.h"
#include "lint/model/qemu_removed.h"

static VlConfig config;

static Built
build_args(const char *args)
{
    g_autofree char *body = g_strdup_printf("<qemu:commandline>%s</qemu:commandline>", args);

    return vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'", body, &config);
}

#define A(v) "<qemu:arg value='" v "'/>"

/* The uses found for ARGS, as "what|detail" joined by ";". */
static char *
uses_of(const char *args)
{
    Built b = build_args(args);
    g_autoptr(GPtrArray) uses = vl_qemu_gone_uses(vl_qemu_cmdline(b.model));
    g_autoptr(GString) out = g_string_new(NULL);

    for (guint i = 0; i < uses->len; i++) {
        const VlQemuGoneUse *use = g_ptr_array_index(uses, i);

        g_string_append_printf(out, "%s%s|%s", i ? ";" : "", use->gone->what, use->detail ? use->detail : "");
        ck_assert_ptr_nonnull(use->node);
        ck_assert_ptr_nonnull(use->option);
    }
    vl_check_built_free(b);
    return g_string_free(g_steal_pointer(&out), FALSE);
}

#define ASSERT_USES(args, expected)                                                                                  \
    do {                                                                                                             \
        g_autofree char *got = uses_of(args);                                                                        \
        ck_assert_str_eq(got, expected);                                                                             \
    } while (0)

START_TEST(test_options)
{
    ASSERT_USES(A("-no-hpet") A("-enable-kvm") A("--no-acpi"), "-no-hpet|;-no-acpi|");
    /* an option that takes no value does not swallow the next one */
    ASSERT_USES(A("-tdf") A("-soundhw") A("hda"), "-tdf|;-soundhw|");
    ASSERT_USES(A("-async-teardown") A("-runas") A("qemu"), "-async-teardown|;-runas|");
    /* current options: nothing */
    ASSERT_USES(A("-overcommit") A("cpu-pm=on") A("-usbdevice") A("tablet") A("-global")
                    A("kvm-pit.lost_tick_policy=delay"),
                "");
}
END_TEST

START_TEST(test_types_and_properties)
{
    ASSERT_USES(A("-device") A("ide-drive,drive=d0") A("-device") A("ivshmem-plain,memdev=m0"), "-device ide-drive|");
    ASSERT_USES(A("-device") A("{\"driver\":\"scsi-disk\",\"drive\":\"d1\"}"), "-device scsi-disk|");
    ASSERT_USES(A("-chardev") A("tty,id=c0,path=/dev/ttyS0") A("-chardev") A("serial,id=c1,path=/dev/ttyS1"),
                "-chardev tty|");
    ASSERT_USES(A("-spice") A("port=5900,password=secret"), "-spice password=|password=secret");
    /* scsi= only on virtio-blk */
    ASSERT_USES(A("-device") A("virtio-blk-pci,drive=d0,scsi=off") A("-device") A("scsi-hd,drive=d1,scsi-id=1"),
                "-device virtio-blk,scsi=|scsi=off");
    ASSERT_USES(A("-global") A("virtio-blk-pci.scsi=off") A("-global") A("isa-fdc.driveA=fd0"),
                "-global virtio-blk...scsi=|virtio-blk-pci.scsi=off;-global isa-fdc.driveA|isa-fdc.driveA=fd0");
    ASSERT_USES(A("-chardev") A("socket,id=c0,path=/run/x.sock,reconnect-ms=1000"), "");
    ASSERT_USES(A("-netdev") A("stream,id=n0,addr.type=unix,addr.path=/run/s,reconnect=2"),
                "-netdev stream,reconnect=|reconnect=2");
    ASSERT_USES(A("-netdev") A("user,id=n0,reconnect=2"), "");
}
END_TEST

START_TEST(test_special)
{
    ASSERT_USES(A("-m") A("0x100M"), "a hex size with a suffix|size=0x100M");
    /* e and b are hexadecimal digits, not suffixes; no suffix is fine */
    ASSERT_USES(A("-object") A("memory-backend-ram,id=m0,size=0x1e") A("-set") A("device.d0.addr=0x1f"), "");
    ASSERT_USES(A("-smp") A("4,sockets=0,cores=4"), "-smp with a member of 0|sockets=0");
    ASSERT_USES(A("-smp") A("4,sockets=1,cores=4,threads=1"), "");
    ASSERT_USES(A("-chardev") A("socket,id=c0,path=/run/x,server,nowait"),
                "a short-form boolean option|server;a short-form boolean option|nowait");
    /* the first item of -vnc is its display; JSON has no short form; -cpu flags are not booleans here */
    ASSERT_USES(A("-vnc") A(":1") A("-object") A("{\"qom-type\":\"memory-backend-ram\",\"id\":\"m\",\"size\":1024}")
                    A("-cpu") A("host,hv_relaxed,+invtsc"),
                "");
    ASSERT_USES(A("-mon") A("chardev=c0"), "-mon|");
    ASSERT_USES(A("-drive") A("readonly,if=none,id=d0,file=/dev/null") A("-spice") A("disable-ticketing,port=5902")
                    A("-fsdev") A("local,id=f0,path=/srv,security_model=none"),
                "a short-form boolean option|readonly;a short-form boolean option|disable-ticketing");
}
END_TEST

START_TEST(test_env_and_helpers)
{
    const VlQemuGone *g = vl_qemu_gone_env("QEMU_PA_SERVER");
    g_autofree char *on = vl_qemu_short_bool_explicit("server");
    g_autofree char *off = vl_qemu_short_bool_explicit("nowait");
    g_autofree char *nodelay = vl_qemu_short_bool_explicit("nodelay");

    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->removed, VL_LIBVIRT(8, 2));
    ck_assert(g->ignored);
    ck_assert_ptr_null(vl_qemu_gone_env("QEMU_PULSE_HINT"));
    ck_assert_ptr_null(vl_qemu_gone_env("PIPEWIRE_RUNTIME_DIR"));
    ck_assert_ptr_null(vl_qemu_gone_env(NULL));
    ck_assert_str_eq(on, "server=on");
    ck_assert_str_eq(off, "wait=off");
    ck_assert_str_eq(nodelay, "nodelay=on");
    ck_assert_ptr_nonnull(vl_qemu_gone_option_removed("no-hpet", VL_LIBVIRT(9, 0)));
    ck_assert_ptr_nonnull(vl_qemu_gone_option_removed("no-hpet", 0));
    ck_assert_ptr_null(vl_qemu_gone_option_removed("no-hpet", VL_LIBVIRT(8, 2)));
    ck_assert_ptr_null(vl_qemu_gone_option_removed("mon", VL_LIBVIRT(11, 1)));
    ck_assert_ptr_null(vl_qemu_gone_option_removed("cpu", VL_LIBVIRT(11, 1)));
    ck_assert_ptr_null(vl_qemu_gone_option_removed(NULL, VL_LIBVIRT(11, 1)));
    ck_assert(vl_qemu_hex_size_with_suffix("0x20M"));
    ck_assert(vl_qemu_hex_size_with_suffix("0X4k"));
    ck_assert(!vl_qemu_hex_size_with_suffix("0x2000000"));
    ck_assert(!vl_qemu_hex_size_with_suffix("32M"));
    ck_assert(!vl_qemu_hex_size_with_suffix("0xM"));
    ck_assert(!vl_qemu_hex_size_with_suffix("0x20MB"));
    ck_assert(!vl_qemu_hex_size_with_suffix(NULL));
}
END_TEST

/* Every entry: a name, a section, a replacement; removal after deprecation;
 * the order of the table (removed before 7.2, then by release). */
START_TEST(test_table)
{
    guint n = 0;

    for (const VlQemuGone *g = vl_qemu_gone_table(); g->what; g++, n++) {
        ck_assert_ptr_nonnull(g->section);
        ck_assert_ptr_nonnull(g->instead);
        ck_assert(g->removed || g->deprecated);
        ck_assert(!g->removed || !g->deprecated || g->deprecated < g->removed);
        ck_assert(g->kind == VL_QEMU_GONE_ENV || g->kind == VL_QEMU_GONE_HEX_SIZE ||
                  g->kind == VL_QEMU_GONE_SHORT_BOOL || g->option);
        ck_assert(!g->ignored || g->kind == VL_QEMU_GONE_ENV);
    }
    ck_assert_uint_gt(n, 40);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("qemu_removed");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_types_and_properties);
    tcase_add_test(tc, test_special);
    tcase_add_test(tc, test_env_and_helpers);
    tcase_add_test(tc, test_table);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
