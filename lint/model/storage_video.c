/* Helpers shared by the storage-video rules; see storage_video.h. */
#include "lint/model/storage_video.h"

#include <string.h>

#include "lint/host/host.h"
#include "lint/load/xml.h"

const char *
sv_disk_device(xmlNodePtr disk)
{
    const char *device = vl_xml_attr(disk, "device");
    return device ? device : "disk";
}

const char *
sv_disk_type(xmlNodePtr disk)
{
    const char *type = vl_xml_attr(disk, "type");
    return type ? type : "file";
}

const char *
sv_disk_dev(xmlNodePtr disk)
{
    return vl_xml_attr(vl_xml_child(disk, "target"), "dev");
}

const char *
sv_disk_bus(xmlNodePtr disk)
{
    xmlNodePtr target = vl_xml_child(disk, "target");
    const char *bus = vl_xml_attr(target, "bus");
    const char *dev = vl_xml_attr(target, "dev");

    if (!target)
        return NULL;
    if (bus)
        return bus;
    /* libvirt's virDomainDiskDefParse: the bus follows the name's prefix */
    if (strcmp(sv_disk_device(disk), "floppy") == 0)
        return "fdc";
    if (!dev) /* hd* and any other name: ide, at the end */
        return "ide";
    if (g_str_has_prefix(dev, "sd"))
        return "scsi";
    if (g_str_has_prefix(dev, "vd"))
        return "virtio";
    if (g_str_has_prefix(dev, "xvd"))
        return "xen";
    if (g_str_has_prefix(dev, "ubd"))
        return "uml";
    return "ide";
}

bool
sv_disk_readonly(xmlNodePtr disk)
{
    return vl_xml_child(disk, "readonly") != NULL;
}

int
sv_dev_index(const char *dev, const char *prefix)
{
    const char *p;
    gint64 index = 0;

    /* no letters after PREFIX: index 0, so -1 below */
    if (!dev || !prefix || !g_str_has_prefix(dev, prefix))
        return -1;
    for (p = dev + strlen(prefix); *p; p++) {
        if (*p < 'a' || *p > 'z')
            return -1;
        index = index * 26 + (*p - 'a' + 1);
        if (index > G_MAXINT / 32)
            return -1;
    }
    return (int) index - 1;
}

char *
sv_dev_name(const char *prefix, int index)
{
    char letters[16]; /* an int needs at most 7 letters: 26^7 > G_MAXINT */
    int n = 0;

    index++;
    while (index > 0) {
        index--;
        letters[n++] = (char) ('a' + index % 26);
        index /= 26;
    }
    letters[n] = '\0';
    g_strreverse(letters);
    return g_strconcat(prefix, letters, NULL);
}

char *
sv_free_dev(const VlModel *m, const char *prefix, GHashTable *taken)
{
    for (int i = 0;; i++) {
        char *name = sv_dev_name(prefix, i);
        bool used = taken && g_hash_table_contains(taken, name);

        for (guint d = 0; !used && d < m->disks->len; d++) {
            const char *dev = sv_disk_dev(g_ptr_array_index(m->disks, d));
            used = dev && strcmp(dev, name) == 0;
        }
        if (!used) {
            if (taken)
                g_hash_table_add(taken, g_strdup(name));
            return name;
        }
        g_free(name);
    }
}

xmlNodePtr
sv_video_model(xmlNodePtr video)
{
    return vl_xml_child(video, "model");
}

const char *
sv_video_type(xmlNodePtr video)
{
    const char *type = vl_xml_attr(sv_video_model(video), "type");
    return type ? type : "default";
}

xmlNodePtr
sv_primary_video(const VlModel *m)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        if (vl_xml_attr_is(sv_video_model(video), "primary", "yes"))
            return video;
    }
    return videos->len ? g_ptr_array_index(videos, 0) : NULL;
}

bool
sv_video_accel3d(xmlNodePtr video, xmlNodePtr *accel)
{
    xmlNodePtr a = vl_xml_child(sv_video_model(video), "acceleration");

    if (accel)
        *accel = a;
    return vl_xml_attr_is(a, "accel3d", "yes");
}

bool
sv_graphics_gl(xmlNodePtr graphics)
{
    const char *type = vl_xml_attr(graphics, "type");

    if (!type)
        return false;
    if (strcmp(type, "egl-headless") == 0)
        return true;
    if (strcmp(type, "spice") == 0 || strcmp(type, "sdl") == 0 || strcmp(type, "dbus") == 0)
        return vl_xml_attr_is(vl_xml_child(graphics, "gl"), "enable", "yes");
    return false;
}

bool
sv_domain_has_gl(const VlModel *m)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        if (sv_graphics_gl(g_ptr_array_index(graphics, i)))
            return true;
    }
    return false;
}

bool
sv_pci_number(const char *text, guint64 *out)
{
    char *end;

    if (!text || !*text)
        return false;
    *out = g_ascii_strtoull(text, &end, 0);
    return *end == '\0';
}

static bool
pci_source(xmlNodePtr hostdev, guint64 *domain, guint64 *bus, guint64 *slot, guint64 *function)
{
    xmlNodePtr address = vl_xml_child(vl_xml_child(hostdev, "source"), "address");

    /* no address: no bus, so false below */
    if (!vl_xml_attr_is(hostdev, "type", "pci"))
        return false;
    *domain = 0;
    *function = 0;
    if (vl_xml_attr(address, "domain") && !sv_pci_number(vl_xml_attr(address, "domain"), domain))
        return false;
    if (vl_xml_attr(address, "function") && !sv_pci_number(vl_xml_attr(address, "function"), function))
        return false;
    return sv_pci_number(vl_xml_attr(address, "bus"), bus) && sv_pci_number(vl_xml_attr(address, "slot"), slot);
}

static bool
hides_hypervisor(const VlModel *m)
{
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");

    return vl_xml_attr_is(vl_xml_child(kvm, "hidden"), "state", "on") ||
           vl_model_hyperv_on(m, "vendor_id");
}

/* With host facts (virsh nodedev-dumpxml), the PCI class says it: 0x03
 * is a display controller.  Returns TRUE when the facts could answer. */
static bool
gpu_from_host(const VlModel *m, xmlNodePtr *gpu)
{
    const VlHost *host = m->config ? m->config->host : NULL;

    *gpu = NULL;
    if (!host || !host->have_nodedev)
        return false;
    for (guint i = 0; i < m->hostdevs->len && !*gpu; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        xmlNodePtr a = vl_xml_child(vl_xml_child(dev, "source"), "address");
        g_autofree char *addr = NULL;
        const VlHostPci *pci;

        if (!vl_xml_attr_is(dev, "type", "pci") ||
            !(addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"), vl_xml_attr(a, "slot"),
                                         vl_xml_attr(a, "function"))))
            continue;
        if ((pci = g_hash_table_lookup(host->pci, addr)) && (pci->class_code >> 16) == 0x03)
            *gpu = dev;
    }
    return true;
}

xmlNodePtr
sv_passthrough_gpu(const VlModel *m, const char **why)
{
    xmlNodePtr gpu;

    if (why)
        *why = "the host facts give it PCI class 0x03, display controller";
    if (gpu_from_host(m, &gpu))
        return gpu;
    if (why)
        *why = "its function 1, the HDMI/DP audio controller, is passed through too";
    if (!vl_guest_is_windows(&m->guest) && !hides_hypervisor(m))
        return NULL;
    {
        /* slots whose function 1 is passed through, gathered once: a GPU is
         * function 0 of such a slot (linear in the number of hostdevs) */
        g_autoptr(GHashTable) audio = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

        for (guint i = 0; i < m->hostdevs->len; i++) {
            guint64 d, b, sl, f;
            if (pci_source(g_ptr_array_index(m->hostdevs, i), &d, &b, &sl, &f) && f == 1)
                g_hash_table_add(audio, g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                                        d, b, sl));
        }
        for (guint i = 0; i < m->hostdevs->len; i++) {
            xmlNodePtr a = g_ptr_array_index(m->hostdevs, i);
            guint64 d, b, sl, f;
            g_autofree char *key = NULL;

            if (!pci_source(a, &d, &b, &sl, &f) || f != 0)
                continue;
            key = g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, d, b, sl);
            if (g_hash_table_contains(audio, key))
                return a;
        }
    }
    return NULL;
}

bool
sv_arch_x86(const VlModel *m)
{
    return !m->arch || strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0;
}
