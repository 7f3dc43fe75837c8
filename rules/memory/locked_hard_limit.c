/* memory-locked-hard-limit: locked guest memory without a memory limit. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr locked = vl_xml_child(m->memory_backing, "locked");
    xmlNodePtr memtune = vl_model_top(m, "memtune");
    VlFinding *f;

    if (!locked || vl_xml_child(memtune, "hard_limit"))
        return;
    f = vl_report(report, locked, "<locked/>: locked guest memory without <memtune><hard_limit>");
    if (m->memory_kib)
        vl_finding_help(f, "set a hard_limit, for example <memtune><hard_limit unit='KiB'>%" G_GUINT64_FORMAT
                           "</hard_limit></memtune> (the guest's RAM plus 1 GiB for QEMU itself, which is what "
                           "libvirt allows for VFIO; measure and adjust)",
                        m->memory_kib + 1024 * 1024);
    else
        vl_finding_help(f, "set a hard_limit in <memtune>");
    vl_finding_note(f, "libvirt cannot know how much memory QEMU itself will lock, so it lifts the locked-memory "
                       "limit of the whole QEMU process");
    vl_finding_note(f, "a misbehaving or malicious guest can then pin host memory the host can never reclaim");
}

const VlRule vl_rule_memory_locked_hard_limit = {
    .id = "memory-locked-hard-limit",
    .category = "memory",
    .severity = VL_SEVERITY_WARNING,
    .summary = "Locked guest memory without a memtune hard_limit",
    .rationale =
        "<memoryBacking><locked/> keeps guest RAM from being swapped. For QEMU, the process's own "
        "memory is locked too, an amount libvirt cannot compute, so libvirt removes the memlock "
        "limit altogether unless <memtune><hard_limit> is set; libvirt's documentation strongly "
        "recommends setting one, since otherwise the host cannot take locked memory back from a "
        "runaway or malicious guest. The right value depends on the deployment (guest RAM, VFIO "
        "devices, QEMU's own overhead), and too small a value gets QEMU killed, so there is no "
        "automatic fix: the message suggests the guest's RAM plus 1 GiB, libvirt's own allowance "
        "for VFIO. The WindowsKVM build raises the host's memlock limit to unlimited for the same reason: "
        "pinned guest RAM.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Limits: memlock=unlimited so QEMU can mlock the VM RAM)",
        "https://libvirt.org/formatdomain.html#memory-backing",
        "https://libvirt.org/formatdomain.html#memory-tuning",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<memory unit='GiB'>16</memory>\n<memoryBacking>\n  <locked/>\n</memoryBacking>",
    .example_good = "<memory unit='GiB'>16</memory>\n<memtune>\n  <hard_limit unit='GiB'>17</hard_limit>\n</memtune>\n<memoryBacking>\n  <locked/>\n</memoryBacking>",
    .check = check,
};
