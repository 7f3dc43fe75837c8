/* hyperv-dependency: an enabled enlightenment whose prerequisite is off.
 * QEMU refuses to start such a set; libvirt passed it on unchecked until
 * 11.9, which refuses most of it at define. */
#include <string.h>

#include "lint/model/strings.h"
#include "lint/model/hyperv.h"
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt 11.9.0 checks QEMU's edges itself when a domain is defined (NEWS
 * 11.9.0: "qemu: Validate Hyper-V enlightenment dependencies"), with
 * "'stimer' hyperv feature requires 'synic' feature" and "'stimer' hyperv
 * feature requires 'hypervclock' timer".  12.0.0 dropped the synic -> vpindex
 * check again, which machine types 3.0 and older do not need (NEWS 12.0.0:
 * "qemu: Relax validation of some hyperv features").  Checked: libvirt 12.8
 * refuses stimer without synic or the hypervclock timer, tlbflush and ipi
 * without vpindex, evmcs without vapic and tlbflush's <direct> without vapic,
 * and defines synic without vpindex; 9.0 and 11.3 define them all. */
#define LIBVIRT_CHECKS_SINCE VL_LIBVIRT(11, 9)
#define LIBVIRT_SYNIC_UNCHECKED_SINCE VL_LIBVIRT(12, 0)
/* The first release refusing tlbflush's <direct> without vapic is not known:
 * the one checked, 12.8, is assumed. */
#define LIBVIRT_TLBFLUSH_DIRECT_SINCE VL_LIBVIRT(12, 8)

/* Which releases of libvirt refuse FEATURE without its prerequisite, as
 * "11.9 and later", or NULL when the target is not one of them. */
static const char *
libvirt_refuses(const VlModel *m, const char *feature)
{
    unsigned v = m->config->libvirt_version;

    if (strcmp(feature, "synic") == 0)
        return v >= LIBVIRT_CHECKS_SINCE && v < LIBVIRT_SYNIC_UNCHECKED_SINCE ? "11.9 and 11.10" : NULL;
    return v >= LIBVIRT_CHECKS_SINCE ? "11.9 and later" : NULL;
}

/* How libvirt's message names the prerequisite: "'synic' feature". */
static char *
libvirt_name(const char *feature)
{
    if (strcmp(feature, VL_HV_TIME) == 0)
        return g_strdup("'hypervclock' timer");
    return g_strdup_printf("'%s' feature", feature);
}

/* The note quoting QEMU's refusal of FEATURE without REQUIRES (QEMU names
 * them "Hyper-V synthetic timers (hv-stimer)"). */
static void
note_qemu_refuses(VlFinding *f, const char *feature_desc, const char *requires_desc, bool libvirt_refuses_too)
{
    vl_finding_note(f, "%s: \"Hyper-V %s requires Hyper-V %s\"",
                    libvirt_refuses_too ? "QEMU would not start it either"
                                        : "libvirt accepts this, but QEMU refuses to start",
                    feature_desc, requires_desc);
}

static bool
is_clock(const char *feature)
{
    return strcmp(feature, VL_HV_TIME) == 0;
}

/* Add to LABELS FEATURE's prerequisites that are off, and theirs. */
static void
add_unmet(const VlModel *m, const char *feature, GPtrArray *labels)
{
    for (const VlHypervEdge *e = vl_hyperv_edges; e->feature; e++) {
        g_autofree char *label = NULL;

        if (strcmp(e->feature, feature) != 0 || vl_hyperv_enabled(m, e->requires))
            continue;
        label = vl_hyperv_label(e->requires);
        /* mutate: skip[guard] — equivalent for today's vl_hyperv_edges: no two paths lead from one feature to the same prerequisite, so no label is met twice (kept for a future edge) */
        if (g_ptr_array_find_with_equal_func(labels, label, g_str_equal, NULL))
            continue;
        g_ptr_array_add(labels, g_steal_pointer(&label));
        add_unmet(m, e->requires, labels);
    }
}

/* The fix's description: "turn on <synic> and <vpindex>", FEATURE first,
 * then what hyperv.xsl turns on with it. */
static char *
fix_description(const VlModel *m, const char *feature)
{
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *list = NULL;

    g_ptr_array_add(labels, vl_hyperv_label(feature));
    add_unmet(m, feature, labels);
    list = vl_join_and(labels);
    return g_strconcat("turn on ", list, NULL);
}

/* <stimer><direct/></stimer> and <tlbflush><direct/><extended/></tlbflush>:
 * libvirt only emits a sub-feature inside its parent's "on" branch, so with
 * the parent off it is dropped without a word. */
static void
check_sub_features(const VlModel *m, VlReport *report, const char *parent)
{
    xmlNodePtr node = vl_model_hyperv_feature(m, parent);

    if (!node || vl_xml_attr_is(node, "state", "on"))
        return;
    for (xmlNodePtr sub = node->children; sub; sub = sub->next) {
        g_autofree char *fix = NULL;
        VlFinding *f;

        if (!vl_xml_attr_is(sub, "state", "on")) /* false for text and comment nodes */
            continue;
        f = vl_report_severity(report, VL_SEVERITY_WARNING, sub,
                               "<%s><%s state='on'/>: has no effect while <%s> is off", parent,
                               (const char *) sub->name, parent);
        vl_finding_help(f, "set <%s state='on'>", parent);
        vl_finding_note(f, "libvirt only passes %s-%s to QEMU when %s itself is on", parent,
                        (const char *) sub->name, parent);
        fix = fix_description(m, parent);
        vl_finding_set_fix(f, fix, "ensure", parent, NULL);
    }
}

/* <tlbflush state='on'><direct state='on'/></tlbflush> is QEMU's
 * hv-tlbflush-direct, which needs hv-vapic (QEMU 7.1's dependency table). */
static void
check_tlbflush_direct(const VlModel *m, VlReport *report)
{
    xmlNodePtr direct = vl_xml_child(vl_model_hyperv_feature(m, "tlbflush"), "direct");
    g_autofree char *fix = NULL;
    VlFinding *f;

    /* without <direct>, vl_xml_attr_is is false */
    if (!vl_model_hyperv_on(m, "tlbflush") || !vl_xml_attr_is(direct, "state", "on") || vl_model_hyperv_on(m, "vapic"))
        return;
    f = vl_report(report, direct, "<tlbflush><direct state='on'/>: on but <vapic> is not");
    vl_finding_help(f, "add <vapic state='on'/> to <hyperv>");
    if (m->config->libvirt_version >= LIBVIRT_TLBFLUSH_DIRECT_SINCE) {
        vl_finding_note(f, "libvirt 12.8 refuses the domain at define: \"'hv-tlbflush-direct' hyperv feature "
                           "requires 'vapic' feature\"");
        note_qemu_refuses(f, "direct TLB flush (hv-tlbflush-direct)", vl_hyperv_qemu_desc("vapic"), true);
    } else {
        vl_finding_note(f, "QEMU refuses to start: \"Hyper-V %s requires Hyper-V %s\"",
                        "direct TLB flush (hv-tlbflush-direct)", vl_hyperv_qemu_desc("vapic"));
        vl_finding_note(f, "libvirt 12.8 already refuses the domain at define");
    }
    fix = fix_description(m, "vapic");
    vl_finding_set_fix(f, fix, "ensure", "vapic", NULL);
}

static void
check(const VlModel *m, VlReport *report)
{
    /* passthrough and host-model let QEMU pick a consistent set itself */
    if (!vl_model_hyperv_custom(m))
        return;

    for (const VlHypervEdge *e = vl_hyperv_edges; e->feature; e++) {
        g_autofree char *needed = NULL, *advice = NULL, *fix = NULL;
        const char *releases;
        VlFinding *f;

        if (!vl_hyperv_enabled(m, e->feature) || vl_hyperv_enabled(m, e->requires))
            continue;
        needed = vl_hyperv_label(e->requires);
        if (is_clock(e->requires))
            advice = g_strdup("add <timer name='hypervclock' present='yes'/> to <clock>");
        else
            advice = g_strdup_printf("add <%s state='on'/> to <hyperv>", e->requires);
        releases = libvirt_refuses(m, e->feature);
        f = vl_report(report, vl_model_hyperv_feature(m, e->feature), "<%s>: Hyper-V enlightenment on but %s is not",
                      e->feature, needed);
        vl_finding_help(f, "%s", advice);
        if (releases) {
            g_autofree char *name = libvirt_name(e->requires);

            vl_finding_note(f, "libvirt %s refuse the domain at define: \"'%s' hyperv feature requires %s\"",
                            releases, e->feature, name);
        }
        note_qemu_refuses(f, vl_hyperv_qemu_desc(e->feature), vl_hyperv_qemu_desc(e->requires), releases != NULL);
        /* hyperv.xsl closes what is on under the same edges */
        fix = fix_description(m, e->requires);
        vl_finding_set_fix(f, fix, "ensure", "", NULL);
    }

    check_sub_features(m, report, "stimer");
    check_sub_features(m, report, "tlbflush");
    check_tlbflush_direct(m, report);
}

const VlRule vl_rule_hyperv_dependency = {
    .id = "hyperv-dependency",
    .category = "hyperv",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An enabled Hyper-V enlightenment lacks a prerequisite: QEMU will not start it, libvirt 11.9+ not define it",
    .rationale =
        "QEMU checks Hyper-V enlightenments against a dependency table: synic needs vpindex (QEMU "
        "waives this on machine types 3.0 and older, which this rule does not tell apart); stimer "
        "needs synic and the hv-time clocksource (libvirt's hypervclock timer); tlbflush and ipi need vpindex; evmcs needs vapic; tlbflush's <direct> "
        "(hv-tlbflush-direct, QEMU 7.1) needs vapic. It refuses to start otherwise, with \"Hyper-V X "
        "requires Hyper-V Y\". Up to libvirt 11.8 the domain defines fine and fails only at start. "
        "libvirt 11.9 checks the same edges at define (NEWS 11.9.0, \"Validate Hyper-V enlightenment "
        "dependencies\"): \"'stimer' hyperv feature requires 'synic' feature\", \"... requires "
        "'hypervclock' timer\"; 12.0 dropped the synic -> vpindex check again, which old machine "
        "types do not need (NEWS 12.0.0, \"Relax validation of some hyperv features\"). Checked with "
        "libvirt 12.8: every other edge, and tlbflush's <direct> without vapic, is refused at "
        "define, synic without vpindex is defined; 9.0 and 11.3 define them all. The message follows "
        "the target release; the first release refusing tlbflush's <direct> without vapic is not "
        "known, so only 12.8 is said to. Sub-features are different: <stimer><direct/></stimer> with "
        "stimer off is silently dropped by libvirt (reported as a warning). In passthrough and "
        "host-model modes QEMU chooses the set itself and this rule does not apply.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Hyper-V block with stimer, direct and hypervclock)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (enlightenment list)",
        "QEMU docs/system/i386/hyperv.rst",
        "QEMU target/i386/kvm/kvm.c (kvm_hyperv_properties dependencies)",
        "libvirt NEWS.rst v11.9.0 and v12.0.0; src/qemu/qemu_validate.c (hyperv feature requires)",
    },
    .fix = VL_FIX_SAFE,
    /* QEMU on every release; libvirt from 11.9 on, with this message */
    .refused_by = VL_REFUSED_BY_QEMU,
    .libvirt_error = "hyperv feature requires",
    .fixer = "hyperv",
    .example_bad = "<hyperv mode='custom'>\n  <stimer state='on'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <vpindex state='on'/>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n...\n<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
