/* clock-timer-unsupported: <clock><timer> settings libvirt's QEMU driver
 * refuses, or accepts and ignores. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Which of the optional attributes each timer takes, as libvirt 9.0's QEMU
 * driver has it (checked with virsh define): track only on rtc, mode and
 * frequency only on tsc, tickpolicy on rtc and pit (and accepted but ignored
 * on hpet and tsc). */
static bool
takes(const char *timer, const char *attr)
{
    if (strcmp(attr, "track") == 0)
        return strcmp(timer, "rtc") == 0;
    if (strcmp(attr, "mode") == 0 || strcmp(attr, "frequency") == 0)
        return strcmp(timer, "tsc") == 0;
    if (strcmp(attr, "tickpolicy") == 0)
        return strcmp(timer, "kvmclock") != 0 && strcmp(timer, "hypervclock") != 0;
    return true;
}

/* HEADLINE names the timer ("<timer name='platform'>: not a timer QEMU
 * has"); ERROR is libvirt's message, ADVICE the help; FIX the fix's title,
 * what fixers/clock-timer-unsupported.xsl does (NULL: ADVICE, when that is
 * one thing to do and not a choice). */
static void
refused(VlReport *report, xmlNodePtr timer, const char *headline, const char *error, const char *advice,
        const char *fix)
{
    VlFinding *f = vl_report_severity(report, VL_SEVERITY_ERROR, timer, "%s", headline);

    vl_finding_help(f, "%s", advice);
    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s\"", error);
    vl_finding_set_fix(f, fix ? fix : advice, NULL);
}

/* present='no' on the rtc or the pit: accepted, and nothing of it reaches
 * QEMU (the command line is the same without it: libvirt 9.0, 11.3, 12.8
 * domxml-to-native); the timer's other attributes still apply. */
static void
ignored_present(VlReport *report, xmlNodePtr timer, const char *name)
{
    bool rtc = strcmp(name, "rtc") == 0;
    VlFinding *f = vl_report_severity(report, VL_SEVERITY_WARNING, timer,
                                      "<timer name='%s' present='no'>: ignored, the guest keeps its %s", name,
                                      rtc ? "RTC" : "PIT");

    vl_finding_help(f, "remove present='no'");
    vl_finding_note(f, "libvirt accepts it and passes nothing to QEMU for it: the command line is the same "
                       "without it (checked with libvirt 9.0, 11.3 and 12.8)%s",
                    vl_xml_attr(timer, "tickpolicy") || vl_xml_attr(timer, "track")
                        ? ", and the timer's other settings still apply"
                        : "");
    if (rtc)
        vl_finding_note(f, "QEMU's PC machines always have the MC146818 RTC, the CMOS clock the guest reads its "
                           "time from at boot");
    else
        vl_finding_note(f, "QEMU can leave the PIT out (-machine pit=off), but libvirt does not map "
                           "present='no' to it");
    vl_finding_set_fix(f, "remove the ignored present='no'", NULL);
}

static void
check_timer(VlReport *report, xmlNodePtr timer)
{
    static const char *const attrs[] = { "track", "mode", "frequency", "tickpolicy", NULL };
    const char *name = vl_xml_attr(timer, "name");
    const char *track = vl_xml_attr(timer, "track");
    const char *policy = vl_xml_attr(timer, "tickpolicy");
    g_autofree char *what = NULL, *error = NULL, *advice = NULL;

    if (!name)
        return;
    if (strcmp(name, "platform") == 0) {
        refused(report, timer, "<timer name='platform'>: not a timer QEMU has",
                "unsupported timer type (name) 'platform'", "remove the timer", NULL);
        return;
    }
    for (const char *const *attr = attrs; *attr; attr++) {
        if (!vl_xml_attr(timer, *attr) || takes(name, *attr))
            continue;
        what = g_strdup_printf("<timer name='%s'>: does not take %s='%s'", name, *attr, vl_xml_attr(timer, *attr));
        error = g_strdup_printf("timer %s doesn't support setting of timer %s", name, *attr);
        advice = g_strdup_printf("remove %s from the timer", *attr);
        refused(report, timer, what, error, advice, NULL);
        return;
    }
    /* (only the rtc gets here with a track: takes() above) */
    if (track && strcmp(track, "boot") == 0) {
        refused(report, timer, "<timer name='rtc' track='boot'>: has no QEMU equivalent",
                "unsupported rtc timer track 'boot'",
                "remove track (QEMU's RTC then follows the host clock) or use track='guest'",
                "remove track='boot' from the rtc timer");
        return;
    }
    if ((strcmp(name, "rtc") == 0 || strcmp(name, "pit") == 0) && vl_xml_attr_is(timer, "present", "no"))
        ignored_present(report, timer, name);
    if (!policy)
        return;
    if (strcmp(name, "rtc") == 0 && (strcmp(policy, "merge") == 0 || strcmp(policy, "discard") == 0)) {
        what = g_strdup_printf("<timer name='rtc' tickpolicy='%s'>: not a policy QEMU's RTC has", policy);
        error = g_strdup_printf("unsupported rtc timer tickpolicy '%s'", policy);
        refused(report, timer, what, error,
                "use tickpolicy='catchup' (QEMU's driftfix=slew, what virt-manager writes) or 'delay'",
                "set tickpolicy='catchup' on the rtc timer");
    } else if (strcmp(name, "pit") == 0 && strcmp(policy, "merge") == 0) {
        refused(report, timer, "<timer name='pit' tickpolicy='merge'>: not a policy QEMU's PIT has",
                "unsupported pit tickpolicy 'merge'", "use tickpolicy='delay', what virt-manager writes",
                "set tickpolicy='delay' on the pit timer");
    } else if (strcmp(name, "hpet") == 0 || strcmp(name, "tsc") == 0) {
        VlFinding *f = vl_report_severity(report, VL_SEVERITY_WARNING, timer,
                                          "<timer name='%s' tickpolicy='%s'>: the tick policy has no effect",
                                          name, policy);

        vl_finding_help(f, "remove tickpolicy (lost ticks are handled on the rtc and pit timers)");
        vl_finding_note(f, "libvirt accepts the tick policy but passes nothing to QEMU for the %s",
                        strcmp(name, "hpet") == 0 ? "HPET" : "TSC");
        vl_finding_set_fix(f, "remove the ignored tickpolicy", NULL);
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->timers->len; i++)
        check_timer(report, g_ptr_array_index(m->timers, i));
}

const VlRule vl_rule_clock_timer_unsupported = {
    .id = "clock-timer-unsupported",
    .category = "clock",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A <clock> timer setting libvirt's QEMU driver refuses or ignores",
    .rationale =
        "libvirt's timer element is generic (it also serves Xen and others), but QEMU implements "
        "only part of it. Checked with libvirt 9.0 and QEMU 7.2: the platform timer, "
        "rtc track='boot', rtc tickpolicy merge or discard and pit tickpolicy='merge' are refused "
        "at define time, as is any track except on rtc, any mode or frequency except on tsc, and "
        "any tickpolicy on kvmclock or hypervclock (\"timer X doesn't support setting of timer "
        "Y\"; the schema rejects most of these too). pit tickpolicy='catchup' is accepted with "
        "QEMU's kvm-pit (libvirt passes nothing for it and the PIT keeps QEMU's default). A tickpolicy on hpet or tsc is accepted and "
        "silently ignored (nothing reaches QEMU), reported as a warning, as is present='no' on the rtc or the "
        "pit, which guides add to cut timer overhead: libvirt 9.0, 11.3 and 12.8 generate the same QEMU "
        "command line with or without it (domxml-to-native), the tick policy still applies, and the guest "
        "keeps both devices (QEMU's -machine pit=off is not something libvirt's XML reaches). The fix removes what QEMU "
        "cannot do and uses the values virt-manager writes for Windows: rtc catchup, pit delay.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: rtc=catchup, pit=delay, hpet=off, tsc=native)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefClockTimers)",
        "libvirt src/conf/domain_conf.c (virDomainTimerDefParseXML)",
        "https://libvirt.org/formatdomain.html#time-keeping",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "unsupported rtc timer",
    .example_bad = "<clock offset='localtime'>\n  <timer name='rtc' tickpolicy='merge' track='boot'/>\n  <timer name='pit' tickpolicy='merge'/>\n</clock>",
    .example_good = "<clock offset='localtime'>\n  <timer name='rtc' tickpolicy='catchup'/>\n  <timer name='pit' tickpolicy='delay'/>\n</clock>",
    .check = check,
};
