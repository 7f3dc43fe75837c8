/* hostdev-duplicate: one host device passed through twice. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/device_address.h"

/* Attribute ATTR of NODE, written and a number (libvirt requires each
 * part it compares). */
static bool
number(xmlNodePtr node, const char *attr, guint64 *out)
{
    return vl_xml_attr(node, attr) && vl_address_part(node, attr, out);
}

/* What identifies the host device of a subsystem <hostdev>, as libvirt
 * compares each hostdev with every later one (virDomainHostdevMatch, in
 * domain_validate.c): PCI by host address, SCSI by adapter and address,
 * mdev by UUID, and USB by bus and device when the earlier one has both,
 * else by vendor and product.  *KEY is what an earlier hostdev is known by;
 * a later USB hostdev is looked up by *KEY and by *ALSO, its vendor and
 * product when it has bus and device too.  False when there is nothing to
 * compare (SCSI host, an unreadable source). */
static bool
source_keys(xmlNodePtr hostdev, char **key, char **also)
{
    const char *mode = vl_xml_attr(hostdev, "mode");
    xmlNodePtr source = vl_xml_child(hostdev, "source");
    xmlNodePtr address = vl_xml_child(source, "address");

    *key = *also = NULL;
    if (mode && strcmp(mode, "subsystem") != 0)
        return false;
    if (vl_xml_attr_is(hostdev, "type", "pci")) {
        g_autofree char *pci = address ? vl_pci_address_key(address) : NULL;
        *key = pci ? g_strdup_printf("pci %s", pci) : NULL;
    } else if (vl_xml_attr_is(hostdev, "type", "usb")) {
        /* mutate: skip[const+1] — never read unless number() wrote them first (a key is built only when every number() it uses succeeded); the zeros only keep mutants that drop a number() call defined */
        guint64 bus = 0, device = 0, v = 0, p = 0;

        if (number(vl_xml_child(source, "vendor"), "id", &v) && number(vl_xml_child(source, "product"), "id", &p))
            *also = g_strdup_printf("usb %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT, v, p);
        if (number(address, "bus", &bus) && number(address, "device", &device))
            *key = g_strdup_printf("usb bus %" G_GUINT64_FORMAT " device %" G_GUINT64_FORMAT, bus, device);
        else
            *key = g_steal_pointer(also);
    } else if (vl_xml_attr_is(hostdev, "type", "scsi")) {
        const char *adapter = vl_xml_attr(vl_xml_child(source, "adapter"), "name");
        /* mutate: skip[const+1] — never read unless number() wrote them first: the key needs adapter and all three number() calls to succeed */
        guint64 bus = 0, target = 0, unit = 0;

        if (adapter && number(address, "bus", &bus) && number(address, "target", &target) &&
            number(address, "unit", &unit))
            *key = g_strdup_printf("scsi %s %" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                                   adapter, bus, target, unit);
    } else if (vl_xml_attr_is(hostdev, "type", "mdev")) {
        const char *uuid = vl_xml_attr(address, "uuid");
        *key = uuid ? g_ascii_strdown(uuid, -1) : NULL;
    }
    if (!*key)
        g_clear_pointer(also, g_free);
    return *key != NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr hostdev = g_ptr_array_index(m->hostdevs, i), first;
        g_autofree char *also = NULL;
        char *key;

        if (!source_keys(hostdev, &key, &also))
            continue;
        first = g_hash_table_lookup(seen, key);
        if (!first && also)
            first = g_hash_table_lookup(seen, also);
        if (first) {
            VlFinding *f = vl_report(report, vl_xml_child(hostdev, "source"),
                                     "this <hostdev> passes through the same host device as the one on line %d",
                                     vl_xml_line(first));
            vl_finding_help(f, "remove one of the two");
            g_free(key);
            continue;
        }
        g_hash_table_insert(seen, key, hostdev);
    }
}

const VlRule vl_rule_hostdev_duplicate = {
    .id = "hostdev-duplicate",
    .category = "hostdev",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The same host device is passed through twice",
    .rationale =
        "A host device can be given to a guest once. Passing through a GPU and its audio function "
        "(the WindowsKVM build) by copying the GPU's <hostdev> and forgetting to change function='0x0' to "
        "'0x1', or adding a USB receiver a second time, makes libvirt refuse the domain (\"Hostdev "
        "already exists in the domain configuration\"). libvirt compares PCI devices by host "
        "address, a USB device with bus and device numbers by those and one without by vendor and "
        "product against every later one (so two identical USB dongles need their bus and device "
        "numbers; checked with libvirt 9.0), SCSI devices by "
        "adapter and address, and mediated devices by UUID; virtlint does the same and reports "
        "every repeat with the line of the first.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (PCI passthrough: GPU VGA, GPU audio, xHCI)",
        "libvirt src/conf/domain_conf.c (virDomainHostdevMatch)",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Hostdev already exists in the domain configuration",
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' "
                   "bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>\n<hostdev mode='subsystem' "
                   "type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' "
                   "function='0x0'/></source>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' "
                    "bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>\n<hostdev mode='subsystem' "
                    "type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' "
                    "function='0x1'/></source>\n</hostdev>",
    .check = check,
};
