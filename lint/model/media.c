/* Removable media and install media; see media.h. */
#include "lint/model/media.h"

#include <string.h>

#include "lint/load/xml.h"

const char *
vl_disk_source_path(xmlNodePtr disk)
{
    xmlNodePtr source = vl_xml_child(disk, "source");
    const char *path = vl_xml_attr(source, "file");

    return path ? path : vl_xml_attr(source, "dev");
}

static bool
is_iso(const char *path)
{
    size_t len = path ? strlen(path) : 0;

    return len >= 4 && g_ascii_strcasecmp(path + len - 4, ".iso") == 0;
}

VlMediaKind
vl_disk_media_kind(xmlNodePtr disk)
{
    const char *device = vl_xml_attr(disk, "device");

    if (device && (strcmp(device, "cdrom") == 0 || strcmp(device, "floppy") == 0))
        return VL_MEDIA_DRIVE;
    if (is_iso(vl_disk_source_path(disk)))
        return VL_MEDIA_ISO_IMAGE;
    return VL_MEDIA_NONE;
}

bool
vl_disk_is_media(xmlNodePtr disk)
{
    return vl_disk_media_kind(disk) != VL_MEDIA_NONE;
}

VlGuestFamily
vl_disk_install_media(xmlNodePtr disk, const char **what)
{
    if (what)
        *what = NULL;
    if (!vl_disk_is_media(disk))
        return VL_GUEST_UNKNOWN;
    return vl_guest_media_family(vl_disk_source_path(disk), what);
}

bool
vl_disk_is_virtio_win(xmlNodePtr disk)
{
    const char *what;

    return vl_disk_install_media(disk, &what) == VL_GUEST_WINDOWS && strcmp(what, "virtio-win") == 0;
}

xmlNodePtr
vl_model_install_media(const VlModel *m, VlGuestFamily family)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        if (vl_disk_install_media(disk, NULL) == family)
            return disk;
    }
    return NULL;
}
