/* disk-windows-emulated-bus: Windows disks on emulated SATA/IDE. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) taken = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    if (!vl_guest_is_windows(&m->guest))
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr target = vl_xml_child(disk, "target");
        const char *bus = vl_disk_target_bus(disk);
        const char *dev = vl_disk_dev(disk);
        g_autofree char *to = NULL;
        VlFinding *f;

        if (vl_disk_is_media(disk) || strcmp(vl_disk_device(disk), "disk") != 0 || !bus ||
            !(strcmp(bus, "sata") == 0 || strcmp(bus, "ide") == 0))
            continue;
        if (dev)
            to = vl_disk_free_dev(m, "vd", taken);
        f = vl_report(report, target, "<disk> %s: Windows guest disk on the emulated %s bus, much slower than virtio",
                      dev ? dev : "?", strcmp(bus, "ide") == 0 ? "IDE" : "SATA");
        vl_finding_help(f, "move it to <target dev='%s' bus='virtio'/> (or bus='scsi' on a virtio-scsi controller) "
                           "once the virtio-win storage driver is installed",
                        to ? to : "vda");
        vl_finding_note(f, "an installed Windows without viostor stops with INACCESSIBLE_BOOT_DEVICE, so first "
                           "attach a small temporary virtio disk, let Windows install the driver for it, then switch "
                           "the boot disk");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        if (to) {
            g_autofree char *move = g_strdup_printf("%s:%s", dev, to);
            g_autofree char *description = g_strdup_printf("move disk %s to <target dev='%s' bus='virtio'/>", dev, to);
            vl_finding_set_fix(f, description, "moves", move, NULL);
        }
    }
}

const VlRule vl_rule_disk_windows_emulated_bus = {
    .id = "disk-windows-emulated-bus",
    .category = "disk",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest's hard disk on emulated SATA or IDE instead of virtio",
    .rationale =
        "virt-manager gives Windows guests SATA disks because Windows has no in-box virtio driver. "
        "Emulated AHCI/IDE costs a VM exit per register access and serialises I/O; virtio-blk "
        "(viostor) or virtio-scsi (vioscsi) are much faster, which the Ubuntu reference guide calls critical, and "
        "Kevin Locke's guide, the WindowsKVM build and the Japanese reinstall guide all move the disk to virtio. Changing the bus of an installed "
        "Windows boot disk is unsafe: without the driver installed and set to start at boot, "
        "Windows stops with INACCESSIBLE_BOOT_DEVICE. The safe path is to attach a small temporary "
        "virtio disk, install viostor from the virtio-win ISO, then switch; the fix (new target "
        "name, bus='virtio', drive address dropped) is therefore only applied with --unsafe-fixes. "
        "USB disks are left alone: they are removable media on purpose.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2 Storage: Disk bus VirtIO, critical for performance)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Storage Controller: virtio-blk vs virtio-scsi)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: VirtIO raw)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (SATA disk changed to SCSI on a VirtIO SCSI controller)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='sda' bus='sata'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
