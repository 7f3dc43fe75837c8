/* firmware-uefi-acpi: UEFI on x86 requires ACPI. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/checked_release.h"
#include "lint/engine/version.h"
#include "lint/model/machine.h"
#include "lint/model/firmware.h"

static void
check(const VlModel *m, VlReport *report)
{
    VlFinding *f;
    char version[32];

    /* libvirt checks pflash loaders and auto-selected EFI firmware; an
     * OVMF image loaded as a ROM is left to firmware-acpi-missing. */
    if (!vl_is_qemu(m) || !vl_is_x86(m) || vl_has_acpi(m) ||
        !(vl_firmware_auto_efi(m) || vl_xml_attr_is(m->loader, "type", "pflash")))
        return;
    f = vl_report(report, m->features ? m->features : m->os, "<features>: UEFI firmware without <acpi/>");
    vl_finding_help(f, "add <acpi/> to <features>");
    /* checked with 9.0; 11.3's firmware-manual-efi-noacpi-q35 expects it too */
    vl_finding_note(f, "libvirt %s refuses the domain: \"UEFI requires ACPI on this architecture\"",
                    vl_checked_release(m, VL_LIBVIRT(9, 0), VL_LIBVIRT(11, 3), version, sizeof(version)));
    vl_finding_set_fix(f, "add <acpi/> to <features>", NULL);
}

const VlRule vl_rule_firmware_uefi_acpi = {
    .id = "firmware-uefi-acpi",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "UEFI firmware on x86 without ACPI",
    .rationale =
        "OVMF describes the machine to the OS through ACPI only; libvirt refuses an x86 domain with "
        "a pflash loader or <os firmware='efi'> and no <features><acpi/> (\"UEFI requires ACPI on "
        "this architecture\", checked with libvirt 9.0 at define time). It happens when a UEFI "
        "<os> from a guide such as the Ubuntu reference guide or 001 is pasted into a domain written without "
        "<features>. An OVMF image given as a plain (ROM) loader is not checked by libvirt and is "
        "reported by firmware-acpi-missing instead. The fix adds <acpi/> (and <features> when it is "
        "missing); the domain was never accepted, so no installed guest depends on its absence.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: Firmware OVMF (UEFI))",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI)",
        "libvirt src/qemu/qemu_validate.c (UEFI requires ACPI on this architecture)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "firmware-acpi",
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "UEFI requires ACPI on this architecture",
    .example_bad = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .example_good = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>\n<features>\n  <acpi/>\n  <apic/>\n</features>",
    .check = check,
};
