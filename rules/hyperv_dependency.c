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
        if (sub->type != XML_ELEMENT_NODE || !vl_xml_attr_is(sub, "state", "on"))
            continue;
        vl_report_severity(report, VL_SEVERITY_WARNING, sub,
                           "<%s><%s state='on'/></%s> has no effect while <%s> is off: libvirt only "
                           "passes %s-%s to QEMU when %s itself is on; set <%s state='on'>",
                           parent, (const char *) sub->name, parent, parent, parent,
                           (const char *) sub->name, parent, parent);
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
        g_autofree char *needed = NULL, *advice = NULL;

        if (!vl_hyperv_enabled(m, e->feature) || vl_hyperv_enabled(m, e->requires))
            continue;
        needed = vl_hyperv_label(e->requires);
        if (is_clock(e->requires))
            advice = g_strdup("add <timer name='hypervclock' present='yes'/> to <clock>");
        else
            advice = g_strdup_printf("add <%s state='on'/> to <hyperv>", e->requires);
        vl_report(report, vl_model_hyperv_feature(m, e->feature),
                  "Hyper-V <%s> is on but %s is not: libvirt accepts this, but QEMU refuses to start "
                  "(\"Hyper-V %s requires Hyper-V %s\"); %s",
                  e->feature, needed, vl_hyperv_qemu_desc(e->feature), vl_hyperv_qemu_desc(e->requires),
                  advice);
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
    .example_bad = "<hyperv mode='custom'>\n  <stimer state='on'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <vpindex state='on'/>\n  <synic state='on'/>\n  <stimer state='on'/>\n</hyperv>\n...\n<clock offset='localtime'>\n  <timer name='hypervclock' present='yes'/>\n</clock>",
    .check = check,
};
