/* clock-windows-timers: the timer policies virt-manager gives Windows. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Add to MISSING the SETTING and WHY it matters. */
static void
want(GPtrArray *missing, const char *setting, const char *why)
{
    g_ptr_array_add(missing, (gpointer) setting);
    g_ptr_array_add(missing, (gpointer) why);
}

static void
check(const VlModel *m, VlReport *report)
{
    /* pairs: the setting, why */
    g_autoptr(GPtrArray) missing = g_ptr_array_new();
    xmlNodePtr rtc = vl_model_timer(m, "rtc");
    xmlNodePtr pit = vl_model_timer(m, "pit");
    xmlNodePtr hpet = vl_model_timer(m, "hpet");
    g_autoptr(GString) list = g_string_new(NULL);
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest) || g_strcmp0(m->domain_type, "kvm") != 0)
        return;
    /* a policy QEMU does not have is clock-timer-unsupported's */
    if (!vl_xml_attr_is(rtc, "tickpolicy", "catchup"))
        want(missing, "<timer name='rtc' tickpolicy='catchup'/>",
             "a delayed RTC tick is delivered faster until the guest caught up, so Windows time does not "
             "drift behind");
    if (!vl_xml_attr_is(pit, "tickpolicy", "delay"))
        want(missing, "<timer name='pit' tickpolicy='delay'/>",
             "no burst of stale PIT ticks after the vCPU was descheduled");
    if (!vl_xml_attr_is(hpet, "present", "no"))
        want(missing, "<timer name='hpet' present='no'/>",
             "Windows otherwise prefers the emulated HPET, whose every access exits to QEMU");
    if (missing->len == 0)
        return;
    for (guint i = 0; i < missing->len; i += 2)
        g_string_append_printf(list, "%s%s", i ? (i + 2 == missing->len ? " and " : ", ") : "",
                               (const char *) g_ptr_array_index(missing, i));
    f = vl_report(report, m->clock ? m->clock : m->root,
                  "<clock>: Windows guest lacks the timer settings virt-manager uses for Windows");
    vl_finding_help(f, "set %s in <clock>", list->str);
    for (guint i = 0; i < missing->len; i += 2)
        vl_finding_note(f, "%s: %s", (const char *) g_ptr_array_index(missing, i),
                        (const char *) g_ptr_array_index(missing, i + 1));
    vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    vl_finding_set_fix(f, "set rtc tickpolicy='catchup', pit tickpolicy='delay' and hpet present='no'", NULL);
}

const VlRule vl_rule_clock_windows_timers = {
    .id = "clock-windows-timers",
    .category = "clock",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest without virt-manager's timer settings (rtc catchup, pit delay, no HPET)",
    .rationale =
        "virt-manager gives every Windows guest <timer name='rtc' tickpolicy='catchup'/>, "
        "<timer name='pit' tickpolicy='delay'/> and <timer name='hpet' present='no'/>, and "
        "the WindowsKVM build uses the same (rtc=catchup, pit=delay, hpet=off). Windows keeps time by "
        "counting RTC ticks, so ticks lost while a vCPU was descheduled must be caught up "
        "(QEMU's -rtc driftfix=slew); the PIT should not replay stale ticks; and the emulated "
        "HPET is costly, virt-manager calls it unneeded with a performance penalty, and Windows "
        "uses the Hyper-V clocks instead when they are offered. These are recommendations, not "
        "failures: the fix only changes host-side tick handling and removes the HPET, which "
        "Windows does without.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Clock timers rtc=catchup, pit=delay, hpet=off)",
        "virt-manager virtinst/domain/clock.py (Windows timer defaults)",
        "https://libvirt.org/formatdomain.html#time-keeping",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .example_good = "<clock offset='localtime'>\n  <timer name='rtc' tickpolicy='catchup'/>\n  <timer name='pit' tickpolicy='delay'/>\n  <timer name='hpet' present='no'/>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
