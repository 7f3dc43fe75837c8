/* tpm-multiple: one TPM per guest (plus, on pSeries, one TPM proxy). */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *tpms = vl_model_devices(m, "tpm");
    xmlNodePtr first = NULL, first_proxy = NULL;

    for (guint i = 0; vl_is_qemu(m) && i < tpms->len; i++) {
        xmlNodePtr tpm = g_ptr_array_index(tpms, i);
        bool proxy = vl_xml_attr_is(tpm, "model", "spapr-tpm-proxy");
        xmlNodePtr *seen = proxy ? &first_proxy : &first;

        if (!*seen) {
            *seen = tpm;
            continue;
        }
        VlFinding *f = vl_report(report, tpm, "<tpm%s>: a second %s", proxy ? " model='spapr-tpm-proxy'" : "",
                                 proxy ? "TPM proxy device" : "TPM");

        vl_finding_help(f, "remove this one (keep the one whose state the guest already uses)");
        vl_finding_note(f, "a guest has one TPM; libvirt%s refuses the domain: \"only a single TPM %s device is "
                           "supported\"",
                        proxy ? "" : " 9.0", proxy ? "Proxy" : "non-proxy");
    }
}

const VlRule vl_rule_tpm_multiple = {
    .id = "tpm-multiple",
    .category = "tpm",
    .severity = VL_SEVERITY_ERROR,
    .summary = "More than one TPM device",
    .rationale =
        "libvirt gives a guest at most one TPM (and, on pSeries, one spapr-tpm-proxy besides it) "
        "and refuses a domain with more (\"only a single TPM non-proxy device is supported\", "
        "checked with libvirt 9.0 at define time). It can happen when a TPM from a guide, the "
        "Ubuntu reference guide's TIS or the WindowsKVM build's CRB, is pasted into a domain that already has one (virt-manager "
        "gives new UEFI guests an emulated TPM). There is no automatic fix: which TPM holds the guest's sealed "
        "secrets cannot be told from the XML.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: add a TPM device, TIS 2.0)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (TPM: tpm-crb 2.0)",
        "libvirt src/qemu/qemu_validate.c (only a single TPM non-proxy device is supported)",
        "https://libvirt.org/formatdomain.html#tpm-device",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "only a single TPM",
    .example_bad = "<tpm model='tpm-tis'>\n  <backend type='emulator' version='2.0'/>\n</tpm>\n<tpm model='tpm-crb'>\n  <backend type='emulator' version='2.0'/>\n</tpm>",
    .example_good = "<tpm model='tpm-crb'>\n  <backend type='emulator' version='2.0'/>\n</tpm>",
    .check = check,
};
