/* cpu-invtsc-migration: invtsc without a fixed TSC frequency blocks live
 * migration, however migratable the rest of the CPU is. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *mode = vl_cpu_mode(m);
    xmlNodePtr invtsc = vl_cpu_feature(m, "invtsc");
    xmlNodePtr tsc = vl_model_timer(m, "tsc");
    const char *why;
    VlFinding *f;

    /* (a feature that is on has a <cpu>, so a mode) */
    if (!vl_cpu_feature_on(m, "invtsc") || vl_xml_attr(tsc, "frequency"))
        return;
    if (strcmp(mode, "host-model") == 0)
        why = "a host-model CPU exists to be migrated";
    else if (strcmp(mode, "custom") == 0)
        why = "a named CPU model exists to be migrated";
    else if (strcmp(mode, "host-passthrough") == 0 && !vl_xml_attr_is(m->cpu, "migratable", "off"))
        why = "the host-passthrough CPU is migratable (migratable='on' is libvirt's default), which "
              "leaves out non-migratable features unless they are asked for";
    else
        return; /* migratable='off' says it: no migration wanted */
    f = vl_report(report, invtsc, "<feature name='invtsc'>: without a fixed TSC frequency the domain cannot "
                                  "migrate live");
    vl_finding_help(f, "set the frequency with <timer name='tsc' frequency='...'/> (the host's TSC rate, which every "
                       "destination must support) or say migratable='off' with host-passthrough if migration is "
                       "not wanted");
    vl_finding_note(f, "libvirt refuses to migrate it, and QEMU registers a migration blocker for the invtsc flag");
    vl_finding_note(f, "migration matters here: %s", why);
}

const VlRule vl_rule_cpu_invtsc_migration = {
    .id = "cpu-invtsc-migration",
    .category = "cpu",
    .severity = VL_SEVERITY_INFO,
    .summary = "invtsc without a fixed TSC frequency blocks migration of an otherwise migratable CPU",
    .rationale =
        "The invariant TSC flag (invtsc) promises the guest a TSC that never changes rate, which "
        "a migration to a host with another TSC frequency would break. QEMU therefore registers "
        "a migration blocker for it unless the TSC frequency is fixed (libvirt's <timer "
        "name='tsc' frequency=.../> becomes tsc-frequency), and libvirt refuses to migrate such "
        "a domain. The WindowsKVM build requires invtsc with host-passthrough and migratable='off', a "
        "consistent choice for a single-host gaming guest; catalog entry CPU-05(b) points at "
        "host CPUs and migration. virtlint reports the contradiction only: invtsc next to a "
        "host-model or named CPU, or a host-passthrough CPU that is migratable. No automatic fix: "
        "the frequency must be the host's.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: invtsc, migratable='off')",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (CPU Model: migration)",
        "libvirt src/qemu/qemu_migration.c (invtsc without TSC frequency)",
        "QEMU target/i386/kvm/kvm.c (invtsc migration blocker)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology (migratable)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<cpu mode='host-passthrough' check='none' migratable='on'>\n  <feature policy='require' name='invtsc'/>\n</cpu>",
    .example_good = "<cpu mode='host-passthrough' check='none' migratable='off'>\n  <feature policy='require' name='invtsc'/>\n</cpu>",
    .check = check,
};
