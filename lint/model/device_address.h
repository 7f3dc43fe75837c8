/* Device addresses as libvirt reads them, for the rules that find two
 * devices at one address (pci-address-conflict, usb-address-conflict,
 * disk-drive-address-conflict, hostdev-duplicate) and the PCI rules. */
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

/* A PCI address number written in hex (0x..) or decimal; false for NULL
 * and "" (vl_address_part reads an absent attribute as 0 instead). */
bool vl_pci_number(const char *text, guint64 *out);
