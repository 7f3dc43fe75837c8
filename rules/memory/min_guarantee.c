/* memory-min-guarantee: a memtune parameter the QEMU driver does not have. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr guarantee = vl_xml_child(vl_model_top(m, "memtune"), "min_guarantee");
    VlFinding *f;

    if (!guarantee || !vl_is_qemu(m))
        return;
    f = vl_report(report, guarantee, "<min_guarantee>: a VMware ESX and OpenVZ setting the QEMU driver lacks");
    vl_finding_help(f, "remove it (use <soft_limit> to favour this guest under host memory pressure)");
    vl_finding_note(f, "libvirt's QEMU driver refuses the domain: \"Parameter 'min_guarantee' not supported by "
                       "QEMU.\"");
    vl_finding_set_fix(f, "remove <min_guarantee>", NULL);
}

const VlRule vl_rule_memory_min_guarantee = {
    .id = "memory-min-guarantee",
    .category = "memory",
    .severity = VL_SEVERITY_ERROR,
    .summary = "<memtune><min_guarantee> on a QEMU/KVM domain",
    .rationale =
        "min_guarantee exists for the ESX and OpenVZ drivers; libvirt's QEMU driver refuses any "
        "domain that sets it (checked with libvirt 9.0: \"Parameter 'min_guarantee' not supported "
        "by QEMU.\"), at define time. None of the Windows/VFIO guides behind virtlint uses it, but libvirt's own <memtune> example "
        "lists it next to hard_limit and soft_limit, so it is easily copied along with them when "
        "tuning memory as the WindowsKVM build does. The closest QEMU/KVM setting is "
        "soft_limit, enforced through cgroups. The fix removes the element (and an emptied "
        "<memtune>); the domain was never accepted, so nothing depended on it.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (memory tuning context; min_guarantee itself is in no guide)",
        "libvirt src/qemu/qemu_validate.c (min_guarantee)",
        "https://libvirt.org/formatdomain.html#memory-tuning",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Parameter 'min_guarantee' not supported by QEMU",
    .example_bad = "<memtune>\n  <hard_limit unit='GiB'>17</hard_limit>\n  <min_guarantee unit='GiB'>8</min_guarantee>\n</memtune>",
    .example_good = "<memtune>\n  <hard_limit unit='GiB'>17</hard_limit>\n  <soft_limit unit='GiB'>8</soft_limit>\n</memtune>",
    .check = check,
};
