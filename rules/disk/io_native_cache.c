/* disk-io-native-cache: io='native' needs O_DIRECT, so the host page cache
 * must be bypassed (cache='none' or 'directsync'). */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        xmlNodePtr driver = vl_xml_child(disk, "driver");
        const char *cache = vl_xml_attr(driver, "cache");
        const char *dev = vl_disk_dev(disk);
        bool writethrough;
        VlFinding *f;

        if (!vl_xml_attr_is(driver, "io", "native"))
            continue;
        if (cache && (strcmp(cache, "none") == 0 || strcmp(cache, "directsync") == 0))
            continue;
        /* writethrough and directsync both make every write durable before
         * it completes: keep that promise to the guest */
        writethrough = cache && strcmp(cache, "writethrough") == 0;
        f = vl_report(report, driver, "<disk> %s: io='native' with %s%s%s", dev ? dev : "?",
                      cache ? "cache='" : "no cache attribute (QEMU's writeback)", cache ? cache : "",
                      cache ? "'" : "");
        vl_finding_help(f, "set cache='%s' on <driver>", writethrough ? "directsync" : "none");
        vl_finding_note(f, "Linux native AIO needs O_DIRECT; libvirt 9.0 refuses the domain: \"io='native' needs "
                           "either no disk cache or directsync cache mode\"");
        vl_finding_set_fix(f, writethrough ? "set cache='directsync' (O_DIRECT, writes still synchronous)"
                                           : "set cache='none' (O_DIRECT, bypassing the host page cache)",
                           NULL);
    }
}

const VlRule vl_rule_disk_io_native_cache = {
    .id = "disk-io-native-cache",
    .category = "disk",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A disk with io='native' must bypass the host page cache (cache='none' or 'directsync')",
    .rationale =
        "io='native' asks QEMU for Linux native AIO, which only works asynchronously on files opened "
        "with O_DIRECT. libvirt therefore refuses io='native' unless cache is 'none' or 'directsync' "
        "(\"io='native' needs either no disk cache or directsync cache mode\"); a missing cache "
        "attribute means QEMU's writeback and is refused too (checked with libvirt 9.0). The WindowsKVM build "
        "pairs the two correctly (cache=none, io=native); guides that copy only io='native' into a "
        "default disk produce a domain that cannot be defined. The fix keeps the write semantics the "
        "guest was promised: writethrough becomes directsync, anything else none. O_DIRECT is not "
        "available on every host filesystem (tmpfs refuses it); use io='threads' there instead.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Disk: VirtIO raw, cache=none, io=native)",
        "libvirt src/qemu/qemu_validate.c (disk driver validation)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver io, cache)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "io='native' needs either no disk cache or directsync cache mode",
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' io='native'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='raw' cache='none' io='native'/>\n  <source file='/var/lib/libvirt/images/win11.raw'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
