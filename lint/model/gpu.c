/* Which PCI host devices are known to be GPUs; see gpu.h. */
#include "lint/model/gpu.h"

#include <string.h>

#include "lint/host/host.h"
#include "lint/load/xml.h"
#include "lint/model/aliases.h"
#include "lint/model/device_address.h"
#include "lint/model/qemu_override.h"
#include "lint/model/qemu_cmdline.h"

bool
vl_hostdev_is_pci(xmlNodePtr hostdev)
{
    const char *mode = vl_xml_attr(hostdev, "mode");
    return vl_xml_attr_is(hostdev, "type", "pci") && (!mode || strcmp(mode, "subsystem") == 0);
}

static bool
number(const char *text, guint64 fallback, guint64 *out)
{
    char *end;

    if (!text) {
        *out = fallback;
        return true;
    }
    if (!*text)
        return false;
    *out = g_ascii_strtoull(text, &end, 0);
    return *end == '\0';
}

/* domain:bus:slot of ADDRESS and its function; false when unreadable. */
static bool
slot_of(xmlNodePtr address, char **slot, guint64 *function)
{
    guint64 d, b, s;

    /* no ADDRESS: vl_xml_attr(NULL, ...) is NULL, so bus= is missing below */
    if (!number(vl_xml_attr(address, "domain"), 0, &d) || !vl_xml_attr(address, "bus") ||
        !number(vl_xml_attr(address, "bus"), 0, &b) || !vl_xml_attr(address, "slot") ||
        !number(vl_xml_attr(address, "slot"), 0, &s) || !number(vl_xml_attr(address, "function"), 0, function))
        return false;
    *slot = g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, d, b, s);
    return true;
}

static xmlNodePtr
source_address(xmlNodePtr hostdev)
{
    return vl_xml_child(vl_xml_child(hostdev, "source"), "address");
}

static const VlHostPci *
host_pci(const VlModel *m, xmlNodePtr hostdev)
{
    const VlHost *host = m->config ? m->config->host : NULL;
    xmlNodePtr a = source_address(hostdev);
    g_autofree char *addr = NULL;

    /* host->pci is empty unless nodedev facts were read (only
     * vl_host_add_nodedev() fills it, and sets have_nodedev) */
    if (!host)
        return NULL;
    addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"), vl_xml_attr(a, "slot"),
                               vl_xml_attr(a, "function"));
    return addr ? g_hash_table_lookup(host->pci, addr) : NULL;
}

/* x-vga=on reaches HOSTDEV: a qemu:override property on its alias, -set
 * device.ALIAS.x-vga=on, or -global vfio-pci.x-vga=on (every vfio-pci). */
static bool
x_vga(const VlModel *m, xmlNodePtr hostdev)
{
    const VlQemuCmdline *c = vl_qemu_cmdline(m);
    g_autofree char *alias = vl_hostdev_alias(m, hostdev);
    xmlNodePtr prop = vl_override_property(m, alias, "x-vga");

    if (vl_xml_attr_is(prop, "value", "true")) /* NULL-safe: no override is no x-vga */
        return true;
    for (guint i = 0; alias && i < c->sets->len; i++) {
        const VlQemuSetting *s = g_ptr_array_index(c->sets, i);
        if (strcmp(s->group, "device") == 0 && strcmp(s->id, alias) == 0 && strcmp(s->prop, "x-vga") == 0 &&
            vl_qemu_bool(s->value) == 1)
            return true;
    }
    for (guint i = 0; i < c->globals->len; i++) {
        const VlQemuGlobal *g = g_ptr_array_index(c->globals, i);
        if (g_strcmp0(g->driver, "vfio-pci") == 0 && g_strcmp0(g->prop, "x-vga") == 0 && vl_qemu_bool(g->value) == 1)
            return true;
    }
    return false;
}

/* HOSTDEV is function 0 of a host slot whose function 1 is passed through
 * too, into function 1 of the guest slot HOSTDEV occupies with
 * multifunction='on'.  A dual-port NIC passes both functions too, but
 * rarely mirrors them into one guest slot: GPU guides do, so that the
 * driver finds the audio function beside the GPU. */
static bool
audio_companion(const VlModel *m, xmlNodePtr hostdev)
{
    g_autofree char *src_slot = NULL, *guest_slot = NULL;
    xmlNodePtr guest = vl_xml_child(hostdev, "address");
    guint64 f, gf;

    if (!slot_of(source_address(hostdev), &src_slot, &f) || f != 0 || !slot_of(guest, &guest_slot, &gf) ||
        gf != 0 || !vl_xml_attr_is(guest, "multifunction", "on"))
        return false;
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr other = g_ptr_array_index(m->hostdevs, i);
        g_autofree char *os = NULL, *og = NULL;
        guint64 of, ogf;

        /* HOSTDEV itself needs no test: its host function is 0, not 1 */
        if (!vl_hostdev_is_pci(other))
            continue;
        if (slot_of(source_address(other), &os, &of) && of == 1 && strcmp(os, src_slot) == 0 &&
            slot_of(vl_xml_child(other, "address"), &og, &ogf) && ogf == 1 && strcmp(og, guest_slot) == 0)
            return true;
    }
    return false;
}

VlGpuReason
vl_hostdev_gpu(const VlModel *m, xmlNodePtr hostdev, const char **why)
{
    const VlHostPci *pci;

    if (why)
        *why = NULL;
    if (!vl_hostdev_is_pci(hostdev))
        return VL_GPU_UNKNOWN;
    /* the host's word is final: a NIC with a ROM file is still a NIC */
    if ((pci = host_pci(m, hostdev))) {
        if ((pci->class_code >> 16) != 0x03)
            return VL_GPU_NOT;
        if (why)
            *why = "the host facts give it PCI class 0x03, display controller";
        return VL_GPU_HOST_CLASS;
    }
    if (vl_xml_attr(vl_xml_child(hostdev, "rom"), "file")) {
        if (why)
            *why = "it is given a ROM file, a video BIOS";
        return VL_GPU_ROM_FILE;
    }
    if (x_vga(m, hostdev)) {
        if (why)
            *why = "x-vga=on is set for it";
        return VL_GPU_X_VGA;
    }
    if (audio_companion(m, hostdev)) {
        if (why)
            *why = "its function 1, the HDMI/DP audio, shares its guest slot";
        return VL_GPU_AUDIO_COMPANION;
    }
    return VL_GPU_UNKNOWN;
}

bool
vl_hostdev_known_gpu(const VlModel *m, xmlNodePtr hostdev, const char **why)
{
    VlGpuReason r = vl_hostdev_gpu(m, hostdev, why);

    return r != VL_GPU_UNKNOWN && r != VL_GPU_NOT;
}

GPtrArray *
vl_known_gpus(const VlModel *m)
{
    GPtrArray *gpus = g_ptr_array_new();

    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        if (vl_hostdev_known_gpu(m, dev, NULL))
            g_ptr_array_add(gpus, dev);
    }
    return gpus;
}

bool
vl_hostdev_is_mdev(xmlNodePtr dev)
{
    const char *mode = vl_xml_attr(dev, "mode");
    return vl_xml_attr_is(dev, "type", "mdev") && (!mode || strcmp(mode, "subsystem") == 0);
}

