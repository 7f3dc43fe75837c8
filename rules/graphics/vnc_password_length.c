/* graphics-vnc-password-length: VNC authentication uses 8 characters. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        const char *passwd = vl_xml_attr(g, "passwd");
        glong len;

        if (!vl_xml_attr_is(g, "type", "vnc") || !passwd)
            continue;
        len = g_utf8_strlen(passwd, -1);
        if (strlen(passwd) <= 8)
            continue;
        VlFinding *f = vl_report(report, g, "<graphics type='vnc'>: VNC passwd is %zu bytes long (%ld characters), over 8",
                                 strlen(passwd), len);
        vl_finding_help(f, "choose an 8-character password, and tunnel VNC over SSH or use Spice with TLS for real "
                           "protection");
        vl_finding_note(f, "libvirt refuses the domain: \"VNC password is %zu characters long, only 8 permitted\"",
                        strlen(passwd));
        vl_finding_note(f, "VNC authentication (a DES challenge) only ever used the first 8");
    }
}

const VlRule vl_rule_graphics_vnc_password_length = {
    .id = "graphics-vnc-password-length",
    .category = "graphics",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A VNC password longer than 8 characters",
    .rationale =
        "The VNC protocol's authentication encrypts a challenge with DES keyed by the password, "
        "which holds 8 bytes; QEMU used to drop the rest silently, so a long password gave a false "
        "sense of security. libvirt now refuses it (\"VNC password is 9 characters long, only 8 "
        "permitted\"; checked with libvirt 9.0, which counts bytes). Spice passwords have no such "
        "limit. None of the Windows/VFIO guides behind virtlint discusses VNC passwords; the rule comes from libvirt's own validation. There is no automatic fix: a password is the owner's to choose.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start 2: a remote display kept as a fallback; no guide covers VNC passwords)",
        "libvirt src/qemu/qemu_validate.c (VNC password length)",
        "https://libvirt.org/formatdomain.html#graphical-framebuffers (vnc passwd)",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "only 8 permitted",
    .example_bad = "<graphics type='vnc' port='-1' passwd='correcthorsebattery'/>",
    .example_good = "<graphics type='vnc' port='-1' passwd='h0r5e!8c'/>",
    .check = check,
};
