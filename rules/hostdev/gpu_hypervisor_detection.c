/* hostdev-gpu-hypervisor-detection: a Windows guest with passed-through PCI
 * devices that does not hide the hypervisor from GPU drivers. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr first = NULL;
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");
    bool hidden = vl_xml_attr_is(vl_xml_child(kvm, "hidden"), "state", "on");
    bool vendor = vl_model_hyperv_on(m, "vendor_id");   /* only in custom mode */
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest) || (hidden && vendor))
        return;
    for (guint i = 0; i < m->hostdevs->len && !first; i++) {
        if (vl_hostdev_is_pci(g_ptr_array_index(m->hostdevs, i)))
            first = g_ptr_array_index(m->hostdevs, i);
    }
    if (!first)
        return;
    f = vl_report(report, first, "<hostdev>: passed-through PCI device in a Windows guest that does not hide the hypervisor");
    vl_finding_help(f, "add %s, as the WindowsKVM build does%s",
                    !hidden && !vendor ? "<kvm><hidden state='on'/></kvm> to <features> and <vendor_id "
                                         "state='on' value='AuthenticAMD'/> to <hyperv>"
                    : !hidden          ? "<kvm><hidden state='on'/></kvm> to <features>"
                                       : "<vendor_id state='on' value='AuthenticAMD'/> to <hyperv mode='custom'>",
                    !hidden && !vendor ? " (it also spoofs SMBIOS)" : "");
    vl_finding_note(f, "the domain has a passed-through PCI device and %s",
                    !hidden && !vendor ? "neither <kvm><hidden state='on'/></kvm> nor a Hyper-V vendor_id"
                    : !hidden          ? "no <kvm><hidden state='on'/></kvm>"
                                       : "no Hyper-V <vendor_id state='on' value='...'/>");
    vl_finding_note(f, "if the device is an AMD GPU, the Adrenalin driver (RDNA 2 and later) sees the hypervisor and "
                       "drives the monitor through its virtual display at 60 Hz without FreeSync (older NVIDIA "
                       "drivers refused to run, error 43)");
    vl_finding_note(f, "the guest is taken for Windows from %s", vl_guest_evidence(m));
}

const VlRule vl_rule_hostdev_gpu_hypervisor_detection = {
    .id = "hostdev-gpu-hypervisor-detection",
    .category = "hostdev",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest with PCI passthrough does not hide the hypervisor from GPU drivers",
    .rationale =
        "The WindowsKVM build reports that AMD's Windows driver (RDNA 2 and later) detects the hypervisor, "
        "fails to read the monitor's EDID and switches to \"AMD vDisplay\" (60 Hz, no "
        "FreeSync); the author hides the KVM signature (<kvm><hidden state='on'/></kvm>), sets a "
        "Hyper-V vendor_id and spoofs SMBIOS. NVIDIA drivers before R465 refused to run in a VM "
        "(error 43). virtlint cannot tell from the XML whether a PCI device is a GPU, so this is "
        "a hint. Note that the WindowsKVM build's own shorthand <kvm hidden='yes'/> is not libvirt syntax and "
        "hides nothing. No fix is offered: SMBIOS spoofing changes the machine identity, and the "
        "right vendor string is the user's call.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (SMBIOS spoofing, or your monitor is dead to AMD; Troubleshooting: AMD vDisplay)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<features>\n  <hyperv mode='custom'>\n    <relaxed state='on'/>\n  </hyperv>\n</features>\n...\n<hostdev mode='subsystem' type='pci' managed='yes'>...</hostdev>",
    .example_good = "<features>\n  <hyperv mode='custom'>\n    <relaxed state='on'/>\n    <vendor_id state='on' value='AuthenticAMD'/>\n  </hyperv>\n  <kvm>\n    <hidden state='on'/>\n  </kvm>\n</features>",
    .check = check,
};
