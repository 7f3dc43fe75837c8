/* memory-current-without-balloon: a balloon target without a balloon. */
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
    if (!m->current_memory || m->current_memory_kib >= total ||
        vl_balloon_active(m, NULL))
        return;
    current = vl_format_kib(m->current_memory_kib);
    memory = vl_format_kib(total);
    f = vl_report(report, m->current_memory, "<currentMemory>: %s, below <memory> (%s), with no balloon to hold it",
                  current, memory);
    vl_finding_help(f, "set <currentMemory> to %s, or give the guest a virtio balloon if it should run with less",
                    memory);
    vl_finding_note(f, "<memballoon model='none'/> leaves no balloon to hold the difference: libvirt silently "
                       "starts the guest with all %s", memory);
    if (!m->numa_cells->len) /* with NUMA cells <memory> is not the total to copy */
        vl_finding_set_fix(f, "set <currentMemory> to <memory>", NULL);
}

const VlRule vl_rule_memory_current_without_balloon = {
    .id = "memory-current-without-balloon",
    .category = "memory",
    .severity = VL_SEVERITY_WARNING,
    .summary = "<currentMemory> below <memory> on a guest without a memory balloon",
    .rationale =
        "<currentMemory> is the balloon's target; it does not limit the RAM QEMU gives the guest. "
        "Without a balloon (<memballoon model='none'/>, as the WindowsKVM build sets for its hugepage-backed "
        "guest) libvirt ignores it: checked with libvirt 9.0, a domain defined with 512 MiB of "
        "memory and 256 MiB current memory runs with 512 MiB and its live XML says so. The "
        "setting only misleads the reader (and tools that sum <currentMemory> to plan host RAM). "
        "The fix sets <currentMemory> to <memory>, which is what the guest gets anyway.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Memory balloon: <memballoon model='none'/>)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Memory Ballooning: current memory is the initial amount)",
        "https://libvirt.org/formatdomain.html#memory-allocation",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "memory-current",
    .example_bad = "<memory unit='GiB'>16</memory>\n<currentMemory unit='GiB'>8</currentMemory>\n<devices>\n  <memballoon model='none'/>\n</devices>",
    .example_good = "<memory unit='GiB'>16</memory>\n<currentMemory unit='GiB'>16</currentMemory>\n<devices>\n  <memballoon model='none'/>\n</devices>",
    .check = check,
};
