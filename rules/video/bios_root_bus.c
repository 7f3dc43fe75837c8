/* video-bios-root-bus: with SeaBIOS on q35, the VGA adapter must sit on
 * the root complex. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/device_address.h"

/* Whether some device's PCI <address> names slot SLOT of bus 0 (an address
 * without a bus attribute is on bus 0). */
static bool
root_slot_taken(const VlModel *m, guint64 slot)
{
    for (xmlNodePtr dev = m->devices ? m->devices->children : NULL; dev; dev = dev->next) {
        xmlNodePtr address = vl_xml_child(dev, "address");
        guint64 bus = 0, s;

        if (!vl_xml_attr_is(address, "type", "pci"))
            continue;
        if (vl_xml_attr(address, "bus") && !vl_pci_number(vl_xml_attr(address, "bus"), &bus))
            continue;
        if (bus == 0 && vl_pci_number(vl_xml_attr(address, "slot"), &s) && s == slot)
            return true;
    }
    return false;
}

/* The lowest slot of bus 0 (from 1; 0 is the host bridge, 0x1f the ICH9
 * functions) that no device's <address> names; 0 when every one is taken. */
static int
free_root_slot(const VlModel *m)
{
    for (int slot = 1; slot < 0x1f; slot++) {
        if (!root_slot_taken(m, slot))
            return slot;
    }
    return 0;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr video = vl_primary_video(m);
    xmlNodePtr address = vl_xml_child(video, "address");
    guint64 bus;
    int slot;
    g_autofree char *where = NULL;
    VlFinding *f;

    /* no video: no address either */
    if (m->uefi || m->machine_family != VL_MACHINE_Q35 || !vl_xml_attr_is(address, "type", "pci"))
        return;
    /* no bus attribute: bus 0 */
    if (!vl_pci_number(vl_xml_attr(address, "bus"), &bus) || bus == 0)
        return;
    if (strcmp(vl_video_type(video), "none") == 0)
        return;
    slot = free_root_slot(m);
    where = slot ? g_strdup_printf("<address type='pci' domain='0x0000' bus='0x00' slot='0x%02x' function='0x0'/>", slot)
                 : g_strdup("bus 0x00, once one of its slots 0x01 to 0x1e is freed (all are taken)");
    f = vl_report(report, address, "<video> model '%s': primary adapter sits on PCI bus %s, behind a root port or bridge",
                  vl_video_type(video), vl_xml_attr(address, "bus"));
    vl_finding_help(f, "put it on the root complex: %s", where);
    vl_finding_note(f, "with SeaBIOS its VESA BIOS Extensions are unreachable and the guest only gets 640x480 (the "
                       "Windows installer in grayscale)");
    if (slot) {
        g_autofree char *value = g_strdup_printf("0x%02x", slot);
        g_autofree char *description = g_strdup_printf("move the primary video adapter to bus 0x00 slot %s", value);
        vl_finding_set_fix(f, description, "slot", value, NULL);
    }
}

const VlRule vl_rule_video_bios_root_bus = {
    .id = "video-bios-root-bus",
    .category = "video",
    .severity = VL_SEVERITY_WARNING,
    .summary = "With BIOS firmware on q35, the primary video adapter is not on the PCIe root complex",
    .rationale =
        "SeaBIOS reaches a VGA adapter's VESA BIOS Extensions only when the adapter is an "
        "integrated device of the PCIe root complex (bus 0). libvirt places the first video device "
        "there itself, but when a second adapter is added with virt-manager or virt-xml it goes to "
        "a root port, and deleting the first one leaves the primary adapter behind that port "
        "(virt-manager issue #402; Kevin Locke's guide). The guest then has no VBE modes: the Windows "
        "installer runs at 640x480 in grayscale. UEFI (OVMF's GOP) is not affected. The fix gives "
        "the adapter the lowest free slot on bus 0; it only moves the display adapter, which "
        "guests re-detect, so it is safe.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Video: BIOS needs the video device on the Root Complex)",
        "https://github.com/virt-manager/virt-manager/issues/402",
        "https://libvirt.org/formatdomain.html#device-addresses",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<video>\n  <model type='qxl' heads='1' primary='yes'/>\n  <address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/>\n</video>",
    .example_good = "<video>\n  <model type='qxl' heads='1' primary='yes'/>\n  <address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x0'/>\n</video>",
    .check = check,
};
