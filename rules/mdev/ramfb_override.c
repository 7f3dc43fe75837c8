/* mdev-ramfb-override: ramfb for a vGPU switched on through qemu:override
 * instead of libvirt's own ramfb='on'. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"
#include "lint/model/aliases.h"
#include "lint/model/qemu_override.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        g_autofree char *alias = NULL;
        xmlNodePtr ramfb, driver;
        bool nohotplug;
        VlFinding *f;

        /* model is required for an mdev (schema, libvirt) */
        if (!vl_hostdev_is_mdev(dev) || !vl_xml_attr_is(dev, "model", "vfio-pci"))
            continue;
        alias = vl_hostdev_alias(m, dev);
        ramfb = vl_override_property(m, alias, "ramfb");
        driver = vl_override_property(m, alias, "driver");
        if (!vl_xml_attr_is(ramfb, "value", "true"))
            continue;
        f = vl_report(report, ramfb, "<qemu:override> turns on ramfb for vGPU '%s'", alias);
        nohotplug = vl_xml_attr_is(driver, "value", "vfio-pci-nohotplug");
        vl_finding_help(f, "write ramfb='on' on the <hostdev> and drop the override propert%s", nohotplug ? "ies" : "y");
        if (nohotplug)
            vl_finding_note(f, "the override also switches its driver to vfio-pci-nohotplug");
        vl_finding_note(f, "libvirt does this itself with ramfb='on' on the <hostdev> (it then uses "
                           "vfio-pci-nohotplug and keeps track of the single ramfb display)");
        vl_finding_set_fix(f, "ramfb='on' on the hostdev instead of the qemu:override properties", NULL);
    }
}

const VlRule vl_rule_mdev_ramfb_override = {
    .id = "mdev-ramfb-override",
    .category = "mdev",
    .severity = VL_SEVERITY_INFO,
    .summary = "A vGPU's ramfb is enabled through qemu:override instead of ramfb='on'",
    .rationale =
        "The Japanese reinstall guide enables the boot framebuffer of its GVT-g vGPU by overriding the QEMU device: "
        "driver=vfio-pci-nohotplug and ramfb=true on alias hostdev0. Since libvirt 5.10 "
        "<hostdev type='mdev' model='vfio-pci' ramfb='on'> produces exactly that device, checks "
        "that only one vGPU has a ramfb, and does not depend on an alias that changes when "
        "hostdevs are added or reordered. The guest sees the same device either way, so the "
        "fix is safe; libvirt also still requires display='on' for it (mdev-ramfb-display).",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (RAMFB display: qemu:override driver=vfio-pci-nohotplug, ramfb=true)",
        "https://libvirt.org/formatdomain.html#host-device-assignment (ramfb, since 5.10.0)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'>...</hostdev>\n...\n<qemu:override>\n  <qemu:device alias='hostdev0'>\n    <qemu:frontend>\n      <qemu:property name='driver' type='string' value='vfio-pci-nohotplug'/>\n      <qemu:property name='ramfb' type='bool' value='true'/>\n    </qemu:frontend>\n  </qemu:device>\n</qemu:override>",
    .example_good = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'>...</hostdev>",
    .check = check,
};
