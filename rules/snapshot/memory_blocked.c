/* snapshot-memory-blocked: a memory snapshot of a guest QEMU cannot save
 * (snapshot documents, virsh snapshot-dumpxml). */
#include <string.h>

#include "lint/model/snapshot_modes.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Why QEMU cannot save this guest's state, or NULL. */
static const char *
state_blocker(const VlModel *m)
{
    xmlNodePtr cpu_invtsc = NULL;

    for (guint i = 0; i < m->hostdevs->len; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(m->hostdevs, i), "type", "pci"))
            return "a PCI device is passed through (VFIO devices cannot be saved)";
    }
    for (guint i = 0; i < m->filesystems->len; i++) {
        if (vl_xml_child_with(g_ptr_array_index(m->filesystems, i), "driver", "type", "virtiofs"))
            return "a virtiofs filesystem is attached (\"migration with virtiofs device is not supported\")";
    }
    for (xmlNodePtr f = m->cpu ? m->cpu->children : NULL; f; f = f->next) {
        if (vl_xml_is(f, "feature") && vl_xml_attr_is(f, "name", "invtsc") &&
            (vl_xml_attr_is(f, "policy", "require") || vl_xml_attr_is(f, "policy", "force")))
            cpu_invtsc = f;
    }
    if ((cpu_invtsc || vl_xml_attr_is(m->cpu, "migratable", "off")) &&
        !vl_xml_attr(vl_model_timer(m, "tsc"), "frequency"))
        return "the CPU has invtsc without a fixed TSC frequency (<timer name='tsc' frequency='...'/>)";
    if (vl_xml_attr_is(m->hyperv, "mode", "passthrough")) /* false without <hyperv> */
        return "Hyper-V is in passthrough mode, which QEMU cannot migrate or save";
    return NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    const char *why;
    xmlNodePtr where;
    VlFinding *f;

    /* vl_snapshot_was_running() is false for a domain document, which has no <state> */
    if (!vl_snapshot_was_running(m) || strcmp(vl_snapshot_memory_mode(m), "no") == 0 || !(why = state_blocker(m)))
        return;
    where = vl_xml_child(m->snapshot, "memory") ? vl_xml_child(m->snapshot, "memory") : m->snapshot;
    f = vl_report(report, where, "<%s>: snapshot with the guest's memory, which QEMU cannot save",
                  (const char *) where->name);
    vl_finding_help(f, "take a disk-only snapshot (<memory snapshot='no'/>, virsh snapshot-create-as --disk-only) "
                       "or shut the guest down first");
    vl_finding_note(f, "%s: saving the memory state fails, so this snapshot cannot be taken (or reverted to)", why);
}

const VlRule vl_rule_snapshot_memory_blocked = {
    .id = "snapshot-memory-blocked",
    .category = "snapshot",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A snapshot with memory of a guest whose state QEMU cannot save",
    .rationale =
        "A snapshot that includes the guest's memory saves its device state the way a migration does. "
        "QEMU refuses that for guests with a passed-through PCI device, a virtiofs filesystem, an invtsc "
        "CPU without a fixed TSC frequency, or Hyper-V passthrough mode, so such a snapshot fails. Kevin "
        "Locke's guide notes virtiofs prevents snapshots while running. Disk-only snapshots, or snapshots of the "
        "guest shut off, still work.",
    .sources = { "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Virtio-fs: no save or snapshots while running)",
                 "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (invtsc, VFIO passthrough)",
                 "libvirt src/qemu/qemu_migration.c", "https://libvirt.org/kbase/virtiofs.html" },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<domainsnapshot>\n  <state>running</state>\n  <memory snapshot='internal'/>\n  <domain>... <hostdev type='pci'> ...</domain>\n</domainsnapshot>",
    .example_good = "<domainsnapshot>\n  <memory snapshot='no'/>\n  <disks><disk name='vda' snapshot='external'/></disks>\n</domainsnapshot>",
    .check = check,
};
