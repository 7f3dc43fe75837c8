/* channel-webdav-type: the SPICE WebDAV port on a chardev SPICE cannot see. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/channel.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *channels = vl_model_devices(m, "channel");

    for (guint i = 0; i < channels->len; i++) {
        xmlNodePtr ch = g_ptr_array_index(channels, i);
        const char *type = vl_xml_attr(ch, "type");
        VlFinding *f;

        if (!vl_xml_attr_is(vl_xml_child(ch, "target"), "name", VL_SPICE_WEBDAV) || !type ||
            g_str_equal(type, "spicevmc") /* channel-spicevmc-target */)
            continue;
        if (g_str_equal(type, "spiceport")) {
            const char *port = vl_xml_attr(vl_xml_child(ch, "source"), "channel");
            if (vl_xml_attr_is(vl_xml_child(ch, "source"), "channel", VL_SPICE_WEBDAV))
                continue;
            f = vl_report(report, ch, "<channel>: WebDAV channel on spiceport '%s', which SPICE clients do not look for",
                          port ? port : "(no source channel)");
            vl_finding_help(f, "write <source channel='" VL_SPICE_WEBDAV "'/>");
            vl_finding_note(f, "SPICE clients look for the port named '" VL_SPICE_WEBDAV "', so folder sharing does "
                               "not work");
        } else {
            f = vl_report(report, ch, "<channel>: WebDAV channel of type '%s', which SPICE clients cannot reach", type);
            vl_finding_help(f, "use <channel type='spiceport'><source channel='" VL_SPICE_WEBDAV "'/><target "
                               "type='virtio' name='" VL_SPICE_WEBDAV "'/></channel>");
            vl_finding_note(f, "SPICE folder sharing only works over a spiceport chardev that SPICE clients can reach; "
                               "spice-webdavd in the guest gets no client");
        }
        vl_finding_set_fix(f, "make it <channel type='spiceport'> with <source channel='" VL_SPICE_WEBDAV "'/>", NULL);
    }
}

const VlRule vl_rule_channel_webdav_type = {
    .id = "channel-webdav-type",
    .category = "channel",
    .severity = VL_SEVERITY_WARNING,
    .summary = "The SPICE WebDAV channel is not a spiceport with the port name org.spice-space.webdav.0",
    .rationale =
        "SPICE folder sharing (spice-webdavd in the guest, remote-viewer or GNOME Boxes on the "
        "client) runs over a virtio-serial port named org.spice-space.webdav.0 whose host side "
        "is a spiceport chardev with that same port name; Kevin Locke's guide lists it so. A unix or pty "
        "chardev, or a spiceport with another name, is accepted by libvirt but no SPICE client "
        "ever connects, so sharing silently does nothing. A spicevmc one does not start at all "
        "(channel-spicevmc-target). Only the host side changes: the guest keeps its port.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Channels: org.spice-space.webdav.0 (spiceport); SPICE Folder Sharing)",
        "https://www.spice-space.org/spice-user-manual.html#_folder_sharing",
        "https://libvirt.org/formatdomain.html#channel",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<channel type='unix'>\n  <target type='virtio' name='org.spice-space.webdav.0'/>\n</channel>",
    .example_good = "<channel type='spiceport'>\n  <source channel='org.spice-space.webdav.0'/>\n  <target type='virtio' name='org.spice-space.webdav.0'/>\n</channel>",
    .check = check,
};
