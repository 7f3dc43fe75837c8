/* graphics-egl-headless-spice-gl: one OpenGL display at a time. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static bool
spice_local(xmlNodePtr spice)
{
    for (xmlNodePtr l = spice->children; l; l = l->next) {
        if (vl_xml_is(l, "listen"))
            return vl_xml_attr_is(l, "type", "none") || vl_xml_attr_is(l, "type", "socket");
    }
    return !vl_xml_attr_is(spice, "autoport", "yes") && !vl_xml_attr(spice, "port") &&
           !vl_xml_attr(spice, "tlsPort") && !vl_xml_attr(spice, "listen");
}

/* What libvirt says about two OpenGL displays. */
static void
note_refusal(VlFinding *f)
{
    vl_finding_note(f, "libvirt refuses the domain: \"multiple OpenGL displays are not supported by QEMU\"");
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");
    xmlNodePtr egl = NULL, spice = NULL;
    VlFinding *f;

    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        if (!egl && vl_xml_attr_is(g, "type", "egl-headless"))
            egl = g;
        else if (!spice && vl_xml_attr_is(g, "type", "spice") && vl_graphics_gl(g))
            spice = g;
    }
    if (!egl || !spice)
        return;
    if (spice_local(spice)) {
        f = vl_report(report, egl, "<graphics type='egl-headless'> next to a Spice display with <gl enable='yes'/> (line %d)",
                      vl_xml_line(spice));
        vl_finding_help(f, "remove egl-headless");
        note_refusal(f);
        vl_finding_note(f, "the local Spice display renders with OpenGL itself");
        vl_finding_set_fix(f, "remove <graphics type='egl-headless'/> (Spice GL renders locally)", NULL);
    } else {
        xmlNodePtr gl = vl_xml_child(spice, "gl");
        f = vl_report(report, gl, "Spice <gl enable='yes'/> next to <graphics type='egl-headless'> (line %d)",
                      vl_xml_line(egl));
        vl_finding_help(f, "remove the Spice display's <gl> and let egl-headless render");
        note_refusal(f);
        vl_finding_note(f, "this Spice display listens on TCP, where Spice GL cannot work");
        vl_finding_set_fix(f, "remove <gl> from the remote Spice display (egl-headless renders)", NULL);
    }
}

const VlRule vl_rule_graphics_egl_headless_spice_gl = {
    .id = "graphics-egl-headless-spice-gl",
    .category = "graphics",
    .severity = VL_SEVERITY_ERROR,
    .summary = "egl-headless together with a Spice display that has OpenGL enabled",
    .rationale =
        "QEMU has one OpenGL display context. Spice with <gl enable='yes'/> and egl-headless each "
        "want it, and libvirt refuses the pair (\"multiple OpenGL displays are not supported by "
        "QEMU\"; checked with libvirt 9.0). They are two answers to the same question: Spice GL for "
        "a local viewer (the Japanese reinstall guide's GVT-g output), egl-headless to render for a remote VNC or Spice "
        "client. The fix keeps the one that can work: a local Spice display keeps its GL and "
        "egl-headless goes; a Spice display on TCP, where Spice GL cannot work, loses its <gl>. It "
        "is safe: the domain never started.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (Output using SPICE with MESA EGL)",
        "libvirt src/qemu/qemu_validate.c (graphics validation)",
        "https://libvirt.org/formatdomain.html#graphical-framebuffers (egl-headless, spice gl)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "multiple OpenGL displays are not supported by QEMU",
    .example_bad = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>\n<graphics type='egl-headless'/>",
    .example_good = "<graphics type='spice'>\n  <listen type='none'/>\n  <gl enable='yes'/>\n</graphics>",
    .check = check,
};
