/* snapshot-uefi-internal: an internal snapshot of a running UEFI guest
 * with a pflash NVRAM (snapshot documents, virsh snapshot-dumpxml). */
#include <string.h>

#include "lint/model/snapshot_modes.h"
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

static bool
snapshot_has_internal(const VlModel *m)
{
    if (strcmp(vl_snapshot_memory_mode(m), "internal") == 0)
        return true;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr entry;
        if (strcmp(vl_snapshot_disk_mode(m, g_ptr_array_index(m->disks, i), &entry), "internal") == 0)
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    unsigned v = m->config->libvirt_version;
    char version[32];
    VlFinding *f;

    if (!m->snapshot || !m->pflash_nvram || !snapshot_has_internal(m))
        return;
    if (!vl_snapshot_was_running(m) && v < VL_LIBVIRT(9, 2))
        return; /* libvirt 9.0 and 9.1 take internal snapshots of a shut-off UEFI guest */
    f = vl_report(report, m->snapshot, "<domainsnapshot>: internal snapshot of a UEFI guest with a pflash NVRAM%s",
                  vl_snapshot_was_running(m) ? " while it runs" : "");
    vl_finding_help(f, "take an external one: <memory snapshot='external' file='...'/> and <disk "
                       "snapshot='external'>, or virsh snapshot-create-as --disk-only");
    vl_finding_note(f, "libvirt %s refuses to create it: \"internal snapshots of a VM with pflash based firmware "
                       "are not supported\"", vl_version_format(v, version, sizeof(version)));
}

const VlRule vl_rule_snapshot_uefi_internal = {
    .id = "snapshot-uefi-internal",
    .category = "snapshot",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An internal snapshot of a UEFI guest whose variables live in pflash",
    .rationale =
        "libvirt refuses internal snapshots (memory or disk state kept inside qcow2 images) of a running "
        "UEFI guest with a pflash NVRAM, because the raw variable store cannot be snapshotted with it; "
        "libvirt 9.2 and later refuse them while shut off too. A snapshot XML asking for one cannot be "
        "created. External snapshots work. This checks snapshot documents; uefi-snapshot says the same "
        "of the domain itself.",
    .sources = { "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: internal snapshots with pflash)",
                 "libvirt src/qemu/qemu_snapshot.c", "https://libvirt.org/formatsnapshot.html" },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "internal snapshots of a VM with pflash based firmware are not supported",
    .example_bad = "<domainsnapshot>\n  <state>running</state>\n  <memory snapshot='internal'/>\n  <domain>... <os firmware='efi'> ...</domain>\n</domainsnapshot>",
    .example_good = "<domainsnapshot>\n  <memory snapshot='external' file='/var/lib/libvirt/qemu/snapshot/win11/s1.mem'/>\n  <disks><disk name='vda' snapshot='external'/></disks>\n</domainsnapshot>",
    .check = check,
};
