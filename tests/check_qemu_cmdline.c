/* Unit tests for the QEMU command line of <qemu:commandline>
 * (lint/model/qemu_cmdline.c): options and values, keyval and JSON, merged
 * -rtc and -machine, the last -cpu, -global, -set, hidden devices, strays. */
#include "check_util.h"

#include "lint/model/model.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_cmdline.h"

static VlConfig config;

/* A domain whose qemu:commandline holds ARGS (qemu:arg elements). */
static Built
build_args(const char *args)
{
    g_autofree char *body = g_strdup_printf("<qemu:commandline>%s</qemu:commandline>", args);

    return vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'", body, &config);
}

#define A(v) "<qemu:arg value='" v "'/>"

static const VlQemuOption *
option(const VlQemuCmdline *c, guint i)
{
    ck_assert_uint_lt(i, c->options->len);
    return g_ptr_array_index(c->options, i);
}

START_TEST(test_options_and_values)
{
    Built b = build_args(A("-enable-kvm") A("--nodefaults") A("-m") A("4096") A("-S") A("-name") A("guest=x,debug-threads=on")
                         A("disk.img") A("-snapshot") A("-smp"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);

    ck_assert_ptr_eq(c, b.model->qemu_cmdline);
    ck_assert_uint_eq(c->options->len, 7);
    ck_assert_str_eq(option(c, 0)->name, "enable-kvm");
    ck_assert(!option(c, 0)->takes_value);
    ck_assert_ptr_null(option(c, 0)->value);
    ck_assert_str_eq(option(c, 1)->name, "nodefaults"); /* --name is -name */
    ck_assert_str_eq(option(c, 2)->name, "m");
    ck_assert_str_eq(option(c, 2)->value, "4096");
    ck_assert_ptr_eq(option(c, 2)->value_arg, g_ptr_array_index(b.model->qemu_args, 3));
    ck_assert_str_eq(vl_qemu_option_get(option(c, 2), "size", NULL), "4096"); /* -m's implied key */
    ck_assert_str_eq(option(c, 3)->name, "S");
    ck_assert_str_eq(vl_qemu_option_get(option(c, 4), "guest", NULL), "x");
    /* a value where no option expects one: QEMU's positional disk image */
    ck_assert_uint_eq(c->strays->len, 1);
    ck_assert_str_eq(vl_xml_attr(g_ptr_array_index(c->strays, 0), "value"), "disk.img");
    ck_assert_str_eq(option(c, 5)->name, "snapshot");
    /* -smp at the end has no value: QEMU refuses to start */
    ck_assert(option(c, 6)->missing_value);
    ck_assert_ptr_null(option(c, 6)->value);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_keyval)
{
    g_autoptr(GPtrArray) p = vl_qemu_keyval_parse("virtio-net-pci,netdev=n0,,x,,y,romfile=,multifunction", "driver");
    VlQemuProp *prop;

    ck_assert_uint_eq(p->len, 4);
    prop = g_ptr_array_index(p, 0);
    ck_assert_str_eq(prop->key, "driver");
    ck_assert_str_eq(prop->value, "virtio-net-pci");
    prop = g_ptr_array_index(p, 1);
    ck_assert_str_eq(prop->key, "netdev");
    ck_assert_str_eq(prop->value, "n0,x,y"); /* ,, is a comma */
    prop = g_ptr_array_index(p, 2);
    ck_assert_str_eq(prop->value, "");
    prop = g_ptr_array_index(p, 3);
    ck_assert_str_eq(prop->key, "multifunction");
    ck_assert_ptr_null(prop->value);
    g_ptr_array_unref(g_steal_pointer(&p));

    /* no implied key: the first bare item is a flag */
    p = vl_qemu_keyval_parse("localtime,base=utc", NULL);
    ck_assert_str_eq(((VlQemuProp *) g_ptr_array_index(p, 0))->key, "localtime");
    g_ptr_array_unref(g_steal_pointer(&p));
    p = vl_qemu_keyval_parse("", "driver");
    ck_assert_uint_eq(p->len, 0);
}
END_TEST

START_TEST(test_json_values)
{
    Built b = build_args(A("-device") "<qemu:arg value='{\"driver\":\"vfio-pci\",\"host\":\"0000:01:00.0\",\"x-vga\":true,\"id\":\"gpu\"}'/>"
                         A("-object") "<qemu:arg value='{\"qom-type\":\"memory-backend-file\",\"size\":4096}'/>"
                         A("-device") A("{not json"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);

    ck_assert(option(c, 0)->json);
    ck_assert_str_eq(vl_qemu_option_get(option(c, 0), "driver", NULL), "vfio-pci");
    ck_assert_str_eq(vl_qemu_option_get(option(c, 0), "x-vga", NULL), "true");
    ck_assert_str_eq(vl_qemu_option_get(option(c, 1), "size", NULL), "4096");
    ck_assert(!option(c, 2)->json);
    ck_assert(option(c, 2)->json_invalid);
    /* the JSON vfio-pci is a device behind libvirt's back */
    ck_assert_uint_ge(c->hidden->len, 1);
    ck_assert_int_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 0))->kind, VL_QEMU_HIDDEN_VFIO_PCI);
    ck_assert_str_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 0))->host, "0000:01:00.0");
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_rtc_merged)
{
    Built b = build_args(A("-rtc") A("base=utc,driftfix=slew") A("-rtc") A("base=localtime"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);

    ck_assert_str_eq(c->rtc_base.value, "localtime");
    ck_assert_ptr_eq(c->rtc_base.option, option(c, 1));
    ck_assert_str_eq(c->rtc_driftfix.value, "slew"); /* kept from the first */
    ck_assert_ptr_eq(c->rtc_driftfix.option, option(c, 0));
    ck_assert_ptr_null(c->rtc_clock.value);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_cpu_last_wins_and_machine_merged)
{
    Built b = build_args(A("-cpu") A("Penryn,+sse4.2") A("-machine") A("q35,accel=kvm") A("-cpu")
                         A("host,-hypervisor,kvm=off") A("-M") A("type=pc,smm=off"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    const VlQemuOption *from;

    ck_assert_ptr_eq(c->cpu, option(c, 2));
    ck_assert_str_eq(vl_qemu_option_get(c->cpu, "model", NULL), "host");
    ck_assert_str_eq(vl_qemu_cmdline_machine(c, "type", &from), "pc");
    ck_assert_ptr_eq(from, option(c, 3));
    ck_assert_str_eq(vl_qemu_cmdline_machine(c, "accel", &from), "kvm");
    ck_assert_ptr_eq(from, option(c, 1));
    ck_assert_str_eq(vl_qemu_cmdline_machine(c, "smm", NULL), "off");
    ck_assert_ptr_null(vl_qemu_cmdline_machine(c, "kernel-irqchip", NULL));
    ck_assert_ptr_eq(vl_qemu_cmdline_last(c, "M"), option(c, 3));
    {
        g_autoptr(GPtrArray) cpus = vl_qemu_cmdline_options(c, "cpu");
        ck_assert_uint_eq(cpus->len, 2);
    }
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_global_and_set)
{
    Built b = build_args(A("-global") A("ICH9-LPC.disable_s3=1") A("-global") A("driver=vfio-pci,property=x-vga,value=on")
                         A("-set") A("device.hostdev0.x-vga=on") A("-set") A("nodots"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    VlQemuGlobal *g;
    VlQemuSetting *s;

    ck_assert_uint_eq(c->globals->len, 2);
    g = g_ptr_array_index(c->globals, 0);
    ck_assert_str_eq(g->driver, "ICH9-LPC");
    ck_assert_str_eq(g->prop, "disable_s3");
    ck_assert_str_eq(g->value, "1");
    g = g_ptr_array_index(c->globals, 1);
    ck_assert_str_eq(g->driver, "vfio-pci");
    ck_assert_str_eq(g->prop, "x-vga");
    ck_assert_str_eq(g->value, "on");
    ck_assert_uint_eq(c->sets->len, 1); /* QEMU cannot parse the second */
    s = g_ptr_array_index(c->sets, 0);
    ck_assert_str_eq(s->group, "device");
    ck_assert_str_eq(s->id, "hostdev0");
    ck_assert_str_eq(s->prop, "x-vga");
    ck_assert_str_eq(s->value, "on");
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_global_empty_property)
{
    /* "vfio-pci.=on" has no property between the dot and the =, so it is
     * not DRIVER.PROP=VALUE: read as keyval, it names no driver nor
     * property */
    Built b = build_args(A("-global") A("vfio-pci.=on"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    VlQemuGlobal *g;

    ck_assert_uint_eq(c->globals->len, 1);
    g = g_ptr_array_index(c->globals, 0);
    ck_assert_ptr_null(g->prop);
    vl_check_built_free(b);
    /* nor has ".x-vga=on" a driver before its dot */
    b = build_args(A("-global") A(".x-vga=on"));
    c = vl_qemu_cmdline(b.model);
    ck_assert_uint_eq(c->globals->len, 1);
    g = g_ptr_array_index(c->globals, 0);
    ck_assert_ptr_null(g->driver);
    vl_check_built_free(b);
}
END_TEST

/* A -global with neither a dot nor an = ("-global foo") is keyval with no
 * driver or property; and an option that ends the command line without its
 * value (a last "-drive") passes nothing behind libvirt's back. */
START_TEST(test_global_bare_and_valueless_drive)
{
    Built b = build_args(A("-global") A("foo"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    VlQemuGlobal *g;

    ck_assert_uint_eq(c->globals->len, 1);
    g = g_ptr_array_index(c->globals, 0);
    ck_assert_ptr_null(g->prop);
    vl_check_built_free(b);

    b = build_args(A("-drive"));
    c = vl_qemu_cmdline(b.model);
    ck_assert_uint_eq(c->options->len, 1);
    ck_assert(option(c, 0)->missing_value);
    ck_assert_uint_eq(c->hidden->len, 0);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_hidden_devices)
{
    Built b = build_args(A("-device") A("vfio-pci,host=01:00.0,multifunction=on") A("-device")
                         A("usb-host,vendorid=0x046d,productid=0xc52b") A("-netdev") A("tap,id=t0,ifname=tap0")
                         A("-drive") A("file=/dev/sdb,format=raw,if=virtio") A("-blockdev")
                         A("driver=file,node-name=f0,filename=/img/a.img") A("-device") A("ivshmem-plain,memdev=m")
                         A("-cdrom") A("/isos/x.iso"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    static const struct {
        VlQemuHiddenKind kind;
        const char *driver, *host;
    } want[] = {
        { VL_QEMU_HIDDEN_VFIO_PCI, "vfio-pci", "01:00.0" },
        { VL_QEMU_HIDDEN_USB_HOST, "usb-host", "0x046d" },
        { VL_QEMU_HIDDEN_NETDEV, "tap", "tap0" },
        { VL_QEMU_HIDDEN_DRIVE, "drive", "/dev/sdb" },
        { VL_QEMU_HIDDEN_DRIVE, "file", "/img/a.img" },
        { VL_QEMU_HIDDEN_DEVICE, "ivshmem-plain", NULL },
        { VL_QEMU_HIDDEN_DRIVE, "cdrom", "/isos/x.iso" },
    };

    ck_assert_uint_eq(c->hidden->len, G_N_ELEMENTS(want));
    for (gsize i = 0; i < G_N_ELEMENTS(want); i++) {
        VlQemuHidden *h = g_ptr_array_index(c->hidden, i);
        ck_assert_msg(h->kind == want[i].kind, "%zu: kind %d", i, h->kind);
        ck_assert_str_eq(h->driver, want[i].driver);
        ck_assert_msg(g_strcmp0(h->host, want[i].host) == 0, "%zu: %s", i, h->host);
    }
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_no_commandline)
{
    Built b = vl_check_build(" type='kvm'", "", &config);
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);

    ck_assert_uint_eq(c->options->len, 0);
    ck_assert_ptr_null(c->cpu);
    ck_assert_ptr_null(c->rtc_base.value);
    ck_assert_ptr_null(vl_qemu_cmdline_last(c, "cpu"));
    vl_check_built_free(b);
    /* like g_free() and the other model free functions: NULL is a no-op */
    vl_qemu_cmdline_free(NULL);
}
END_TEST

START_TEST(test_bools)
{
    ck_assert_int_eq(vl_qemu_bool("on"), 1);
    ck_assert_int_eq(vl_qemu_bool("true"), 1);
    ck_assert_int_eq(vl_qemu_bool("off"), 0);
    ck_assert_int_eq(vl_qemu_bool("no"), 0);
    ck_assert_int_eq(vl_qemu_bool("1"), -1);
    ck_assert_int_eq(vl_qemu_bool(NULL), -1);
    ck_assert(vl_qemu_option_takes_value("device"));
    ck_assert(!vl_qemu_option_takes_value("no-hpet"));
}
END_TEST

START_TEST(test_hidden_more_and_lookup)
{
    Built b = build_args(A("-M") A("q35") A("-device") A("vfio-pci-nohotplug,host=02:00.0") A("-nic")
                         A("user,model=e1000") A("-net") A("user") A("-cpu") A("host"));
    const VlQemuCmdline *c = vl_qemu_cmdline(b.model);
    GPtrArray *found;

    /* vfio-pci-nohotplug is vfio-pci; -nic and -net make network devices */
    ck_assert_uint_eq(c->hidden->len, 3);
    ck_assert_int_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 0))->kind, VL_QEMU_HIDDEN_VFIO_PCI);
    ck_assert_str_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 0))->host, "02:00.0");
    ck_assert_int_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 1))->kind, VL_QEMU_HIDDEN_NETDEV);
    ck_assert_int_eq(((VlQemuHidden *) g_ptr_array_index(c->hidden, 2))->kind, VL_QEMU_HIDDEN_NETDEV);
    /* -M is -machine; lookups find only their own option, the first too */
    found = vl_qemu_cmdline_options(c, "M");
    ck_assert_uint_eq(found->len, 1);
    ck_assert_str_eq(((VlQemuOption *) g_ptr_array_index(found, 0))->name, "machine");
    g_ptr_array_unref(found);
    found = vl_qemu_cmdline_options(c, "cpu");
    ck_assert_uint_eq(found->len, 1);
    g_ptr_array_unref(found);
    ck_assert_ptr_nonnull(vl_qemu_cmdline_last(c, "M"));
    ck_assert_str_eq(vl_qemu_cmdline_last(c, "M")->name, "machine");
    vl_check_built_free(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("qemu_cmdline");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_options_and_values);
    tcase_add_test(tc, test_keyval);
    tcase_add_test(tc, test_json_values);
    tcase_add_test(tc, test_rtc_merged);
    tcase_add_test(tc, test_cpu_last_wins_and_machine_merged);
    tcase_add_test(tc, test_global_and_set);
    tcase_add_test(tc, test_global_empty_property);
    tcase_add_test(tc, test_hidden_devices);
    tcase_add_test(tc, test_no_commandline);
    tcase_add_test(tc, test_bools);
    tcase_add_test(tc, test_hidden_more_and_lookup);
    tcase_add_test(tc, test_global_bare_and_valueless_drive);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
