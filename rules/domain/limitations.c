/* domain-limitations: what the configuration keeps the VM from doing, in one
 * finding per domain.  The engine (lint/engine/engine.c) writes it from the
 * findings of the consequence rules (.consequence = true: uefi-snapshot,
 * snapshot-raw-disk, ...), so this file holds the metadata only. */
#include "lint/engine/registry.h"

const VlRule vl_rule_domain_limitations = {
    .id = "domain-limitations",
    .category = "domain",
    .severity = VL_SEVERITY_INFO,
    .summary = "What the configuration keeps this VM from doing (snapshots, migration), listed once",
    .rationale =
        "Some rules report a consequence rather than a problem: a UEFI guest cannot take internal "
        "snapshots while it runs, a raw disk cannot hold an internal snapshot, a host device or an "
        "invariant TSC blocks migration. Reported one by one they repeat the same sentence for every "
        "UEFI guest, disk and host device; virtlint lists them in one finding on <domain>, with the "
        "line of each cause. Disable this rule to see each consequence as its own finding; disable a "
        "consequence rule to leave it out.",
    .sources = { "virtlint(1), the manual page: SUGGESTIONS" },
    .fix = VL_FIX_NONE,
    .example_bad = "<os firmware='efi'>...</os>\n...\n<disk type='file' device='disk'>\n  <driver name='qemu' type='raw'/>\n  ...\n</disk>",
    .example_good = "<!-- virtlint-disable-file domain-limitations: internal snapshots are not used here -->",
    .check = NULL,
};
