/* schema: the document must validate against libvirt's RelaxNG schema. */
#include <string.h>

#include <libxml/relaxng.h>

#include "lint/registry.h"
#include "lint/schema.h"
#include "lint/xml.h"

typedef struct {
    VlReport *report;
    GHashTable *seen;   /* "line\tmessage", so one problem is reported once */
} SchemaErrors;

static void
on_schema_error(void *data, xmlErrorPtr err)
{
    SchemaErrors *errors = data;
    xmlNodePtr node = err->node;
    g_autofree char *message = g_strstrip(g_strdup(err->message ? err->message : "invalid"));
    g_autofree char *key = NULL;
    int line = err->line;

    if (node && node->type == XML_ELEMENT_NODE)
        line = vl_xml_line(node);
    else
        node = NULL;
    key = g_strdup_printf("%d\t%s", line, message);
    if (!g_hash_table_add(errors->seen, g_steal_pointer(&key)))
        return;
    vl_report_at(errors->report, VL_SEVERITY_ERROR, node, line,
                 node ? vl_document_column(errors->report->doc, node) : 0,
                 message);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlRelaxNGPtr schema = vl_schema_current();
    xmlRelaxNGValidCtxtPtr ctxt;
    SchemaErrors errors = { .report = report };
    guint before = report->findings->len;
    int rc;

    if (!schema)
        return;
    errors.seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(ctxt, on_schema_error, &errors);
    rc = xmlRelaxNGValidateDoc(ctxt, m->doc->doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    g_hash_table_unref(errors.seen);

    if (rc != 0 && report->findings->len == before)
        vl_report_at(report, VL_SEVERITY_ERROR, m->root, vl_xml_line(m->root), 0,
                     "does not validate against libvirt's schema");
}

const VlRule vl_rule_schema = {
    .id = "schema",
    .category = "schema",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The domain XML must validate against libvirt's RelaxNG schema",
    .rationale =
        "libvirt's schema (domain.rng) is the grammar of domain XML. `virsh define --validate` "
        "and virt-xml refuse a document that does not validate, and a plain `virsh define` "
        "silently drops what it does not understand: advice copied from a blog that is not "
        "libvirt syntax (such as `<kvm hidden='yes'/>` or `<os smbios='sysinfo'>`) then does "
        "nothing. By default the schema libvirt installs is used "
        "(/usr/share/libvirt/schemas/domain.rng); --schema chooses another, for instance the "
        "one of the libvirt version a host runs.",
    .sources = {
        "seed 002_c2547094e3efdbf1.txt (writes <kvm hidden='yes'/> and <os smbios='sysinfo'>)",
        "https://libvirt.org/formatdomain.html",
        "libvirt src/conf/schemas/domain.rng",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<features>\n  <kvm hidden='yes'/>\n</features>",
    .example_good = "<features>\n  <kvm>\n    <hidden state='on'/>\n  </kvm>\n</features>",
    .check = check,
};
