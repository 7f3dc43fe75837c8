/* channel-spicevmc-target: a spicevmc channel with a port name other than the
 * SPICE agent's. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/channel.h"

/* What libvirt says when it starts the domain. */
static void
note_refusal(VlFinding *f, const char *name)
{
    vl_finding_note(f, "libvirt defines the domain but refuses to start it (\"Unsupported spicevmc target name "
                       "'%s'\")",
                    name);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *channels = vl_model_devices(m, "channel");

    for (guint i = 0; i < channels->len; i++) {
        xmlNodePtr ch = g_ptr_array_index(channels, i);
        xmlNodePtr target = vl_xml_child(ch, "target");
        const char *name = vl_xml_attr(target, "name");
        VlFinding *f;

        /* without a name libvirt uses com.redhat.spice.0 */
        if (!vl_xml_attr_is(ch, "type", "spicevmc") || !name || g_str_equal(name, "com.redhat.spice.0"))
            continue;
        if (g_str_equal(name, VL_SPICE_WEBDAV)) {
            f = vl_report(report, ch, "<channel type='spicevmc'> for the WebDAV port " VL_SPICE_WEBDAV);
            vl_finding_help(f, "use a spiceport channel: <channel type='spiceport'><source channel='" VL_SPICE_WEBDAV
                               "'/><target type='virtio' name='" VL_SPICE_WEBDAV "'/></channel>");
            note_refusal(f, name);
            vl_finding_note(f, "SPICE folder sharing needs a spiceport channel");
            vl_finding_set_fix(f, "make it <channel type='spiceport'> with <source channel='" VL_SPICE_WEBDAV "'/>",
                               NULL);
        } else {
            f = vl_report(report, ch, "<channel type='spicevmc'> with target name '%s'", name);
            vl_finding_help(f, "use <channel type='spiceport'> with <source channel='%s'/> for other SPICE ports",
                            name);
            note_refusal(f, name);
            vl_finding_note(f, "a spicevmc channel can only be the SPICE agent's com.redhat.spice.0");
        }
    }
}

const VlRule vl_rule_channel_spicevmc_target = {
    .id = "channel-spicevmc-target",
    .category = "channel",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A spicevmc channel uses a port name other than com.redhat.spice.0",
    .rationale =
        "A spicevmc chardev is the SPICE agent's tunnel: libvirt maps the port name "
        "com.redhat.spice.0 to QEMU's spicevmc name=vdagent and knows no other name. Any other "
        "target name is accepted by virsh define but the domain fails to start (libvirt 9.0: "
        "\"Unsupported spicevmc target name\"). The usual case is the WebDAV folder-sharing port "
        "written as spicevmc: Kevin Locke's guide lists it correctly as a spiceport channel, and the fix "
        "rewrites it that way. Other names have no automatic fix.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Channels: org.spice-space.webdav.0 (spiceport); SPICE Folder Sharing)",
        "libvirt src/qemu/qemu_command.c (spicevmc chardev names)",
        "https://libvirt.org/formatdomain.html#channel",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "channel-webdav-type",
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Unsupported spicevmc target name",
    .example_bad = "<channel type='spicevmc'>\n  <target type='virtio' name='org.spice-space.webdav.0'/>\n</channel>",
    .example_good = "<channel type='spiceport'>\n  <source channel='org.spice-space.webdav.0'/>\n  <target type='virtio' name='org.spice-space.webdav.0'/>\n</channel>",
    .check = check,
};
