/* tpm-emulator-version: an emulated TIS TPM without a version is a TPM 1.2. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *tpms = vl_model_devices(m, "tpm");

    if (!vl_is_x86(m))
        return;
    for (guint i = 0; i < tpms->len; i++) {
        xmlNodePtr tpm = g_ptr_array_index(tpms, i);
        xmlNodePtr backend = vl_xml_child(tpm, "backend");
        const char *model = vl_xml_attr(tpm, "model");
        VlFinding *f;

        if (!vl_xml_attr_is(backend, "type", "emulator") || vl_xml_attr(backend, "version") ||
            (model && !g_str_equal(model, "tpm-tis")))
            continue;
        f = vl_report(report, backend, "<backend type='emulator'>: no version on a %s TPM, so it is a TPM 1.2",
                      model ? "tpm-tis" : "default (tpm-tis)");
        vl_finding_help(f, "write version='2.0'");
        vl_finding_note(f, "libvirt fills in version='1.2' on x86 (checked with libvirt 9.0); the Ubuntu reference "
                           "guide's \"Version: 2.0\" has to be chosen explicitly");
        if (vl_is_win11(m))
            vl_finding_note(f, "Windows 11 requires TPM 2.0: its setup refuses a TPM 1.2 (the guest is taken for "
                               "Windows 11: %s)", m->guest.evidence);
        vl_finding_note(f, "for a guest that already ran, version='2.0' is a new TPM: BitLocker and other secrets "
                           "sealed to the old one need recovery");
        vl_finding_set_fix(f, "set version='2.0' on the emulated TPM", NULL);
    }
}

const VlRule vl_rule_tpm_emulator_version = {
    .id = "tpm-emulator-version",
    .category = "tpm",
    .severity = VL_SEVERITY_WARNING,
    .summary = "An emulated TIS TPM without a version becomes a TPM 1.2",
    .rationale =
        "When <backend type='emulator'> has no version, libvirt picks one at define time: 2.0 for "
        "tpm-crb and tpm-spapr, but 1.2 for tpm-tis (and for <tpm> without a model, which is "
        "tpm-tis on x86), to keep the historical behaviour. Checked with libvirt 9.0: virsh dumpxml "
        "after define shows version='1.2' for both. The Ubuntu reference guide lists Version 2.0 as a choice to make "
        "in virt-manager; in hand-written XML it is easy to leave out, and Windows 11 requires "
        "2.0. The catalog makes this an error for Windows 11; it stays a warning here, as "
        "tpm-win11-missing reports Windows 11's TPM requirements. The fix writes version='2.0'; it is unsafe because for a guest that already "
        "ran it replaces the TPM's state.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.2: TPM, Model TIS, Version 2.0)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (TPM: Windows 11 requires TPM 2.0)",
        "libvirt src/qemu/qemu_domain.c (qemuDomainTPMDefPostParse)",
        "https://libvirt.org/formatdomain.html#tpm-device",
    },
    .fix = VL_FIX_UNSAFE,
    .fixer = "tpm-version",
    .example_bad = "<tpm model='tpm-tis'>\n  <backend type='emulator'/>\n</tpm>",
    .example_good = "<tpm model='tpm-tis'>\n  <backend type='emulator' version='2.0'/>\n</tpm>",
    .check = check,
};
