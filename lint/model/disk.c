/* How libvirt reads a <disk>; see disk.h. */
#include "lint/model/disk.h"

#include <string.h>

#include "lint/load/xml.h"

const char *
vl_disk_device(xmlNodePtr disk)
{
    const char *device = vl_xml_attr(disk, "device");
    return device ? device : "disk";
}

const char *
vl_disk_type(xmlNodePtr disk)
{
    const char *type = vl_xml_attr(disk, "type");
    return type ? type : "file";
}

const char *
vl_disk_dev(xmlNodePtr disk)
{
    return vl_xml_attr(vl_xml_child(disk, "target"), "dev");
}

const char *
vl_disk_bus(xmlNodePtr disk)
{
    static const char *const by_prefix[][2] = {
        { "hd", "ide" }, { "sd", "scsi" }, { "vd", "virtio" }, { "xvd", "xen" }, { "ubd", "uml" }, { NULL, NULL },
    };
    xmlNodePtr target = vl_xml_child(disk, "target");
    const char *bus = vl_xml_attr(target, "bus");
    const char *dev = vl_xml_attr(target, "dev") ? vl_xml_attr(target, "dev") : "";

    if (bus)
        return bus;
    if (vl_xml_attr_is(disk, "device", "floppy"))
        return "fdc";
    for (gsize i = 0; by_prefix[i][0]; i++) {
        if (g_str_has_prefix(dev, by_prefix[i][0]))
            return by_prefix[i][1];
    }
    return "ide";
}

const char *
vl_disk_target_bus(xmlNodePtr disk)
{
    return vl_xml_child(disk, "target") ? vl_disk_bus(disk) : NULL;
}

bool
vl_disk_readonly(xmlNodePtr disk)
{
    return vl_xml_child(disk, "readonly") != NULL;
}

int
vl_disk_dev_index(const char *dev, const char *prefix)
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
vl_disk_dev_name(const char *prefix, int index)
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
vl_disk_free_dev(const VlModel *m, const char *prefix, GHashTable *taken)
{
    for (int i = 0;; i++) {
        char *name = vl_disk_dev_name(prefix, i);
        bool used = taken && g_hash_table_contains(taken, name);

        for (guint d = 0; !used && d < m->disks->len; d++) {
            const char *dev = vl_disk_dev(g_ptr_array_index(m->disks, d));
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
