/* hostdev-pci-display: display/ramfb on a physical PCI device. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        const char *display = vl_xml_attr(dev, "display");
        const char *ramfb = vl_xml_attr(dev, "ramfb");
        VlFinding *f;

        if (!vl_hostdev_is_pci(dev) || (!display && !ramfb))
            continue;
        f = vl_report(report, dev, "<hostdev>: %s%s%s on a PCI device, where they do nothing",
                      display ? "display=" : "", display ? display : "",
                      ramfb ? (display ? " and ramfb" : "ramfb") : "");
        vl_finding_help(f, "remove them (the GPU's own outputs are its display)");
        vl_finding_note(f, "these attributes belong to mediated devices (type='mdev', vGPUs); libvirt drops them from "
                           "a physical device without a word, so nothing changes for the GPU");
        vl_finding_set_fix(f, "remove display and ramfb from the PCI hostdev", NULL);
    }
}

const VlRule vl_rule_hostdev_pci_display = {
    .id = "hostdev-pci-display",
    .category = "hostdev",
    .severity = VL_SEVERITY_WARNING,
    .summary = "display or ramfb is set on a passed-through physical PCI device",
    .rationale =
        "display='on' exports a vGPU's framebuffer to a VNC/SPICE display and ramfb='on' adds a "
        "boot framebuffer for it; both exist only for <hostdev type='mdev'> with "
        "model='vfio-pci'. On a physical PCI function they are outside libvirt's schema, and "
        "libvirt 9.0 silently drops them on define (checked), so a user expecting a picture in "
        "virt-viewer gets none. The WindowsKVM build lists them among parameters that do not work for "
        "physical GPUs, which is right. Removing them changes nothing for the guest.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Parameters that break RDNA 4: display='on' / ramfb='on')",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes' display='on' ramfb='on'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>",
    .check = check,
};
