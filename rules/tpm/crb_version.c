/* tpm-crb-version: the CRB interface exists only for TPM 2.0. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *tpms = vl_model_devices(m, "tpm");

    for (guint i = 0; vl_is_qemu(m) && i < tpms->len; i++) {
        xmlNodePtr tpm = g_ptr_array_index(tpms, i);
        xmlNodePtr backend = vl_xml_child(tpm, "backend");
        VlFinding *f;

        if (!vl_xml_attr_is(tpm, "model", "tpm-crb") || !vl_xml_attr_is(backend, "type", "emulator") ||
            !vl_xml_attr_is(backend, "version", "1.2"))
            continue;
        f = vl_report(report, backend, "<backend version='1.2'>: a TPM 1.2 on a tpm-crb TPM, which is TPM 2.0 only");
        vl_finding_help(f, "use version='2.0' (or model='tpm-tis' if a TPM 1.2 is really wanted)");
        vl_finding_note(f, "the CRB interface only exists for TPM 2.0; libvirt 9.0 refuses the domain: "
                           "\"Unsupported interface 'tpm-crb' for TPM 1.2\"");
        vl_finding_set_fix(f, "set version='2.0' on the tpm-crb TPM", NULL);
    }
}

const VlRule vl_rule_tpm_crb_version = {
    .id = "tpm-crb-version",
    .category = "tpm",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A tpm-crb TPM with an emulated TPM 1.2",
    .rationale =
        "The Command Response Buffer interface is defined for TPM 2.0 only (the libvirt developers' "
        "words quoted in Kevin Locke's guide: \"TPM CRB interface is a simpler interface than the TPM TIS and "
        "is only available for TPM 2\"). libvirt refuses tpm-crb with an emulated TPM 1.2 at define "
        "time (\"Unsupported interface 'tpm-crb' for TPM 1.2\", checked with libvirt 9.0). The WindowsKVM build "
        "uses tpm-crb with 2.0. The fix sets version='2.0', which is safe: the domain was never "
        "accepted, so there is no TPM state to lose.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (TPM: CRB is only available for TPM 2)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (TPM: tpm-crb, emulator backend, version 2.0)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDeviceDefTPM)",
        "https://libvirt.org/formatdomain.html#tpm-device",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "tpm-version",
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Unsupported interface 'tpm-crb' for TPM 1.2",
    .example_bad = "<tpm model='tpm-crb'>\n  <backend type='emulator' version='1.2'/>\n</tpm>",
    .example_good = "<tpm model='tpm-crb'>\n  <backend type='emulator' version='2.0'/>\n</tpm>",
    .check = check,
};
