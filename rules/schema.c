/* schema: the document must validate against libvirt's RelaxNG schema.
 *
 * libxml2 reports RelaxNG failures inside <interleave> groups (most of
 * libvirt's schema) vaguely: "Extra element devices in interleave", without
 * saying what inside <devices> is wrong.  So when a document fails, virtlint
 * finds the culprits itself by validating small documents: a minimal valid
 * domain plus one top-level element (or one device) copied from the input.
 * A part that fails alone is then narrowed down by dropping one attribute or
 * child at a time until the small document validates.  Testing parts in
 * isolation keeps independent problems from hiding each other.  The input
 * tree is never modified, and a budget bounds the work. */
#include <string.h>

#include <libxml/relaxng.h>

#include "lint/registry.h"
#include "lint/schema.h"
#include "lint/xml.h"

#define MAX_VALIDATIONS 400

typedef struct {
    xmlRelaxNGValidCtxtPtr ctxt;
    int budget;
    char *first_error;      /* of the last validation */
} Validator;

static void
on_error(void *data, xmlErrorPtr err)
{
    Validator *v = data;

    if (!v->first_error && err && err->message)
        v->first_error = g_strstrip(g_strdup(err->message));
}

static bool
validate(Validator *v, xmlDocPtr doc)
{
    g_clear_pointer(&v->first_error, g_free);
    v->budget--;
    return xmlRelaxNGValidateDoc(v->ctxt, doc) == 0;
}

/* A minimal valid domain; TOP (a copy, or NULL) is added, replacing the
 * stand-in of the same name.  Returns the document; *copy_out is TOP's copy. */
static xmlDocPtr
isolate(xmlNodePtr top, xmlNodePtr device, xmlNodePtr *copy_out)
{
    static const char *const required[] = { "name", "memory", "os" };
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlNewDocNode(doc, NULL, BAD_CAST "domain", NULL);
    bool top_is_plain = top && !top->ns;

    xmlDocSetRootElement(doc, root);
    xmlNewProp(root, BAD_CAST "type", BAD_CAST "kvm");
    for (gsize i = 0; i < G_N_ELEMENTS(required); i++) {
        if (top_is_plain && xmlStrEqual(top->name, BAD_CAST required[i]))
            continue;
        if (strcmp(required[i], "os") == 0)
            xmlNewChild(xmlNewChild(root, NULL, BAD_CAST "os", NULL), NULL, BAD_CAST "type", BAD_CAST "hvm");
        else
            xmlNewChild(root, NULL, BAD_CAST required[i], BAD_CAST(strcmp(required[i], "name") == 0 ? "virtlint" : "1048576"));
    }
    if (device) {
        xmlNodePtr devices = xmlNewChild(root, NULL, BAD_CAST "devices", NULL);
        *copy_out = xmlAddChild(devices, xmlDocCopyNode(device, doc, 1));
    } else if (top) {
        *copy_out = xmlAddChild(root, xmlDocCopyNode(top, doc, 1));
    }
    return doc;
}

/* In the isolated DOC, COPY mirrors ORIG.  Find what in it breaks validity:
 * an attribute, a child (recursively), or the element itself. */
static void
narrow(Validator *v, VlReport *report, xmlDocPtr doc, xmlNodePtr copy, xmlNodePtr orig, const char *why)
{
    xmlNodePtr ochild = orig->children;

    for (xmlAttrPtr attr = copy->properties; attr && v->budget > 0; attr = attr->next) {
        g_autofree char *name = g_strdup((const char *) attr->name);
        g_autofree char *value = (char *) xmlNodeGetContent((xmlNodePtr) attr);
        xmlAttrPtr prev = attr->prev, next = attr->next;
        bool fixed;

        /* unlink, test, relink */
        if (prev) prev->next = next; else copy->properties = next;
        if (next) next->prev = prev;
        fixed = validate(v, doc);
        if (prev) prev->next = attr; else copy->properties = attr;
        if (next) next->prev = attr;
        if (fixed) {
            vl_report(report, orig,
                      "attribute %s='%s' on <%s> is not valid in libvirt's schema: an unknown attribute "
                      "or a value it does not accept",
                      name, value ? value : "", (const char *) orig->name);
            return;
        }
    }
    for (xmlNodePtr child = copy->children; child && v->budget > 0; child = child->next, ochild = ochild->next) {
        xmlNodePtr prev = child->prev, next = child->next;
        bool fixed;

        if (child->type != XML_ELEMENT_NODE)
            continue;
        if (prev) prev->next = next; else copy->children = next;
        if (next) next->prev = prev; else copy->last = prev;
        fixed = validate(v, doc);
        if (prev) prev->next = child; else copy->children = child;
        if (next) next->prev = child; else copy->last = child;
        if (fixed) {
            narrow(v, report, doc, child, ochild, why);
            return;
        }
    }

    {
        char text[128];
        if (!xmlFirstElementChild(orig) && *vl_xml_text(orig, text, sizeof(text)))
            vl_report(report, orig, "<%s> is not valid in libvirt's schema: the value '%s' is not accepted, "
                      "or the element is not allowed here (%s)", (const char *) orig->name, text, why);
        else
            vl_report(report, orig, "<%s> is not valid in libvirt's schema: an unknown element, one in the "
                      "wrong place, or missing or invalid content (%s)", (const char *) orig->name, why);
    }
}

/* Test ORIG (a top-level element, or a device when DEVICE is set) alone. */
static bool
test_part(Validator *v, VlReport *report, xmlNodePtr orig, bool device)
{
    xmlNodePtr copy = NULL;
    xmlDocPtr doc = isolate(device ? NULL : orig, device ? orig : NULL, &copy);
    bool valid = validate(v, doc);

    if (!valid && v->budget > 0) {
        g_autofree char *why = g_strdup(v->first_error ? v->first_error : "invalid");
        narrow(v, report, doc, copy, orig, why);
    }
    xmlFreeDoc(doc);
    return valid;
}

static void
find_culprits(Validator *v, const VlModel *m, VlReport *report, const char *whole_error)
{
    guint before = report->findings->len;

    for (xmlNodePtr top = m->root->children; top && v->budget > 0; top = top->next) {
        if (top->type != XML_ELEMENT_NODE)
            continue;
        if (vl_xml_is(top, "devices")) {
            for (xmlNodePtr dev = top->children; dev && v->budget > 0; dev = dev->next) {
                if (dev->type == XML_ELEMENT_NODE)
                    test_part(v, report, dev, true);
            }
        } else {
            test_part(v, report, top, false);
        }
    }
    if (report->findings->len == before) {
        /* Every part is fine alone: the problem is in how they combine (or
         * in <domain>'s own attributes). */
        vl_report(report, m->snapshot ? m->snapshot : m->root, "the %s does not validate against libvirt's schema (%s)",
                  m->snapshot ? "snapshot" : "domain", whole_error);
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    /* A snapshot is checked against domainsnapshot.rng; its culprits are
     * then looked for in the embedded domain, with the domain schema. */
    xmlRelaxNGPtr schema;
    Validator v = { .budget = MAX_VALIDATIONS };

    /* the common case, and the cheap one: these bytes validated before */
    if (vl_schema_known_valid(m->doc))
        return;
    schema = m->snapshot ? vl_schema_snapshot() : vl_schema_current();
    if (!schema)
        return;
    v.ctxt = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(v.ctxt, on_error, &v);
    if (validate(&v, m->doc->doc)) {
        vl_schema_remember_valid(m->doc);
    } else {
        g_autofree char *whole_error = g_steal_pointer(&v.first_error);
        xmlRelaxNGPtr domain_schema = m->snapshot ? vl_schema_current() : schema;

        if (!whole_error)
            whole_error = g_strdup("invalid");
        if (domain_schema != schema) {
            xmlRelaxNGFreeValidCtxt(v.ctxt);
            v.ctxt = domain_schema ? xmlRelaxNGNewValidCtxt(domain_schema) : NULL;
            if (v.ctxt)
                xmlRelaxNGSetValidStructuredErrors(v.ctxt, on_error, &v);
        }
        if (v.ctxt)
            find_culprits(&v, m, report, whole_error);
        else
            vl_report(report, m->snapshot, "the snapshot does not validate against libvirt's schema (%s)", whole_error);
    }
    g_free(v.first_error);
    if (v.ctxt)
        xmlRelaxNGFreeValidCtxt(v.ctxt);
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
        "(/usr/share/libvirt/schemas/domain.rng), which also catches syntax newer than the "
        "installed libvirt; --schema chooses another. libxml2's own RelaxNG messages rarely say "
        "where the problem is, so virtlint narrows each one down to the element or attribute "
        "responsible.",
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
