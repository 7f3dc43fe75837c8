/* hyperv-dependency: an enabled enlightenment whose prerequisite is off.
 * libvirt passes such a set to QEMU unchanged and QEMU refuses to start. */
#include <string.h>

#include "hyperv_graph.h"
#include "lint/registry.h"
#include "lint/xml.h"

static bool
is_clock(const char *feature)
{
    return strcmp(feature, VL_HV_TIME) == 0;
}

/* Add to LABELS FEATURE's prerequisites that are off, and theirs. */
static void
add_unmet(const VlModel *m, const char *feature, GPtrArray *labels)
{
    for (gsize i = 0; i < vl_hyperv_edge_count; i++) {
        const VlHypervEdge *e = &vl_hyperv_edges[i];
        g_autofree char *label = NULL;

        if (strcmp(e->feature, feature) != 0 || vl_hyperv_enabled(m, e->requires))
            continue;
        label = vl_hyperv_label(e->requires);
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
    GString *out = g_string_new("turn on ");

    g_ptr_array_add(labels, vl_hyperv_label(feature));
    add_unmet(m, feature, labels);
    for (guint i = 0; i < labels->len; i++) {
        if (i > 0)
            g_string_append(out, i + 1 == labels->len ? " and " : ", ");
        g_string_append(out, g_ptr_array_index(labels, i));
    }
    return g_string_free(out, FALSE);
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

        if (sub->type != XML_ELEMENT_NODE || !vl_xml_attr_is(sub, "state", "on"))
            continue;
        f = vl_report_severity(report, VL_SEVERITY_WARNING, sub,
                               "<%s><%s state='on'/></%s> has no effect while <%s> is off: libvirt only "
                               "passes %s-%s to QEMU when %s itself is on; set <%s state='on'>",
                               parent, (const char *) sub->name, parent, parent, parent,
                               (const char *) sub->name, parent, parent);
        fix = fix_description(m, parent);
        vl_finding_set_fix(f, fix, "ensure", parent, NULL);
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    /* passthrough and host-model let QEMU pick a consistent set itself */
    if (!vl_model_hyperv_custom(m))
        return;

    for (gsize i = 0; i < vl_hyperv_edge_count; i++) {
        const VlHypervEdge *e = &vl_hyperv_edges[i];
        g_autofree char *needed = NULL, *advice = NULL, *fix = NULL;
        VlFinding *f;

        if (!vl_hyperv_enabled(m, e->feature) || vl_hyperv_enabled(m, e->requires))
            continue;
        needed = vl_hyperv_label(e->requires);
        if (is_clock(e->requires))
            advice = g_strdup("add <timer name='hypervclock' present='yes'/> to <clock>");
        else
            advice = g_strdup_printf("add <%s state='on'/> to <hyperv>", e->requires);
        f = vl_report(report, vl_model_hyperv_feature(m, e->feature),
                      "Hyper-V <%s> is on but %s is not: libvirt accepts this, but QEMU refuses to start "
                      "(\"Hyper-V %s requires Hyper-V %s\"); %s",
                      e->feature, needed, vl_hyperv_qemu_desc(e->feature), vl_hyperv_qemu_desc(e->requires),
                      advice);
        /* hyperv.xsl closes what is on under the same edges */
        fix = fix_description(m, e->requires);
        vl_finding_set_fix(f, fix, "ensure", "", NULL);
    }

    check_sub_features(m, report, "stimer");
    check_sub_features(m, report, "tlbflush");
}

const VlRule vl_rule_hyperv_dependency = {
    .id = "hyperv-dependency",
    .category = "hyperv",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An enabled Hyper-V enlightenment lacks a prerequisite, so QEMU will not start",
    .rationale =
        "QEMU checks Hyper-V enlightenments against a dependency table: synic needs vpindex; "
        "stimer needs synic and the hv-time clocksource (libvirt's hypervclock timer); tlbflush "
        "and ipi need vpindex; evmcs needs vapic. libvirt does not check these edges, so the "
        "domain defines fine and then fails at start with \"Hyper-V X requires Hyper-V Y\". "
        "Sub-features are different: <stimer><direct/></stimer> with stimer off is silently "
        "dropped by libvirt (reported as a warning). In passthrough and host-model modes QEMU "
        "chooses the set itself and this rule does not apply.",
    .sources = {
        "seed 000_25e44bcdb966edc1.txt (Hyper-V block with stimer, direct and hypervclock)",
        "seed 002_c2547094e3efdbf1.txt (enlightenment list)",
        "QEMU docs/system/i386/hyperv.rst",
        "QEMU target/i386/kvm/kvm.c (kvm_hyperv_properties dependencies)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .fixer = "hyperv",
    .example_bad = "<hyperv mode='custom'>\n  <stimer state='on'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <vpindex state='on'/>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n...\n<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
