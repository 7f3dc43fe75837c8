/* disk-cache-mode: host page cache modes that cost speed or safety for
 * image-backed disks (writethrough, unsafe). */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *type = vl_disk_type(disk);
        const char *cache = vl_xml_attr(driver, "cache");
        const char *dev = vl_disk_dev(disk);
        const char *headline, *why;
        VlFinding *f;

        if (vl_disk_is_media(disk) || strcmp(vl_disk_device(disk), "disk") != 0 || vl_disk_readonly(disk) ||
            vl_xml_child(disk, "shareable") || !(strcmp(type, "file") == 0 || strcmp(type, "block") == 0))
            continue;
        /* QEMU's default (writeback) is sound on a desktop: reported, it
         * fired on nearly every VM with nothing wrong */
        if (!cache) {
            continue;
        } else if (strcmp(cache, "writethrough") == 0) {
            headline = "cache='writethrough' makes every write wait for a host flush";
            why = "every write waits for the host to flush it, which is much slower than letting the guest's "
                  "own flushes do that";
        } else if (strcmp(cache, "unsafe") == 0) {
            headline = "cache='unsafe' ignores the guest's flushes";
            why = "the guest's flushes are ignored, so a host crash or power loss can corrupt its filesystems "
                  "(fine for a scratch or installer VM, not for data)";
        } else {
            continue;
        }
        f = vl_report(report, driver ? driver : disk, "<disk> %s: %s", dev ? dev : "?", headline);
        vl_finding_help(f, "set cache='none' on <driver> (O_DIRECT, with io='native' or io='io_uring') where the "
                           "host filesystem supports O_DIRECT");
        vl_finding_note(f, "%s", why);
        vl_finding_note(f, "cache='none' gives the most predictable latency");
    }
}

const VlRule vl_rule_disk_cache_mode = {
    .id = "disk-cache-mode",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "An image or block-device disk with cache='writethrough' (slow) or cache='unsafe' (drops flushes)",
    .rationale =
        "cache='writethrough' makes every guest write wait for a host flush, which is much slower "
        "than letting the guest's own flushes do that; cache='unsafe' ignores the guest's flushes, so "
        "a host crash can corrupt its filesystems (fine for a scratch or installer VM, not for data). "
        "QEMU's default, writeback through the host page cache, is not reported: it is a sound "
        "default on a desktop, and reporting it fired on nearly every ordinary VM (earlier versions "
        "did). The WindowsKVM build opens its raw system disk with O_DIRECT (cache='none') and Linux "
        "AIO (io='native') for bare-metal-like latency, which the help suggests; O_DIRECT is refused "
        "by some host filesystems (tmpfs) and needs aligned storage, so virtlint offers no automatic "
        "fix. Removable media (CD-ROMs, floppies, and ISO images even when attached as device='disk'), read-only and shareable disks are left out.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: O_DIRECT straight to NVMe, Linux AIO instead of threadpool)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver cache, io)",
        "https://www.qemu.org/docs/master/system/qemu-block-drivers.html (cache modes)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' cache='writethrough'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' cache='none' io='native'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
