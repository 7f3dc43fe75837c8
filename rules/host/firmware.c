/* host-firmware: firmware the host's QEMU does not have (checked against the
 * host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    char path[1024];
    VlFinding *f;

    if (!h->have_domcaps)
        return;
    if (vl_xml_attr_is(m->os, "firmware", "efi") && !h->efi) {
        f = vl_report(report, m->os, "<os firmware='efi'>: the host's QEMU has no UEFI firmware described");
        vl_finding_help(f, "install OVMF (Debian: ovmf)");
        vl_finding_note(f, "domcapabilities lists none");
    }
    if (*vl_xml_text(m->loader, path, sizeof(path)) && h->loaders->len &&
        !g_ptr_array_find_with_equal_func(h->loaders, path, g_str_equal, NULL)) {
        f = vl_report(report, m->loader, "<loader>: not among the firmware images the host's QEMU knows");
        vl_finding_note(f, "loader %s is not among the firmware images the host's QEMU knows (%u listed in "
                           "domcapabilities)", path, h->loaders->len);
        vl_finding_note(f, "the guest fails to start if the file is missing");
    }
}

const VlRule vl_rule_host_firmware = {
    .id = "host-firmware",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "Firmware the host's QEMU does not have",
    .rationale = "Firmware paths differ between distributions (Debian OVMF_CODE_4M.ms.fd, Fedora "
                 "OVMF_CODE.secboot.fd, Arch /usr/share/edk2/x64/...); a loader copied from another system is "
                 "missing here and the guest does not start. firmware='efi' needs firmware descriptors the "
                 "host's QEMU lists in domcapabilities.",
    .sources = { "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: firmware images)", "https://libvirt.org/formatdomaincaps.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<loader readonly='yes' type='pflash'>/usr/share/edk2/x64/OVMF_CODE.secboot.4m.fd</loader>",
    .example_good = "<os firmware='efi'>",
    .check = check,
};
