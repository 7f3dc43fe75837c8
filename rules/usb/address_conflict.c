/* usb-address-conflict: two devices at one guest USB port. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/device_address.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    if (!m->devices)
        return;
    for (xmlNodePtr dev = m->devices->children; dev; dev = dev->next) {
        xmlNodePtr address = vl_xml_child(dev, "address"), first;
        const char *port = vl_xml_attr(address, "port");
        g_autofree char *label = NULL, *other = NULL;
        guint64 bus;
        char *key;
        VlFinding *f;

        /* a port is "1" or a path through hubs, "1.2"; without one libvirt
         * picks a free port */
        if (!vl_xml_attr_is(address, "type", "usb") || !port || !vl_address_part(address, "bus", &bus))
            continue;
        key = g_strdup_printf("%" G_GUINT64_FORMAT " %s", bus, port);
        if (!(first = g_hash_table_lookup(seen, key))) {
            g_hash_table_insert(seen, key, dev);
            continue;
        }
        g_free(key);
        label = vl_device_label(dev);
        other = vl_device_label(first);
        f = vl_report(report, address, "%s: USB bus %" G_GUINT64_FORMAT " port %s is also used by %s (line %d)", label,
                      bus, port, other, vl_xml_line(first));
        vl_finding_help(f, "remove the <address> of one of the two devices and libvirt picks a free port");
        vl_finding_note(f, "libvirt refuses the domain: \"Duplicate USB address bus %" G_GUINT64_FORMAT " port %s\"",
                        bus, port);
    }
}

const VlRule vl_rule_usb_address_conflict = {
    .id = "usb-address-conflict",
    .category = "usb",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Two devices on the same guest USB port",
    .rationale =
        "A USB device with <address type='usb' bus='0' port='N'/> is plugged into that port of the "
        "guest's USB controller (port '1.2' is port 2 of a hub on port 1). Two devices written on "
        "one port, typically a keyboard or mouse given to the guest as a USB <hostdev> (the WindowsKVM build "
        "passes its peripherals through with the whole xHCI controller instead) "
        "added by copying another device's block, make libvirt refuse the domain (\"Duplicate USB "
        "address bus 0 port 1\"). virtlint reports every repeat at the second device with the line "
        "of the first; remove the <address> of one and libvirt picks a free port.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (USB: peripherals passed through to the guest)",
        "libvirt src/conf/domain_addr.c (virDomainUSBAddressReserve)",
        "https://libvirt.org/formatdomain.html#device-addresses",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Duplicate USB address",
    .example_bad = "<input type='tablet' bus='usb'>\n  <address type='usb' bus='0' port='1'/>\n</input>\n<hostdev "
                   "mode='subsystem' type='usb' managed='yes'>\n  <source>\n    <vendor id='0x046d'/>\n    "
                   "<product id='0xc52b'/>\n  </source>\n  <address type='usb' bus='0' port='1'/>\n</hostdev>",
    .example_good = "<input type='tablet' bus='usb'>\n  <address type='usb' bus='0' port='1'/>\n</input>\n<hostdev "
                    "mode='subsystem' type='usb' managed='yes'>\n  <source>\n    <vendor id='0x046d'/>\n    "
                    "<product id='0xc52b'/>\n  </source>\n</hostdev>",
    .check = check,
};
