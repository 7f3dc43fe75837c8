/* libvirt-define: the libvirt installed on this machine refuses the domain
 * (--libvirt-check).  The verdict comes from lint/host/libvirtcheck.c; this file
 * turns it into a finding, at the element libvirt's message names. */
#include <string.h>

#include "lint/host/libvirtcheck.h"
#include "lint/host/libvirtcheck_locate.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* libvirt's message without its error class ("unsupported configuration: ",
 * "XML error: "...), as rules quote it. */
static const char *
message_core(const char *message)
{
    const char *colon = strstr(message, ": ");

    if (!colon || colon - message > 32)
        return message;
    for (const char *p = message; p < colon; p++)
        if (!g_ascii_isalpha(*p) && *p != ' ')
            return message;
    return colon + 2;
}

/* F has a note that is NOTE. */
static bool
has_note(const VlFinding *f, const char *note)
{
    for (guint i = 0; f->notes && i < f->notes->len; i++) {
        if (g_str_equal(g_ptr_array_index(f->notes, i), note))
            return true;
    }
    return false;
}

/* F's headline, help or one of its notes contains TEXT. */
static bool
finding_says(const VlFinding *f, const char *text)
{
    if (strstr(f->message, text) || (f->help && strstr(f->help, text)))
        return true;
    for (guint i = 0; f->notes && i < f->notes->len; i++) {
        if (strstr(g_ptr_array_index(f->notes, i), text))
            return true;
    }
    return false;
}

/* The rule has no check of its own: the engine runs vl_libvirt_define_check
 * after every other rule, when --libvirt-check asks for it, because it must
 * see their findings. */
void
vl_libvirt_define_check(const VlModel *m, VlReport *report)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(VlLibvirtVerdict) v = NULL;
    g_autofree char *confirms = NULL;
    const char *core;
    bool confirmed = false;
    xmlNodePtr where;
    VlFinding *f;

    /* a snapshot's <domain> is a record, not something to define */
    if (m->snapshot || !m->root || !vl_xml_is(m->root, "domain"))
        return;
    /* on failure the error waits in vl_libvirt_check_take_error() for the
     * caller, who reports it as an input error */
    if (!(v = vl_libvirt_check_domain(m->root, m->doc->data, m->doc->len, &error)) || !v->refused)
        return;

    /* a rule that already says the same keeps its finding, confirmed: its
     * libvirt_error is part of libvirt's message, or its finding quotes
     * libvirt's message (in its headline, help or a note) */
    confirms = g_strdup_printf("libvirt %s confirms this", v->version);
    core = message_core(v->message);
    for (guint i = 0; i < report->findings->len; i++) {
        VlFinding *other = g_ptr_array_index(report->findings, i);
        const char *piece = other->rule->libvirt_error;

        if (!(piece && *piece && strstr(v->message, piece)) && !(strlen(core) >= 16 && finding_says(other, core)))
            continue;
        /* refused here and now: whatever the rule thought of its weight */
        other->severity = MAX(other->severity, report->rule->severity);
        if (!has_note(other, confirms))
            vl_finding_note(other, "%s", confirms);
        confirmed = true;
    }
    if (confirmed)
        return;
    /* libvirt's message is a note; how else it was checked is said
     * briefly (the reason, a second libvirt message, went to stderr once) */
    where = vl_libvirt_check_locate(m->root, v->message);
    f = vl_report(report, where, "<%s>: libvirt %s refuses this domain",
                  where && where->name ? (const char *) where->name : "domain", v->version);
    vl_finding_note(f, "libvirt %s says: %s", v->version, v->message);
    if (v->fallback)
        vl_finding_note(f, "%s", g_str_has_prefix(v->fallback, VL_LIBVIRT_CHECK_AS_QEMU)
                                     ? VL_LIBVIRT_CHECK_AS_QEMU ": no KVM here"
                                     : VL_LIBVIRT_CHECK_BY_TEST_DRIVER);
}

const VlRule vl_rule_libvirt_define = {
    .id = "libvirt-define",
    .category = "libvirt",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The libvirt installed here refuses the domain (--libvirt-check)",
    .rationale = "With --libvirt-check (or libvirt-check = yes in .virtlintrc), every document is also defined "
                 "by the libvirt and QEMU of this machine, as `virsh define` would, through libvirt's "
                 "embedded QEMU driver on a root of virtlint's own: no daemon, no root, and the user's "
                 "libvirt is never touched (a renamed copy without its <uuid> is defined and undefined at "
                 "once).  A refusal is reported here with libvirt's exact message and version, at the "
                 "element the message names.  Where one of virtlint's own rules already reports the same "
                 "refusal (its libvirt_error is part of libvirt's message, or its finding quotes it), that "
                 "finding says libvirt confirms it instead, and is an error.  Without the QEMU driver or a "
                 "QEMU for the domain's architecture, libvirt's test driver answers, with fewer checks, "
                 "and the finding says so; on a machine without KVM a type='kvm' domain is checked as "
                 "type='qemu'.  Verdicts are cached per document, libvirt and QEMU binaries.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (virsh edit: libvirt checks a definition when it is saved)",
                 "https://libvirt.org/drvqemu.html#embedded-driver",
                 "https://libvirt.org/html/libvirt-libvirt-domain.html#virDomainDefineXML" },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_NONE,
    .example_bad = "<controller type='pci' index='0' model='pcie-root'/>   <!-- on machine='pc' -->",
    .example_good = "<controller type='pci' index='0' model='pci-root'/>",
    .check = NULL,
};
