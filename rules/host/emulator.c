/* host-emulator: an emulator binary the host does not have (checked against
 * the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const VlHost *h = m->config->host;
    xmlNodePtr emu = vl_xml_child(m->devices, "emulator");
    char path[1024];

    if (!h->have_caps || !*vl_xml_text(emu, path, sizeof(path)))
        return;
    if (!g_ptr_array_find_with_equal_func(h->emulators, path, g_str_equal, NULL)) {
        VlFinding *f = vl_report(report, emu, "<emulator>: not an emulator this host's libvirt knows");

        vl_finding_help(f, "remove <emulator> to let libvirt choose");
        vl_finding_note(f, "emulator %s is not one this host's libvirt knows (capabilities list %u)", path,
                        h->emulators->len);
        vl_finding_note(f, "libvirt refuses the domain if the binary is missing");
    }
}

const VlRule vl_rule_host_emulator = {
    .id = "host-emulator",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "An emulator binary this host does not have",
    .rationale = "<emulator> paths differ between distributions (/usr/bin/qemu-system-x86_64, "
                 "/usr/libexec/qemu-kvm); libvirt refuses a domain whose emulator is missing. Without <emulator> "
                 "libvirt picks the host's own.",
    .sources = { "A homelab's KVM/QEMU notes, not published at a public address (Installed Packages)", "https://libvirt.org/formatdomain.html#devices" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<emulator>/usr/libexec/qemu-kvm</emulator>",
    .example_good = "<!-- no <emulator>: libvirt chooses -->",
    .check = check,
};
