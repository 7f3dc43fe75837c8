/* hostdev-rom-bar: a passed-through PCI device whose option ROM is hidden. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/gpu.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        xmlNodePtr rom;
        const char *why = NULL;

        if (!vl_hostdev_is_pci(dev) || !(rom = vl_xml_child(dev, "rom")))
            continue;
        /* a NIC's or a storage controller's ROM (PXE, a RAID BIOS) is often
         * switched off on purpose: only GPUs need theirs to show a picture */
        if (!vl_hostdev_known_gpu(m, dev, &why))
            continue;
        if (vl_xml_attr_is(rom, "enabled", "no")) {
            VlFinding *f = vl_report(report, rom, "<rom enabled='no'> removes the option ROM of a passed-through GPU");
            vl_finding_help(f, "remove the <rom> element");
            vl_finding_note(f, "the firmware (OVMF or SeaBIOS) cannot initialise the GPU without its ROM, so there is "
                               "no picture until the guest driver loads");
            vl_finding_note(f, "this device is taken for a GPU because %s", why);
            vl_finding_set_fix(f, "remove <rom enabled='no'/>", NULL);
        } else if (vl_xml_attr_is(rom, "bar", "off")) {
            VlFinding *f = vl_report(report, rom, "<rom bar='off'> hides the option ROM of a passed-through GPU");
            vl_finding_help(f, "remove bar='off' (or set bar='on'): QEMU exposes the ROM by default");
            vl_finding_note(f, "OVMF cannot run the GPU's UEFI GOP driver and shows no picture until the guest "
                               "driver loads");
            vl_finding_note(f, "this device is taken for a GPU because %s", why);
            vl_finding_set_fix(f, "remove bar='off' so the ROM BAR is exposed", NULL);
        }
    }
}

const VlRule vl_rule_hostdev_rom_bar = {
    .id = "hostdev-rom-bar",
    .category = "hostdev",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A passed-through GPU's option ROM is hidden or disabled",
    .rationale =
        "A GPU's option ROM carries the UEFI GOP (and legacy VGA BIOS) driver that the guest "
        "firmware runs to light up a display before the operating system loads. <rom bar='off'/> "
        "hides the ROM BAR and <rom enabled='no'/> removes the ROM: OVMF then cannot initialise "
        "the GPU and the screen stays black through boot. The WindowsKVM build says <rom bar='on'/> is "
        "\"required on every passthrough device\"; upstream QEMU already exposes the ROM when "
        "<rom> is absent, so virtlint only flags ROMs that are switched off, and only on devices known to be "
        "GPUs (host facts give PCI class 0x03, a ROM file, x-vga, or the GPU-plus-audio layout): a NIC's "
        "or a storage controller's boot ROM is often switched off on purpose.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (<rom bar='on'/> on every passthrough device)",
        "https://libvirt.org/formatdomain.html#host-device-assignment (rom bar/enabled)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n  <rom bar='off'/>\n</hostdev>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  <source><address domain='0x0000' bus='0x0f' slot='0x00' function='0x0'/></source>\n</hostdev>",
    .check = check,
};
