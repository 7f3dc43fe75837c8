/* The one place every rule is registered.  Order is the order of
 * --list-rules and rules.md (grouped by area); findings are sorted by
 * position anyway. */
#include "lint/registry.h"

/* schema and the core rules of 0.1 */
extern const VlRule vl_rule_schema;
extern const VlRule vl_rule_cpu_topology_mismatch;
extern const VlRule vl_rule_cpu_socket_limit;
extern const VlRule vl_rule_hyperv_stimer;
extern const VlRule vl_rule_hyperv_dependency;
extern const VlRule vl_rule_clock_hypervclock;
extern const VlRule vl_rule_virtiofs_shared_memory;
extern const VlRule vl_rule_hostdev_rom_bar;
extern const VlRule vl_rule_hostdev_x_vga;
extern const VlRule vl_rule_uefi_snapshot;
extern const VlRule vl_rule_disk_discard_granularity;
extern const VlRule vl_rule_qemu_namespace;
extern const VlRule vl_rule_snapshot_uefi_internal;
extern const VlRule vl_rule_snapshot_raw_internal;
extern const VlRule vl_rule_snapshot_memory_blocked;
/* extern: hyperv-cpu */
/* extern: memory-firmware */
/* extern: storage-video */
/* extern: io-passthrough */
/* extern: qemu-snapshot-misc */

const VlRule *const vl_registered_rules[] = {
    &vl_rule_schema,
    &vl_rule_cpu_topology_mismatch,
    &vl_rule_cpu_socket_limit,
    &vl_rule_hyperv_stimer,
    &vl_rule_hyperv_dependency,
    &vl_rule_clock_hypervclock,
    &vl_rule_virtiofs_shared_memory,
    &vl_rule_hostdev_rom_bar,
    &vl_rule_hostdev_x_vga,
    &vl_rule_uefi_snapshot,
    &vl_rule_disk_discard_granularity,
    &vl_rule_qemu_namespace,
    &vl_rule_snapshot_uefi_internal,
    &vl_rule_snapshot_raw_internal,
    &vl_rule_snapshot_memory_blocked,
    /* rules: hyperv-cpu */
    /* rules: memory-firmware */
    /* rules: storage-video */
    /* rules: io-passthrough */
    /* rules: qemu-snapshot-misc */
    &vl_rule_suppression_unknown_rule,
};

const gsize vl_registered_rule_count = G_N_ELEMENTS(vl_registered_rules);
