/* clock-windows-utc: Windows keeps the RTC in local time. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/clock_offset.h"

/* What follows from Windows reading the RTC as local time. */
static void
note_local_time(VlFinding *f, const VlModel *m, const char *rtc, const char *until)
{
    vl_finding_note(f, "Windows reads %s as local time, so its clock is off by the time zone offset after every "
                       "boot%s",
                    rtc, until);
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
}

static void
check(const VlModel *m, VlReport *report)
{
    /* the offset the RTC really gets: a -rtc base= passed through
     * qemu:commandline is merged after libvirt's own -rtc and wins */
    VlClockOffset o = vl_clock_offset(m);
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest))
        return;
    if (o.kind == VL_CLOCK_UTC && o.from_qemu) {
        const char *arg = vl_xml_attr(o.node, "value");

        if (arg && strlen(arg) <= 40)
            f = vl_report(report, o.node, "<qemu:arg value='%s'>: -rtc base=utc keeps a Windows guest's RTC in UTC",
                          arg);
        else
            f = vl_report(report, o.node, "<qemu:arg>: -rtc base=utc keeps a Windows guest's RTC in UTC");
        vl_finding_help(f, "use base=localtime in the -rtc of qemu:commandline, or drop its base= and use "
                           "<clock offset='localtime'> (unless Windows was set up with the RealTimeIsUniversal "
                           "registry value)");
        note_local_time(f, m, "the RTC", " until time sync corrects it");
        vl_finding_note(f, "QEMU merges repeated -rtc options and this one comes after libvirt's, so its base= "
                           "decides whatever <clock offset> says");
        return;
    }
    if (o.kind == VL_CLOCK_UTC) { /* (no <clock> has no offset) */
        f = vl_report(report, m->clock ? m->clock : m->root, "<clock>: Windows guest with its RTC in UTC (%s)", o.why);
        vl_finding_help(f, "use <clock offset='localtime'> (unless Windows was set up with the "
                           "RealTimeIsUniversal registry value)");
        note_local_time(f, m, "the RTC", " until time sync corrects it");
        vl_finding_set_fix(f, m->clock ? "set offset='localtime' on <clock>" : "add <clock offset='localtime'/>",
                           NULL);
        return;
    }
    /* variable with a UTC basis and no adjustment is UTC under another name;
     * an adjustment may well be the user's own local time offset */
    if (o.kind == VL_CLOCK_VARIABLE && vl_clock_offset_is_utc(&o)) {
        f = vl_report(report, m->clock, "<clock offset='variable'>: Windows guest's RTC starts in UTC (UTC basis, "
                                        "no adjustment)");
        vl_finding_help(f, "use basis='localtime'");
        note_local_time(f, m, "it", "");
    }
}

const VlRule vl_rule_clock_windows_utc = {
    .id = "clock-windows-utc",
    .category = "clock",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest's RTC runs in UTC while Windows expects local time",
    .rationale =
        "libvirt starts the guest's RTC in UTC unless <clock offset='localtime'> says otherwise "
        "(without <clock> too). Windows, unlike Linux, treats the RTC as local time, so after "
        "each boot it shows UTC as local time until w32time corrects it, which may take a while "
        "or never happen offline. libvirt's documentation and virt-manager both use localtime "
        "for Windows, as the WindowsKVM build does. The fix only changes how the RTC is initialised, no "
        "device: it is safe, with one caveat: a Windows installation where the "
        "RealTimeIsUniversal registry value was set on purpose expects UTC and would then be off "
        "by the offset. A variable clock on a UTC basis without adjustment is reported without a "
        "fix; with an adjustment it may already be the user's local time and is left alone. A -rtc base= passed through "
        "<qemu:commandline> is what the guest gets (QEMU merges repeated -rtc options, the later keys winning, "
        "and libvirt's own -rtc comes first): base=localtime there is not reported, base=utc is, without a fix.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Clock localtime)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (RTC Synchronization)",
        "https://libvirt.org/formatdomain.html#time-keeping",
        "virt-manager virtinst/domain/clock.py (Windows guests get localtime)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<clock offset='utc'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .example_good = "<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
