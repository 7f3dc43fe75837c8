/* hyperv-crash-panic: <panic model='hyperv'/> (hv-crash) keeps Windows from
 * writing its crash dumps. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* on_crash actions under which the host keeps the crashed guest's state
 * (ACTION is "" when there is no <on_crash>) */
static bool
host_keeps_crash(const char *action)
{
    return strcmp(action, "coredump-destroy") == 0 || strcmp(action, "coredump-restart") == 0 ||
           strcmp(action, "preserve") == 0;
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *panics = vl_model_devices(m, "panic");
    char buf[64];
    const char *on_crash = vl_xml_text(vl_model_top(m, "on_crash"), buf, sizeof(buf));

    if (!vl_guest_is_windows(&m->guest) || host_keeps_crash(on_crash))
        return;
    for (guint i = 0; i < panics->len; i++) {
        xmlNodePtr panic = g_ptr_array_index(panics, i);
        VlFinding *f;

        if (!vl_xml_attr_is(panic, "model", "hyperv"))
            continue;
        f = vl_report(report, panic, "<panic model='hyperv'>: keeps Windows from writing its crash dumps");
        vl_finding_help(f, "remove the panic device unless the host collects the crash (then use "
                           "<on_crash>coredump-restart</on_crash> or preserve)");
        vl_finding_note(f, "<panic model='hyperv'/> gives Windows QEMU's hv-crash MSRs; on a bugcheck Windows "
                           "reports through them first, QEMU treats that as a guest panic and libvirt applies "
                           "<on_crash> (%s) before Windows can write MEMORY.DMP or a minidump",
                        *on_crash ? on_crash : "destroy, the default");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        vl_finding_set_fix(f, "remove <panic model='hyperv'/>", NULL);
    }
}

const VlRule vl_rule_hyperv_crash_panic = {
    .id = "hyperv-crash-panic",
    .category = "hyperv",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest with the Hyper-V crash device cannot write its own crash dumps",
    .rationale =
        "<panic model='hyperv'/> is libvirt's way to pass QEMU's hv-crash: Hyper-V crash MSRs "
        "that Windows writes when it bugchecks. Unlike genuine Hyper-V, QEMU turns that write "
        "into a guest-panicked event, and libvirt then applies <on_crash> (destroy by default, "
        "or restart): the guest is gone before Windows writes its dump, so the blue screen's "
        "MEMORY.DMP and minidumps never appear. QEMU's documentation says to enable hv-crash "
        "only when the crash information is consumed by the management stack. virtlint stays "
        "silent when <on_crash> is coredump-destroy, coredump-restart or preserve, where the "
        "host keeps the crashed state. Removing the device is safe: Windows falls back to its "
        "own dump path.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Hyper-V Enlightenments)",
        "QEMU docs/system/i386/hyperv.rst (hv-crash, Recommendations)",
        "https://libvirt.org/formatdomain.html#panic-device",
        "https://libvirt.org/formatdomain.html#events-configuration (on_crash)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<on_crash>destroy</on_crash>\n<devices>\n  <panic model='hyperv'/>\n</devices>",
    .example_good = "<on_crash>destroy</on_crash>\n<devices>\n  <!-- no hyperv panic device: Windows writes MEMORY.DMP -->\n</devices>",
    .check = check,
};
