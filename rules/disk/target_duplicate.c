/* disk-target-duplicate: two disks with one <target dev>. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr target = vl_xml_child(disk, "target");
        const char *dev = vl_xml_attr(target, "dev");
        xmlNodePtr first;
        VlFinding *f;

        if (!dev)
            continue;
        if (!(first = g_hash_table_lookup(seen, dev))) {
            g_hash_table_insert(seen, (gpointer) dev, target);
            continue;
        }
        f = vl_report(report, target, "<target dev='%s'>: already the target of the disk on line %d", dev,
                      vl_xml_line(first->parent));
        vl_finding_help(f, "rename one of the two targets");
    }
}

const VlRule vl_rule_disk_target_duplicate = {
    .id = "disk-target-duplicate",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Two disks with the same target device name",
    .rationale =
        "A disk's <target dev> (vda, sda, hdc) names it for libvirt and, for IDE, SATA and SCSI, "
        "fixes its drive address. Adding a second disk or a CD-ROM for the VirtIO driver ISO "
        "(the Ubuntu reference guide) by copying a block and leaving dev alone gives two disks one name, and libvirt "
        "refuses the domain (\"target 'sda' duplicated for disk sources ...\"), whatever their "
        "buses. virtlint reports every repeat, at the second disk, with the line of the first; "
        "pick the next free name (sdb, vdb, ...).",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Attach ISOs: two CD-ROM devices, Windows 11 and virtio-win)",
        "libvirt src/conf/domain_conf.c (duplicate disk targets)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "duplicated for disk sources",
    .example_bad = "<disk type='file' device='cdrom'>\n  <source file='/iso/win11.iso'/>\n  <target dev='sda' "
                   "bus='sata'/>\n</disk>\n<disk type='file' device='cdrom'>\n  <source file='/iso/virtio-win.iso'/>\n"
                   "  <target dev='sda' bus='sata'/>\n</disk>",
    .example_good = "<disk type='file' device='cdrom'>\n  <source file='/iso/win11.iso'/>\n  <target dev='sda' "
                    "bus='sata'/>\n</disk>\n<disk type='file' device='cdrom'>\n  <source file='/iso/virtio-win.iso'/>\n"
                    "  <target dev='sdb' bus='sata'/>\n</disk>",
    .check = check,
};
