/* mdev-ramfb-display: a vGPU with ramfb but without its display. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    bool graphics = vl_graphics(m, NULL) != NULL;

    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        VlFinding *f;

        /* model is required for an mdev (schema, libvirt) */
        if (!vl_hostdev_is_mdev(dev) || !vl_xml_attr_is(dev, "model", "vfio-pci") ||
            !vl_xml_attr_is(dev, "ramfb", "on") || vl_xml_attr_is(dev, "display", "on"))
            continue;
        f = vl_report(report, dev, "<hostdev>: vGPU with ramfb='on' but display %s",
                      vl_xml_attr(dev, "display") ? "='off'" : "not 'on' (libvirt's default is off)");
        vl_finding_help(f, "set display='on'%s", graphics ? "" : " and add a <graphics> display for it");
        vl_finding_note(f, "libvirt passes display=off,ramfb=true and QEMU refuses to start (\"ramfb=on requires "
                           "display=on\")");
        if (graphics)
            vl_finding_set_fix(f, "set display='on'", NULL);
    }
}

const VlRule vl_rule_mdev_ramfb_display = {
    .id = "mdev-ramfb-display",
    .category = "mdev",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A vGPU has ramfb='on' without display='on'",
    .rationale =
        "ramfb is a boot framebuffer that QEMU shows through the vGPU's display, so QEMU's "
        "vfio-pci-nohotplug device refuses ramfb=true unless the display is on. libvirt 9.0 "
        "defines such a domain and fills in display='off' (checked), so the error only appears "
        "when it starts. The Japanese reinstall guide ends with display on; a half-edited copy with ramfb alone does "
        "not start. The fix turns the display on when the domain has a <graphics> device; "
        "without one libvirt would refuse display='on', so then only the finding is given.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (RAMFB display; hostdev display on)",
        "QEMU hw/vfio/pci.c (\"ramfb=on requires display=on\")",
        "https://libvirt.org/formatdomain.html#host-device-assignment",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' ramfb='on'>...</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'>...</hostdev>",
    .check = check,
};
