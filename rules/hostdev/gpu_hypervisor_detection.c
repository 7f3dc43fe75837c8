/* hostdev-gpu-hypervisor-detection: a Windows guest with passed-through PCI
 * devices that does not hide the hypervisor from GPU drivers. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"
#include "lint/model/effective_cpu.h"
#include "lint/model/gpu_likely.h"
#include "lint/model/qemu_cmdline.h"

/* VENDOR_ID is set in -cpu OPT (hv-vendor-id, or the old hv_vendor_id). */
static bool
qemu_vendor_id(const VlQemuOption *opt)
{
    const char *v = vl_qemu_option_get(opt, "hv-vendor-id", NULL);

    if (!v)
        v = vl_qemu_option_get(opt, "hv_vendor_id", NULL);
    return v && *v;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr first = NULL;
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");
    VlEffectiveCpu cpu = vl_effective_cpu(m);
    bool hidden = vl_xml_attr_is(vl_xml_child(kvm, "hidden"), "state", "on");
    bool vendor = vl_model_hyperv_on(m, "vendor_id");   /* only in custom mode */
    const char *why = NULL;
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest))
        return;
    /* no hypervisor CPUID bit at all: the drivers see bare metal */
    if (cpu.hypervisor_hidden)
        return;
    /* a qemu:commandline -cpu replaces libvirt's, and with it kvm=off and
     * hv-vendor-id: what hides the hypervisor is then in that -cpu */
    if (cpu.model_from_qemu) {
        hidden = vl_qemu_cpu_flag(cpu.qemu_cpu, "kvm") == 0;
        vendor = qemu_vendor_id(cpu.qemu_cpu);
    }
    if (hidden && vendor)
        return;
    /* a NIC or an NVMe drive does not care: only GPU drivers look (a hint,
     * so a likely GPU will do: a host slot's functions 0 and 1 passed
     * through, as virt-manager lays out a GPU and its audio) */
    for (guint i = 0; i < m->hostdevs->len && !first; i++) {
        if (vl_hostdev_likely_gpu(m, g_ptr_array_index(m->hostdevs, i), &why))
            first = g_ptr_array_index(m->hostdevs, i);
    }
    if (!first)
        return;
    f = vl_report(report, first, "<hostdev>: passed-through GPU in a Windows guest that does not hide the hypervisor");
    if (cpu.model_from_qemu)
        vl_finding_help(f, "add %s to the -cpu of qemu:commandline, which replaces libvirt's",
                        !hidden && !vendor ? "kvm=off and hv-vendor-id=AuthenticAMD"
                        : !hidden          ? "kvm=off"
                                           : "hv-vendor-id=AuthenticAMD");
    else
        vl_finding_help(f, "add %s, as the WindowsKVM build does%s",
                        !hidden && !vendor ? "<kvm><hidden state='on'/></kvm> to <features> and <vendor_id "
                                             "state='on' value='AuthenticAMD'/> to <hyperv>"
                        : !hidden          ? "<kvm><hidden state='on'/></kvm> to <features>"
                                           : "<vendor_id state='on' value='AuthenticAMD'/> to <hyperv mode='custom'>",
                        !hidden && !vendor ? " (it also spoofs SMBIOS)" : "");
    if (cpu.model_from_qemu)
        vl_finding_note(f, "the -cpu of qemu:commandline replaces libvirt's and has %s",
                        !hidden && !vendor ? "neither kvm=off nor hv-vendor-id"
                        : !hidden          ? "no kvm=off"
                                           : "no hv-vendor-id");
    else
        vl_finding_note(f, "the domain has %s",
                        !hidden && !vendor ? "neither <kvm><hidden state='on'/></kvm> nor a Hyper-V vendor_id"
                        : !hidden          ? "no <kvm><hidden state='on'/></kvm>"
                                           : "no Hyper-V <vendor_id state='on' value='...'/>");
    vl_finding_note(f, "the device is taken for a GPU because %s", why);
    vl_finding_note(f, "if it is an AMD GPU, the Adrenalin driver (RDNA 2 and later) sees the hypervisor and "
                       "drives the monitor through its virtual display at 60 Hz without FreeSync (older NVIDIA "
                       "drivers refused to run, error 43)");
    vl_finding_note(f, "the guest is taken for Windows: %s", vl_guest_evidence(m));
}

const VlRule vl_rule_hostdev_gpu_hypervisor_detection = {
    .id = "hostdev-gpu-hypervisor-detection",
    .category = "hostdev",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest with a passed-through GPU does not hide the hypervisor from its drivers",
    .rationale =
        "The WindowsKVM build reports that AMD's Windows driver (RDNA 2 and later) detects the hypervisor, "
        "fails to read the monitor's EDID and switches to \"AMD vDisplay\" (60 Hz, no "
        "FreeSync); the author hides the KVM signature (<kvm><hidden state='on'/></kvm>), sets a "
        "Hyper-V vendor_id and spoofs SMBIOS. NVIDIA drivers before R465 refused to run in a VM "
        "(error 43). A PCI device is only taken for a GPU when something shows it (host facts with PCI "
        "class 0x03, a ROM file, x-vga, or functions 0 and 1 of one host slot passed through, the layout of a "
        "GPU and its HDMI/DP audio), and even "
        "then this is a hint. A qemu:commandline -cpu replaces libvirt's -cpu and with it kvm=off and "
        "hv-vendor-id, so then the -cpu's own flags count; a CPU without the hypervisor CPUID bit "
        "(<feature policy='disable' name='hypervisor'/> or -hypervisor) hides it altogether. Note that the WindowsKVM build's own shorthand <kvm hidden='yes'/> is not libvirt syntax and "
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
