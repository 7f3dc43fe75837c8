/* memory-windows-minimum: the RAM Windows setup requires. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/memory.h"

#define GIB ((guint64) 1024 * 1024)

static void
check(const VlModel *m, VlReport *report)
{
    const char *name, *unit, *consequence;
    g_autofree char *have = NULL, *need = NULL, *mem_value = NULL, *cur_value = NULL;
    g_autofree char *description = NULL;
    const char *mem_unit = NULL, *cur_unit = NULL;
    guint64 min;
    VlFinding *f;

    guint64 total = vl_total_memory_kib(m);
    /* without <memory>, libvirt takes the guest's RAM from its NUMA cells */
    xmlNodePtr where = m->memory ? m->memory : m->numa_cells->len ? g_ptr_array_index(m->numa_cells, 0) : NULL;

    /* 0: no readable size (libvirt refuses the domain); a Windows version
     * is only set for a Windows guest */
    if (total == 0)
        return;
    if (m->guest.windows_version == 11) {
        name = "Windows 11";
        min = 4 * GIB;
        consequence = "setup stops with \"This PC can't run Windows 11\" (the BypassRAMCheck registry "
                      "workaround leaves an unsupported installation)";
    } else if (m->guest.windows_version == 10) {
        bool i686 = m->arch && g_str_equal(m->arch, "i686");
        name = i686 ? "32-bit Windows 10" : "64-bit Windows 10";
        min = i686 ? 1 * GIB : 2 * GIB;
        consequence = "Microsoft does not support it and setup and updates page heavily";
    } else {
        return;
    }
    if (total >= min)
        return;

    have = vl_format_kib(total);
    need = vl_format_kib(min);
    unit = min % GIB == 0 ? "GiB" : "KiB";
    f = vl_report(report, where, "<%s>: %s%s, below the %s %s requires", where ? (const char *) where->name : "memory",
                  m->numa_cells->len ? "the NUMA cells add up to " : "", have, need, name);
    vl_finding_help(f, "give it at least <memory unit='%s'>%" G_GUINT64_FORMAT "</memory>", unit, min / GIB);
    vl_finding_note(f, "with less, %s", consequence);
    vl_finding_note(f, "the guest is taken for %s: %s", name, m->guest.evidence);
    if (m->numa_cells->len)
        return; /* the guest's RAM is the sum of its NUMA cells: resize those */

    mem_value = vl_memory_value(m->memory, min, &mem_unit);
    if (m->current_memory && m->current_memory_kib < min)
        cur_value = vl_memory_value(m->current_memory, min, &cur_unit);
    description = g_strdup_printf("raise <memory>%s to %s", cur_value ? " and <currentMemory>" : "", need);
    vl_finding_set_fix(f, description, "memory", mem_value, "memory-unit", mem_unit ? mem_unit : "",
                       "current", cur_value ? cur_value : "", "current-unit", cur_unit ? cur_unit : "", NULL);
}

const VlRule vl_rule_memory_windows_minimum = {
    .id = "memory-windows-minimum",
    .category = "memory",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows 10 or 11 guest has less RAM than its setup requires",
    .rationale =
        "Windows 11 needs 4 GiB of RAM and its setup refuses to install with less (\"This PC can't "
        "run Windows 11\"); 64-bit Windows 10 needs 2 GiB, 32-bit 1 GiB. The size that counts is "
        "<memory>, the RAM the firmware reports: a balloon can later take some of it back, but "
        "setup runs before any balloon driver. The registry bypass (LabConfig BypassRAMCheck) that "
        "Kevin Locke's guide mentions works but leaves an unsupported installation. A warning rather than an "
        "error: the domain is valid and an already installed guest still boots. The fix raises "
        "<memory> (and <currentMemory> when it is lower) to the minimum; it is not offered when "
        "the RAM is split into NUMA cells, whose sizes decide it.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Memory Size; Bypass Hardware Checks)",
        "A homelab's KVM/QEMU notes, not published at a public address (Resource Allocation: win11 with 16GB)",
        "https://learn.microsoft.com/windows/whats-new/windows-11-requirements",
        "osinfo-db data/os/microsoft.com/win-11.xml.in (minimum ram 4294967296)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<memory unit='GiB'>2</memory>\n<currentMemory unit='GiB'>2</currentMemory>",
    .example_good = "<memory unit='GiB'>4</memory>\n<currentMemory unit='GiB'>4</currentMemory>",
    .check = check,
};
