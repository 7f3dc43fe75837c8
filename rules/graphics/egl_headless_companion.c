/* graphics-egl-headless-companion: egl-headless renders for a VNC or
 * Spice display and cannot pair with anything else. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");
    xmlNodePtr egl = NULL;

    for (guint i = 0; i < graphics->len && !egl; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(graphics, i), "type", "egl-headless"))
            egl = g_ptr_array_index(graphics, i);
    }
    if (!egl)
        return;
    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        const char *type = vl_xml_attr(g, "type");

        if (!type || strcmp(type, "egl-headless") == 0 || strcmp(type, "vnc") == 0 || strcmp(type, "spice") == 0)
            continue;
        VlFinding *f = vl_report(report, g, "<graphics type='%s'> next to <graphics type='egl-headless'> (line %d)",
                                 type, vl_xml_line(egl));
        vl_finding_help(f, "remove egl-headless%s, or use VNC/Spice",
                        strcmp(type, "sdl") == 0 || strcmp(type, "dbus") == 0
                            ? " and give this display its own <gl enable='yes'/>"
                            : "");
        vl_finding_note(f, "egl-headless only renders for a VNC or Spice display");
        vl_finding_note(f, "libvirt refuses the domain: \"graphics type 'egl-headless' is only supported with one "
                           "of: 'vnc', 'spice' graphics types\"");
    }
}

const VlRule vl_rule_graphics_egl_headless_companion = {
    .id = "graphics-egl-headless-companion",
    .category = "graphics",
    .severity = VL_SEVERITY_ERROR,
    .summary = "egl-headless paired with a display other than VNC or Spice",
    .rationale =
        "<graphics type='egl-headless'/> adds QEMU's headless OpenGL context: virgl or a GVT-g/mdev "
        "DMA-BUF display is rendered there and copied into a display that cannot do OpenGL itself. "
        "libvirt only pairs it with VNC or Spice and refuses SDL, D-Bus, RDP or desktop displays next "
        "to it (\"graphics type 'egl-headless' is only supported with one of: 'vnc', 'spice' graphics "
        "types\"; checked with libvirt 9.0 for sdl and dbus). SDL and D-Bus have their own <gl> "
        "element instead. Alone, egl-headless is accepted. Which display to keep is the owner's "
        "choice, so there is no automatic fix.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (GVT-g display output: Spice with MESA EGL)",
        "libvirt src/qemu/qemu_validate.c (graphics validation)",
        "https://libvirt.org/formatdomain.html#graphical-framebuffers (egl-headless)",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "graphics type 'egl-headless' is only supported with one of",
    .example_bad = "<graphics type='egl-headless'/>\n<graphics type='sdl' display=':0'/>",
    .example_good = "<graphics type='egl-headless'/>\n<graphics type='vnc' port='-1'/>",
    .check = check,
};
