/* pci-address-conflict: two devices at one guest PCI address, or a device
 * at an address the chipset already uses. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/device_address.h"
#include "lint/model/disk.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

typedef struct {
    xmlNodePtr dev;     /* the device holding the address; NULL for the chipset */
    const char *what;   /* for the chipset: what sits there */
} Holder;

/* The controller of TYPE with index 0, or NULL. */
static xmlNodePtr
controller0(const VlModel *m, const char *type)
{
    GPtrArray *controllers = vl_model_devices(m, "controller");

    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        const char *index = vl_xml_attr(c, "index");
        if (vl_xml_attr_is(c, "type", type) && (!index || strcmp(index, "0") == 0))
            return c;
    }
    return NULL;
}

static bool
has_disk_on(const VlModel *m, const char *bus)
{
    for (guint i = 0; i < m->disks->len; i++) {
        if (strcmp(vl_disk_bus(g_ptr_array_index(m->disks, i)), bus) == 0)
            return true;
    }
    return false;
}

static void
reserve(GHashTable *taken, const char *key, xmlNodePtr dev, const char *what)
{
    Holder *h = g_new0(Holder, 1);

    h->dev = dev;
    h->what = what;
    g_hash_table_insert(taken, g_strdup(key), h);
}

/* What libvirt puts at fixed addresses of the chipset before it looks at
 * the devices' own addresses (src/qemu/qemu_domain_address.c, the
 * qemuDomainValidateDevicePCISlots functions; each checked with libvirt
 * 9.0): a device written there is "double use". */
static void
reserve_chipset(const VlModel *m, GHashTable *taken)
{
    /* the chipset layout is QEMU's */
    if (!vl_is_x86(m) || (m->domain_type && !vl_is_qemu(m)))
        return;
    if (m->machine_family == VL_MACHINE_I440FX || m->machine_family == VL_MACHINE_UNKNOWN) {
        xmlNodePtr ide = controller0(m, "ide"), usb = controller0(m, "usb");
        const char *model = vl_xml_attr(usb, "model");

        reserve(taken, "0000:00:01.0", NULL, "the PIIX3 ISA bridge");
        reserve(taken, "0000:00:01.3", NULL, "the PIIX3 ACPI controller");
        /* the IDE function exists when there is an IDE controller or disk */
        if ((ide || has_disk_on(m, "ide")) && !vl_xml_child(ide, "address"))
            reserve(taken, "0000:00:01.1", ide, "the PIIX3 IDE controller");
        /* the default USB controller is the PIIX3's UHCI function (no
         * controller, or one without a model, is that default; model='none'
         * and other models are not it) */
        if ((!model || strcmp(model, "piix3-uhci") == 0) && !vl_xml_child(usb, "address"))
            reserve(taken, "0000:00:01.2", usb, "the PIIX3 USB controller");
    } else if (m->machine_family == VL_MACHINE_Q35) {
        xmlNodePtr sata = controller0(m, "sata");

        reserve(taken, "0000:00:1f.0", NULL, "the ICH9 LPC bridge");
        reserve(taken, "0000:00:1f.3", NULL, "the ICH9 SMBus controller");
        if (!vl_xml_child(sata, "address"))
            reserve(taken, "0000:00:1f.2", sata, "the ICH9 SATA controller");
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);

    if (!m->devices)
        return;
    reserve_chipset(m, taken);
    for (xmlNodePtr dev = m->devices->children; dev; dev = dev->next) {
        xmlNodePtr address = vl_xml_child(dev, "address");
        g_autofree char *key = NULL, *label = NULL, *other = NULL;
        Holder *h;
        VlFinding *f;

        if (!vl_xml_attr_is(address, "type", "pci") || !(key = vl_pci_address_key(address)))
            continue;
        /* all zero (<address type='pci'/>) asks libvirt to pick an address;
         * a <console> is the first <serial> again; a disk off the virtio bus
         * with a PCI address is refused for that reason */
        if (strcmp(key, "0000:00:00.0") == 0 || vl_xml_is(dev, "console") ||
            (vl_xml_is(dev, "disk") && !vl_xml_attr_is(vl_xml_child(dev, "target"), "bus", "virtio")))
            continue;
        if (!(h = g_hash_table_lookup(taken, key))) {
            reserve(taken, key, dev, NULL);
            continue;
        }
        label = vl_device_label(dev);
        other = h->what ? g_strdup(h->what) : vl_device_label(h->dev);
        if (h->dev)
            f = vl_report(report, address, "%s: PCI address %s already used by %s", label, key, other);
        else
            f = vl_report(report, address, "%s: PCI address %s is %s's", label, key, other);
        vl_finding_help(f, "remove the <address> of %s and libvirt assigns a free one",
                        h->dev ? "one of the two devices" : "this device");
        vl_finding_note(f, "libvirt refuses the domain: \"Attempted double use of PCI Address\"");
        if (h->dev)
            vl_finding_note(f, "%s is on line %d", other, vl_xml_line(h->dev));
    }
}

const VlRule vl_rule_pci_address_conflict = {
    .id = "pci-address-conflict",
    .category = "pci",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Two devices at the same guest PCI address",
    .rationale =
        "Every device with a guest PCI address needs its own domain:bus:slot.function. Copying a "
        "<hostdev> or a disk block, or moving a device by hand to make room for a GPU (Kevin Locke's guide "
        "talks about placing devices on the root bus), easily leaves two devices at one address, "
        "and libvirt refuses the domain with \"Attempted double use of PCI Address\". Some addresses "
        "are the chipset's without being written in the XML (checked with libvirt 9.0): on i440fx "
        "00:01.0 and 00:01.3 (PIIX3 ISA bridge and ACPI), 00:01.1 when there is an IDE controller or "
        "disk, and 00:01.2 for the default USB controller; on q35 00:1f.0, 00:1f.2 (SATA) and 00:1f.3. "
        "libvirt stops at the first conflict; virtlint reports all of them, at the second user of "
        "each address, naming the first. Remove the <address> of one of them and libvirt assigns a "
        "free one.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (video on the PCI Express Root Complex, <address type='pci' bus='0x00'>)",
        "libvirt src/conf/domain_addr.c (virDomainPCIAddressReserveAddrInternal)",
        "libvirt src/qemu/qemu_domain_address.c (chipset slots of i440fx and q35)",
        "https://libvirt.org/formatdomain.html#device-addresses",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Attempted double use of PCI Address",
    .example_bad = "<disk type='file' device='disk'>\n  ...\n  <address type='pci' domain='0x0000' bus='0x00' "
                   "slot='0x05' function='0x0'/>\n</disk>\n<interface type='network'>\n  ...\n  <address "
                   "type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0'/>\n</interface>",
    .example_good = "<disk type='file' device='disk'>\n  ...\n  <address type='pci' domain='0x0000' bus='0x00' "
                    "slot='0x05' function='0x0'/>\n</disk>\n<interface type='network'>\n  ...\n</interface>",
    .check = check,
};
