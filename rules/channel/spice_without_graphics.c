/* channel-spice-without-graphics: SPICE-only character devices and audio in
 * a domain without SPICE graphics. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static const char *const chardevs[] = { "channel", "redirdev", "serial", "console", "parallel", "smartcard" };

/* A SPICE-only device (<ELEMENT type='TYPE'>) in a domain without SPICE graphics. */
static VlFinding *
report_no_spice(VlReport *report, xmlNodePtr node, const char *element, const char *type)
{
    return vl_report(report, node, "<%s type='%s'> needs SPICE graphics, but the domain has no <graphics "
                                   "type='spice'>",
                     element, type);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *audios;

    if (vl_graphics(m, "spice"))
        return;
    for (gsize k = 0; k < G_N_ELEMENTS(chardevs); k++) {
        GPtrArray *devs = vl_model_devices(m, chardevs[k]);

        for (guint i = 0; i < devs->len; i++) {
            xmlNodePtr dev = g_ptr_array_index(devs, i);
            const char *type = vl_xml_attr(dev, "type");
            bool removable = g_str_equal(chardevs[k], "channel") || g_str_equal(chardevs[k], "redirdev");
            VlFinding *f;

            if (!vl_xml_attr_is(dev, "type", "spicevmc") && !vl_xml_attr_is(dev, "type", "spiceport"))
                continue;
            f = report_no_spice(report, dev, chardevs[k], type);
            if (removable) {
                vl_finding_help(f, "remove the device, or add SPICE graphics back");
            } else {
                vl_finding_help(f, "give it another type (for example pty) or add <graphics type='spice'>");
            }
            vl_finding_note(f, "libvirt refuses it: \"chardev '%s' not supported without spice graphics\"", type);
            if (removable) {
                vl_finding_note(f, "for clipboard sharing over VNC, libvirt 8.4 and later offer <channel "
                                   "type='qemu-vdagent'>");
                vl_finding_set_fix(f, "remove the SPICE-only device", NULL);
            }
        }
    }
    audios = vl_model_devices(m, "audio");
    for (guint i = 0; i < audios->len; i++) {
        xmlNodePtr audio = g_ptr_array_index(audios, i);
        VlFinding *f;

        if (!vl_xml_attr_is(audio, "type", "spice"))
            continue;
        f = report_no_spice(report, audio, "audio", "spice");
        vl_finding_help(f, "use another backend (type='none', 'pulseaudio', 'pipewire' on newer libvirt, ...) or add "
                           "SPICE graphics");
        vl_finding_note(f, "<audio type='spice'> sends guest sound to a SPICE client");
        vl_finding_note(f, "libvirt refuses it: \"Spice audio is not supported without spice graphics\"");
    }
}

const VlRule vl_rule_channel_spice_without_graphics = {
    .id = "channel-spice-without-graphics",
    .category = "channel",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A spicevmc/spiceport device or SPICE audio without SPICE graphics",
    .rationale =
        "spicevmc and spiceport character devices (the SPICE agent channel, WebDAV folder sharing, "
        "USB redirection, smartcards) and <audio type='spice'> are tunnelled through the SPICE "
        "server, which only exists with <graphics type='spice'>. libvirt refuses to define such a "
        "domain (checked with libvirt 9.0). It typically happens after switching a guest from "
        "SPICE to VNC, or after removing the emulated display for GPU passthrough as the WindowsKVM build "
        "does, while virt-manager's SPICE channels and redirdevs stay behind. The fix removes "
        "leftover channels and redirdevs; serial ports, consoles, smartcards and audio need a "
        "decision (another backend), so they are only reported.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Channels: com.redhat.spice.0 (spicevmc), org.spice-space.webdav.0 (spiceport))",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start: SPICE fallback removed once passthrough is stable)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainChrSourceDef, audio validation)",
        "https://libvirt.org/formatdomain.html#channel",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "not supported without spice graphics",
    .example_bad = "<graphics type='vnc'/>\n<channel type='spicevmc'>\n  <target type='virtio' name='com.redhat.spice.0'/>\n</channel>",
    .example_good = "<graphics type='vnc'/>\n<channel type='qemu-vdagent'>\n  <target type='virtio' name='com.redhat.spice.0'/>\n</channel>",
    .check = check,
};
