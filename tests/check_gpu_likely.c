/* Unit tests for lint/model/gpu_likely.c: GPUs known or likely. */
#include "check_util.h"

#include "lint/host/host.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"
#include "lint/model/gpu_likely.h"

static VlConfig config;

#define HOSTDEV(bus, fn, guest) \
    "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='" bus \
    "' slot='0x00' function='" fn "'/></source>" guest "</hostdev>"
#define GUEST(bus) "<address type='pci' domain='0x0000' bus='" bus "' slot='0x00' function='0x0'/>"

START_TEST(test_gpu_reasons_x_vga_and_companion)
{
    /* -global vfio-pci.x-vga=on reaches every vfio-pci hostdev */
    Built b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                             "<devices>" HOSTDEV("0x01", "0x0", "") "</devices><qemu:commandline>"
                             "<qemu:arg value='-global'/><qemu:arg value='vfio-pci.x-vga=on'/></qemu:commandline>",
                             &config);

    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_X_VGA);
    vl_check_built_free(b);
    /* x-vga=off does not */
    b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                       "<devices>" HOSTDEV("0x01", "0x0", "") "</devices><qemu:commandline>"
                       "<qemu:arg value='-global'/><qemu:arg value='vfio-pci.x-vga=off'/></qemu:commandline>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    /* -set device.hostdev0.x-vga= reaches the hostdev libvirt names hostdev0,
     * when it is on; a USB hostdev is no GPU whatever x-vga says */
    b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                       "<devices>" HOSTDEV("0x01", "0x0", "") "</devices><qemu:commandline>"
                       "<qemu:arg value='-set'/><qemu:arg value='device.hostdev0.x-vga=on'/></qemu:commandline>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_X_VGA);
    vl_check_built_free(b);
    b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                       "<devices>" HOSTDEV("0x01", "0x0", "") "</devices><qemu:commandline>"
                       "<qemu:arg value='-set'/><qemu:arg value='device.hostdev0.x-vga=off'/></qemu:commandline>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                       "<devices><hostdev mode='subsystem' type='usb' managed='yes'><source><vendor id='0x046d'/>"
                       "<product id='0xc52b'/></source></hostdev></devices><qemu:commandline>"
                       "<qemu:arg value='-global'/><qemu:arg value='vfio-pci.x-vga=on'/></qemu:commandline>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    /* beside an <interface type='hostdev'> libvirt's hostdev numbering is
     * not known, so no -set names the hostdev */
    b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'",
                       "<devices><interface type='hostdev' managed='yes'><source><address type='pci' "
                       "domain='0x0000' bus='0x02' slot='0x00' function='0x1'/></source></interface>"
                       HOSTDEV("0x01", "0x0", "") "</devices><qemu:commandline>"
                       "<qemu:arg value='-set'/><qemu:arg value='device.hostdev0.x-vga=on'/></qemu:commandline>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    /* function 1 of ANOTHER host slot in guest function 1 is no audio
     * companion; of the same host slot it is */
#define MF(fn) "<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='" fn "' multifunction='on'/>"
    b = vl_check_build(" type='kvm'",
                       "<devices>" HOSTDEV("0x0a", "0x0", MF("0x0")) HOSTDEV("0x0b", "0x1", MF("0x1")) "</devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    b = vl_check_build(" type='kvm'",
                       "<devices>" HOSTDEV("0x0a", "0x0", MF("0x0")) HOSTDEV("0x0a", "0x1", MF("0x1")) "</devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL),
                     VL_GPU_AUDIO_COMPANION);
    vl_check_built_free(b);
    /* an unreadable host domain= leaves the slot unknown: no companion,
     * even beside a function 1 whose domain is just as unreadable */
#define BAD_DOMAIN(fn) \
    "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0xzz' bus='0x0a' " \
    "slot='0x00' function='" fn "'/></source>" MF(fn) "</hostdev>"
    b = vl_check_build(" type='kvm'", "<devices>" BAD_DOMAIN("0x0") BAD_DOMAIN("0x1") "</devices>", &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    b = vl_check_build(" type='kvm'", "<devices>" BAD_DOMAIN("0x0") HOSTDEV("0x0a", "0x1", MF("0x1")) "</devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    b = vl_check_build(" type='kvm'", "<devices>" HOSTDEV("0x0a", "0x0", MF("0x0")) BAD_DOMAIN("0x1") "</devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
#undef BAD_DOMAIN
    /* a host address without bus= is unreadable too (not bus 0): the
     * function 1 at bus 0x00 is no companion of it */
    b = vl_check_build(" type='kvm'",
                       "<devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address "
                       "domain='0x0000' slot='0x00' function='0x0'/></source>" MF("0x0") "</hostdev>"
                       HOSTDEV("0x00", "0x1", MF("0x1")) "</devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
    /* only a PCI subsystem hostdev can be the companion, whatever address
     * a USB one's (invalid) source carries */
    b = vl_check_build(" type='kvm'",
                       "<devices>" HOSTDEV("0x0a", "0x0", MF("0x0")) "<hostdev mode='subsystem' type='usb' "
                       "managed='yes'><source><address domain='0x0000' bus='0x0a' slot='0x00' function='0x1'/>"
                       "</source>" MF("0x1") "</hostdev></devices>",
                       &config);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
#undef MF
}
END_TEST

START_TEST(test_likely_gpu_host_pair)
{
    /* virt-manager's layout: GPU and audio of host slot 0a:00 on two root ports */
    Built b = vl_check_build(" type='kvm'",
                             "<devices>" HOSTDEV("0x0a", "0x0", GUEST("0x04")) HOSTDEV("0x0a", "0x1", GUEST("0x05"))
                             HOSTDEV("0x0b", "0x0", GUEST("0x06")) "<hostdev mode='subsystem' type='pci'/></devices>",
                             &config);
    GPtrArray *h = b.model->hostdevs;
    const char *why = NULL;

    ck_assert(!vl_hostdev_known_gpu(b.model, g_ptr_array_index(h, 0), NULL));
    ck_assert(vl_hostdev_likely_gpu(b.model, g_ptr_array_index(h, 0), &why));
    ck_assert_ptr_nonnull(strstr(why, "function 1"));
    /* the audio function, a lone device and one without a source are not */
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(h, 1), &why));
    ck_assert_ptr_null(why);
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(h, 2), NULL));
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(h, 3), NULL));
    vl_check_built_free(b);

    /* an empty domain= is unreadable, not domain 0: no pair */
    b = vl_check_build(" type='kvm'",
                       "<devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='' "
                       "bus='0x0a' slot='0x00' function='0x0'/></source></hostdev>"
                       HOSTDEV("0x0a", "0x1", GUEST("0x05")) "</devices>",
                       &config);
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL));
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_likely_gpu_igd)
{
    Built b = vl_check_build(" type='kvm'",
                             "<devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address "
                             "domain='0x0000' bus='0x00' slot='0x02' function='0x0'/></source></hostdev>"
                             "<hostdev mode='subsystem' type='pci' managed='yes'><source><address "
                             "domain='0x0000' bus='0x00' slot='0x14' function='0x0'/></source></hostdev></devices>",
                             &config);
    const char *why = NULL;

    ck_assert(vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), &why));
    ck_assert_ptr_nonnull(strstr(why, "00:02.0"));
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 1), NULL));
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_likely_gpu_known_first)
{
    Built b = vl_check_build(" type='kvm'",
                             "<devices>" HOSTDEV("0x01", "0x0", "<rom file='/usr/share/vgabios/gpu.rom'/>")
                             "</devices>", &config);
    const char *why = NULL;

    ck_assert(vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), &why));
    ck_assert_ptr_nonnull(strstr(why, "ROM file"));
    vl_check_built_free(b);
}
END_TEST

#define PCI_NODEDEV(bus, fn, cls) \
    "<device><name>pci_0000_" bus "_00_" fn "</name><capability type='pci'><class>" cls "</class>" \
    "<domain>0</domain><bus>" bus "</bus><slot>0</slot><function>" fn "</function></capability></device>"

START_TEST(test_likely_gpu_host_facts_decide)
{
    g_autoptr(VlHost) host = vl_host_new();
    g_autoptr(GError) error = NULL;
    VlConfig c = config;
    Built b;

    /* a dual-port NIC: the pair is no GPU when the host says so */
    ck_assert(vl_host_add_nodedev(host, PCI_NODEDEV("5", "0", "0x020000"), "nic0.xml", &error));
    ck_assert(vl_host_add_nodedev(host, PCI_NODEDEV("5", "1", "0x020000"), "nic1.xml", &error));
    c.host = host;
    b = vl_check_build(" type='kvm'", "<devices>" HOSTDEV("0x05", "0x0", "") HOSTDEV("0x05", "0x1", "") "</devices>",
                       &c);
    ck_assert(!vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL));
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_display_gpu)
{
    const char *why = NULL;
    /* a function pair in a Linux guest that hides nothing: maybe a NIC */
    Built b = vl_check_build(" type='kvm'", "<devices>" HOSTDEV("0x0a", "0x0", "") HOSTDEV("0x0a", "0x1", "") "</devices>",
                             &config);

    ck_assert_ptr_null(vl_display_gpu(b.model, &why));
    vl_check_built_free(b);
    /* the same pair with <kvm><hidden>: a GPU */
    b = vl_check_build(" type='kvm'", "<features><kvm><hidden state='on'/></kvm></features><devices>"
                       HOSTDEV("0x0a", "0x0", "") HOSTDEV("0x0a", "0x1", "") "</devices>", &config);
    ck_assert_ptr_eq(vl_display_gpu(b.model, &why), g_ptr_array_index(b.model->hostdevs, 0));
    vl_check_built_free(b);
    /* the same pair with the CPU's hypervisor flag disabled: a GPU */
    b = vl_check_build(" type='kvm'", "<cpu mode='host-passthrough'><feature policy='disable' name='hypervisor'/>"
                       "</cpu><devices>" HOSTDEV("0x0a", "0x0", "") HOSTDEV("0x0a", "0x1", "") "</devices>", &config);
    ck_assert_ptr_eq(vl_display_gpu(b.model, &why), g_ptr_array_index(b.model->hostdevs, 0));
    vl_check_built_free(b);
    /* a known GPU comes first, whatever the guest */
    b = vl_check_build(" type='kvm'", "<devices>" HOSTDEV("0x0a", "0x0", "") HOSTDEV("0x0a", "0x1", "")
                       HOSTDEV("0x01", "0x0", "<rom file='/gpu.rom'/>") "</devices>", &config);
    ck_assert_ptr_eq(vl_display_gpu(b.model, &why), g_ptr_array_index(b.model->hostdevs, 2));
    ck_assert_ptr_nonnull(strstr(why, "ROM file"));
    vl_check_built_free(b);
}
END_TEST

/* REASON's evidence must be exactly right: near misses of x-vga and of the
 * audio companion are no evidence */
static VlGpuReason
first_reason(const char *body)
{
    Built b = vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'", body, &config);
    VlGpuReason r = vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL);

    vl_check_built_free(b);
    return r;
}

#define ARGS(a, b) "<qemu:commandline><qemu:arg value='" a "'/><qemu:arg value='" b "'/></qemu:commandline>"
#define AT(bus, fn, mf) \
    "<address type='pci' domain='0x0000' bus='" bus "' slot='0x00' function='" fn "'" mf "/>"
#define ON " multifunction='on'"

START_TEST(test_gpu_reasons_near_misses)
{
    const char *one = "<devices>" HOSTDEV("0x01", "0x0", "") "</devices>";
    g_autofree char *set_ok = g_strconcat(one, ARGS("-set", "device.hostdev0.x-vga=on"), NULL);

    ck_assert_int_eq(first_reason(set_ok), VL_GPU_X_VGA);
    /* -set of another group, another device, another property */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
                                  ARGS("-set", "drive.hostdev0.x-vga=on")), VL_GPU_UNKNOWN);
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
                                  ARGS("-set", "device.hostdev1.x-vga=on")), VL_GPU_UNKNOWN);
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
                                  ARGS("-set", "device.hostdev0.x-igd-opregion=on")), VL_GPU_UNKNOWN);
    /* -global of another driver, another vfio-pci property */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
                                  ARGS("-global", "ich9-intel-hda.x-vga=on")), VL_GPU_UNKNOWN);
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
                                  ARGS("-global", "vfio-pci.x-igd-opregion=on")), VL_GPU_UNKNOWN);

    /* the companion: host function 1 of the same host slot, in guest
     * function 1 of the same multifunction guest slot */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x0", ON))
                                  HOSTDEV("0x0a", "0x1", AT("0x05", "0x1", ON)) "</devices>"),
                     VL_GPU_AUDIO_COMPANION);
    /* the GPU not in guest function 0 */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x1", ON))
                                  HOSTDEV("0x0a", "0x1", AT("0x05", "0x1", ON)) "</devices>"),
                     VL_GPU_UNKNOWN);
    /* no multifunction='on' */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x0", ""))
                                  HOSTDEV("0x0a", "0x1", AT("0x05", "0x1", "")) "</devices>"),
                     VL_GPU_UNKNOWN);
    /* host function 2, not 1 */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x0", ON))
                                  HOSTDEV("0x0a", "0x2", AT("0x05", "0x1", ON)) "</devices>"),
                     VL_GPU_UNKNOWN);
    /* guest function 2, not 1 */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x0", ON))
                                  HOSTDEV("0x0a", "0x1", AT("0x05", "0x2", ON)) "</devices>"),
                     VL_GPU_UNKNOWN);
    /* function 1 of another guest slot */
    ck_assert_int_eq(first_reason("<devices>" HOSTDEV("0x0a", "0x0", AT("0x05", "0x0", ON))
                                  HOSTDEV("0x0a", "0x1", AT("0x06", "0x1", ON)) "</devices>"),
                     VL_GPU_UNKNOWN);
    /* a host address without slot= is unreadable (not slot 0) */
    ck_assert_int_eq(first_reason("<devices><hostdev mode='subsystem' type='pci' managed='yes'><source><address "
                                  "domain='0x0000' bus='0x0a' function='0x0'/></source>" AT("0x05", "0x0", ON)
                                  "</hostdev>" HOSTDEV("0x0a", "0x1", AT("0x05", "0x1", ON)) "</devices>"),
                     VL_GPU_UNKNOWN);
}
END_TEST

#define SRC(attrs) "<hostdev mode='subsystem' type='pci' managed='yes'><source><address " attrs "/></source></hostdev>"

static bool
first_likely(const char *devices)
{
    Built b = vl_check_build(" type='kvm'", devices, &config);
    bool r = vl_hostdev_likely_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL);

    vl_check_built_free(b);
    return r;
}

START_TEST(test_likely_gpu_host_address)
{
    /* domain= and function= default to 0: this is 0000:00:02.0 */
    ck_assert(first_likely("<devices>" SRC("bus='0x00' slot='0x02'") "</devices>"));
    /* 0000:00:02.1, 0001:00:02.0 and 0000:01:02.0 are not the integrated GPU */
    ck_assert(!first_likely("<devices>" SRC("domain='0x0001' bus='0x00' slot='0x02' function='0x0'") "</devices>"));
    ck_assert(!first_likely("<devices>" SRC("domain='0x0000' bus='0x01' slot='0x02' function='0x0'") "</devices>"));
    ck_assert(!first_likely("<devices>" SRC("domain='0x0000' bus='0x00' slot='0x02' function='0x1'") "</devices>"));
    /* bus= and slot= have no default: no pair with 0000:00:00.1 */
    ck_assert(!first_likely("<devices>" SRC("domain='0x0000' slot='0x00' function='0x0'")
                            HOSTDEV("0x00", "0x1", "") "</devices>"));
    ck_assert(!first_likely("<devices>" SRC("domain='0x0000' bus='0x00' function='0x0'")
                            HOSTDEV("0x00", "0x1", "") "</devices>"));
    /* trailing junk makes a number unreadable */
    ck_assert(!first_likely("<devices>" SRC("domain='0x0000' bus='0x0az' slot='0x00' function='0x0'")
                            HOSTDEV("0x0a", "0x1", "") "</devices>"));
    ck_assert(first_likely("<devices>" SRC("domain='0x0000' bus='0x0a' slot='0x00' function='0x0'")
                           HOSTDEV("0x0a", "0x1", "") "</devices>"));
    /* the pair must be function 1 of the same domain, bus and slot, and a
     * PCI hostdev: not a USB one whatever its (invalid) source says */
#define GPU0A SRC("domain='0x0000' bus='0x0a' slot='0x00' function='0x0'")
    ck_assert(!first_likely("<devices>" GPU0A SRC("domain='0x0000' bus='0x0a' slot='0x00' function='0x2'")
                            "</devices>"));
    ck_assert(!first_likely("<devices>" GPU0A SRC("domain='0x0001' bus='0x0a' slot='0x00' function='0x1'")
                            "</devices>"));
    ck_assert(!first_likely("<devices>" GPU0A SRC("domain='0x0000' bus='0x0b' slot='0x00' function='0x1'")
                            "</devices>"));
    ck_assert(!first_likely("<devices>" GPU0A SRC("domain='0x0000' bus='0x0a' slot='0x01' function='0x1'")
                            "</devices>"));
    ck_assert(!first_likely("<devices>" GPU0A "<hostdev mode='subsystem' type='usb' managed='yes'><source><address "
                            "domain='0x0000' bus='0x0a' slot='0x00' function='0x1'/></source></hostdev></devices>"));
#undef GPU0A
}
END_TEST
#undef SRC
#undef ARGS
#undef AT
#undef ON

int
main(void)
{
    Suite *s = suite_create("gpu_likely");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_likely_gpu_host_pair);
    tcase_add_test(tc, test_gpu_reasons_x_vga_and_companion);
    tcase_add_test(tc, test_likely_gpu_igd);
    tcase_add_test(tc, test_likely_gpu_known_first);
    tcase_add_test(tc, test_display_gpu);
    tcase_add_test(tc, test_likely_gpu_host_facts_decide);
    tcase_add_test(tc, test_gpu_reasons_near_misses);
    tcase_add_test(tc, test_likely_gpu_host_address);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
