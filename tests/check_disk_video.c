/* Unit tests for lint/model/disk.c and video.c (once the storage and video
 * rules' helpers): libvirt's target-name arithmetic and default bus, the
 * primary video, OpenGL on a display, PCI address numbers
 * (device_address.c) and the x86 family (machine.c).  How a passed-through
 * GPU is recognised: check_effective_facts.c and check_gpu_likely.c. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/host/host.h"
#include "lint/model/model.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/video.h"
#include "lint/model/gpu.h"
#include "lint/model/machine.h"
#include "lint/model/device_address.h"
#include "lint/model/channel.h"

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

/* The first <devices> child named NAME, the INDEX-th of them. */
static xmlNodePtr
device(Built b, const char *name, guint index)
{
    GPtrArray *devs = vl_model_devices(b.model, name);

    ck_assert_uint_gt(devs->len, index);
    return g_ptr_array_index(devs, index);
}

static const char *
bus_of(const char *disk)
{
    static char bus[32];
    g_autofree char *body = g_strdup_printf("<devices>%s</devices>", disk);
    Built b = build(body);
    const char *r = vl_disk_target_bus(device(b, "disk", 0));

    g_strlcpy(bus, r ? r : "(null)", sizeof(bus));
    done(b);
    return bus;
}

START_TEST(test_disk_bus_defaults)
{
    /* an explicit bus wins; else libvirt derives it from the name's prefix */
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='sda' bus='usb'/></disk>"), "usb");
    ck_assert_str_eq(bus_of("<disk type='file' device='floppy'><target dev='fda'/></disk>"), "fdc");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='hdc'/></disk>"), "ide");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='sdb'/></disk>"), "scsi");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='vdb'/></disk>"), "virtio");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='xvda'/></disk>"), "xen");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='ubda'/></disk>"), "uml");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target dev='nvme0n1'/></disk>"), "ide");
    /* a target without a name, and no target at all */
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><target/></disk>"), "ide");
    ck_assert_str_eq(bus_of("<disk type='file' device='disk'><source file='/a.img'/></disk>"), "(null)");
}
END_TEST

/* vl_disk_bus (never NULL) and vl_disk_target_bus (NULL without <target>)
 * are one derivation: the same bus for every disk with a <target>. */
START_TEST(test_disk_bus_one_derivation)
{
    static const char *const disks[] = {
        "<disk device='disk'><target dev='sda' bus='usb'/></disk>",
        "<disk device='floppy'><target dev='fda'/></disk>",
        "<disk device='floppy'><target dev='vda'/></disk>",
        "<disk device='disk'><target dev='hdc'/></disk>",
        "<disk device='disk'><target dev='sdb'/></disk>",
        "<disk device='cdrom'><target dev='vdb'/></disk>",
        "<disk device='disk'><target dev='xvda'/></disk>",
        "<disk device='disk'><target dev='ubda'/></disk>",
        "<disk device='disk'><target dev='nvme0n1'/></disk>",
        "<disk device='disk'><target/></disk>",
        "<disk><target dev='sd'/></disk>",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(disks); i++) {
        g_autofree char *body = g_strdup_printf("<devices>%s</devices>", disks[i]);
        Built b = build(body);
        xmlNodePtr disk = device(b, "disk", 0);

        ck_assert_str_eq(vl_disk_bus(disk), vl_disk_target_bus(disk));
        done(b);
    }
    {
        /* without <target>: libvirt refuses the disk; one reads no bus, the
         * other the default of a nameless target */
        Built b = build("<devices><disk device='floppy'><source file='/f.img'/></disk>"
                        "<disk device='disk'><source file='/a.img'/></disk></devices>");

        ck_assert_ptr_null(vl_disk_target_bus(device(b, "disk", 0)));
        ck_assert_str_eq(vl_disk_bus(device(b, "disk", 0)), "fdc");
        ck_assert_str_eq(vl_disk_bus(device(b, "disk", 1)), "ide");
        done(b);
    }
}
END_TEST

/* The first <graphics> of a type, or of any type. */
START_TEST(test_graphics_of_type)
{
    Built b = build("<devices><graphics type='vnc'/><graphics type='spice'/><graphics type='spice' port='1'/></devices>");

    ck_assert_ptr_eq(vl_graphics(b.model, "spice"), device(b, "graphics", 1));
    ck_assert_ptr_eq(vl_graphics(b.model, NULL), device(b, "graphics", 0));
    ck_assert_ptr_null(vl_graphics(b.model, "sdl"));
    done(b);
    b = build("<devices/>");
    ck_assert_ptr_null(vl_graphics(b.model, NULL));
    done(b);
}
END_TEST

/* PCI and mediated host devices: mode subsystem, written or not. */
START_TEST(test_hostdev_kinds)
{
    Built b = build("<devices><hostdev type='pci'/><hostdev mode='subsystem' type='pci'/>"
                    "<hostdev mode='capabilities' type='pci'/><hostdev type='mdev'/>"
                    "<hostdev mode='subsystem' type='mdev'/><hostdev mode='capabilities' type='mdev'/>"
                    "<hostdev type='usb'/></devices>");

    ck_assert(vl_hostdev_is_pci(device(b, "hostdev", 0)));
    ck_assert(vl_hostdev_is_pci(device(b, "hostdev", 1)));
    ck_assert(!vl_hostdev_is_pci(device(b, "hostdev", 2)));
    ck_assert(!vl_hostdev_is_pci(device(b, "hostdev", 3)));
    ck_assert(vl_hostdev_is_mdev(device(b, "hostdev", 3)));
    ck_assert(vl_hostdev_is_mdev(device(b, "hostdev", 4)));
    ck_assert(!vl_hostdev_is_mdev(device(b, "hostdev", 5)));
    ck_assert(!vl_hostdev_is_mdev(device(b, "hostdev", 6)));
    ck_assert(!vl_hostdev_is_mdev(device(b, "hostdev", 0)));
    done(b);
}
END_TEST

/* The <channel> with a target name. */
START_TEST(test_channel_named)
{
    Built b = build("<devices><channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel>"
                    "<channel type='spiceport'><target type='virtio' name='" VL_SPICE_WEBDAV "'/></channel>"
                    "<channel type='pty'/></devices>");

    ck_assert_ptr_eq(vl_channel_named(b.model, "org.qemu.guest_agent.0"), device(b, "channel", 0));
    ck_assert_ptr_eq(vl_channel_named(b.model, "org.spice-space.webdav.0"), device(b, "channel", 1));
    ck_assert_ptr_null(vl_channel_named(b.model, "com.redhat.spice.0"));
    done(b);
}
END_TEST

START_TEST(test_dev_index)
{
    ck_assert_int_eq(vl_disk_dev_index("vda", "vd"), 0);
    ck_assert_int_eq(vl_disk_dev_index("vdz", "vd"), 25);
    ck_assert_int_eq(vl_disk_dev_index("vdaa", "vd"), 26);
    ck_assert_int_eq(vl_disk_dev_index("sdab", "sd"), 27);
    /* not lowercase letters after the prefix, or not the prefix at all */
    ck_assert_int_eq(vl_disk_dev_index("vd", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("vdA", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("vda1", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("vd{", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("vd`", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("sda", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("hdzz", "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index(NULL, "vd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("vda", NULL), -1);
    /* G_MAXINT / 32 = 67108863 is the largest value accepted
     * ("epvelc"), the next one is refused before an int could overflow */
    ck_assert_int_eq(vl_disk_dev_index("sdepvelc", "sd"), 67108862);
    ck_assert_int_eq(vl_disk_dev_index("sdepveld", "sd"), -1);
    ck_assert_int_eq(vl_disk_dev_index("sdzzzzzzzzzzzz", "sd"), -1);
}
END_TEST

START_TEST(test_dev_name)
{
    static const int indexes[] = { 0, 1, 25, 26, 27, 701, 702, 18277, 67108862 };

    for (guint i = 0; i < G_N_ELEMENTS(indexes); i++) {
        g_autofree char *name = vl_disk_dev_name("sd", indexes[i]);
        ck_assert_int_eq(vl_disk_dev_index(name, "sd"), indexes[i]);
    }
    {
        g_autofree char *a = vl_disk_dev_name("vd", 0), *z = vl_disk_dev_name("vd", 25), *aa = vl_disk_dev_name("vd", 26);
        g_autofree char *big = vl_disk_dev_name("sd", G_MAXINT - 1);
        ck_assert_str_eq(a, "vda");
        ck_assert_str_eq(z, "vdz");
        ck_assert_str_eq(aa, "vdaa");
        ck_assert_str_eq(big, "sdfxshrxw");
    }
}
END_TEST

START_TEST(test_free_dev)
{
    Built b = build("<devices><disk type='file' device='disk'><source file='/a.img'/></disk>"
                    "<disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>"
                    "<disk type='file' device='cdrom'><target dev='vdc' bus='virtio'/></disk></devices>");
    g_autoptr(GHashTable) taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autofree char *first = vl_disk_free_dev(b.model, "vd", NULL);
    g_autofree char *again = vl_disk_free_dev(b.model, "vd", NULL);
    g_autofree char *t1 = vl_disk_free_dev(b.model, "vd", taken);
    g_autofree char *t2 = vl_disk_free_dev(b.model, "vd", taken);
    g_autofree char *t3 = vl_disk_free_dev(b.model, "vd", taken);
    g_autofree char *sd = vl_disk_free_dev(b.model, "sd", taken);

    /* a disk without a target name takes no name */
    ck_assert_str_eq(first, "vdb");
    ck_assert_str_eq(again, "vdb");
    ck_assert_str_eq(t1, "vdb");
    ck_assert_str_eq(t2, "vdd");
    ck_assert_str_eq(t3, "vde");
    ck_assert_str_eq(sd, "sda");
    ck_assert(g_hash_table_contains(taken, "vdd"));
    done(b);
}
END_TEST

START_TEST(test_primary_video)
{
    Built b = build("<devices><video><model type='vga'/></video><video><model type='virtio' primary='yes'/></video>"
                    "</devices>");

    ck_assert_ptr_eq(vl_primary_video(b.model), device(b, "video", 1));
    ck_assert_str_eq(vl_video_type(vl_primary_video(b.model)), "virtio");
    done(b);
    b = build("<devices><video><model type='vga'/></video><video><model type='bochs' primary='no'/></video>"
              "</devices>");
    ck_assert_ptr_eq(vl_primary_video(b.model), device(b, "video", 0));
    done(b);
    b = build("<devices><video/></devices>");
    ck_assert_str_eq(vl_video_type(vl_primary_video(b.model)), "default");
    done(b);
    b = build("<devices/>");
    ck_assert_ptr_null(vl_primary_video(b.model));
    done(b);
}
END_TEST

static bool
gl_of(const char *graphics)
{
    g_autofree char *body = g_strdup_printf("<devices>%s</devices>", graphics);
    Built b = build(body);
    bool r = vl_graphics_gl(device(b, "graphics", 0));

    ck_assert(r == vl_domain_has_gl(b.model));
    done(b);
    return r;
}

START_TEST(test_graphics_gl)
{
    ck_assert(gl_of("<graphics type='egl-headless'/>"));
    ck_assert(gl_of("<graphics type='spice'><gl enable='yes'/></graphics>"));
    ck_assert(gl_of("<graphics type='sdl'><gl enable='yes'/></graphics>"));
    ck_assert(gl_of("<graphics type='dbus'><gl enable='yes'/></graphics>"));
    ck_assert(!gl_of("<graphics type='spice'><gl enable='no'/></graphics>"));
    ck_assert(!gl_of("<graphics type='sdl'/>"));
    ck_assert(!gl_of("<graphics type='dbus'/>"));
    /* VNC has no OpenGL, whatever it says; a display without a type neither */
    ck_assert(!gl_of("<graphics type='vnc'><gl enable='yes'/></graphics>"));
    ck_assert(!gl_of("<graphics><gl enable='yes'/></graphics>"));
}
END_TEST

START_TEST(test_pci_number)
{
    guint64 n = 99;

    ck_assert(vl_pci_number("0x1f", &n));
    ck_assert_uint_eq(n, 0x1f);
    ck_assert(vl_pci_number("12", &n));
    ck_assert_uint_eq(n, 12);
    ck_assert(!vl_pci_number("0x1g", &n));
    ck_assert(!vl_pci_number("", &n));
    ck_assert(!vl_pci_number(NULL, &n));
}
END_TEST

START_TEST(test_arch_x86)
{
    Built b = build("<os><type arch='x86_64'>hvm</type></os>");

    ck_assert(vl_is_x86(b.model));
    done(b);
    b = build("<os><type arch='i686'>hvm</type></os>");
    ck_assert(vl_is_x86(b.model));
    done(b);
    b = build("<os><type>hvm</type></os>");
    ck_assert(vl_is_x86(b.model));
    done(b);
    b = build("<os><type arch='aarch64'>hvm</type></os>");
    ck_assert(!vl_is_x86(b.model));
    done(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("disk_video");
    TCase *tc = tcase_create("helpers");

    /* a NULL handed to a GLib function is a bug here, not a warning */
    g_log_set_always_fatal(G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
    vl_config_init(&config);
    tcase_add_test(tc, test_disk_bus_defaults);
    tcase_add_test(tc, test_disk_bus_one_derivation);
    tcase_add_test(tc, test_graphics_of_type);
    tcase_add_test(tc, test_hostdev_kinds);
    tcase_add_test(tc, test_channel_named);
    tcase_add_test(tc, test_dev_index);
    tcase_add_test(tc, test_dev_name);
    tcase_add_test(tc, test_free_dev);
    tcase_add_test(tc, test_primary_video);
    tcase_add_test(tc, test_graphics_gl);
    tcase_add_test(tc, test_pci_number);
    tcase_add_test(tc, test_arch_x86);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
