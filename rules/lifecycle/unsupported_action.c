/* lifecycle-unsupported-action: on_poweroff/on_reboot/on_crash actions the
 * QEMU driver does not implement. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"

static const char *
text_of(xmlNodePtr node, char *buf, gsize size)
{
    return node ? vl_xml_text(node, buf, size) : NULL;
}

/* A finding at NODE, <EVENT>ACTION</EVENT>, with HELP and libvirt 9.0's
 * refusal QUOTE. */
static VlFinding *
unsupported(VlReport *report, xmlNodePtr node, const char *event, const char *action, const char *help,
            const char *quote)
{
    VlFinding *f = vl_report(report, node, "<%s>%s</%s>: an action the QEMU driver does not implement%s", event,
                             action, event, g_str_equal(action, "preserve") ? " here" : "");

    vl_finding_help(f, "%s", help);
    vl_finding_note(f, "libvirt 9.0 refuses it: \"%s\"", quote);
    return f;
}

static void
check(const VlModel *m, VlReport *report)
{
    static const char *const events[] = { "on_poweroff", "on_reboot", "on_crash" };
    xmlNodePtr poweroff = vl_model_top(m, "on_poweroff"), reboot = vl_model_top(m, "on_reboot");
    char b1[64], b2[64];
    const char *p = text_of(poweroff, b1, sizeof(b1)), *r = text_of(reboot, b2, sizeof(b2));

    /* other drivers implement these actions (libxl has rename-restart and
     * preserve): the refusals below are the QEMU driver's */
    if (!vl_is_qemu(m))
        return;
    for (gsize k = 0; k < G_N_ELEMENTS(events); k++) {
        xmlNodePtr node = vl_model_top(m, events[k]);
        char buf[64];
        const char *action = text_of(node, buf, sizeof(buf));
        VlFinding *f;

        if (!action)
            continue;
        if (g_str_equal(action, "rename-restart")) {
            f = unsupported(report, node, events[k], action, "use restart",
                            "qemu driver doesn't support the 'rename-restart' action for "
                            "'on_reboot'/'on_poweroff'/'on_crash'");
            vl_finding_set_fix(f, "restart instead of rename-restart", NULL);
        } else if (g_str_equal(action, "preserve") && k < 2) {
            f = unsupported(report, node, events[k], action,
                            k == 0 ? "use destroy (the default), or preserve only in <on_crash>"
                                   : "use restart (the default), or preserve only in <on_crash>",
                            "qemu driver doesn't support the 'preserve' action for 'on_reboot'/'on_poweroff'");
            vl_finding_set_fix(f, "the default action instead of preserve", NULL);
        }
    }
    /* reported beside the actions above: libvirt names only the first
     * problem it meets, a linter names them all */
    if (p && r && g_str_equal(p, "restart") && g_str_equal(r, "destroy")) {
        VlFinding *f = vl_report(report, reboot, "<on_reboot>destroy</on_reboot>: with "
                                                 "<on_poweroff>restart</on_poweroff>, a pair QEMU cannot do");

        vl_finding_help(f, "change one of them");
        vl_finding_note(f, "libvirt 9.0 refuses the pair: \"qemu driver doesn't support 'onReboot' set to 'destroy "
                           "and 'onPoweroff' set to 'reboot'\"");
        vl_finding_note(f, "QEMU cannot turn a guest reboot into a power-off while turning power-off into a restart");
    }
}

const VlRule vl_rule_lifecycle_unsupported_action = {
    .id = "lifecycle-unsupported-action",
    .category = "lifecycle",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An on_poweroff/on_reboot/on_crash action the QEMU driver does not implement",
    .rationale =
        "The lifecycle elements are shared by all libvirt drivers, but the QEMU driver refuses "
        "rename-restart anywhere, preserve for power-off and reboot (it is accepted for "
        "on_crash), and the combination power-off=restart with reboot=destroy, all when the "
        "domain is defined (checked with libvirt 9.0). Such values come from Xen-era "
        "configurations; the rule is silent for other domain types (Xen's libxl driver accepts and handles "
        "both actions). The action is applied by libvirt on the host, never seen by the "
        "guest, so the fix (restart for rename-restart, the default for preserve) is safe; the "
        "restart/destroy pair needs a decision and has no fix.",
    .sources = {
        "A homelab's KVM/QEMU notes, not published at a public address (Quick Commands: virsh shutdown / reboot)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateLifecycleAction)",
        "https://libvirt.org/formatdomain.html#events-configuration",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "qemu driver doesn't support",
    .example_bad = "<on_poweroff>destroy</on_poweroff>\n<on_reboot>rename-restart</on_reboot>\n<on_crash>destroy</on_crash>",
    .example_good = "<on_poweroff>destroy</on_poweroff>\n<on_reboot>restart</on_reboot>\n<on_crash>destroy</on_crash>",
    .check = check,
};
