/* firmware-windows-q35: Windows guests are better off on q35. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    if (!vl_guest_is_windows(&m->guest) || !vl_is_x86(m) || !m->os_type ||
        !(m->machine_family == VL_MACHINE_I440FX || m->machine_family == VL_MACHINE_UNKNOWN))
        return;
    VlFinding *f = vl_report(report, m->os_type, "<type>: Windows guest on %s, not q35", vl_machine_name(m));

    vl_finding_help(f, "prefer machine='q35' for new guests (for an installed guest the change moves disk "
                       "controllers and PCI addresses: install the storage drivers first and expect Windows to "
                       "re-detect hardware)");
    vl_finding_note(f, "the i440fx chipset has no PCI Express and no AHCI controller of its own, and Secure Boot is "
                       "not available on it%s",
                    vl_is_win11(m) ? ", so Windows 11 cannot have it" : "");
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
}

const VlRule vl_rule_firmware_windows_q35 = {
    .id = "firmware-windows-q35",
    .category = "firmware",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest on the i440fx machine type",
    .rationale =
        "q35 emulates a chipset with PCI Express, AHCI SATA and PCIe hotplug; i440fx dates from "
        "1996. Kevin Locke's guide recommends the latest q35 version for Windows, the Ubuntu reference guide and the WindowsKVM build use q35, "
        "and Secure Boot, which Windows 11 expects, needs q35 (its firmware needs SMM). A domain "
        "without a machine attribute is counted as i440fx: that is what libvirt 9.0 picks for "
        "x86_64 (pc-i440fx-7.2 here). There is no automatic fix: on an installed guest the change "
        "moves disk controllers and PCI addresses (IDE disks do not exist on q35), which can leave "
        "Windows unable to find its boot disk.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Machine Type: generally preferable to use the latest Q35)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: Chipset must be Q35)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Machine type Q35, pc-q35-9.2)",
        "https://wiki.qemu.org/Features/Q35",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<os>\n  <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n</os>",
    .check = check,
};
