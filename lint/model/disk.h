/* How libvirt reads a <disk> when attributes are left out: device, type,
 * bus, target names, and the target names still free. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The disk's device: its device attribute, libvirt's default "disk". */
const char *vl_disk_device(xmlNodePtr disk);
/* The disk's type: its type attribute, libvirt's default "file". */
const char *vl_disk_type(xmlNodePtr disk);
/* The disk's bus: target/@bus, or the one libvirt picks without it
 * (virDomainDiskDefParseXML): "fdc" for a floppy, else by the target name's
 * prefix (hd* ide, sd* scsi, vd* virtio, xvd* xen, ubd* uml), anything else
 * "ide".  Never NULL: a disk without <target> (which libvirt refuses) reads
 * as a target without a name. */
const char *vl_disk_bus(xmlNodePtr disk);
/* vl_disk_bus, but NULL without a <target>. */
const char *vl_disk_target_bus(xmlNodePtr disk);
/* target/@dev, or NULL. */
const char *vl_disk_dev(xmlNodePtr disk);
/* The disk is read-only (<readonly/>). */
bool vl_disk_readonly(xmlNodePtr disk);
/* The index libvirt derives from a target name: the letters after the
 * prefix as a bijective base-26 number (sda 0, sdz 25, sdaa 26).  -1 when
 * the name does not end in lowercase letters after PREFIX. */
int vl_disk_dev_index(const char *dev, const char *prefix);
/* The name PREFIX + letters of INDEX (the inverse of vl_disk_dev_index). */
char *vl_disk_dev_name(const char *prefix, int index);
/* The first target name PREFIX + letters that no disk of M uses and that
 * TAKEN (names already handed out, may be NULL) does not hold; the name is
 * added to TAKEN. */
char *vl_disk_free_dev(const VlModel *m, const char *prefix, GHashTable *taken);
