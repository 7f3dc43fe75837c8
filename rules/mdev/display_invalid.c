/* mdev-display-invalid: display/ramfb settings of mediated devices that
 * libvirt refuses. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr first_ramfb = NULL;

    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        const char *model = vl_xml_attr(dev, "model");
        const char *display = vl_xml_attr(dev, "display");
        VlFinding *f;

        if (!vl_hostdev_is_mdev(dev))
            continue;
        if (display && model && !g_str_equal(model, "vfio-pci")) {
            f = vl_report(report, dev, "<hostdev>: display='%s' on a mediated device of model '%s'", display, model);
            vl_finding_help(f, "remove the attribute: only vfio-pci vGPUs have a display");
            vl_finding_note(f, "libvirt refuses it: \"<hostdev> attribute 'display' is only supported with "
                               "model='vfio-pci'\"");
            continue;
        }
        if (g_strcmp0(display, "on") == 0 && !vl_graphics(m, NULL)) {
            f = vl_report(report, dev, "<hostdev>: vGPU with display='on' but the domain has no <graphics>");
            vl_finding_help(f, "add a display to show it on, e.g. <graphics type='spice'><listen type='none'/><gl "
                               "enable='yes'/></graphics> (the Japanese reinstall guide) or <graphics type='vnc'/>, "
                               "or set display='off'");
            vl_finding_note(f, "libvirt refuses it: \"graphics device is needed for attribute value 'display=on' in "
                               "<hostdev>\"");
        }
        if (vl_xml_attr_is(dev, "ramfb", "on")) {
            if (first_ramfb) {
                f = vl_report(report, dev, "<hostdev>: a second vGPU with ramfb='on' (the first is on line %d)",
                              vl_xml_line(first_ramfb));
                vl_finding_help(f, "keep ramfb='on' on one vGPU only");
                vl_finding_note(f, "libvirt refuses it: \"Only one vgpu device can have 'ramfb' enabled\"");
                vl_finding_note(f, "QEMU has a single ramfb boot display");
            } else {
                first_ramfb = dev;
            }
        }
    }
}

const VlRule vl_rule_mdev_display_invalid = {
    .id = "mdev-display-invalid",
    .category = "mdev",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A vGPU's display or ramfb setting that libvirt refuses",
    .rationale =
        "A mediated vGPU (Intel GVT-g, NVIDIA GRID) can show its framebuffer on the domain's "
        "VNC/SPICE display with display='on', and give the firmware a boot display with "
        "ramfb='on'. libvirt refuses display='on' without any <graphics>, the display attribute "
        "on models other than vfio-pci, and ramfb on more than one vGPU (checked with libvirt "
        "9.0). The Japanese reinstall guide turns the display on and adds a SPICE display with EGL for it, which is "
        "the right order. The fixes need a choice (which display, which vGPU), so none is "
        "offered.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (GVT-g: hostdev display on, SPICE with MESA EGL)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainMdevDefVFIOPCI)",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "graphics device is needed for attribute value 'display=on'",
    .example_bad = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n</hostdev>\n<!-- no <graphics> -->",
    .example_good = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>\n<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n</hostdev>",
    .check = check,
};
