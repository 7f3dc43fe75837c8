/* disk-windows-virtio-media: installing Windows onto virtio storage needs
 * the virtio-win drivers at hand. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

/* virtio_win.iso, as some guides save it: the model's media names know
 * only virtio-win */
static bool
is_virtio_win_underscore(xmlNodePtr disk)
{
    const char *path = vl_disk_source_path(disk);
    g_autofree char *lower = path ? g_ascii_strdown(path, -1) : NULL;

    return vl_disk_is_media(disk) && lower && strstr(lower, "virtio_win") != NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr virtio_disk = NULL, installer = NULL;

    if (!vl_guest_is_windows(&m->guest))
        return;
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        const char *bus = vl_disk_target_bus(disk);
        VlGuestFamily media;

        if (vl_disk_is_virtio_win(disk) || is_virtio_win_underscore(disk))
            return; /* the drivers are attached */
        if (vl_disk_is_media(disk)) {
            /* Windows setup media: named so, or an unnamed disc of a guest
             * known to be Windows; never another OS's installer (a Linux
             * live ISO or Bliss OS beside a Windows disk installs nothing
             * onto it) */
            media = vl_disk_install_media(disk, NULL);
            if (vl_disk_source_path(disk) && (media == VL_GUEST_WINDOWS || media == VL_GUEST_UNKNOWN) &&
                (!installer || (media == VL_GUEST_WINDOWS && vl_disk_install_media(installer, NULL) != media)))
                installer = disk;
        } else if (strcmp(vl_disk_device(disk), "disk") == 0 && bus &&
                   (strcmp(bus, "virtio") == 0 || strcmp(bus, "scsi") == 0) && !virtio_disk) {
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
    vl_finding_note(f, "the guest is being installed from %s", vl_disk_source_path(installer));
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
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
        "or an ISO image with a source, not named for another OS's installer such as a Linux or "
        "Bliss OS ISO) and no medium is the virtio-win disc, since an installed guest needs "
        "neither; the system disk is a virtio or SCSI disk that is not itself an ISO image. There is no automatic fix: the ISO's path is the host's.",
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
