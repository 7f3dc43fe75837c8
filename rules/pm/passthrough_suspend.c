/* pm-passthrough-suspend: guest S3/S4 left enabled with PCI devices passed through. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr pm = vl_model_top(m, "pm");
    xmlNodePtr first = NULL;
    bool mem_off = vl_xml_attr_is(vl_xml_child(pm, "suspend-to-mem"), "enabled", "no");
    bool disk_off = vl_xml_attr_is(vl_xml_child(pm, "suspend-to-disk"), "enabled", "no");
    const char *why = NULL;
    xmlNodePtr gpu = NULL;
    VlFinding *f;

    /* S3 and S4 are ACPI sleep states of the x86 PC: libvirt turns <pm>
     * into disable_s3/disable_s4 of PIIX4_PM or ICH9-LPC and refuses it
     * when the QEMU binary has neither ("setting ACPI S3 not supported",
     * qemuValidateDomainDefPM), so on s390x, ppc64 or aarch64 the fix
     * would break the domain */
    if (!vl_is_x86(m))
        return;
    for (guint i = 0; i < m->hostdevs->len && !first; i++) {
        if (vl_hostdev_is_pci(g_ptr_array_index(m->hostdevs, i)))
            first = g_ptr_array_index(m->hostdevs, i);
    }
    if (!first || (mem_off && disk_off))
        return;
    for (guint i = 0; i < m->hostdevs->len && !gpu; i++) {
        if (vl_hostdev_known_gpu(m, g_ptr_array_index(m->hostdevs, i), &why))
            gpu = g_ptr_array_index(m->hostdevs, i);
    }
    f = vl_report(report, pm ? pm : first, "%s: the guest may still %s with PCI passthrough",
                  pm ? "<pm>" : "<hostdev type='pci'>",
                  !mem_off && !disk_off ? "suspend to RAM (S3) and to disk (S4)"
                  : !mem_off            ? "suspend to RAM (S3)"
                                        : "suspend to disk (S4)");
    vl_finding_help(f, "add <pm><suspend-to-mem enabled='no'/><suspend-to-disk enabled='no'/></pm> and turn "
                       "hibernation off in the guest");
    vl_finding_note(f, "assigned GPUs and USB controllers often do not come back from a guest suspend: the host "
                       "cannot reset and restore them as it does emulated devices");
    if (gpu)
        vl_finding_note(f, "a passed-through device is taken for a GPU because %s", why);
    vl_finding_set_fix(f, "disable guest S3 and S4: <pm><suspend-to-mem enabled='no'/><suspend-to-disk "
                          "enabled='no'/></pm>", NULL);
}

const VlRule vl_rule_pm_passthrough_suspend = {
    .id = "pm-passthrough-suspend",
    .category = "pm",
    .severity = VL_SEVERITY_INFO,
    .summary = "Guest suspend (S3/S4) is left enabled with PCI devices passed through",
    .rationale =
        "Without <pm>, QEMU advertises the S3 and S4 sleep states to the guest. A guest that "
        "suspends with a VFIO-assigned GPU or USB controller frequently fails to resume: the "
        "device loses state that the host does not save, and waking the guest needs virsh "
        "dompmwakeup. The WindowsKVM build disables both states in the domain and hibernation in the guest. "
        "Disabling them cannot stop an installed guest from booting, but it takes the sleep and "
        "hibernate options away from a guest that may use them (hibernation, S4, often works with "
        "passthrough, since the guest boots afresh), so the fix is unsafe. S3 and S4 are ACPI states of the x86 PC: for other "
        "architectures (s390x, ppc64, aarch64) libvirt refuses <pm> (\"setting ACPI S3 not supported\": the "
        "QEMU binary has no PIIX4 or ICH9 disable_s3 property), so the rule is silent there.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Power management, suspend-to-mem + suspend-to-disk both disabled; Guest: hibernate off)",
        "https://libvirt.org/formatdomain.html#power-management",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes'>...</hostdev>\n<!-- no <pm> -->",
    .example_good = "<pm>\n  <suspend-to-mem enabled='no'/>\n  <suspend-to-disk enabled='no'/>\n</pm>",
    .check = check,
};
