/* snapshot-migration-blockers: devices whose state QEMU or libvirt cannot
 * save, so the guest cannot be migrated, saved or snapshotted with memory. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

typedef struct {
    const char *what;     /* "PCI host device" */
    const char *why;      /* the refusal */
    xmlNodePtr first;
    guint count;
} Blocker;

static bool
transient_teaming(xmlNodePtr dev)
{
    return vl_xml_child_with(dev, "teaming", "type", "transient") != NULL;
}

static void
add(Blocker *b, xmlNodePtr dev)
{
    if (!b->first)
        b->first = dev;
    b->count++;
}

static void
check(const VlModel *m, VlReport *report)
{
    Blocker blockers[] = {
        { "assigned PCI host device (VFIO)", "QEMU registers a migration blocker for VFIO devices without "
          "migration support; libvirt without QEMU's blocker list: \"cannot migrate a domain with <hostdev "
          "mode='subsystem' type='pci'>\"", NULL, 0 },
        { "mediated device (mdev)", "\"cannot migrate a domain with <hostdev mode='subsystem' type='mdev'>\"",
          NULL, 0 },
        { "SCSI host device", "\"cannot migrate a domain with <hostdev mode='subsystem' type='scsi'>\"", NULL, 0 },
        { "<interface type='hostdev'> (SR-IOV VF)", "\"cannot migrate a domain with <interface type='hostdev'>\" "
          "unless it has <teaming type='transient'>", NULL, 0 },
        { "vDPA interface", "\"vDPA devices cannot be migrated\"", NULL, 0 },
        { "virtiofs filesystem", "\"migration with virtiofs device is not supported\"", NULL, 0 },
        { "shmem device without role='master'", "\"shmem device '...' cannot be migrated, only shmem with "
          "role='master' can be migrated\"", NULL, 0 },
        { "Hyper-V passthrough mode", "QEMU blocks migration with hv-passthrough", NULL, 0 },
    };

    if (m->snapshot)
        return; /* snapshot documents: snapshot-memory-blocked */
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        const char *type = vl_xml_attr(dev, "type");

        if (!vl_xml_attr_is(dev, "mode", "subsystem") && vl_xml_attr(dev, "mode"))
            continue; /* mode='capabilities' is for LXC */
        if (g_strcmp0(type, "pci") == 0 && !transient_teaming(dev))
            add(&blockers[0], dev);
        else if (g_strcmp0(type, "mdev") == 0)
            add(&blockers[1], dev);
        else if (g_strcmp0(type, "scsi") == 0 || g_strcmp0(type, "scsi_host") == 0)
            add(&blockers[2], dev);
    }
    for (guint i = 0; i < m->interfaces->len; i++) {
        xmlNodePtr net = g_ptr_array_index(m->interfaces, i);

        if (vl_xml_attr_is(net, "type", "hostdev") && !transient_teaming(net))
            add(&blockers[3], net);
        else if (vl_xml_attr_is(net, "type", "vdpa"))
            add(&blockers[4], net);
    }
    for (guint i = 0; i < m->filesystems->len; i++) {
        xmlNodePtr fs = g_ptr_array_index(m->filesystems, i);
        if (vl_xml_child_with(fs, "driver", "type", "virtiofs"))
            add(&blockers[5], fs);
    }
    for (guint i = 0; i < vl_model_devices(m, "shmem")->len; i++) {
        xmlNodePtr shmem = g_ptr_array_index(vl_model_devices(m, "shmem"), i);
        if (!vl_xml_attr_is(shmem, "role", "master"))
            add(&blockers[6], shmem);
    }
    if (g_strcmp0(m->hyperv_mode, "passthrough") == 0) /* hyperv_mode is NULL without <hyperv> */
        add(&blockers[7], m->hyperv);

    for (gsize i = 0; i < G_N_ELEMENTS(blockers); i++) {
        Blocker *b = &blockers[i];
        VlFinding *f;

        if (!b->first)
            continue;
        if (b->what[0] == '<') /* it names its element */
            f = vl_report(report, b->first, "%s: the guest's state cannot be saved while it runs", b->what);
        else
            f = vl_report(report, b->first, "<%s>: %s: the guest's state cannot be saved while it runs",
                          (const char *) b->first->name, b->what);
        vl_finding_help(f, "shut the guest down for migration, save and memory snapshots, or take disk-only "
                           "snapshots");
        vl_finding_note(f, "%s", b->why);
        vl_finding_note(f, "live migration, virsh save, managed save (libvirt-guests suspending guests at host "
                           "shutdown) and snapshots that include memory then fail");
        if (b->count > 1)
            vl_finding_note(f, "%s, %u in all (this is the first)", b->what, b->count);
    }
}

const VlRule vl_rule_snapshot_migration_blockers = {
    .id = "snapshot-migration-blockers",
    .category = "snapshot",
    .severity = VL_SEVERITY_INFO,
    .summary = "Devices that stop migration, save and snapshots with memory",
    .rationale =
        "Saving a running guest (virsh save, managed save, a snapshot with memory) writes its device state "
        "the way a migration does, and the same checks stop it. libvirt refuses domains with assigned PCI, "
        "mdev or SCSI host devices, SR-IOV interfaces (unless transient teaming is set up), vDPA "
        "interfaces, virtiofs filesystems and shmem devices that are not role='master' (libvirt "
        "qemu_migration.c); with a QEMU that reports migration blockers, libvirt 9.0 asks QEMU first, "
        "which refuses VFIO devices and hv-passthrough. Kevin Locke's guide notes that virtiofs prevents saving and "
        "snapshots while the guest runs; the WindowsKVM build's gaming guest passes through its GPU and USB "
        "controller. Nothing needs changing: this is for backup and host-maintenance planning (shut the "
        "guest down, or take disk-only snapshots).",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Virtio-fs: migration, save and snapshots while running)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (PCI passthrough of GPU and xHCI)",
        "libvirt src/qemu/qemu_migration.c (qemuMigrationSrcIsAllowed, qemuMigrationSrcIsAllowedHostdev)",
        "https://libvirt.org/kbase/virtiofs.html",
    },
    .fix = VL_FIX_NONE,
    .consequence = true,
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source>\n    <address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/>\n  </source>\n</hostdev>",
    .example_good = "<!-- nothing to change: shut the guest down before saving it, or use\n     virsh snapshot-create-as GUEST NAME --disk-only -->",
    .check = check,
};
