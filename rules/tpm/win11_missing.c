/* tpm-win11-missing: Windows 11 needs a TPM 2.0. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

/* Why F matters, and why the guest is taken for Windows 11; EXTRA
 * continues the first note ("" for nothing). */
static void
why(VlFinding *f, const VlModel *m, const char *extra)
{
    vl_finding_note(f, "Windows 11 requires TPM 2.0 and its setup refuses to install%s", extra);
    vl_finding_note(f, "the guest is taken for Windows 11: %s", m->guest.evidence);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *tpms = vl_model_devices(m, "tpm");
    VlFinding *f;

    if (!vl_is_win11(m) || !m->devices)
        return;
    if (tpms->len == 0) {
        f = vl_report(report, m->devices, "<devices>: Windows 11 guest without a TPM");
        vl_finding_help(f, "add <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm> (swtpm must be "
                           "installed on the host)");
        why(f, m, " (\"This PC can't run Windows 11\"); BitLocker and Windows Hello need it too");
        vl_finding_set_fix(f, "add an emulated TPM 2.0: <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>",
                           NULL);
        return;
    }
    for (guint i = 0; i < tpms->len; i++) {
        xmlNodePtr backend = vl_xml_child(g_ptr_array_index(tpms, i), "backend");
        if (!vl_xml_attr_is(backend, "version", "1.2"))
            continue;
        f = vl_report(report, backend, "<backend version='1.2'>: Windows 11 guest with a TPM 1.2");
        vl_finding_help(f, "use version='2.0' (a new TPM for the guest: anything sealed to this one, such as "
                           "BitLocker keys, needs its recovery key afterwards)");
        why(f, m, "");
    }
}

const VlRule vl_rule_tpm_win11_missing = {
    .id = "tpm-win11-missing",
    .category = "tpm",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows 11 guest without a TPM 2.0",
    .rationale =
        "Windows 11 requires TPM 2.0; setup refuses a machine without one unless the unsupported "
        "BypassTPMCheck registry value is used (Kevin Locke's guide). The Ubuntu reference guide and the WindowsKVM build add an emulated TPM "
        "2.0 (TIS and CRB respectively); both interfaces work with Windows 11. A warning like the "
        "other setup minimums: an installed guest keeps booting. The fix adds <tpm "
        "model='tpm-crb'><backend type='emulator' version='2.0'/></tpm> (libvirt 4.5 and later). It "
        "is unsafe: the guest itself gains a TPM it had not, which is harmless, but libvirt starts "
        "swtpm for it, and a host without swtpm installed can no longer start the domain. A TPM 1.2 is reported "
        "without a fix: replacing it gives the guest a new TPM, which is not safe for an installed "
        "guest (see tpm-emulator-version).",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (TPM: Windows 11 requires TPM 2.0; swtpm)",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: TPM, Model TIS, Version 2.0)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (TPM: tpm-crb, emulator backend, version 2.0)",
        "https://libvirt.org/formatdomain.html#tpm-device",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<devices>\n  <disk type='file' device='disk'>...</disk>\n</devices>",
    .example_good = "<devices>\n  <disk type='file' device='disk'>...</disk>\n  <tpm model='tpm-crb'>\n    <backend type='emulator' version='2.0'/>\n  </tpm>\n</devices>",
    .check = check,
};
