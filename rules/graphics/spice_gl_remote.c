/* graphics-spice-gl-remote: Spice OpenGL only works over a local socket. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

/* How the Spice server is reachable over TCP, or NULL when it is local
 * only (listen none or socket; a bare element with gl, which libvirt gives
 * listen type none). */
static const char *
remote_listen(xmlNodePtr graphics)
{
    bool any_listen = false;

    for (xmlNodePtr l = graphics->children; l; l = l->next) {
        if (!vl_xml_is(l, "listen"))
            continue;
        any_listen = true;
        if (vl_xml_attr_is(l, "type", "address"))
            return "<listen type='address'>";
        if (vl_xml_attr_is(l, "type", "network"))
            return "<listen type='network'>";
    }
    if (any_listen)
        return NULL;
    if (vl_xml_attr_is(graphics, "autoport", "yes"))
        return "autoport='yes'";
    if (vl_xml_attr(graphics, "port") && !vl_xml_attr_is(graphics, "port", "0"))
        return "a port attribute";
    if (vl_xml_attr(graphics, "tlsPort") && !vl_xml_attr_is(graphics, "tlsPort", "0"))
        return "a tlsPort attribute";
    if (vl_xml_attr(graphics, "listen"))
        return "a listen attribute";
    return NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        const char *how;
        VlFinding *f;

        if (!vl_xml_attr_is(g, "type", "spice") || !vl_graphics_gl(g) || !(how = remote_listen(g)))
            continue;
        f = vl_report(report, g, "<graphics type='spice'> with <gl enable='yes'/> listens on TCP (%s)", how);
        vl_finding_help(f, "make it local with <listen type='none'/> and no port/autoport (virt-viewer and "
                           "virt-manager connect through libvirt), or for remote access use VNC or Spice without gl "
                           "plus <graphics type='egl-headless'/>");
        vl_finding_note(f, "QEMU exits at start: \"SPICE GL support is local-only for now and incompatible with "
                           "-spice port/tls-port\" (QEMU 7.2 and every QEMU built with spice-server before 0.15.3)");
        if (!vl_model_target_qemu(m))
            vl_finding_note(f, "the QEMU version is unknown and assumed to be such a build");
        vl_finding_set_fix(f, "make the Spice display local: <listen type='none'/>, without port, tlsPort, "
                              "autoport or listen attributes",
                           NULL);
    }
}

const VlRule vl_rule_graphics_spice_gl_remote = {
    .id = "graphics-spice-gl-remote",
    .category = "graphics",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Spice with OpenGL enabled must listen locally (listen type none or socket)",
    .rationale =
        "Spice GL hands DMA-BUF frames to a client on the same host through a UNIX socket; QEMU "
        "refuses gl=on together with a TCP port (\"SPICE GL support is local-only for now and "
        "incompatible with -spice port/tls-port\"). libvirt 9.0 defines the domain: autoport='yes' "
        "or a <listen type='address'> gives QEMU a port and it exits at start (checked with QEMU 7.2 "
        "and spice-server 0.15.1). A <graphics type='spice'><gl enable='yes'/></graphics> without "
        "attributes is fine: libvirt gives it <listen type='none'/>. The Japanese reinstall guide writes it correctly "
        "(listen type none); the mistake is adding <gl> to virt-manager's default Spice display "
        "(autoport, address listen). Remote GL streaming needs spice-server 0.15.3 and a 2025 QEMU "
        "change. The fix makes the display local; the domain never started with the TCP listener.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (Output using SPICE with MESA EGL: listen type none, gl enable)",
        "https://libvirt.org/formatdomain.html#graphical-framebuffers (spice gl)",
        "QEMU ui/spice-core.c (qemu_spice_init, gl=on)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<graphics type='spice' autoport='yes'>\n  <listen type='address' address='127.0.0.1'/>\n  <gl enable='yes'/>\n</graphics>",
    .example_good = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>",
    .check = check,
};
