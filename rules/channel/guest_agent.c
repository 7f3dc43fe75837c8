/* channel-guest-agent: a Windows guest without the QEMU guest agent channel. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/channel.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    VlFinding *f;

    if (!vl_guest_is_windows(&m->guest) || !m->devices || vl_channel_named(m, "org.qemu.guest_agent.0"))
        return;
    f = vl_report(report, m->devices, "<devices>: Windows guest without a QEMU guest agent channel");
    vl_finding_help(f, "add <channel type='unix'><target type='virtio' name='org.qemu.guest_agent.0'/></channel> and "
                       "install qemu-ga from the virtio-win ISO (guest-agent directory)");
    vl_finding_note(f, "without the agent libvirt cannot ask the guest to shut down through it, freeze its "
                       "filesystems (VSS) for consistent snapshots, or resynchronise its clock after a resume (virsh "
                       "domtime --sync, SYNC_TIME=1 in libvirt-guests)");
    vl_finding_note(f, "the guest is taken for Windows: %s", vl_guest_evidence(m));
    vl_finding_set_fix(f, "add the guest agent channel <channel type='unix'><target type='virtio' "
                          "name='org.qemu.guest_agent.0'/></channel>", NULL);
}

const VlRule vl_rule_channel_guest_agent = {
    .id = "channel-guest-agent",
    .category = "channel",
    .severity = VL_SEVERITY_INFO,
    .summary = "A Windows guest has no QEMU guest agent channel",
    .rationale =
        "The QEMU guest agent (qemu-ga) talks to libvirt over a virtio-serial port named "
        "org.qemu.guest_agent.0. Without the channel, libvirt falls back to ACPI for shutdown, "
        "cannot quiesce the guest for snapshots (qemu-ga drives VSS on Windows), and cannot run "
        "virsh domtime --sync, which libvirt-guests' SYNC_TIME=1 uses to correct the clock after "
        "a resume, as Kevin Locke's guide recommends. Adding the channel is harmless: without the agent "
        "(or the vioser driver) the port simply stays unused, and libvirt adds the virtio-serial "
        "controller and the socket path itself.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Channels; QEMU Guest Agent; RTC Synchronization)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VirtIO drivers during Windows install: vioser)",
        "https://libvirt.org/formatdomain.html#channel",
        "https://wiki.libvirt.org/Qemu_guest_agent.html",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<devices>\n  <!-- no org.qemu.guest_agent.0 channel -->\n</devices>",
    .example_good = "<channel type='unix'>\n  <target type='virtio' name='org.qemu.guest_agent.0'/>\n</channel>",
    .check = check,
};
