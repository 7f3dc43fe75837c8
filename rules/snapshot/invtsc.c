/* snapshot-invtsc: an invariant TSC without a fixed frequency blocks
 * migration, save and memory snapshots. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* What both findings say: QEMU blocks saving the state; MANAGED says what
 * managed save is, or "". */
static void
blocked_notes(VlFinding *f, const char *managed)
{
    vl_finding_note(f, "QEMU then blocks saving the guest's state: \"State blocked by non-migratable CPU device "
                       "(invtsc flag)\"");
    vl_finding_note(f, "virsh save, managed save%s, snapshots with memory and migration then all fail", managed);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr invtsc = NULL, tsc;
    VlFinding *finding;

    if (m->snapshot || !m->cpu)
        return; /* snapshot documents: snapshot-memory-blocked */
    for (xmlNodePtr f = m->cpu->children; f; f = f->next) {
        if (vl_xml_is(f, "feature") && vl_xml_attr_is(f, "name", "invtsc") &&
            (vl_xml_attr_is(f, "policy", "require") || vl_xml_attr_is(f, "policy", "force")))
            invtsc = f;
    }
    tsc = vl_model_timer(m, "tsc");
    if (vl_xml_attr(tsc, "frequency"))
        return;
    if (invtsc) {
        finding = vl_report(report, invtsc,
                            "<feature name='invtsc' policy='%s'>: invariant TSC without a fixed TSC frequency",
                            vl_xml_attr(invtsc, "policy"));
        vl_finding_help(finding, "if you need save, snapshots with memory or migration, pin the frequency to the "
                                 "host's TSC rate with <clock><timer name='tsc' frequency='HZ'/></clock> (the same "
                                 "on every host it moves to), or drop invtsc");
        blocked_notes(finding, " (libvirt-guests suspending guests at host shutdown)");
    }
    /* QEMU's max CPU is host's parent: with migratable=off both pass every
     * host feature (libvirt allows the attribute on these two modes only) */
    else if ((vl_xml_attr_is(m->cpu, "mode", "host-passthrough") || vl_xml_attr_is(m->cpu, "mode", "maximum")) &&
             vl_xml_attr_is(m->cpu, "migratable", "off")) {
        finding = vl_report(report, m->cpu,
                            "<cpu mode='%s' migratable='off'>: the host's invtsc without a fixed TSC frequency",
                            vl_xml_attr(m->cpu, "mode"));
        vl_finding_help(finding, "if you need save, snapshots with memory or migration, add <clock><timer "
                                 "name='tsc' frequency='HZ'/></clock> with the host's TSC rate, or use "
                                 "migratable='on'");
        vl_finding_note(finding, "it passes the host's invariant TSC (invtsc, present on nearly all current x86 "
                                 "CPUs) to the guest");
        blocked_notes(finding, "");
    }
}

const VlRule vl_rule_snapshot_invtsc = {
    .id = "snapshot-invtsc",
    .category = "snapshot",
    .severity = VL_SEVERITY_INFO,
    .summary = "An invariant TSC without a fixed TSC frequency blocks save, memory snapshots and migration",
    .rationale =
        "An invariant TSC (CPU feature invtsc) lets a guest trust its time stamp counter, which gaming "
        "and latency guides want (the WindowsKVM build requires invtsc and uses host-passthrough with "
        "migratable='off', which exposes it too). QEMU cannot move such a guest's state unless the TSC "
        "frequency is fixed, so it registers a migration blocker; libvirt 9.0 with QEMU 7.2 then refuses "
        "virsh save with \"cannot migrate domain: State blocked by non-migratable CPU device (invtsc "
        "flag)\" (checked), and the same applies to managed save (used by libvirt-guests at host "
        "shutdown), snapshots that include memory, and live migration; libvirt's own check says "
        "\"domain has 'invtsc' CPU feature but TSC frequency is not specified\". Setting "
        "<timer name='tsc' frequency='...'/> to the host's TSC rate lifts the blocker. The frequency is "
        "host-specific, so there is no automatic fix. cpu-invtsc-migration reports the migration side "
        "for CPUs that are otherwise migratable; this rule is about saving the state on the same host, "
        "which a single-host gaming guest like the WindowsKVM build's also loses. <cpu mode='maximum' "
        "migratable='off'> exposes invtsc as well: QEMU's max CPU passes every host feature then.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (CPU features: invtsc; host-passthrough migratable='off'; tsc=native)",
        "libvirt src/qemu/qemu_migration.c (qemuMigrationSrcIsAllowed)",
        "QEMU target/i386/kvm/kvm.c (invtsc migration blocker)",
        "https://libvirt.org/formatdomain.html#time-keeping",
    },
    .fix = VL_FIX_NONE,
    .consequence = true,
    .example_bad = "<cpu mode='host-passthrough' check='none' migratable='off'>\n  <feature policy='require' name='invtsc'/>\n</cpu>\n<clock offset='localtime'>\n  <timer name='tsc' present='yes' mode='native'/>\n</clock>",
    .example_good = "<cpu mode='host-passthrough' check='none' migratable='off'>\n  <feature policy='require' name='invtsc'/>\n</cpu>\n<clock offset='localtime'>\n  <timer name='tsc' frequency='3393624000'/>\n</clock>",
    .check = check,
};
