/* mdev-gvtg-uefi-rom: a vGPU display under OVMF without the GVT-g UEFI
 * option ROM and OpRegion that the Japanese reinstall guide needed. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"
#include "lint/model/aliases.h"
#include "lint/model/qemu_override.h"

static void
check(const VlModel *m, VlReport *report)
{
    if (!m->uefi)
        return;
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        g_autofree char *alias = NULL;
        xmlNodePtr romfile, opregion;
        bool has_rom, has_opregion;
        VlFinding *f;

        /* model is required for an mdev (schema, libvirt) */
        if (!vl_hostdev_is_mdev(dev) || !vl_xml_attr_is(dev, "display", "on") || !vl_xml_attr_is(dev, "model", "vfio-pci"))
            continue;
        alias = vl_hostdev_alias(m, dev);
        romfile = vl_override_property(m, alias, "romfile");
        opregion = vl_override_property(m, alias, "x-igd-opregion");
        has_rom = romfile || vl_xml_attr(vl_xml_child(dev, "rom"), "file");
        has_opregion = vl_xml_attr_is(opregion, "value", "true");
        if (has_rom && has_opregion)
            continue;
        f = vl_report(report, dev, "<hostdev>: vGPU display under UEFI%s%s",
                      has_rom ? "" : " without a UEFI option ROM (romfile)",
                      has_opregion ? "" : (has_rom ? " without x-igd-opregion=true" : " or x-igd-opregion=true"));
        vl_finding_help(f, "feed the GVT UEFI option ROM and the OpRegion through <qemu:override> on the device's "
                           "alias: <qemu:property name='romfile' type='string' "
                           "value='/var/lib/libvirt/qemu/drivers/vbios_gvt_uefi.rom'/> and <qemu:property "
                           "name='x-igd-opregion' type='bool' value='true'/>, as the Japanese reinstall guide does");
        vl_finding_note(f, "if it is an Intel GVT-g vGPU (i915-GVTg_* type) with display='on', OVMF has no driver for "
                           "it and the display stays blank until the guest driver loads (ignore this for NVIDIA "
                           "vGPUs)");
    }
}

const VlRule vl_rule_mdev_gvtg_uefi_rom = {
    .id = "mdev-gvtg-uefi-rom",
    .category = "mdev",
    .severity = VL_SEVERITY_INFO,
    .summary = "A vGPU display in a UEFI guest without the GVT-g option ROM and OpRegion",
    .rationale =
        "The Japanese reinstall guide (after the Arch wiki's Intel GVT-g page) found that with OVMF the DMA-BUF "
        "display of a GVT-g vGPU stays blank: the vGPU has no option ROM with a UEFI GOP driver, "
        "so the firmware and boot loader draw nothing. The fix there is an extracted "
        "vbios_gvt_uefi.rom passed as the device's romfile and x-igd-opregion=true, both through "
        "qemu:override. Whether an mdev is GVT-g (and not an NVIDIA vGPU, which does not need "
        "this) is only known on the host, so this is a hint. The ROM file has to be provided by "
        "the user, so no fix is offered; a user alias (ua-...) keeps the override stable.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (GVT-g: UEFI (OVMF) guests show no DMA-BUF display; romfile, x-igd-opregion)",
        "https://wiki.archlinux.org/title/Intel_GVT-g",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<os firmware='efi'>...</os>\n...\n<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'>\n  <source><address uuid='ae6411d7-151d-485d-98e7-fa377c478da0'/></source>\n  <alias name='ua-gvtg'/>\n</hostdev>\n...\n<qemu:override>\n  <qemu:device alias='ua-gvtg'>\n    <qemu:frontend>\n      <qemu:property name='x-igd-opregion' type='bool' value='true'/>\n      <qemu:property name='romfile' type='string' value='/var/lib/libvirt/qemu/drivers/vbios_gvt_uefi.rom'/>\n    </qemu:frontend>\n  </qemu:device>\n</qemu:override>",
    .check = check,
};
