/* channel-spice-vdagent: SPICE graphics without the SPICE agent channel. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"
#include "lint/model/channel.h"

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr spice = vl_graphics(m, "spice");
    VlFinding *f;

    /* a channel of any type already owns the name (qemu-vdagent, spicevmc) */
    if (!spice || vl_channel_named(m, "com.redhat.spice.0"))
        return;
    f = vl_report(report, spice, "<graphics type='spice'> without the SPICE agent channel");
    vl_finding_help(f, "add <channel type='spicevmc'><target type='virtio' name='com.redhat.spice.0'/></channel> and "
                       "install the SPICE agent in the guest (spice-vdagent, or spice-guest-tools on Windows)");
    vl_finding_note(f, "without it the SPICE client cannot share the clipboard with the guest or resize its display "
                       "to the window");
    vl_finding_set_fix(f, "add the SPICE agent channel <channel type='spicevmc'><target type='virtio' "
                          "name='com.redhat.spice.0'/></channel>", NULL);
}

const VlRule vl_rule_channel_spice_vdagent = {
    .id = "channel-spice-vdagent",
    .category = "channel",
    .severity = VL_SEVERITY_INFO,
    .summary = "SPICE graphics without the SPICE agent channel",
    .rationale =
        "Clipboard sharing and automatic resolution changes need the SPICE agent in the guest, "
        "which talks to the SPICE server over the virtio-serial port com.redhat.spice.0 backed by "
        "a spicevmc chardev. Kevin Locke's guide lists the channel among the ones to add. Without a guest "
        "agent the port stays unused, so adding it is safe. A channel of another type already "
        "using that name (qemu-vdagent) is left alone.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Channels: com.redhat.spice.0 (spicevmc); SPICE Agent)",
        "https://libvirt.org/formatdomain.html#channel",
        "https://www.spice-space.org/spice-user-manual.html",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<graphics type='spice' autoport='yes'/>",
    .example_good = "<channel type='spicevmc'>\n  <target type='virtio' name='com.redhat.spice.0'/>\n</channel>\n<graphics type='spice' autoport='yes'/>",
    .check = check,
};
