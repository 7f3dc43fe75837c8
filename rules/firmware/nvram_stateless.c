/* firmware-nvram-stateless: a stateless loader keeps no variable store. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    char buf[1024];
    const char *path;
    bool has_store;
    VlFinding *f;

    if (!m->nvram || !vl_xml_attr_is(m->loader, "stateless", "yes"))
        return;
    path = vl_xml_text(m->nvram, buf, sizeof(buf));
    has_store = *path || vl_xml_child(m->nvram, "source"); /* vl_xml_text never gives NULL */
    f = vl_report(report, m->nvram, "<nvram>: with <loader stateless='yes'>, which keeps no variable store");
    vl_finding_help(f, "remove the <nvram> element, or drop stateless='yes' if the guest should keep its UEFI "
                       "variables (boot entries, Secure Boot keys)");
    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s\"",
                    has_store ? "NVRAM is not permitted when loader is stateless"
                              : "NVRAM template is not permitted when loader is stateless");
    vl_finding_set_fix(f, "remove <nvram>", NULL);
}

const VlRule vl_rule_firmware_nvram_stateless = {
    .id = "firmware-nvram-stateless",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An NVRAM store or template for a stateless firmware loader",
    .rationale =
        "<loader stateless='yes'> (libvirt 8.6 and later) runs firmware that keeps no UEFI variable "
        "store, such as a combined OVMF image or a confidential-computing build. An <nvram> path or "
        "template then has nothing to apply to, and libvirt refuses the domain (\"NVRAM is not "
        "permitted when loader is stateless\", or the same for a template; checked with libvirt "
        "9.0). It happens when stateless='yes' is added to a loader copied with its <nvram> line, "
        "as in the per-VM VARS files of the homelab notes. libvirt releases after 9.0 also refuse an NVRAM "
        "for BIOS firmware or a ROM loader; libvirt 9.0 accepts those, so they are not reported. "
        "The fix removes the <nvram> element, which the firmware would not use.",
    .sources = {
        "A homelab's KVM/QEMU notes, not published at a public address (Storage Layout: per-VM VARS files, qemu/nvram)",
        "libvirt src/conf/domain_validate.c (NVRAM is not permitted when loader is stateless)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "not permitted when loader is stateless",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' type='pflash' stateless='yes'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>\n  <nvram>/var/lib/libvirt/qemu/nvram/guest_VARS.fd</nvram>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' type='pflash' stateless='yes'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>\n</os>",
    .check = check,
};
