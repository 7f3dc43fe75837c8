/* hostdev-ovmf-pcimmio64: OVMF's 64-bit MMIO window forced through -fw_cfg. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value = vl_xml_attr(arg, "value");
        VlFinding *f;

        if (!value || !strstr(value, "opt/ovmf/X-PciMmio64Mb"))
            continue;
        f = vl_report(report, arg, "<qemu:arg> forces the size of OVMF's 64-bit PCI MMIO window (X-PciMmio64Mb)");
        vl_finding_help(f, "remove the -fw_cfg argument pair unless the GPU's BARs fail to fit without it");
        vl_finding_note(f, "the argument is qemu:arg '%s'", value);
        vl_finding_note(f, "current OVMF sizes the window from the CPU's physical address bits, and a forced value "
                           "moves the BARs of passed-through GPUs (the WindowsKVM build reports video glitches, and "
                           "\"Bad address\" at start with a 16 GB BAR)");
        vl_finding_set_fix(f, "remove the -fw_cfg opt/ovmf/X-PciMmio64Mb argument pair", NULL);
    }
}

const VlRule vl_rule_hostdev_ovmf_pcimmio64 = {
    .id = "hostdev-ovmf-pcimmio64",
    .category = "hostdev",
    .severity = VL_SEVERITY_WARNING,
    .summary = "OVMF's 64-bit MMIO window is forced with -fw_cfg opt/ovmf/X-PciMmio64Mb",
    .rationale =
        "Guides for GPUs with large BARs pass -fw_cfg name=opt/ovmf/X-PciMmio64Mb,string=N "
        "through qemu:commandline (libvirt's own <sysinfo type='fwcfg'> refuses names under "
        "opt/ovmf/). It overrides the 64-bit MMIO aperture OVMF would compute. The WindowsKVM build lists it "
        "among the parameters that break an RDNA 4 card (video glitches, \"Bad address\" on "
        "start) and removes it; edk2 since 2023 derives the aperture from the guest's physical "
        "address width, which host-passthrough CPUs get from the host. Older OVMF may still need "
        "it for very large BARs, so the fix (removing it) changes the guest's memory map and is "
        "unsafe.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Parameters that break RDNA 4: fw_cfg X-PciMmio64Mb; Troubleshooting: Bad address on VM start)",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
        "https://libvirt.org/formatdomain.html#smbios-system-information (fwcfg names)",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-fw_cfg'/>\n  <qemu:arg value='name=opt/ovmf/X-PciMmio64Mb,string=65536'/>\n</qemu:commandline>",
    .example_good = "<!-- no X-PciMmio64Mb: OVMF sizes the window itself -->",
    .check = check,
};
