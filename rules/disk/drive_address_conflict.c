/* disk-drive-address-conflict: two IDE, SATA or SCSI disks at one drive
 * address (controller, bus, target, unit), written or derived from the
 * target name. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/device_address.h"
#include "lint/model/disk.h"

/* The index libvirt reads from a disk name (virDiskNameParse): the letters
 * after the prefix, in base 26 ("a" 0, "z" 25, "aa" 26).  False when the
 * name has no such form, or an index past libvirt's int. */
static bool
disk_index(const char *dev, gint64 *index)
{
    static const char *const prefixes[] = { "fd", "hd", "vd", "sd", "xvd", "ubd", NULL };
    const char *const *prefix = prefixes;
    const char *letters;

    while (*prefix && !g_str_has_prefix(dev, *prefix))
        prefix++;
    if (!*prefix)
        return false;
    letters = dev + strlen(*prefix);
    *index = -1;
    for (dev = letters; g_ascii_islower(*dev); dev++) {
        *index = (*index + 1) * 26 + (*dev - 'a');
        if (*index > G_MAXINT32)
            return false;
    }
    /* digits after the letters are a partition number (sdb1), which
     * libvirt refuses in a disk target before it assigns any address
     * ("partitions can't appear in disk targets", libvirt 9.0): no drive
     * address to compare */
    if (*dev != '\0')
        return false;
    return dev != letters;
}

/* The disk's drive address as "bus controller:bus:target:unit": written,
 * or for IDE and SATA derived from the name as libvirt does
 * (virDomainDiskDefAssignAddress).  SCSI disks only count with a written
 * address: their derived unit depends on the controller model.  NULL when
 * the disk has none. */
static char *
drive_key(xmlNodePtr disk)
{
    xmlNodePtr target = vl_xml_child(disk, "target");
    xmlNodePtr address = vl_xml_child(disk, "address");
    const char *dev = vl_xml_attr(target, "dev");    /* not NULL: check() skips such disks */
    const char *bus = vl_disk_bus(disk);
    guint64 c, b, t, u;
    gint64 index;

    if (strcmp(bus, "ide") != 0 && strcmp(bus, "sata") != 0 && strcmp(bus, "scsi") != 0)
        return NULL;
    if (address) {
        if (!vl_xml_attr_is(address, "type", "drive") || !vl_address_part(address, "controller", &c) ||
            !vl_address_part(address, "bus", &b) || !vl_address_part(address, "target", &t) ||
            !vl_address_part(address, "unit", &u))
            return NULL;
    } else if (strcmp(bus, "scsi") == 0 || !disk_index(dev, &index)) {
        return NULL;
    } else if (strcmp(bus, "ide") == 0) {
        c = index / 4, b = (index % 4) / 2, t = 0, u = index % 2;
    } else {
        c = index / 6, b = 0, t = 0, u = index % 6;
    }
    return g_strdup_printf("%s controller='%" G_GUINT64_FORMAT "' bus='%" G_GUINT64_FORMAT "' target='%"
                           G_GUINT64_FORMAT "' unit='%" G_GUINT64_FORMAT "'", bus, c, b, t, u);
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_autoptr(GHashTable) names = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr first, address = vl_xml_child(disk, "address");
        const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");
        VlFinding *f;
        char *key;

        /* libvirt refuses a disk without a target name first; a repeated
         * name is disk-target-duplicate's finding, which libvirt reports
         * first */
        if (!dev || !g_hash_table_add(names, (gpointer) dev))
            continue;
        if (!(key = drive_key(disk)))
            continue;
        if (!(first = g_hash_table_lookup(seen, key))) {
            g_hash_table_insert(seen, key, disk);
            continue;
        }
        f = vl_report(report, address ? address : vl_xml_child(disk, "target"),
                      "<disk> %s: same drive address as disk %s on line %d", dev,
                      vl_xml_attr(vl_xml_child(first, "target"), "dev"), vl_xml_line(first));
        vl_finding_help(f, "remove the <address> of one disk, or give it a free unit");
        vl_finding_note(f, "both are at drive address %s", strchr(key, ' ') + 1);
        vl_finding_note(f, "libvirt refuses the domain: \"Found duplicate drive address for disk with target "
                           "name ...\"");
        g_free(key);
    }
}

const VlRule vl_rule_disk_drive_address_conflict = {
    .id = "disk-drive-address-conflict",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Two IDE, SATA or SCSI disks at the same drive address",
    .rationale =
        "An IDE, SATA or SCSI disk sits at a drive address: controller, bus, target and unit. "
        "Without an <address>, libvirt derives it from the target name (sda is SATA unit 0, sdb "
        "unit 1, ...; hdc is IDE bus 1 unit 0), so a disk whose written <address> was copied from "
        "another disk, or names the unit another disk's name implies, collides with it and libvirt "
        "refuses the domain (\"Found duplicate drive address for disk with target name ...\"). This "
        "happens when CD-ROMs are added by hand for the installation and driver ISOs (the Ubuntu reference guide). "
        "virtlint compares disks of one bus type (a disk without one takes the bus libvirt picks "
        "from its name: hd IDE, sd SCSI), derives addresses for IDE and SATA as libvirt "
        "does, and takes SCSI disks only with a written address (the derived SCSI unit depends on "
        "the controller model). Remove the <address> of one disk, or give it a free unit.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Attach ISOs: two CD-ROM devices, Windows 11 and virtio-win)",
        "libvirt src/conf/domain_conf.c (virDomainDiskDefAssignAddress, duplicate drive addresses)",
        "https://libvirt.org/formatdomain.html#device-addresses",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Found duplicate drive address",
    .example_bad = "<disk type='file' device='cdrom'>\n  <target dev='sda' bus='sata'/>\n</disk>\n<disk type='file' "
                   "device='cdrom'>\n  <target dev='sdb' bus='sata'/>\n  <address type='drive' controller='0' "
                   "bus='0' target='0' unit='0'/>\n</disk>",
    .example_good = "<disk type='file' device='cdrom'>\n  <target dev='sda' bus='sata'/>\n</disk>\n<disk type='file' "
                    "device='cdrom'>\n  <target dev='sdb' bus='sata'/>\n</disk>",
    .check = check,
};
