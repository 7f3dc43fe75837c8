/* memory-windows-balloon: what a Windows guest does with a balloon target
 * below its RAM. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/memory.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autofree char *current = NULL, *memory = NULL;
    guint64 total = vl_total_memory_kib(m);
    VlFinding *f;

    /* an unknown total (0) is never above currentMemory */
    if (!vl_guest_is_windows(&m->guest) || !m->current_memory || m->current_memory_kib >= total ||
        !vl_balloon_active(m, NULL))
        return;
    current = vl_format_kib(m->current_memory_kib);
    memory = vl_format_kib(total);
    f = vl_report(report, m->current_memory, "<currentMemory>: %s, below <memory> (%s), in a Windows guest",
                  current, memory);
    vl_finding_help(f, "unless you manage the balloon, set <currentMemory> to %s", memory);
    vl_finding_note(f, "once the virtio-win balloon driver and its blnsrv service run, Windows is left with %s and "
                       "shows the rest as in use; nothing in KVM deflates the balloon again on its own (virsh "
                       "setmem does)", current);
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    if (!m->numa_cells->len) /* with NUMA cells <memory> is not the total to copy */
        vl_finding_set_fix(f, "set <currentMemory> to <memory>", NULL);
}

const VlRule vl_rule_memory_windows_balloon = {
    .id = "memory-windows-balloon",
    .category = "memory",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest's balloon target is below its memory size",
    .rationale =
        "With <currentMemory> below <memory>, libvirt inflates the virtio balloon to the difference "
        "at start. A Windows guest then runs with the smaller amount once the virtio-win Balloon "
        "driver and blnsrv service are installed (and with all of it before that, which makes the "
        "behaviour change after driver installation). Task Manager counts the ballooned memory as "
        "in use, and no automatic ballooning grows it back: an administrator or a tool such as "
        "oVirt's MOM has to run virsh setmem (Kevin Locke's guide). Unless the balloon is actively managed, "
        "give the guest its full memory. The fix sets <currentMemory> to <memory>, which only "
        "changes how much host RAM the guest may use.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Memory Ballooning; virtio-win Drivers: blnsrv)",
        "https://libvirt.org/formatdomain.html#memory-allocation",
        "https://github.com/virtio-win/kvm-guest-drivers-windows/issues/61",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "memory-current",
    .example_bad = "<memory unit='GiB'>8</memory>\n<currentMemory unit='GiB'>4</currentMemory>",
    .example_good = "<memory unit='GiB'>8</memory>\n<currentMemory unit='GiB'>8</currentMemory>",
    .check = check,
};
