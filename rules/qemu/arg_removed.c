/* qemu-arg-removed: <qemu:arg> options, option values and device
 * properties that the target QEMU has removed (it refuses to start) or
 * deprecated.  The table is lint/model/qemu_removed.c. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_cmdline.h"
#include "lint/model/qemu_removed.h"

/* "9.0" for a release in VL_LIBVIRT encoding; returns BUF. */
static const char *
release(unsigned version, char *buf, gsize size)
{
    g_snprintf(buf, size, "%u.%u", version / 1000000u, version / 1000u % 1000u);
    return buf;
}

/* The <sound> elements that give the devices "-soundhw CARDS" created
 * (QEMU 7.0's deprecated.rst: hda is intel-hda with hda-duplex; checked with
 * libvirt 9.0's domxml-to-native: model='ich6' is exactly those two, ac97,
 * es1370 and sb16 the QEMU devices of those names); NULL when a card has
 * no libvirt model. */
static char *
sound_for_soundhw(const char *cards)
{
    static const struct {
        const char *card, *model;
    } models[] = { { "hda", "ich6" }, { "ac97", "ac97" }, { "es1370", "es1370" }, { "sb16", "sb16" },
                   { "pcspk", "pcspk" } };
    g_auto(GStrv) list = g_strsplit(cards ? cards : "", ",", -1);
    g_autoptr(GString) out = g_string_new(NULL);

    for (char **card = list; *card; card++) {
        gsize k;

        for (k = 0; k < G_N_ELEMENTS(models) && strcmp(models[k].card, *card) != 0; k++)
            ;
        if (k == G_N_ELEMENTS(models))
            return NULL;
        g_string_append_printf(out, "%s<sound model='%s'/>", out->len ? " " : "", models[k].model);
    }
    return out->len ? g_string_free(g_steal_pointer(&out), FALSE) : NULL;
}

static void
report_use(VlReport *report, const VlQemuGoneUse *use, unsigned qemu)
{
    const VlQemuGone *g = use->gone;
    char target[32], removed[16], deprecated[16];
    bool gone = g->removed && (!qemu || g->removed <= qemu);
    g_autofree char *sound = NULL;
    VlFinding *f;
    const char *name = g->what;

    if (!gone && !(g->deprecated && qemu && g->deprecated <= qemu))
        return;
    if (qemu)
        vl_version_format(qemu, target, sizeof(target));
    release(g->removed, removed, sizeof(removed));
    release(g->deprecated, deprecated, sizeof(deprecated));

    if (g->kind == VL_QEMU_GONE_SHORT_BOOL) {
        g_autofree char *explicit = vl_qemu_short_bool_explicit(use->detail);

        f = vl_report_severity(report, VL_SEVERITY_WARNING, use->node,
                               "<qemu:arg>: short-form boolean '%s' of -%s is deprecated since QEMU 6.0",
                               use->detail, use->option->name);
        vl_finding_help(f, "write it as %s", explicit);
        vl_finding_note(f, "QEMU warns \"short-form boolean option '%s' deprecated\" at every start (checked with "
                           "7.2, 10.0 and 11.1) and may refuse the short form in a later release",
                        use->detail);
        return;
    }

    /* an option QEMU ignores once removed (the <qemu:env> entries, which
     * qemu-env-audio-removed reports) would be a warning */
    if (gone && qemu && !g->ignored) {
        f = vl_report_severity(report, VL_SEVERITY_ERROR, use->node,
                               "<qemu:arg>: %s was removed in QEMU %s, and QEMU %s refuses to start", name, removed,
                               target);
    } else if (gone && qemu) {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, use->node,
                               "<qemu:arg>: %s was removed in QEMU %s, and QEMU %s ignores it", name, removed, target);
    } else if (gone) {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, use->node,
                               "<qemu:arg>: %s was removed in QEMU %s (the target QEMU is unknown)", name, removed);
    } else {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, use->node,
                               "<qemu:arg>: %s is deprecated since QEMU %s", name, deprecated);
    }
    if (use->detail)
        vl_finding_note(f, "the argument sets %s", use->detail);
    if (g->kind == VL_QEMU_GONE_OPTION && strcmp(g->option, "soundhw") == 0 &&
        (sound = sound_for_soundhw(use->option->value)))
        vl_finding_help(f, "remove it (and its value) and add %s with an <audio> backend: %s", sound,
                        strstr(sound, "ich6") ? "model='ich6' is the intel-hda controller with the hda-duplex "
                                                "codec that -soundhw hda created"
                                              : "libvirt creates the same QEMU devices");
    else
        vl_finding_help(f, "remove it; instead use %s", g->instead);
    /* the one entry with an exact domain XML equivalent: fixers/qemu-arg-removed.xsl */
    if (gone && g->kind == VL_QEMU_GONE_OPTION && strcmp(g->option, "no-hpet") == 0)
        vl_finding_set_fix(f, "replace -no-hpet by <timer name='hpet' present='no'/>", NULL);
    if (gone && !qemu)
        vl_finding_note(f, "QEMU %s and later exit at start on it (\"%s\" in QEMU's removed-features.rst); "
                           "give the target QEMU (--qemu-version) for a firm answer",
                        removed, g->section);
    else if (gone)
        vl_finding_note(f, "QEMU's removed-features.rst, \"%s\"%s", g->section,
                        g->deprecated ? "" : "; QEMU's documents record no deprecation release");
    else if (g->removed)
        vl_finding_note(f, "QEMU %s still accepts it; QEMU %s removed it and refuses to start (\"%s\")", target,
                        removed, g->section);
    else
        vl_finding_note(f, "QEMU %s still accepts it (QEMU's deprecated.rst, \"%s\"); a later release may remove it",
                        target, g->section);
}

static void
check(const VlModel *m, VlReport *report)
{
    unsigned qemu = vl_model_target_qemu(m);
    g_autoptr(GPtrArray) uses = vl_qemu_gone_uses(vl_qemu_cmdline(m));

    for (guint i = 0; i < uses->len; i++)
        report_use(report, g_ptr_array_index(uses, i), qemu);
}

const VlRule vl_rule_qemu_arg_removed = {
    .id = "qemu-arg-removed",
    .category = "qemu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A <qemu:arg> passes an option or property that the target QEMU has removed or deprecated",
    .rationale =
        "Guides written for an older QEMU pass options through <qemu:commandline> that QEMU has since "
        "removed: -no-hpet and -no-acpi (removed in 9.0, now machine properties that libvirt sets from "
        "<timer name='hpet'> and <acpi/>), -soundhw (7.1), -watchdog (7.2), -chardev tty, -spice password= and "
        "-device sga (8.0), -chroot and -async-teardown (9.0), virtio-blk's scsi= (9.1), -runas (10.0), "
        "chardev reconnect= (10.2), and older ones (-balloon, -tdf, -no-kvm-pit-reinjection, -realtime, "
        "-device ide-drive, ivshmem, ...). libvirt appends them unchanged and QEMU exits at start "
        "(\"invalid option\", \"not a valid device model name\", \"Invalid parameter\"; checked with the QEMU "
        "7.2, 10.0 and 11.1 binaries of Debian 12, 13 and unstable), so the domain no longer starts after a "
        "QEMU upgrade. One table (lint/model/qemu_removed.c) holds each option with the QEMU release that "
        "deprecated it, the release that removed it, and the domain XML that replaces it; the finding is an "
        "error when the target QEMU has removed it, a warning while it is only deprecated there (QEMU warns "
        "at start), nothing for a target older than the deprecation. Short-form booleans (server,nowait; "
        "deprecated since 6.0, not yet removed) are warnings. The <qemu:env> audio variables QEMU 8.2 "
        "removed are reported by qemu-env-audio-removed from the same table. The one fix is for -no-hpet, "
        "which has an exact XML equivalent: the argument becomes <timer name='hpet' present='no'/> in <clock> "
        "(libvirt writes -machine hpet=off from it, the same machine without an HPET); the others change "
        "hardware or need a choice, and get help text only.",
    .sources = {
        "QEMU docs/about/removed-features.rst (System emulator command line arguments, System emulator devices, Device options), https://qemu.org/docs/master/about/removed-features.html",
        "QEMU docs/about/deprecated.rst (System emulator command line arguments: Short-form boolean options, -mon), https://qemu.org/docs/master/about/deprecated.html",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
        "https://libvirt.org/formatdomain.html#time-keeping",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-no-hpet'/>\n</qemu:commandline>",
    .example_good = "<clock offset='localtime'>\n  <timer name='hpet' present='no'/>\n</clock>",
    .check = check,
};
