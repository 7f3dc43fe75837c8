/* video-passthrough-gpu-display: an emulated display next to a
 * passed-through GPU. */
#include <string.h>

#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/gpu_likely.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *why = NULL;
    xmlNodePtr gpu = vl_display_gpu(m, &why);
    xmlNodePtr address = gpu ? vl_xml_child(vl_xml_child(gpu, "source"), "address") : NULL;
    g_autofree char *pci = NULL;
    xmlNodePtr video = vl_primary_video(m);
    GPtrArray *graphics = vl_model_devices(m, "graphics");
    VlFinding *f;

    if (!gpu)
        return;
    if (video ? strcmp(vl_video_type(video), "none") == 0 : graphics->len == 0)
        return;
    pci = vl_host_pci_address(vl_xml_attr(address, "domain"), vl_xml_attr(address, "bus"),
                              vl_xml_attr(address, "slot"), vl_xml_attr(address, "function"));
    if (video)
        f = vl_report(report, vl_video_model(video) ? vl_video_model(video) : video,
                      "<video> model '%s': emulated display next to the passed-through GPU %s", vl_video_type(video),
                      pci ? pci : "?");
    else
        f = vl_report(report, g_ptr_array_index(graphics, 0),
                      "<graphics>: emulated (libvirt default) display next to the passed-through GPU %s",
                      pci ? pci : "?");
    vl_finding_help(f, "once the GPU works, use <video><model type='none'/></video> and remove the <graphics> device");
    vl_finding_note(f, "host device %s looks like a passed-through GPU (%s)", pci ? pci : "?", why);
    vl_finding_note(f, "the guest sees a second monitor on the emulated display, which can become the primary one and "
                       "hold the desktop");
    vl_finding_note(f, "the WindowsKVM build keeps QXL+Spice only as a setup fallback");
}

const VlRule vl_rule_video_passthrough_gpu_display = {
    .id = "video-passthrough-gpu-display",
    .category = "video",
    .severity = VL_SEVERITY_INFO,
    .summary = "An emulated display adapter next to a passed-through GPU",
    .rationale =
        "A guest driving a real GPU through VFIO does not need QEMU's emulated adapter, and keeping "
        "it gives the guest a second monitor that can become the primary display, hold the login "
        "screen or the taskbar, or confuse frame pacing. The WindowsKVM build adds a QXL adapter with a Spice "
        "display only as a fallback during setup and says to remove it once passthrough is stable. "
        "The domain XML does not say which host device is a GPU: with host facts (--nodedev) the PCI "
        "class decides; without them a heuristic does: function 0 of a slot whose function 1 (the "
        "HDMI/DP audio controller) is passed through too, in a Windows guest or one that hides the "
        "hypervisor. It stays a recommendation without an automatic "
        "fix, because the emulated display is also the only way to see a guest whose GPU fails.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start 2: QXL + SPICE as a fallback, remove once passthrough is stable)",
        "https://libvirt.org/formatdomain.html#video-devices (model type none)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>\n<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x1'/></source>\n</hostdev>\n<graphics type='spice' autoport='yes'/>\n<video>\n  <model type='qxl' heads='1' primary='yes'/>\n</video>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>\n<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x1'/></source>\n</hostdev>\n<video>\n  <model type='none'/>\n</video>",
    .check = check,
};
