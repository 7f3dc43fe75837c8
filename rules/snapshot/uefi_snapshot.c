/* uefi-snapshot: what snapshots a UEFI guest with pflash NVRAM can take. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt 9.2 started refusing internal snapshots of such guests even while
 * shut off (libvirt issue #460); 9.0 and 9.1 still allowed those.  External
 * snapshots can be deleted since 9.0 and reverted since 9.7. */
static const char *
what_works(unsigned v)
{
    if (v >= VL_LIBVIRT(9, 7))
        return "use external snapshots (virsh snapshot-create-as --disk-only, or with --memspec "
               "for memory), which this libvirt can also revert and delete";
    if (v >= VL_LIBVIRT(9, 2))
        return "use external snapshots (virsh snapshot-create-as --disk-only); this libvirt can "
               "delete them but not revert to them (reverting external snapshots needs libvirt 9.7)";
    if (v >= VL_LIBVIRT(9, 0))
        return "shut the guest down before taking an internal snapshot, or use external snapshots "
               "(virsh snapshot-create-as --disk-only), which this libvirt can delete but not "
               "revert to (that needs libvirt 9.7)";
    return "shut the guest down before taking an internal snapshot, or use external disk-only "
           "snapshots (virsh snapshot-create-as --disk-only), which this libvirt can neither "
           "revert nor delete on its own";
}

static void
check(const VlModel *m, VlReport *report)
{
    char version[32];
    unsigned v = m->config->libvirt_version;
    xmlNodePtr where;
    VlFinding *f;

    if (!m->pflash_nvram)
        return;
    vl_version_format(v, version, sizeof(version));
    where = m->loader ? m->loader : m->os;
    f = vl_report(report, where, "<%s>: UEFI guest with a pflash NVRAM, so internal snapshots are refused%s",
                  where ? (const char *) where->name : "os", v >= VL_LIBVIRT(9, 2) ? "" : " while it runs");
    vl_finding_help(f, "%s", what_works(v));
    vl_finding_note(f, "libvirt %s refuses internal snapshots of it%s: \"internal snapshots of a VM with pflash "
                       "based firmware are not supported\"",
                    version, v >= VL_LIBVIRT(9, 2) ? "" : " while it runs");
}

const VlRule vl_rule_uefi_snapshot = {
    .id = "uefi-snapshot",
    .category = "snapshot",
    .severity = VL_SEVERITY_INFO,
    .summary = "Internal snapshots are limited for UEFI guests with pflash NVRAM",
    .rationale =
        "The UEFI variable store is a raw pflash image that cannot hold a snapshot, so libvirt "
        "refuses internal snapshots (virsh snapshot-create without --disk-only) of a running UEFI "
        "guest; libvirt 9.2 and later refuse them while it is shut off too. External snapshots "
        "work, and newer libvirt can also revert and delete them (delete since 9.0, revert since "
        "9.7). There is nothing to change in the XML: every Windows 11 guest needs UEFI. Kevin Locke's guide "
        "(2021) says UEFI snapshots are not supported at all; that is outdated.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: internal snapshots with pflash)",
        "libvirt src/qemu/qemu_snapshot.c",
        "https://gitlab.com/libvirt/libvirt/-/issues/460",
    },
    .fix = VL_FIX_NONE,
    .consequence = true,
    .example_bad = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .example_good = "<!-- nothing to change: take external snapshots -->\n<!-- virsh snapshot-create-as win11 before-update --disk-only -->",
    .check = check,
};
