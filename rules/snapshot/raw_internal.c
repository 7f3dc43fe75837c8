/* snapshot-raw-internal: an internal snapshot of a raw disk (snapshot
 * documents, virsh snapshot-dumpxml). */
#include <string.h>

#include "lint/model/snapshot_modes.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    if (!m->snapshot)
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i), entry;
        const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");
        xmlNodePtr where;
        VlFinding *f;

        if (!vl_xml_attr_is(vl_xml_child(disk, "driver"), "type", "raw"))
            continue;
        if (strcmp(vl_snapshot_disk_mode(m, disk, &entry), "internal") != 0)
            continue;
        where = entry ? entry : m->snapshot;
        f = vl_report(report, where, "<%s>: internal snapshot of disk %s, a raw image", (const char *) where->name,
                      dev ? dev : "?");
        vl_finding_help(f, "use snapshot='external' for this disk (a qcow2 overlay on top of the raw image)");
        vl_finding_note(f, "libvirt refuses it: \"internal snapshot for disk %s unsupported for storage type "
                           "raw\"", dev ? dev : "?");
        vl_finding_note(f, "raw images hold no snapshots");
    }
}

const VlRule vl_rule_snapshot_raw_internal = {
    .id = "snapshot-raw-internal",
    .category = "snapshot",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An internal snapshot of a raw disk image",
    .rationale =
        "Only qcow2 images can hold internal snapshots. libvirt refuses an internal snapshot of a raw "
        "disk (\"internal snapshot for disk vda unsupported for storage type raw\"); the WindowsKVM build keeps its "
        "raw image and copies it instead. An external snapshot puts a qcow2 overlay on the raw image and "
        "works.",
    .sources = { "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Snapshot before experimenting: raw, no qcow2 snapshots)",
                 "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Format: qcow2 supports snapshots, raw does not)",
                 "libvirt src/qemu/qemu_snapshot.c" },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "unsupported for storage type raw",
    .example_bad = "<disks>\n  <disk name='vda' snapshot='internal'/>  <!-- vda is raw -->\n</disks>",
    .example_good = "<disks>\n  <disk name='vda' snapshot='external'/>\n</disks>",
    .check = check,
};
