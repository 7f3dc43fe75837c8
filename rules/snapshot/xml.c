/* Rules for <domainsnapshot> documents (virsh snapshot-dumpxml): what the
 * snapshot asks of libvirt and QEMU, given the domain it embeds.
 *   snapshot-uefi-internal    internal snapshot of a running UEFI guest
 *   snapshot-raw-internal     internal snapshot of a raw disk
 *   snapshot-memory-blocked   a memory snapshot of a guest QEMU cannot save */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* The snapshot's memory mode: internal, external or no. */
static const char *
memory_mode(const VlModel *m)
{
    xmlNodePtr memory = vl_xml_child(m->snapshot, "memory");
    const char *mode = vl_xml_attr(memory, "snapshot");
    char state[32];

    if (mode)
        return mode;
    /* without <memory>, a snapshot of a running guest saves its memory inside */
    vl_xml_text(vl_xml_child(m->snapshot, "state"), state, sizeof(state));
    return strcmp(state, "running") == 0 || strcmp(state, "paused") == 0 ? "internal" : "no";
}

static bool
was_running(const VlModel *m)
{
    char state[32];

    vl_xml_text(vl_xml_child(m->snapshot, "state"), state, sizeof(state));
    return strcmp(state, "running") == 0 || strcmp(state, "paused") == 0;
}

/* The snapshot mode of the domain disk DISK: its <disks><disk> entry, or the
 * memory mode's default. */
static const char *
disk_mode(const VlModel *m, xmlNodePtr disk, xmlNodePtr *entry)
{
    const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");
    const char *mode;

    /* libvirt refuses a snapshot that names a disk twice */
    *entry = dev ? vl_xml_child_with(vl_xml_child(m->snapshot, "disks"), "disk", "name", dev) : NULL;
    if ((mode = vl_xml_attr(*entry, "snapshot")))
        return mode;
    if (!vl_xml_attr_is(disk, "device", "disk") && vl_xml_attr(disk, "device"))
        return "no"; /* cdroms and floppies are not snapshotted */
    return strcmp(memory_mode(m), "external") == 0 ? "external" : "internal";
}

static bool
snapshot_has_internal(const VlModel *m)
{
    if (strcmp(memory_mode(m), "internal") == 0)
        return true;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr entry;
        if (strcmp(disk_mode(m, g_ptr_array_index(m->disks, i), &entry), "internal") == 0)
            return true;
    }
    return false;
}

static void
check_uefi_internal(const VlModel *m, VlReport *report)
{
    unsigned v = m->config->libvirt_version;
    char version[32];

    if (!m->snapshot || !m->pflash_nvram || !snapshot_has_internal(m))
        return;
    if (!was_running(m) && v < VL_LIBVIRT(9, 2))
        return; /* libvirt 9.0 and 9.1 take internal snapshots of a shut-off UEFI guest */
    vl_report(report, m->snapshot,
              "internal snapshot of a UEFI guest with a pflash NVRAM%s: libvirt %s refuses to create it "
              "(\"internal snapshots of a VM with pflash based firmware are not supported\"); take an "
              "external one: <memory snapshot='external' file='...'/> and <disk snapshot='external'>, "
              "or virsh snapshot-create-as --disk-only",
              was_running(m) ? " while it runs" : "", vl_version_format(v, version, sizeof(version)));
}

static void
check_raw_internal(const VlModel *m, VlReport *report)
{
    if (!m->snapshot)
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i), entry;
        const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");

        if (!vl_xml_attr_is(vl_xml_child(disk, "driver"), "type", "raw"))
            continue;
        if (strcmp(disk_mode(m, disk, &entry), "internal") != 0)
            continue;
        vl_report(report, entry ? entry : m->snapshot,
                  "internal snapshot of disk %s, a raw image: libvirt refuses it (\"internal snapshot for "
                  "disk %s unsupported for storage type raw\"); raw images hold no snapshots, so use "
                  "snapshot='external' for this disk (a qcow2 overlay on top of the raw image)",
                  dev ? dev : "?", dev ? dev : "?");
    }
}

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
check_memory_blocked(const VlModel *m, VlReport *report)
{
    const char *why;

    /* was_running() is false for a domain document, which has no <state> */
    if (!was_running(m) || strcmp(memory_mode(m), "no") == 0 || !(why = state_blocker(m)))
        return;
    vl_report(report, vl_xml_child(m->snapshot, "memory") ? vl_xml_child(m->snapshot, "memory") : m->snapshot,
              "snapshot with the guest's memory, but %s: saving the memory state fails, so this snapshot "
              "cannot be taken (or reverted to); take a disk-only snapshot (<memory snapshot='no'/>, "
              "virsh snapshot-create-as --disk-only) or shut the guest down first", why);
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
    .check = check_uefi_internal,
};

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
    .check = check_raw_internal,
};

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
    .check = check_memory_blocked,
};
