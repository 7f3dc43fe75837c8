/* Whether a fix that adds a PCI device leaves a domain libvirt can still
 * define: the machine has PCI at all, and a slot is left for the device.
 * Shared by the fixers' rules that add devices (rng-missing, ...). */
#pragma once

#include <stdbool.h>

#include "lint/model/model.h"

/* The machine has no PCI bus (x86 isapc and microvm): libvirt refuses any
 * PCI device there ("No PCI buses available"). */
bool vl_pci_machine_without_pci(const VlModel *model);

/* Every slot of bus 0 (1 to 31) is taken by a device with an explicit
 * address and there is no other PCI controller to plug into: libvirt can
 * place no new device, not even the pci-bridge it would add for one
 * (libvirt's pci-many.xml).  Only explicit addresses are counted, so a
 * false "full" is impossible; a bus filled by unaddressed devices is not
 * recognised. */
bool vl_pci_bus0_full(const VlModel *model);

/* Why a new PCI device cannot be added automatically, or NULL when it can. */
const char *vl_pci_no_room_reason(const VlModel *model);
