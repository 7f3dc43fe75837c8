/* See pci_room.h. */
#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/device_address.h"
#include "lint/model/machine.h"
#include "lint/model/pci_room.h"

bool
vl_pci_machine_without_pci(const VlModel *m)
{
    return vl_is_x86(m) && m->machine &&
           (strcmp(m->machine, "isapc") == 0 || strcmp(m->machine, "microvm") == 0 ||
            g_str_has_prefix(m->machine, "microvm-"));
}

bool
vl_pci_bus0_full(const VlModel *m)
{
    GPtrArray *controllers = vl_model_devices(m, "controller");
    guint32 used = 0;   /* bit N: slot N of bus 0 has a device */

    if (!m->devices)
        return false;
    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        const char *index = vl_xml_attr(c, "index");

        /* a second PCI controller (bridge, root port, expander) may have room */
        if (vl_xml_attr_is(c, "type", "pci") && index && strcmp(index, "0") != 0)
            return false;
    }
    for (xmlNodePtr dev = m->devices->children; dev; dev = dev->next) {
        xmlNodePtr address = vl_xml_child(dev, "address");
        guint64 domain, bus, slot;

        if (!vl_xml_attr_is(address, "type", "pci"))
            continue;
        if (vl_address_part(address, "domain", &domain) && domain == 0 &&
            vl_address_part(address, "bus", &bus) && bus == 0 &&
            vl_address_part(address, "slot", &slot) && slot >= 1 && slot <= 31)
            used |= 1u << slot;
    }
    return used == 0xfffffffeu;
}

const char *
vl_pci_no_room_reason(const VlModel *m)
{
    if (vl_pci_machine_without_pci(m))
        return "the machine type has no PCI bus";
    if (vl_pci_bus0_full(m))
        return "every slot of PCI bus 0 is taken and there is no bridge";
    return NULL;
}
