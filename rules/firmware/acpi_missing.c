/* firmware-acpi-missing: an x86 guest without ACPI. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"

static void
check(const VlModel *m, VlReport *report)
{
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_is_x86(m) || vl_has_acpi(m) || !m->os ||
        vl_firmware_auto_efi(m) || vl_xml_attr_is(m->loader, "type", "pflash"))
        return; /* UEFI: firmware-uefi-acpi */
    f = vl_report(report, m->features ? m->features : m->os,
                  "<features>: no <acpi/>, so the guest gets no ACPI tables");
    vl_finding_help(f, "add <acpi/> (and <apic/>) to <features> before installing");
    vl_finding_note(f, "without ACPI, virsh shutdown, host shutdown scripts and the power button cannot stop the "
                       "guest gracefully (libvirt can only destroy it), and modern Windows and Linux expect ACPI");
    if (vl_guest_is_windows(&m->guest))
        vl_finding_note(f, "an installed Windows guest uses the hardware abstraction it was installed with: "
                           "switching ACPI on afterwards can stop it from booting");
    vl_finding_set_fix(f, "add <acpi/> to <features>", NULL);
}

const VlRule vl_rule_firmware_acpi_missing = {
    .id = "firmware-acpi-missing",
    .category = "firmware",
    .severity = VL_SEVERITY_WARNING,
    .summary = "An x86 guest without ACPI",
    .rationale =
        "Without <features><acpi/>, QEMU gives the guest no ACPI tables. libvirt accepts that for "
        "BIOS guests, but the guest cannot receive the ACPI power button event, so virsh shutdown "
        "and libvirt-guests only work through a guest agent, and current operating systems expect "
        "ACPI for CPU and device enumeration. virt-install and virt-manager always add it; it gets "
        "lost in hand-written or trimmed XML. The Ubuntu reference guide and the homelab notes describe shutting guests down with "
        "virsh shutdown, which needs it. The fix adds <acpi/>; it is unsafe because an installed "
        "Windows guest keeps the HAL it was installed with and may not boot once the platform "
        "changes.",
    .sources = {
        "A homelab's KVM/QEMU notes, not published at a public address (Quick Commands: virsh shutdown, graceful shutdown)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.1: libvirt manages the guests)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_UNSAFE,
    .fixer = "firmware-acpi",
    .example_bad = "<features>\n  <apic/>\n</features>",
    .example_good = "<features>\n  <acpi/>\n  <apic/>\n</features>",
    .check = check,
};
