/* host-vcpu-overcommit: as many vCPUs as the host has CPUs, or more (checked
 * against the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    guint cpus = g_hash_table_size(m->config->host->cpus);

    /* no CPUs without capabilities */
    if (cpus == 0 || m->vcpus < cpus)
        return;
    xmlNodePtr where = m->vcpu ? m->vcpu : m->root;
    VlFinding *f = vl_report(report, where, "<%s>: %u vCPUs on a host with %u CPU%s", (const char *) where->name,
                             m->vcpus, cpus, cpus == 1 ? "" : "s");

    vl_finding_help(f, "leave host CPUs free (the Ubuntu reference guide gives 4 of 8, the homelab notes ~14 of 20)");
    vl_finding_note(f, "the guest takes every host CPU (or more), so the host itself and the emulator threads "
                       "compete with it");
}

const VlRule vl_rule_host_vcpu_overcommit = {
    .id = "host-vcpu-overcommit",
    .category = "host",
    .severity = VL_SEVERITY_WARNING,
    .needs_host = true,
    .summary = "The guest has as many vCPUs as the host has CPUs, or more",
    .rationale = "The Ubuntu reference guide traces reports of \"100% CPU\" and full system hangs to guests given every host core: "
                 "the host, its I/O and QEMU's own threads then compete with the guest. Leave host CPUs free.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Resource Contention)",
                 "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (IOMMU groups, pinning, hugepages)",
                 "A homelab's KVM/QEMU notes, not published at a public address (Resource Allocation)" },
    .example_bad = "<vcpu>16</vcpu>  <!-- on a 16-thread host -->",
    .example_good = "<vcpu>12</vcpu>",
    .check = check,
};
