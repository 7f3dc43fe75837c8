/* Removable media and install media.  A disk is media when libvirt gives
 * the guest a removable drive (device cdrom or floppy), and also when its
 * image is an ISO file whatever device= says: an ISO attached as
 * device='disk' is still an installer or a driver disc, not a system disk,
 * and rules about system disks (bus, cache, discard) do not apply to it. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

typedef enum {
    VL_MEDIA_NONE,      /* a system (or data) disk */
    VL_MEDIA_DRIVE,     /* device='cdrom' or 'floppy' */
    VL_MEDIA_ISO_IMAGE, /* device='disk' (or lun) whose source file ends in .iso */
} VlMediaKind;

/* <source file=...> (or dev=, for a block device) of DISK, or NULL. */
const char *vl_disk_source_path(xmlNodePtr disk);
/* What kind of media DISK is; VL_MEDIA_NONE for a system disk. */
VlMediaKind vl_disk_media_kind(xmlNodePtr disk);
/* DISK is removable media (either kind). */
bool vl_disk_is_media(xmlNodePtr disk);
/* DISK is media whose image is named for an OS's install or driver media
 * (guest.c's media names: Win11_*.iso, virtio-win, ubuntu-*.iso, Bliss-*.iso,
 * ...): that OS; VL_GUEST_UNKNOWN otherwise.  *WHAT receives the matched
 * name (may be NULL). */
VlGuestFamily vl_disk_install_media(xmlNodePtr disk, const char **what);
/* DISK is the virtio-win driver disc (Windows drivers, not an OS). */
bool vl_disk_is_virtio_win(xmlNodePtr disk);
/* The first media disk of MODEL for FAMILY, or NULL. */
xmlNodePtr vl_model_install_media(const VlModel *model, VlGuestFamily family);
