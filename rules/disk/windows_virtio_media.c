/* disk-windows-virtio-media: installing Windows onto virtio storage needs
 * the virtio-win drivers at hand. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static bool
contains_ci(const char *haystack, const char *needle)
{
    g_autofree char *h = g_ascii_strdown(haystack, -1);
    return strstr(h, needle) != NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr virtio_disk = NULL, installer = NULL;

    if (!vl_guest_is_windows(&m->guest))
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        const char *device = vl_disk_device(disk);
        const char *bus = vl_disk_target_bus(disk);
        const char *file = vl_xml_attr(vl_xml_child(disk, "source"), "file");

        if (strcmp(device, "cdrom") == 0 && file) {
            if (contains_ci(file, "virtio-win") || contains_ci(file, "virtio_win"))
                return; /* the drivers are attached */
            if (!installer)
                installer = disk;
        } else if (strcmp(device, "disk") == 0 && bus && (strcmp(bus, "virtio") == 0 || strcmp(bus, "scsi") == 0) &&
                   !virtio_disk) {
            virtio_disk = disk;
        }
    }
    if (!virtio_disk || !installer)
        return;
    bool scsi = strcmp(vl_disk_target_bus(virtio_disk), "scsi") == 0;
    VlFinding *f = vl_report(report, vl_xml_child(virtio_disk, "target"),
                             "<disk> %s: Windows installed onto a %s disk with no virtio-win ISO attached",
                             vl_disk_dev(virtio_disk) ? vl_disk_dev(virtio_disk) : "?", scsi ? "SCSI" : "virtio");
    vl_finding_help(f, "attach the virtio-win ISO as a second CD-ROM (<disk type='file' device='cdrom'><source "
                       "file='/var/lib/libvirt/images/virtio-win.iso'/><target dev='sdb' bus='sata'/><readonly/>"
                       "</disk>) and load %s from it (\"Load driver\"), unless the installation medium already "
                       "carries the drivers",
                    scsi ? "vioscsi" : "viostor");
    vl_finding_note(f, "Windows has no in-box virtio storage driver, so setup lists no disk");
    vl_finding_note(f, "the guest is being installed from %s", vl_xml_attr(vl_xml_child(installer, "source"), "file"));
    vl_finding_note(f, "the guest is taken for Windows from %s", m->guest.evidence);
}

const VlRule vl_rule_disk_windows_virtio_media = {
    .id = "disk-windows-virtio-media",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "Windows installed onto virtio storage without the virtio-win driver ISO attached",
    .rationale =
        "Windows setup has no driver for virtio-blk (viostor) or virtio-scsi (vioscsi), so with the "
        "system disk on virtio the \"Where do you want to install Windows?\" list is empty until "
        "the driver is loaded from the virtio-win ISO. The Ubuntu reference guide, Kevin Locke's guide and the Japanese reinstall guide attach that ISO as a "
        "second CD-ROM next to the Windows ISO; the WindowsKVM build preloads the drivers through "
        "autounattend.xml. The rule only speaks while an installation medium is attached (a CD-ROM "
        "with a source file) and no CD-ROM source names virtio-win, since an installed guest needs "
        "neither. There is no automatic fix: the ISO's path is the host's.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.3 Windows 11 Installation and VirtIO Driver-Loading)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Guest OS Installation: two SATA CD-ROMs)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (CD-ROM for virtio-win)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VirtIO drivers during Windows install: autounattend)",
        "https://github.com/virtio-win/virtio-win-pkg-scripts/blob/master/README.md",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>\n<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/Win11_23H2_English_x64.iso'/>\n  <target dev='sda' bus='sata'/>\n  <readonly/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>\n<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/Win11_23H2_English_x64.iso'/>\n  <target dev='sda' bus='sata'/>\n  <readonly/>\n</disk>\n<disk type='file' device='cdrom'>\n  <source file='/var/lib/libvirt/images/virtio-win.iso'/>\n  <target dev='sdb' bus='sata'/>\n  <readonly/>\n</disk>",
    .check = check,
};
