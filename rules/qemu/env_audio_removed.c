/* qemu-env-audio-removed: QEMU's legacy audio environment variables
 * (QEMU_AUDIO_DRV, QEMU_PA_SERVER, ...) passed with <qemu:env>, which
 * QEMU 8.2 and later no longer read. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_removed.h"

/* The prefixes QEMU 7.2's audio code reads (checked: the strings of Debian
 * 12's qemu-system-x86_64; Debian 13's 10.0 and sid's 11.1 have none) are
 * the ENV entries of the removed-options table (lint/model/qemu_removed.c),
 * which qemu-arg-removed reads for <qemu:arg>; all were removed in 8.2.0. */
/* mutate: skip[const-1] — equivalent: no QEMU version lies between 8.1.999 and 8.2.0 (8.1's stable releases end at 8.1.5, its development and release-candidate versions are 8.1.50 and 8.1.9x) */
#define REMOVED_IN 8002000u

static void
check(const VlModel *m, VlReport *report)
{
    unsigned qemu = vl_model_target_qemu(m);
    char version[32];

    if (qemu < REMOVED_IN)
        return;
    vl_version_format(qemu, version, sizeof(version));
    for (guint i = 0; i < m->qemu_blocks->len; i++) {
        xmlNodePtr block = g_ptr_array_index(m->qemu_blocks, i);

        if (!vl_xml_is_ns(block, VL_NS_QEMU, "commandline"))
            continue;
        for (xmlNodePtr env = block->children; env; env = env->next) {
            const char *name = vl_xml_attr(env, "name");
            const char *value = vl_xml_attr(env, "value");
            const VlQemuGone *gone;
            VlFinding *f;

            if (env->type != XML_ELEMENT_NODE || !vl_xml_is_ns(env, VL_NS_QEMU, "env") ||
                !(gone = vl_qemu_gone_env(name)) || gone->removed > qemu)
                continue;
            f = vl_report(report, env, "<qemu:env name='%s'>: QEMU %s no longer reads this audio variable", name,
                          version);
            if (strcmp(name, "QEMU_PA_SERVER") == 0 && value && *value)
                vl_finding_help(f, "remove it and give the sound device <audio id='1' type='pulseaudio' "
                                   "serverName='%s'/>", value);
            else
                vl_finding_help(f, "remove it and configure the backend with an <audio> element (for PulseAudio "
                                   "<audio id='1' type='pulseaudio'/>)");
            vl_finding_note(f, "QEMU 8.2 removed the QEMU_AUDIO_* and per-backend audio environment variables: "
                               "-audiodev, which libvirt writes from <audio>, is the only way to choose a backend");
            vl_finding_note(f, "libvirt still passes the variable, and QEMU %s ignores it: the sound device gets "
                               "the backend libvirt chose", version);
        }
    }
}

const VlRule vl_rule_qemu_env_audio_removed = {
    .id = "qemu-env-audio-removed",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A <qemu:env> sets a legacy QEMU audio variable that QEMU 8.2 and later ignore",
    .rationale =
        "Guides from before libvirt had an <audio> element route a guest's sound to the user's PulseAudio "
        "server with <qemu:env name='QEMU_AUDIO_DRV' value='pa'/> and <qemu:env name='QEMU_PA_SERVER' .../>. "
        "QEMU deprecated these environment variables in 4.0 and removed them in 8.2 "
        "(docs/about/removed-features.rst: -audiodev and -audio are the only way to set the audio backend); "
        "QEMU 7.2's binary still reads QEMU_AUDIO_*, QEMU_PA_* and the other per-backend prefixes, QEMU 10.0's "
        "and 11.1's contain none of them. libvirt passes the variables on regardless (checked with 9.0, 11.3 "
        "and 12.8 domxml-to-native), so the domain starts and the sound silently goes to the backend libvirt "
        "picked. The replacement is an <audio> element, which libvirt turns into -audiodev "
        "(type='pulseaudio' serverName='...' gives driver pa with that server). Reported when the targeted "
        "QEMU is 8.2 or later; no automatic fix, since the <audio> backend is the user's choice.",
    .sources = {
        "QEMU docs/about/removed-features.rst (QEMU_AUDIO_ environment variables and -audio-help, removed in 8.2), https://qemu.org/docs/master/about/removed-features.html",
        "https://libvirt.org/formatdomain.html#audio-backends",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<qemu:commandline>\n  <qemu:env name='QEMU_AUDIO_DRV' value='pa'/>\n  <qemu:env name='QEMU_PA_SERVER' value='/run/user/1000/pulse/native'/>\n</qemu:commandline>",
    .example_good = "<audio id='1' type='pulseaudio' serverName='/run/user/1000/pulse/native'/>",
    .check = check,
};
