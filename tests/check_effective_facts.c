/* Unit tests for the facts rules read instead of the XML: the clock offset
 * the guest gets (lint/model/clock_offset.c), the effective CPU
 * (effective_cpu.c), removable and install media (media.c), known GPUs
 * (gpu.c) and IOThread users (iothread_users.c). */
#include "check_util.h"

#include "lint/host/host.h"
#include "lint/load/xml.h"
#include "lint/model/clock_offset.h"
#include "lint/model/effective_cpu.h"
#include "lint/model/gpu.h"
#include "lint/model/iothread_users.h"
#include "lint/model/media.h"

static VlConfig config;

#define QEMU_NS " type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'"
#define A(v) "<qemu:arg value='" v "'/>"
#define CMDLINE(args) "<qemu:commandline>" args "</qemu:commandline>"

static Built
build(const char *body)
{
    return vl_check_build(QEMU_NS, body, &config);
}

/* ---- clock offset ---- */

START_TEST(test_clock_offset_from_xml)
{
    Built b = build("");
    VlClockOffset o = vl_clock_offset(b.model);

    ck_assert_int_eq(o.kind, VL_CLOCK_UTC);
    ck_assert(!o.from_qemu);
    ck_assert_ptr_null(o.node);
    ck_assert_str_eq(o.why, "no <clock>, libvirt's default");
    ck_assert(vl_clock_offset_is_utc(&o));
    vl_check_built_free(b);

    b = build("<clock offset='localtime'/>");
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_LOCALTIME);
    ck_assert_ptr_eq(o.node, b.model->clock);
    ck_assert(!vl_clock_offset_is_utc(&o));
    vl_check_built_free(b);

    b = build("<clock offset='variable' basis='utc'/>");
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_VARIABLE);
    ck_assert(vl_clock_offset_is_utc(&o));
    vl_check_built_free(b);

    b = build("<clock offset='variable' basis='utc' adjustment='3600'/>");
    o = vl_clock_offset(b.model);
    ck_assert(!vl_clock_offset_is_utc(&o));
    vl_check_built_free(b);

    b = build("<clock offset='timezone' timezone='Europe/Paris'/>");
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_TIMEZONE);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_clock_offset_from_rtc)
{
    /* libvirt writes -rtc base=utc; the pass-through -rtc merges over it */
    Built b = build("<clock offset='utc'/>" CMDLINE(A("-rtc") A("base=localtime,driftfix=slew")));
    VlClockOffset o = vl_clock_offset(b.model);

    ck_assert_int_eq(o.kind, VL_CLOCK_LOCALTIME);
    ck_assert(o.from_qemu);
    ck_assert_str_eq(vl_xml_attr(o.node, "value"), "base=localtime,driftfix=slew");
    ck_assert_ptr_nonnull(strstr(o.why, "-rtc base=localtime"));
    vl_check_built_free(b);

    /* later keys win */
    b = build("<clock offset='localtime'/>" CMDLINE(A("-rtc") A("base=localtime") A("-rtc") A("base=utc")));
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_UTC);
    ck_assert(o.from_qemu);
    vl_check_built_free(b);

    /* -rtc without base= leaves libvirt's */
    b = build("<clock offset='localtime'/>" CMDLINE(A("-rtc") A("driftfix=slew")));
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_LOCALTIME);
    ck_assert(!o.from_qemu);
    vl_check_built_free(b);

    b = build(CMDLINE(A("-rtc") A("base=2006-06-17T16:01:21")));
    o = vl_clock_offset(b.model);
    ck_assert_int_eq(o.kind, VL_CLOCK_ABSOLUTE);
    vl_check_built_free(b);
}
END_TEST

/* ---- effective CPU ---- */

START_TEST(test_cpu_from_xml)
{
    Built b = build("<cpu mode='custom'><model>Skylake-Client</model>"
                    "<feature policy='disable' name='hypervisor'/></cpu>");
    VlEffectiveCpu e = vl_effective_cpu(b.model);

    ck_assert(e.has_cpu_element);
    ck_assert_str_eq(e.mode, "custom");
    ck_assert_str_eq(e.model, "Skylake-Client");
    ck_assert(!e.model_from_qemu);
    ck_assert(e.hypervisor_hidden);
    ck_assert(vl_xml_is(e.hypervisor_node, "feature"));
    ck_assert(e.libvirt_cpu_matters);
    vl_check_built_free(b);

    b = build("<cpu mode='host-passthrough'/>");
    e = vl_effective_cpu(b.model);
    ck_assert_str_eq(e.model, "host");
    ck_assert(!e.hypervisor_hidden);
    vl_check_built_free(b);

    b = build("<cpu><topology sockets='1' cores='2' threads='1'/></cpu>");
    e = vl_effective_cpu(b.model);
    ck_assert_str_eq(e.mode, "custom");
    ck_assert_ptr_null(e.model);
    ck_assert_ptr_eq(e.model_node, b.model->cpu);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_cpu_overridden)
{
    Built b = build("<cpu mode='host-passthrough'><feature policy='disable' name='hypervisor'/></cpu>"
                    CMDLINE(A("-cpu") A("host,kvm=off,hv_vendor_id=null")));
    VlEffectiveCpu e = vl_effective_cpu(b.model);

    ck_assert(e.model_from_qemu);
    ck_assert_str_eq(e.model, "host");
    /* libvirt's -cpu, and its -hypervisor with it, is replaced */
    ck_assert(!e.hypervisor_hidden);
    ck_assert_ptr_eq(e.qemu_cpu, vl_qemu_cmdline(b.model)->cpu);
    vl_check_built_free(b);

    b = build(CMDLINE(A("-cpu") A("host,-hypervisor")));
    e = vl_effective_cpu(b.model);
    ck_assert(e.hypervisor_hidden);
    ck_assert_str_eq(vl_xml_attr(e.hypervisor_node, "value"), "host,-hypervisor");
    /* no <cpu> and nothing else libvirt would put in its -cpu */
    ck_assert(!e.has_cpu_element);
    ck_assert(!e.libvirt_cpu_matters);
    ck_assert_ptr_null(e.libvirt_cpu_why);
    vl_check_built_free(b);

    b = build(CMDLINE(A("-cpu") A("host,hypervisor=off")));
    e = vl_effective_cpu(b.model);
    ck_assert(e.hypervisor_hidden);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_libvirt_cpu_matters_without_cpu)
{
    Built b = build("<features><hyperv mode='custom'><relaxed state='on'/></hyperv></features>");
    VlEffectiveCpu e = vl_effective_cpu(b.model);

    ck_assert(!e.has_cpu_element);
    ck_assert(e.libvirt_cpu_matters);
    ck_assert_str_eq(e.libvirt_cpu_why, "Hyper-V enlightenments are on");
    vl_check_built_free(b);

    b = build("<features><kvm><hidden state='on'/></kvm></features>");
    e = vl_effective_cpu(b.model);
    ck_assert_str_eq(e.libvirt_cpu_why, "<kvm> features are set");
    vl_check_built_free(b);

    b = build("<features><hyperv mode='custom'><relaxed state='off'/></hyperv></features>");
    e = vl_effective_cpu(b.model);
    ck_assert(!e.libvirt_cpu_matters);
    vl_check_built_free(b);
}
END_TEST

START_TEST(test_cpu_flags)
{
    Built b = build(CMDLINE(A("-cpu") A("Penryn,+invtsc,-x2apic,vmx=on,svm=off,check,+avx,-avx")));
    const VlQemuOption *cpu = vl_qemu_cmdline(b.model)->cpu;

    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "invtsc"), 1);
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "x2apic"), 0);
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "vmx"), 1);
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "svm"), 0);
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "check"), 1);
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "avx"), 0); /* the last mention */
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "Penryn"), -1); /* the model is no flag */
    ck_assert_int_eq(vl_qemu_cpu_flag(cpu, "sse4.2"), -1);
    ck_assert_int_eq(vl_qemu_cpu_flag(NULL, "sse4.2"), -1);
    vl_check_built_free(b);
    /* the first item is the model (key "model"), not a flag: only a later
     * item named model is read, here a bare one (on) */
    b = build(CMDLINE(A("-cpu") A("Penryn")));
    ck_assert_int_eq(vl_qemu_cpu_flag(vl_qemu_cmdline(b.model)->cpu, "model"), -1);
    vl_check_built_free(b);
    b = build(CMDLINE(A("-cpu") A("Penryn,model")));
    ck_assert_int_eq(vl_qemu_cpu_flag(vl_qemu_cmdline(b.model)->cpu, "model"), 1);
    vl_check_built_free(b);
    /* Hyper-V features: hv-NAME, the old hv_NAME, or hv-passthrough */
    b = build(CMDLINE(A("-cpu") A("host,hv-time,hv_stimer=on,hv-synic=off")));
    cpu = vl_qemu_cmdline(b.model)->cpu;
    ck_assert(vl_qemu_cpu_hv_on(cpu, "time"));
    ck_assert(vl_qemu_cpu_hv_on(cpu, "stimer"));
    ck_assert(!vl_qemu_cpu_hv_on(cpu, "synic"));
    ck_assert(!vl_qemu_cpu_hv_on(cpu, "vpindex"));
    vl_check_built_free(b);
    b = build(CMDLINE(A("-cpu") A("host,hv-passthrough")));
    ck_assert(vl_qemu_cpu_hv_on(vl_qemu_cmdline(b.model)->cpu, "vpindex"));
    vl_check_built_free(b);
}
END_TEST

/* ---- media ---- */

#define DISK(device, file, dev) \
    "<disk type='file' device='" device "'><source file='" file "'/><target dev='" dev "' bus='sata'/></disk>"

START_TEST(test_media)
{
    Built b = build("<devices>" DISK("disk", "/img/system.qcow2", "sda") DISK("disk", "/isos/Bliss-v16.ISO", "sdb")
                    DISK("cdrom", "/isos/virtio-win-0.1.240.iso", "sdc") DISK("floppy", "/f/a.img", "fda")
                    "<disk type='block' device='cdrom'><target dev='sdd' bus='sata'/></disk>"
                    DISK("cdrom", "/isos/Win11_23H2_English_x64.iso", "sde") "</devices>");
    GPtrArray *d = b.model->disks;
    const char *what;

    ck_assert_int_eq(vl_disk_media_kind(g_ptr_array_index(d, 0)), VL_MEDIA_NONE);
    ck_assert(!vl_disk_is_media(g_ptr_array_index(d, 0)));
    ck_assert_int_eq(vl_disk_install_media(g_ptr_array_index(d, 0), NULL), VL_GUEST_UNKNOWN);
    /* an ISO attached as a disk is media all the same */
    ck_assert_int_eq(vl_disk_media_kind(g_ptr_array_index(d, 1)), VL_MEDIA_ISO_IMAGE);
    ck_assert_int_eq(vl_disk_install_media(g_ptr_array_index(d, 1), &what), VL_GUEST_ANDROID);
    ck_assert_str_eq(what, "bliss");
    /* the Android medium is not Windows media */
    ck_assert(!vl_disk_is_virtio_win(g_ptr_array_index(d, 1)));
    ck_assert_int_eq(vl_disk_media_kind(g_ptr_array_index(d, 2)), VL_MEDIA_DRIVE);
    ck_assert(vl_disk_is_virtio_win(g_ptr_array_index(d, 2)));
    ck_assert(vl_disk_is_media(g_ptr_array_index(d, 3)));
    ck_assert_int_eq(vl_disk_install_media(g_ptr_array_index(d, 3), NULL), VL_GUEST_UNKNOWN);
    /* an empty drive: media with no source */
    ck_assert(vl_disk_is_media(g_ptr_array_index(d, 4)));
    ck_assert_ptr_null(vl_disk_source_path(g_ptr_array_index(d, 4)));
    ck_assert_ptr_eq(vl_model_install_media(b.model, VL_GUEST_WINDOWS), g_ptr_array_index(d, 2));
    ck_assert_ptr_eq(vl_model_install_media(b.model, VL_GUEST_ANDROID), g_ptr_array_index(d, 1));
    ck_assert_ptr_null(vl_model_install_media(b.model, VL_GUEST_BSD));
    vl_check_built_free(b);
    /* an image is taken for an ISO by its suffix alone, whatever its length */
    b = build("<devices>" DISK("disk", ".iso", "sda") DISK("disk", "iso", "sdb") "</devices>");
    ck_assert_int_eq(vl_disk_media_kind(g_ptr_array_index(b.model->disks, 0)), VL_MEDIA_ISO_IMAGE);
    ck_assert_int_eq(vl_disk_media_kind(g_ptr_array_index(b.model->disks, 1)), VL_MEDIA_NONE);
    vl_check_built_free(b);
}
END_TEST

/* ---- GPUs ---- */

#define HOSTDEV(bus, fn, extra)                                                                    \
    "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='" bus \
    "' slot='0x00' function='" fn "'/></source>" extra "</hostdev>"
#define GUEST_ADDR(slot, fn, mf) \
    "<address type='pci' domain='0x0000' bus='0x06' slot='" slot "' function='" fn "'" mf "/>"

START_TEST(test_gpu_reasons)
{
    Built b = build("<devices>"
                    HOSTDEV("0x01", "0x0", "<rom file='/usr/share/vgabios/gpu.rom'/>")
                    HOSTDEV("0x02", "0x0", GUEST_ADDR("0x00", "0x0", " multifunction='on'"))
                    HOSTDEV("0x02", "0x1", GUEST_ADDR("0x00", "0x1", ""))
                    HOSTDEV("0x03", "0x0", "")
                    HOSTDEV("0x03", "0x1", "")
                    HOSTDEV("0x04", "0x0", "<alias name='ua-gpu'/>")
                    "</devices>"
                    "<qemu:override><qemu:device alias='ua-gpu'><qemu:frontend>"
                    "<qemu:property name='x-vga' type='bool' value='true'/></qemu:frontend></qemu:device></qemu:override>");
    GPtrArray *h = b.model->hostdevs;
    const char *why;
    g_autoptr(GPtrArray) gpus = NULL;

    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(h, 0), &why), VL_GPU_ROM_FILE);
    ck_assert_ptr_nonnull(strstr(why, "ROM file"));
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(h, 1), &why), VL_GPU_AUDIO_COMPANION);
    /* the audio function itself is not the GPU */
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(h, 2), &why), VL_GPU_UNKNOWN);
    ck_assert_ptr_null(why);
    /* functions 0 and 1 without a shared guest slot: a dual-port NIC as likely */
    ck_assert(!vl_hostdev_known_gpu(b.model, g_ptr_array_index(h, 3), NULL));
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(h, 5), NULL), VL_GPU_X_VGA);
    gpus = vl_known_gpus(b.model);
    ck_assert_uint_eq(gpus->len, 3);
    vl_check_built_free(b);

    /* the companion rule wants the GPU at host function 0, and a source
     * address it can read (an empty domain= is not 0) */
    b = build("<devices>"
              HOSTDEV("0x05", "0x2", GUEST_ADDR("0x01", "0x0", " multifunction='on'"))
              HOSTDEV("0x05", "0x1", GUEST_ADDR("0x01", "0x1", ""))
              "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='' bus='0x07' "
              "slot='0x00' function='0x0'/></source>" GUEST_ADDR("0x02", "0x0", " multifunction='on'") "</hostdev>"
              HOSTDEV("0x07", "0x1", GUEST_ADDR("0x02", "0x1", ""))
              "</devices>");
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 2), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);

    b = build("<devices>" HOSTDEV("0x01", "0x0", "") "</devices>"
              CMDLINE(A("-set") A("device.hostdev0.x-vga=on")));
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_X_VGA);
    vl_check_built_free(b);

    b = build("<devices><hostdev mode='subsystem' type='usb'><source><vendor id='0x046d'/><product id='0xc52b'/>"
              "</source></hostdev></devices>");
    ck_assert(!vl_hostdev_is_pci(g_ptr_array_index(b.model->hostdevs, 0)));
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_UNKNOWN);
    vl_check_built_free(b);
}
END_TEST

#define PCI_NODEDEV(bus, class)                                                                       \
    "<device><name>pci_0000_" bus "_00_0</name><capability type='pci'><class>" class "</class>"       \
    "<domain>0</domain><bus>" bus "</bus><slot>0</slot><function>0</function></capability></device>"

START_TEST(test_gpu_host_facts_decide)
{
    g_autoptr(VlHost) host = vl_host_new();
    g_autoptr(GError) error = NULL;
    VlConfig c = config;
    Built b;

    ck_assert(vl_host_add_nodedev(host, PCI_NODEDEV("1", "0x030000"), "gpu.xml", &error));
    ck_assert(vl_host_add_nodedev(host, PCI_NODEDEV("2", "0x020000"), "nic.xml", &error));
    c.host = host;
    b = vl_check_build(QEMU_NS, "<devices>" HOSTDEV("0x01", "0x0", "") HOSTDEV("0x02", "0x0", "<rom file='/x.rom'/>")
                       HOSTDEV("0x05", "0x0", "<rom file='/y.rom'/>") "</devices>", &c);
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 0), NULL), VL_GPU_HOST_CLASS);
    /* a NIC with a ROM file is still a NIC */
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 1), NULL), VL_GPU_NOT);
    /* a device the host facts do not list: the XML's hints */
    ck_assert_int_eq(vl_hostdev_gpu(b.model, g_ptr_array_index(b.model->hostdevs, 2), NULL), VL_GPU_ROM_FILE);
    vl_check_built_free(b);
}
END_TEST

/* ---- IOThreads ---- */

START_TEST(test_iothread_users)
{
    Built b = build("<iothreads>2</iothreads><devices>"
                    "<disk type='file' device='disk'><driver name='qemu' iothread='1'/><target dev='vda' bus='virtio'/></disk>"
                    "<disk type='file' device='disk'><driver name='qemu'><iothreads><iothread id='1'/><iothread id='2'/>"
                    "</iothreads></driver><target dev='vdb' bus='virtio'/></disk>"
                    "<disk type='file' device='disk'><target dev='vdc' bus='virtio'/></disk>"
                    "<controller type='scsi' model='virtio-scsi'><driver iothread='2'/></controller>"
                    "</devices>");
    g_autoptr(GPtrArray) uses = vl_iothread_uses(b.model);
    g_autoptr(GPtrArray) one = vl_iothread_users(b.model, 1);
    g_autoptr(GPtrArray) two = vl_iothread_users(b.model, 2);
    g_autoptr(GPtrArray) three = vl_iothread_users(b.model, 3);

    ck_assert_uint_eq(uses->len, 4);
    ck_assert_uint_eq(((VlIothreadUse *) g_ptr_array_index(uses, 1))->id, 1);
    ck_assert(vl_xml_is(((VlIothreadUse *) g_ptr_array_index(uses, 1))->node, "iothread"));
    ck_assert_uint_eq(one->len, 2);
    ck_assert_ptr_eq(g_ptr_array_index(one, 0), g_ptr_array_index(b.model->disks, 0));
    ck_assert_uint_eq(two->len, 2);
    ck_assert(vl_xml_is(g_ptr_array_index(two, 1), "controller"));
    ck_assert_uint_eq(three->len, 0);
    vl_check_built_free(b);
}
END_TEST

/* A device that names one IOThread twice is one user of it. */
START_TEST(test_iothread_user_counted_once)
{
    Built b = build("<iothreads>1</iothreads><devices>"
                    "<disk type='file' device='disk'><driver name='qemu' iothread='1'><iothreads><iothread id='1'/>"
                    "</iothreads></driver><target dev='vda' bus='virtio'/></disk></devices>");
    g_autoptr(GPtrArray) uses = vl_iothread_uses(b.model);
    g_autoptr(GPtrArray) one = vl_iothread_users(b.model, 1);

    ck_assert_uint_eq(uses->len, 2);
    ck_assert_uint_eq(one->len, 1);
    vl_check_built_free(b);
}
END_TEST

#define SCSI_CTL(index) "<controller type='scsi' index='" index "' model='virtio-scsi'><driver iothread='1'/></controller>"
#define SCSI_ON(ctl) "<address type='drive' controller='" ctl "' bus='0' target='0' unit='0'/>"

/* Which uses have no I/O to run: a SCSI controller nothing sits on. */
static bool
idle_with(const char *devices)
{
    g_autofree char *body = g_strdup_printf("<iothreads>1</iothreads><devices>%s</devices>", devices);
    Built b = build(body);
    g_autoptr(GPtrArray) uses = vl_iothread_uses(b.model);
    bool idle;

    ck_assert_uint_ge(uses->len, 1);
    idle = vl_iothread_use_idle(b.model, g_ptr_array_index(uses, 0));
    vl_check_built_free(b);
    return idle;
}

START_TEST(test_iothread_use_idle)
{
    /* nothing on it */
    ck_assert(idle_with(SCSI_CTL("0")));
    /* a disk on another bus, or addressed to another controller */
    ck_assert(idle_with(SCSI_CTL("0") "<disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>"));
    ck_assert(idle_with(SCSI_CTL("3") "<disk type='file' device='disk'><target dev='sda' bus='scsi'/>" SCSI_ON(
        "0") "</disk>"));
    /* no index is index 0, no controller attribute is controller 0 */
    ck_assert(!idle_with("<controller type='scsi' model='virtio-scsi'><driver iothread='1'/></controller>"
                         "<disk type='file' device='disk'><target dev='sda' bus='scsi'/>"
                         "<address type='drive' bus='0' target='0' unit='0'/></disk>"));
    /* a disk or SCSI hostdev addressed to it, or one libvirt may put there */
    ck_assert(!idle_with(SCSI_CTL("2") "<disk type='file' device='disk'><target dev='sda' bus='scsi'/>" SCSI_ON(
        "2") "</disk>"));
    ck_assert(!idle_with(SCSI_CTL("2") "<disk type='file' device='disk'><target dev='sda' bus='scsi'/></disk>"));
    ck_assert(!idle_with(SCSI_CTL("1") "<disk type='file' device='disk'><target dev='sda' bus='scsi'/>"
                                       "<address type='pci' domain='0' bus='0' slot='5' function='0'/></disk>"));
    ck_assert(!idle_with(SCSI_CTL("1") "<hostdev mode='subsystem' type='scsi'>" SCSI_ON("1") "</hostdev>"));
    ck_assert(idle_with(SCSI_CTL("1") "<hostdev mode='subsystem' type='scsi'>" SCSI_ON("0") "</hostdev>"));
    ck_assert(idle_with(SCSI_CTL("1") "<hostdev mode='subsystem' type='pci'/>"));
    /* a disk's use is never idle */
    ck_assert(!idle_with("<disk type='file' device='disk'><driver iothread='1'/><target dev='vda' bus='virtio'/></disk>"));
    /* nor a controller that is not SCSI */
    ck_assert(!idle_with("<controller type='virtio-serial' index='0'><driver iothread='1'/></controller>"));
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("effective_facts");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_clock_offset_from_xml);
    tcase_add_test(tc, test_clock_offset_from_rtc);
    tcase_add_test(tc, test_cpu_from_xml);
    tcase_add_test(tc, test_cpu_overridden);
    tcase_add_test(tc, test_libvirt_cpu_matters_without_cpu);
    tcase_add_test(tc, test_cpu_flags);
    tcase_add_test(tc, test_media);
    tcase_add_test(tc, test_gpu_reasons);
    tcase_add_test(tc, test_gpu_host_facts_decide);
    tcase_add_test(tc, test_iothread_users);
    tcase_add_test(tc, test_iothread_user_counted_once);
    tcase_add_test(tc, test_iothread_use_idle);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
