/* watchdog-action-shutdown: a watchdog that asks a hung guest to shut down. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *wds = vl_model_devices(m, "watchdog");

    for (guint i = 0; i < wds->len; i++) {
        xmlNodePtr wd = g_ptr_array_index(wds, i);
        VlFinding *f;

        if (!vl_xml_attr_is(wd, "action", "shutdown"))
            continue;
        f = vl_report(report, wd, "<watchdog action='shutdown'>: a hung guest rarely handles a shutdown request");
        vl_finding_help(f, "use action='reset' (or 'poweroff', or 'dump' to keep a memory dump)");
        vl_finding_note(f, "it sends an ACPI power-button event when the watchdog fires, but a guest hung badly "
                           "enough to stop feeding the watchdog rarely handles it, so it stays hung");
        vl_finding_set_fix(f, "action='reset'", NULL);
    }
}

const VlRule vl_rule_watchdog_action_shutdown = {
    .id = "watchdog-action-shutdown",
    .category = "watchdog",
    .severity = VL_SEVERITY_INFO,
    .summary = "A watchdog's action is a graceful shutdown of a hung guest",
    .rationale =
        "A watchdog fires only when the guest stopped servicing it, i.e. when the guest is hung "
        "or its kernel is wedged. action='shutdown' then asks that guest, through an ACPI "
        "event, to shut itself down, which libvirt's documentation calls not recommended: it "
        "usually achieves nothing. The WindowsKVM build uses action='reset', QEMU's default. The action is "
        "carried out by QEMU on the host, so changing it does not change the guest's hardware.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Watchdog itco, action reset)",
        "https://libvirt.org/formatdomain.html#watchdog-devices",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<watchdog model='i6300esb' action='shutdown'/>",
    .example_good = "<watchdog model='i6300esb' action='reset'/>",
    .check = check,
};
