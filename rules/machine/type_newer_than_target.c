/* machine-type-newer-than-target: a versioned machine type (pc-q35-9.2)
 * says which QEMU the file was written for.  When that QEMU is newer than
 * the one targeted, the target is what is wrong, not every construct the
 * newer libvirt wrote: say so once (the schema rule then judges by the
 * newest release it has, reporting only what no release accepts). */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"

static void
check(const VlModel *m, VlReport *report)
{
    char machine[32], qemu[32], libvirt[32];
    unsigned target = vl_model_target_qemu(m);
    VlFinding *f;

    if (!vl_model_machine_newer_than_target(m))
        return;
    g_snprintf(machine, sizeof(machine), "%u.%u", m->machine_qemu / 1000000u, m->machine_qemu / 1000u % 1000u);
    g_snprintf(qemu, sizeof(qemu), "%u.%u", target / 1000000u, target / 1000u % 1000u);
    g_snprintf(libvirt, sizeof(libvirt), "%u.%u", m->config->libvirt_version / 1000000u,
               m->config->libvirt_version / 1000u % 1000u);
    if (m->config->qemu_version) {
        f = vl_report(report, m->os_type, "<type machine='%s'>: needs QEMU %s, newer than the targeted QEMU %s",
                      m->machine, machine, qemu);
        vl_finding_help(f, "check --qemu-version");
    } else {
        f = vl_report(report, m->os_type, "<type machine='%s'>: needs QEMU %s, not %s of the targeted libvirt %s",
                      m->machine, machine, qemu, libvirt);
        vl_finding_help(f, "if the domain runs on libvirt %s, use a machine type its QEMU %s has, such as "
                           "machine='%s' (unversioned, the newest it has); if it runs on a newer libvirt, "
                           "target that with --libvirt-version", libvirt, qemu,
                        m->machine_family == VL_MACHINE_I440FX ? "pc" : "q35");
        vl_finding_note(f, "changing the machine type of an installed guest changes the hardware it sees: "
                           "Windows may ask to be activated again");
    }
    vl_finding_note(f, "the file was probably written by a newer libvirt and QEMU than the ones targeted; until the "
                       "target is right, the schema rule judges by the newest schema it has");
}

const VlRule vl_rule_machine_type_newer_than_target = {
    .id = "machine-type-newer-than-target",
    .category = "machine",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The machine type is from a newer QEMU than the one targeted",
    .rationale =
        "A versioned machine type (pc-q35-9.2, pc-i440fx-8.1) exists only from the QEMU release in its name "
        "on: QEMU 7.2 has no pc-q35-9.2, and libvirt refuses to define such a domain (\"Emulator ... does "
        "not support machine type\"). A file that names one was written by a newer libvirt and QEMU than "
        "the ones virtlint targets, so the target is probably wrong: set it with --libvirt-version and "
        "--qemu-version, or `libvirt-version = 11.3` / `qemu-version = 10.0` in .virtlintrc. Until then "
        "virtlint reports this once instead of every construct the older release's schema lacks "
        "(the schema rule then judges by the newest schema it has). "
        "Without --qemu-version, the target QEMU is the one Debian ships beside the target libvirt "
        "(libvirt 9.0 with QEMU 7.2 in Debian 12, 11.3 with 10.0 in Debian 13, 12.8 with 11.1 in "
        "Debian unstable); for other libvirt releases it is unknown and the rule is silent.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (pc-q35-9.2, written for QEMU 9.2 or later)",
        "https://www.qemu.org/docs/master/about/deprecated.html (versioned machine types)",
        "https://libvirt.org/formatdomain.html#bios-bootloader (os/type machine)",
        "https://libvirt.org/formatdomain.html",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "does not support machine type",
    .example_bad = "<!-- virtlint --libvirt-version 9.0 -->\n<os>\n  <type arch='x86_64' machine='pc-q35-9.2'>hvm</type>\n</os>",
    .example_good = "<!-- virtlint --libvirt-version 11.3 (QEMU 10.0) -->\n<os>\n  <type arch='x86_64' machine='pc-q35-9.2'>hvm</type>\n</os>",
    .check = check,
};
