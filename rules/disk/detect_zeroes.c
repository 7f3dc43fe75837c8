/* disk-detect-zeroes: zero detection costs CPU on every write. */
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
        const char *mode = vl_xml_attr(driver, "detect_zeroes");
        const char *dev = vl_disk_dev(disk);
        VlFinding *f;

        if (!mode || !(strcmp(mode, "on") == 0 || strcmp(mode, "unmap") == 0))
            continue;
        /* the guest never writes to media or a read-only disk: nothing to scan */
        if (vl_disk_is_media(disk) || vl_disk_readonly(disk))
            continue;
        f = vl_report(report, driver, "<disk> %s: detect_zeroes='%s' makes QEMU scan every write for zeroes",
                      dev ? dev : "?", mode);
        vl_finding_help(f, "remove detect_zeroes%s",
                        vl_xml_attr_is(driver, "discard", "unmap")
                            ? ""
                            : "; to keep the image thin, pass the guest's TRIM through with discard='unmap' instead");
        vl_finding_note(f, "the scan is a compute-intensive check that only pays off when the guest writes long runs "
                           "of zeroes");
        if (vl_xml_attr_is(driver, "discard", "unmap"))
            vl_finding_note(f, "discard='unmap' already returns the space the guest trims");
        else if (strcmp(mode, "unmap") == 0)
            vl_finding_note(f, "without discard='unmap', 'unmap' only acts as 'on'");
        vl_finding_set_fix(f, "remove detect_zeroes from the disk's <driver>", NULL);
    }
}

const VlRule vl_rule_disk_detect_zeroes = {
    .id = "disk-detect-zeroes",
    .category = "disk",
    .severity = VL_SEVERITY_INFO,
    .summary = "detect_zeroes scans every write for zeroes",
    .rationale =
        "With detect_zeroes='on' QEMU compares each written buffer against zeroes and turns "
        "all-zero writes into zero-writes (or, with 'unmap' and discard='unmap', into discards). "
        "libvirt's documentation calls it a compute-intensive operation that can save space or time "
        "on slow media; Kevin Locke's guide does not recommend it, and the guest's TRIM with discard='unmap' "
        "already keeps images thin. 'unmap' without discard='unmap' behaves like 'on'. It is a host "
        "setting the guest cannot see, so removing it is safe; keep it where guests zero-fill disks "
        "on purpose (secure erase, image preparation).",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard: do not recommend enabling detect_zeroes)",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (driver detect_zeroes)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap' detect_zeroes='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .check = check,
};
