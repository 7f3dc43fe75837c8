/* machine-type-deprecated: a versioned machine type the target QEMU has
 * deleted (libvirt refuses the domain) or marks deprecated, and Ubuntu's
 * own machine types on Debian's QEMU.  The tables come from the Debian
 * binaries (lint/model/machine_types.c). */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/model/machine.h"
#include "lint/model/machine_types.h"

#define UNSAFE_NOTE                                                                                          \
    "changing the machine type of an installed guest changes the hardware it sees (chipset revision, "    \
    "ACPI tables, device defaults): Windows may ask to be activated again; do it in a service window, "    \
    "after a backup"

static const char *
release(unsigned v, char *buf, gsize size)
{
    g_snprintf(buf, size, "%u.%u", v / 1000000u, v / 1000u % 1000u);
    return buf;
}

/* The unsafe fix: the family's unversioned alias. */
static void
offer_alias(VlFinding *f, VlMachineFamily family)
{
    const char *alias = family == VL_MACHINE_Q35 ? "q35" : "pc";
    g_autofree char *title = g_strdup_printf("machine='%s' (the newest type of that family when libvirt defines "
                                             "the domain)", alias);

    vl_finding_set_fix(f, title, "machine", alias, NULL);
}

static void
suggest(VlFinding *f, const VlQemuMachineTypes *t, VlMachineFamily family)
{
    char newest[32], qemu[16];

    vl_finding_help(f, "use machine='%s' (libvirt writes the newest versioned type, %s on QEMU %s, when it "
                       "defines the domain); keep the same family, %s, so the guest keeps its chipset",
                    family == VL_MACHINE_Q35 ? "q35" : "pc", vl_machine_type_newest(t, family, newest, sizeof(newest)),
                    release(t->qemu, qemu, sizeof(qemu)), family == VL_MACHINE_Q35 ? "q35" : "i440fx");
    vl_finding_note(f, UNSAFE_NOTE);
    offer_alias(f, family);
}

static void
check(const VlModel *m, VlReport *report)
{
    unsigned target = vl_model_target_qemu(m);
    const VlQemuMachineTypes *t;
    VlMachineFamily family;
    unsigned version;
    char qemu[16], tq[16];
    bool exact;
    VlFinding *f;

    if (!m->machine || !vl_is_x86(m))
        return;
    t = vl_machine_types_for(target, &exact);
    if (!t)
        return; /* older than every QEMU the tables know */
    release(t->qemu, qemu, sizeof(qemu));
    if (target)
        release(target, tq, sizeof(tq));

    if (vl_machine_type_ubuntu_only(m->machine)) {
        if (!exact)
            return; /* an unknown QEMU may be Ubuntu's */
        f = vl_report_severity(report, VL_SEVERITY_WARNING, m->os_type,
                               "<type machine='%s'>: only Ubuntu's QEMU has this type, not Debian's QEMU %s",
                               m->machine, qemu);
        vl_finding_help(f, "on Debian, use machine='%s' (the same chipset; libvirt writes the newest versioned "
                           "type when it defines the domain)", m->machine_family == VL_MACHINE_Q35 ? "q35" : "pc");
        vl_finding_note(f, "Ubuntu's QEMU adds machine types named after its releases (pc-i440fx-focal, "
                           "pc-q35-jammy, pc-q35-noble, ...); Debian's QEMU %s (%s) has none of them, and libvirt "
                           "refuses the domain there (\"Emulator ... does not support machine type '%s'\")",
                        qemu, t->distribution, m->machine);
        vl_finding_note(f, UNSAFE_NOTE);
        offer_alias(f, m->machine_family);
        return;
    }

    if (!vl_machine_type_versioned(m->machine, &family, &version))
        return;
    switch (vl_machine_type_state(t, m->machine)) {
    case VL_MACHINE_TYPE_DELETED:
        if (exact)
            f = vl_report_severity(report, VL_SEVERITY_ERROR, m->os_type,
                                   "<type machine='%s'>: QEMU %s has deleted this machine type; libvirt refuses "
                                   "the domain", m->machine, qemu);
        else if (target)
            f = vl_report_severity(report, VL_SEVERITY_ERROR, m->os_type,
                                   "<type machine='%s'>: deleted by QEMU %s, so absent from the targeted QEMU %s",
                                   m->machine, qemu, tq);
        else
            f = vl_report_severity(report, VL_SEVERITY_WARNING, m->os_type,
                                   "<type machine='%s'>: QEMU %s and newer no longer have this machine type",
                                   m->machine, qemu);
        suggest(f, t, family);
        vl_finding_note(f, "libvirt refuses the domain (\"Emulator '/usr/bin/qemu-system-x86_64' does not "
                           "support machine type '%s'\"); %s%s", m->machine,
                        t->qemu >= VL_LIBVIRT(9, 1)
                            ? "QEMU deletes a versioned machine type 6 years after its release "
                              "(docs/about/deprecated.rst, from QEMU 9.1 on)"
                            : "QEMU removed its oldest machine types before 7.2",
                        target ? "" : "; the target QEMU is unknown (set --qemu-version)");
        break;
    case VL_MACHINE_TYPE_DEPRECATED:
        if (exact)
            f = vl_report_severity(report, VL_SEVERITY_WARNING, m->os_type,
                                   "<type machine='%s'>: deprecated in QEMU %s, and deleted in a later one",
                                   m->machine, qemu);
        else if (target)
            f = vl_report_severity(report, VL_SEVERITY_WARNING, m->os_type,
                                   "<type machine='%s'>: deprecated since QEMU %s or earlier; a later QEMU "
                                   "deletes it", m->machine, qemu);
        else
            f = vl_report_severity(report, VL_SEVERITY_INFO, m->os_type,
                                   "<type machine='%s'>: QEMU %s marks this machine type deprecated", m->machine,
                                   qemu);
        suggest(f, t, family);
        vl_finding_note(f, "QEMU marks a versioned machine type deprecated 3 years after its release and deletes "
                           "it 3 years later (docs/about/deprecated.rst, from QEMU 9.1 on); then libvirt refuses "
                           "the domain (\"does not support machine type\")%s",
                        target ? "" : "; the target QEMU is unknown (set --qemu-version)");
        break;
    default:
        break;
    }
}

const VlRule vl_rule_machine_type_deprecated = {
    .id = "machine-type-deprecated",
    .category = "machine",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The machine type is deleted or deprecated in the target QEMU, or exists only in Ubuntu's QEMU",
    .rationale =
        "A versioned machine type (pc-q35-4.2, pc-i440fx-5.1) freezes the hardware a guest sees at one QEMU "
        "release, but QEMU keeps it only for a while: since QEMU 9.1 its deprecation policy marks a versioned "
        "machine type deprecated 3 years after its release and deletes it after 6. QEMU 11.1 (Debian unstable) "
        "no longer has pc-q35-5.1, pc-i440fx-5.1 or anything older, and marks 8.1 and older deprecated; QEMU "
        "10.0 (Debian 13) has 2.4 and newer and marks 7.0 and older deprecated; QEMU 7.2 (Debian 12) has "
        "pc-i440fx-1.4 and pc-q35-2.4 and newer. libvirt refuses a domain whose type the emulator lacks "
        "(\"Emulator '/usr/bin/qemu-system-x86_64' does not support machine type 'pc-q35-4.2'\"). "
        "The rule reports an error when the target QEMU has deleted the type, a warning when it marks it "
        "deprecated, and a warning for Ubuntu's own types (pc-q35-jammy, pc-i440fx-focal) on Debian's QEMU, "
        "which has none of them. For another QEMU it judges by the newest of the three releases older than "
        "it (what that one deleted stays deleted); with the target QEMU unknown, by QEMU 11.1, a deleted type "
        "as a warning and a deprecated one as a suggestion. "
        "The remedy is the unversioned alias of the same family (q35 or pc: libvirt writes the newest "
        "versioned type when it defines the domain). It changes the hardware an installed guest sees (Windows may "
        "ask to be activated again), so the fix that writes it is unsafe: --fix --unsafe-fixes applies it.",
    .sources = {
        "QEMU, Deprecated features (versioned machine types: deprecated after 3 years, deleted after 6), https://www.qemu.org/docs/master/about/deprecated.html",
        "QEMU commit ce80c4fa6f \"docs: document special exception for machine type deprecation & removal\" (June 2024, first in QEMU 9.1), https://gitlab.com/qemu-project/qemu/-/commit/ce80c4fa6ff0f5c379bba7db74d04593e9fb12f2",
        "`qemu-system-x86_64 -machine help` of QEMU 7.2.22, 10.0.13 and 11.1.3 (Debian 12, 13 and unstable), https://packages.debian.org/source/sid/qemu",
        "Ubuntu's qemu source package (debian/patches: Ubuntu machine types), https://packages.ubuntu.com/source/noble/qemu",
        "https://libvirt.org/formatdomain.html#bios-bootloader (os/type machine)",
    },
    .fix = VL_FIX_UNSAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "does not support machine type",
    .example_bad = "<!-- virtlint --libvirt-version 12.8 (QEMU 11.1) -->\n<os>\n  <type arch='x86_64' machine='pc-q35-4.2'>hvm</type>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .check = check,
};
