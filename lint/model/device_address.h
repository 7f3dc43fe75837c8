/* Device addresses as libvirt reads them, for the rules that find two
 * devices at one address (pci-address-conflict, usb-address-conflict,
 * disk-drive-address-conflict, hostdev-duplicate). */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

/* An address attribute: "0x1f" (hex) or "31" (decimal); absent is 0.
 * False when it is neither. */
bool vl_address_part(xmlNodePtr address, const char *name, guint64 *out);

/* A PCI address (<address type='pci'> or a hostdev's <source><address>)
 * as "dddd:bb:ss.f", libvirt's own spelling in its messages; NULL when a
 * part does not parse. */
char *vl_pci_address_key(xmlNodePtr address);

/* How a finding names a device: "<disk> vda", "<hostdev>", "<controller
 * type='usb'>", ... */
char *vl_device_label(xmlNodePtr dev);

/* A <disk>'s bus: written, or the one libvirt picks without it
 * (virDomainDiskDefParseXML): "fdc" for a floppy, else by the target
 * name's prefix (hd IDE, sd SCSI, vd virtio, xvd Xen, ubd UML), else
 * "ide". */
const char *vl_disk_bus(xmlNodePtr disk);
