/* firmware-acpi-missing: an x86 BIOS guest without ACPI.  Which guests
 * break: Windows (since Vista only ACPI HALs; setup stops without ACPI
 * tables) is a warning.  Any other guest boots without ACPI (Linux falls
 * back to the MP table SeaBIOS builds); what it loses is the ACPI power
 * button, which is how libvirt shuts it down unless a guest agent channel
 * is there (qemuDomainShutdownFlags prefers the agent when no mode is
 * given): info, and silent with the agent.  UEFI guests are
 * firmware-uefi-acpi's; isapc has no ACPI to give. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/channel.h"
#include "lint/model/firmware.h"

static void
check(const VlModel *m, VlReport *report)
{
    bool windows = vl_guest_is_windows(&m->guest);
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_is_x86(m) || vl_has_acpi(m) || !m->os ||
        vl_firmware_auto_efi(m) || vl_xml_attr_is(m->loader, "type", "pflash"))
        return; /* UEFI: firmware-uefi-acpi */
    if (m->machine && strcmp(m->machine, "isapc") == 0)
        return; /* an ISA PC has no ACPI to give */
    if (!windows && vl_channel_named(m, "org.qemu.guest_agent.0"))
        return; /* virsh shutdown goes through the agent */
    if (windows) {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, m->features ? m->features : m->os,
                               "<features>: no <acpi/>, and Windows needs ACPI tables");
        vl_finding_help(f, "add <acpi/> (and <apic/>) to <features> before installing");
        vl_finding_note(f, "Windows since Vista runs only on ACPI hardware: without the tables setup stops, and "
                           "virsh shutdown and the power button cannot stop the guest gracefully");
        vl_finding_note(f, "an installed Windows guest uses the hardware abstraction it was installed with: "
                           "switching ACPI on afterwards can stop it from booting");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    } else {
        f = vl_report(report, m->features ? m->features : m->os,
                      "<features>: no <acpi/>, so virsh shutdown cannot reach the guest");
        vl_finding_help(f, "add <acpi/> to <features>, or a guest agent channel (org.qemu.guest_agent.0) for "
                           "virsh shutdown --mode agent");
        vl_finding_note(f, "without ACPI there is no power button: virsh shutdown and libvirt-guests at host "
                           "shutdown cannot stop the guest gracefully (libvirt can only destroy it)");
    }
    vl_finding_set_fix(f, "add <acpi/> to <features>", NULL);
}

const VlRule vl_rule_firmware_acpi_missing = {
    .id = "firmware-acpi-missing",
    .category = "firmware",
    .severity = VL_SEVERITY_INFO,
    .summary = "An x86 BIOS guest without ACPI: a warning for Windows, which needs it; otherwise no graceful shutdown",
    .rationale =
        "Without <features><acpi/>, QEMU gives the guest no ACPI tables. libvirt accepts that for "
        "x86 BIOS guests (a UEFI guest without ACPI is firmware-uefi-acpi's). Windows since Vista "
        "runs only on ACPI hardware, so for a guest taken for Windows this is a warning. Other "
        "guests boot without it (Linux falls back to the MP table SeaBIOS builds), but have no ACPI "
        "power button: virsh shutdown and libvirt-guests then only work through a guest agent, "
        "which libvirt prefers when its channel is present, so the rule is an info finding and is "
        "silent when the domain has an org.qemu.guest_agent.0 channel. An isapc machine has no ACPI "
        "to give. virt-install and virt-manager always add "
        "<acpi/>; it gets lost in hand-written or trimmed XML (libvirt's own test files lack it, "
        "which made this rule's earlier, unconditional warning fire on most of them). The fix adds "
        "<acpi/>; it is unsafe because an installed Windows guest keeps the HAL it was installed "
        "with and may not boot once the platform changes.",
    .sources = {
        "A homelab's KVM/QEMU notes, not published at a public address (Quick Commands: virsh shutdown, graceful shutdown)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.1: libvirt manages the guests)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
        "libvirt src/qemu/qemu_driver.c (qemuDomainShutdownFlags: prefer agent unless requested not to)",
    },
    .fix = VL_FIX_UNSAFE,
    .fixer = "firmware-acpi",
    .example_bad = "<features>\n  <apic/>\n</features>",
    .example_good = "<features>\n  <acpi/>\n  <apic/>\n</features>",
    .check = check,
};
