/* Device aliases: the user aliases (ua-...) a domain gives its devices and
 * the ones libvirt generates at start (hostdev0, virtio-disk1, net0, ...),
 * which qemu:arg -set and qemu:override name devices by. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The user aliases (<alias name='ua-...'/>) of the devices: name -> device. */
GHashTable *vl_user_aliases(const VlModel *m);

/* The device carrying <alias name='NAME'/> (any prefix), or NULL. */
xmlNodePtr vl_device_with_alias(const VlModel *m, const char *name);

/* Whether NAME has the form of an alias libvirt generates at start
 * (hostdev0, virtio-disk1, net0, ...); *DEVICE is then a device of the
 * domain it plausibly names, or NULL when the domain has none. */
bool vl_generated_alias(const VlModel *m, const char *name, xmlNodePtr *device, bool *implicit);

/* The QEMU alias of hostdev DEV: its user alias (<alias name='ua-...'/>), or
 * the hostdevN libvirt gives it, N counting every <hostdev> in document order
 * (checked with libvirt 9.0: usb, pci and mdev hostdevs share the counter).
 * Interfaces of type hostdev take hostdevN aliases too; with one of them in
 * the domain the numbering is not known and NULL is returned.  Free it. */
char *vl_hostdev_alias(const VlModel *m, xmlNodePtr dev);
