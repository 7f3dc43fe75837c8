/* schema: the document must validate against the RelaxNG schema of the
 * libvirt release it targets (lint/schema/schema.h chooses which).
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

#include "lint/engine/engine.h"
#include "lint/engine/registry.h"
#include "lint/schema/schema.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

#define MAX_VALIDATIONS 400
/* The most characters of names and value a headline shows inline
 * ("<timer>: tickpolicy='catchup'"); the rest of the headline takes at
 * most 56 of the 100 (" is not accepted by libvirt 12.8's schema"). */
#define INLINE_MAX 44

typedef struct {
    const VlSchemaChoice *choice; /* the engine's: its judge and target */
    VlSchema *schema;       /* the release that judges the parts */
    VlDocKind parts;        /* the grammar that judges them: a snapshot's parts are a domain's */
    xmlRelaxNGValidCtxtPtr ctxt;
    int budget;
    char *first_error;      /* of the last validation */
    int first_code;
    char *first_name;       /* its first argument: the element libxml2 expected */
    /* WARNING: the document is valid in the judge's schema and these
     * culprits are what only releases after SCHEMA know */
    bool newer_only;
    int culprits;           /* found, reported or not */
} Validator;

static void
on_error(void *data, VlXmlError err)
{
    Validator *v = data;

    /* mutate: skip[drop-and@28,drop-and@35] — libxml2's RelaxNG validator always hands its structured handler its own error record with the message it formatted (xmlRelaxNGValidErr -> __xmlRaiseError); ERR and its message are tested only against a NULL that libxml2 does not pass */
    if (!v->first_error && err && err->message) {
        v->first_error = g_strstrip(g_strdup(err->message));
        v->first_code = err->code;
        v->first_name = g_strdup(err->str1);
    }
}

static bool
validate(Validator *v, xmlDocPtr doc)
{
    g_clear_pointer(&v->first_error, g_free);
    g_clear_pointer(&v->first_name, g_free);
    /* mutate: skip[const+1] — first_code is read only after a failed validation, and libxml2 reports an error for each failure, which on_error records (first_error is cleared just above) */
    v->first_code = 0;
    v->budget--;
    return xmlRelaxNGValidateDoc(v->ctxt, doc) == 0;
}

/* S's domain schema accepts DOC (an isolated part); it costs the budget. */
static bool
accepts(Validator *v, VlSchema *s, xmlDocPtr doc)
{
    xmlRelaxNGPtr grammar = vl_schema_grammar(s, v->parts);

    v->budget--;
    /* mutate: skip[drop-and@12] — S is always a shipped release here (the newest, or one between it and the judge), and shipped grammars compile (tests/schema_releases.sh), so GRAMMAR is never NULL */
    return grammar && vl_schema_grammar_accepts(grammar, doc);
}

/* The first shipped release after V's that accepts DOC (an isolated part),
 * or NULL: what a construct the judge refuses needs.  The newest is asked
 * first: what it refuses (blog syntax that never was libvirt's) no release
 * accepts, and each schema asked costs a compile. */
static VlSchema *
first_release_accepting(Validator *v, xmlDocPtr doc)
{
    VlSchema *newest = vl_schema_newer(v->schema) ? vl_schema_newest(v->schema) : NULL;

    if (!newest || v->budget <= 0 || !accepts(v, newest, doc))
        return NULL;
    for (VlSchema *s = vl_schema_newer(v->schema); s != newest && v->budget > 0; s = vl_schema_newer(s))
        if (accepts(v, s, doc))
            return s;
    return newest;
}

static const char *
target_name(const Validator *v, char *buf, gsize size)
{
    unsigned t = v->choice->target;

    if (t % 1000u)
        return vl_version_format(t, buf, size);
    g_snprintf(buf, size, "%u.%u", t / 1000000u, t / 1000u % 1000u);
    return buf;
}

/* What is wrong with a subject: a name the schema lacks, a value it does
 * not accept, or a construct it does not allow as written. */
typedef enum {
    LACKS_NAME,
    REFUSES_VALUE,
    REFUSES_FORM,
} Wrong;

/* What a schema is called in a headline: "libvirt 9.0's schema", or, for a
 * --schema file (whose path can be long), "the --schema file". */
static const char *
short_label(VlSchema *schema)
{
    return vl_schema_release_name(schema) ? vl_schema_label(schema) : "the --schema file";
}

/* The notes every finding judged by SCHEMA has: the file's path when it is
 * a --schema file. */
static void
note_schema(VlFinding *f, VlSchema *schema)
{
    if (!vl_schema_release_name(schema))
        vl_finding_note(f, "judged by %s", vl_schema_label(schema));
}

/* Report SUBJECT ("<topology>: attribute clusters=") at NODE, with DETAIL
 * (a note, or NULL).  DOC is the isolated part it sits in, to ask newer
 * releases about. */
static void
report_subject(Validator *v, VlReport *report, xmlNodePtr node, xmlDocPtr doc, const char *subject,
               const char *detail, Wrong wrong)
{
    static const char *const is_not[] = { "is not in", "is not accepted by", "is not valid in" };
    static const char *const is[] = { "it is in", "it is accepted by", "it is valid in" };
    char target[32];
    VlSchema *newer;
    VlFinding *f;

    v->culprits++;
    if (v->newer_only) {
        /* the judge's error on the same element says more */
        for (guint i = 0; i < report->findings->len; i++) {
            const VlFinding *other = g_ptr_array_index(report->findings, i);
            if (other->rule == report->rule && other->node == node)
                return;
        }
        target_name(v, target, sizeof(target));
        f = vl_report_severity(report, VL_SEVERITY_WARNING, node, "%s may be newer than libvirt %s", subject,
                               target);
        if (detail)
            vl_finding_note(f, "%s", detail);
        vl_finding_note(f, "it is in libvirt %s's schema but not %s's; this file targets %s, between them",
                        vl_schema_release_name(v->choice->judge), vl_schema_release_name(v->schema), target);
        return;
    }
    f = vl_report(report, node, "%s %s %s", subject, is_not[wrong], short_label(v->schema));
    if (detail)
        vl_finding_note(f, "%s", detail);
    note_schema(f, v->schema);
    /* a schema file (no target) has no newer release: NULL here */
    if ((newer = first_release_accepting(v, doc)))
        vl_finding_note(f, "%s libvirt %s's schema; this file targets %s", is[wrong], vl_schema_release_name(newer),
                        target_name(v, target, sizeof(target)));
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

/* An attribute is the culprit: its name is unknown, or its value is not one
 * the schema accepts there. */
static void
report_attribute(Validator *v, VlReport *report, xmlDocPtr doc, xmlNodePtr orig, const char *name, const char *value)
{
    g_autofree char *subject = NULL;
    g_autofree char *detail = NULL;
    g_autofree char *shown = g_strndup(value ? value : "", 40);

    if (vl_schema_knows_name(v->schema, v->parts, name, true)) {
        /* a long value goes to a note, to keep the headline short */
        if (strlen((const char *) orig->name) + strlen(name) + strlen(shown) <= INLINE_MAX)
            subject = g_strdup_printf("<%s>: %s='%s'", (const char *) orig->name, name, shown);
        else {
            subject = g_strdup_printf("<%s>: the value of %s=", (const char *) orig->name, name);
            detail = g_strdup_printf("the value is '%s'", shown);
        }
        report_subject(v, report, orig, doc, subject, detail, REFUSES_VALUE);
    } else {
        subject = g_strdup_printf("<%s>: attribute %s=", (const char *) orig->name, name);
        report_subject(v, report, orig, doc, subject, NULL, LACKS_NAME);
    }
}

/* The element itself is the culprit (no attribute or child alone is):
 * unknown, misplaced, missing required content, or a value not accepted.
 * CODE and EXPECTED are libxml2's first error on the isolated part. */
static void
report_element(Validator *v, VlReport *report, xmlDocPtr doc, xmlNodePtr orig, int code, const char *expected)
{
    const char *name = (const char *) orig->name;
    /* ORIG is below the root, or the root of a document other than a domain,
     * whose name its grammar knows */
    const char *parent = orig->parent->type == XML_ELEMENT_NODE ? (const char *) orig->parent->name : "";
    g_autofree char *subject = NULL;
    g_autofree char *detail = NULL;
    char text[128];

    if (!vl_schema_knows_name(v->schema, v->parts, name, false)) {
        subject = g_strdup_printf("<%s> in <%s>: the element", name, parent);
        report_subject(v, report, orig, doc, subject, NULL, LACKS_NAME);
    } else if (!xmlFirstElementChild(orig) && *vl_xml_text(orig, text, sizeof(text))) {
        g_autofree char *shown = g_strndup(text, 40);

        if (strlen(name) + strlen(shown) <= INLINE_MAX)
            subject = g_strdup_printf("<%s>: value '%s'", name, shown);
        else {
            subject = g_strdup_printf("<%s>: its value", name);
            detail = g_strdup_printf("the value is '%s'", shown);
        }
        report_subject(v, report, orig, doc, subject, detail, REFUSES_VALUE);
        /* mutate: skip[drop-and@50] — libxml2 raises XML_RELAXNG_ERR_NOELEM with the missing element's name as its first argument; the one element of libvirt's shipped schemas without a name (customElement, anyName) is only ever under zeroOrMore in every release (a --schema file is one of them), never required, so EXPECTED is not NULL with that code */
    } else if (code == XML_RELAXNG_ERR_NOELEM && expected && !v->newer_only) {
        VlFinding *f;

        v->culprits++;
        f = vl_report(report, orig, "<%s>: lacks <%s>, which %s requires", name, expected, short_label(v->schema));
        vl_finding_help(f, "add <%s> to <%s>", expected, name);
        note_schema(f, v->schema);
    } else {
        /* libxml2 does not say which attribute value it refused when no
         * attribute alone can go (a required one): show them all */
        g_autoptr(GString) tag = g_string_new(NULL);

        g_string_append_printf(tag, "<%s", name);
        for (xmlAttrPtr a = orig->properties; a && tag->len < 60; a = a->next) {
            g_autofree char *value = (char *) xmlNodeGetContent((xmlNodePtr) a);
            g_string_append_printf(tag, " %s='%.30s'", (const char *) a->name, value ? value : "");
        }
        g_string_append(tag, ">");
        if (orig->properties) {
            subject = g_strdup_printf("<%s>: as written, it", name);
            detail = g_strdup_printf("as written: %s", tag->str);
        } else {
            subject = g_strdup_printf("<%s>: here, it", name);
        }
        report_subject(v, report, orig, doc, subject, detail, REFUSES_FORM);
    }
}

/* Where a child was in its parent's list of children, to put it back.
 * Children taken out must be put back in the reverse order. */
typedef struct {
    xmlNodePtr prev, next;
} Gap;

static Gap
take_out(xmlNodePtr parent, xmlNodePtr child)
{
    Gap gap = { child->prev, child->next };

    if (gap.prev) gap.prev->next = gap.next; else parent->children = gap.next;
    if (gap.next) gap.next->prev = gap.prev; else parent->last = gap.prev;
    return gap;
}

static void
put_back(xmlNodePtr parent, xmlNodePtr child, Gap gap)
{
    if (gap.prev) gap.prev->next = child; else parent->children = child;
    if (gap.next) gap.next->prev = child; else parent->last = child;
}

/* ORIG's child at the position CHILD has among COPY's children. */
static xmlNodePtr
counterpart(xmlNodePtr copy, xmlNodePtr orig, xmlNodePtr child)
{
    xmlNodePtr o = orig->children;

    /* CHILD is among COPY's children, as many as ORIG's */
    for (xmlNodePtr c = copy->children; c != child; c = c->next)
        o = o->next;
    return o;
}

static xmlNodePtr
next_element(xmlNodePtr node)
{
    while (node && node->type != XML_ELEMENT_NODE)
        node = node->next;
    return node;
}

/* Whether DOC validates without ATTR of ELEMENT: ATTR is unlinked, the
 * document tested, and ATTR put back where it was. */
static bool
valid_without_attribute(Validator *v, xmlDocPtr doc, xmlNodePtr element, xmlAttrPtr attr)
{
    xmlAttrPtr prev = attr->prev, next = attr->next;
    bool fixed;

    if (prev) prev->next = next; else element->properties = next;
    if (next) next->prev = prev;
    fixed = validate(v, doc);
    if (prev) prev->next = attr; else element->properties = attr;
    if (next) next->prev = attr;
    return fixed;
}

/* In the isolated DOC, COPY mirrors ORIG.  Find what in it breaks validity:
 * an attribute, a child (recursively), two children, or the element itself. */
static void
narrow(Validator *v, VlReport *report, xmlDocPtr doc, xmlNodePtr copy, xmlNodePtr orig, int code,
       const char *expected)
{
    for (xmlAttrPtr attr = copy->properties; attr && v->budget > 0; attr = attr->next) {
        g_autofree char *name = g_strdup((const char *) attr->name);
        g_autofree char *value = (char *) xmlNodeGetContent((xmlNodePtr) attr);

        if (valid_without_attribute(v, doc, copy, attr)) {
            report_attribute(v, report, doc, orig, name, value);
            return;
        }
    }
    for (xmlNodePtr child = next_element(copy->children); child && v->budget > 0;
         child = next_element(child->next)) {
        Gap gap = take_out(copy, child);
        bool fixed = validate(v, doc);

        put_back(copy, child, gap);
        if (fixed) {
            narrow(v, report, doc, child, counterpart(copy, orig, child), code, expected);
            return;
        }
    }
    /* Two culprits hide each other from single removals (<os> with both
     * <loader format=> and <nvram format=>, from libvirt 9.2): try pairs. */
    /* (the inner loop stops when the budget runs out, before validating) */
    for (xmlNodePtr a = next_element(copy->children); a; a = next_element(a->next)) {
        for (xmlNodePtr b = next_element(a->next); b && v->budget > 0; b = next_element(b->next)) {
            xmlNodePtr oa = counterpart(copy, orig, a), ob = counterpart(copy, orig, b);
            Gap ga = take_out(copy, a), gb = take_out(copy, b);
            bool fixed = validate(v, doc);

            put_back(copy, b, gb);
            if (!fixed) {
                put_back(copy, a, ga);
                continue;
            }
            narrow(v, report, doc, b, ob, code, expected);     /* a out */
            put_back(copy, a, ga);
            gb = take_out(copy, b);
            narrow(v, report, doc, a, oa, code, expected);     /* b out */
            put_back(copy, b, gb);
            return;
        }
    }
    report_element(v, report, doc, orig, code, expected);
}

/* Test ORIG (a top-level element, or a device when DEVICE is set) alone. */
static bool
test_part(Validator *v, VlReport *report, xmlNodePtr orig, bool device)
{
    xmlNodePtr copy = NULL;
    xmlDocPtr doc = isolate(device ? NULL : orig, device ? orig : NULL, &copy);
    bool valid = validate(v, doc);

    if (!valid && v->budget > 0) {
        int code = v->first_code;
        g_autofree char *expected = g_strdup(v->first_name);

        narrow(v, report, doc, copy, orig, code, expected);
    }
    xmlFreeDoc(doc);
    return valid;
}

static void
find_culprits(Validator *v, const VlModel *m, VlReport *report, int whole_code, const char *whole_expected)
{
    xmlNodePtr at = m->snapshot ? m->snapshot : m->root;
    VlFinding *f;

    /* mutate: skip[drop-and@53,rel:>=,const+1] — a part tested once the budget is spent is validated but never narrowed nor reported (test_part narrows only with budget left after its own test, and culprits stays unchanged), so the output is the same; the test only bounds the work */
    for (xmlNodePtr top = m->root->children; top && v->budget > 0; top = top->next) {
        if (top->type != XML_ELEMENT_NODE)
            continue;
        if (vl_xml_is(top, "devices")) {
            /* mutate: skip[drop-and@57,rel:>=,const+1] — as for the loop above: a device tested once the budget is spent reports nothing */
            for (xmlNodePtr dev = top->children; dev && v->budget > 0; dev = dev->next) {
                if (dev->type == XML_ELEMENT_NODE)
                    test_part(v, report, dev, true);
            }
        } else {
            test_part(v, report, top, false);
        }
    }
    if (v->culprits)
        return;
    /* Every part is fine alone: the problem is in how they combine (one
     * missing, one repeated) or in <domain>'s own attributes. */
    /* mutate: skip[drop-and@49] — as in report_element: NOELEM always names the missing element in libvirt's shipped schemas, so WHOLE_EXPECTED is set with that code */
    if (whole_code == XML_RELAXNG_ERR_NOELEM && whole_expected) {
        f = vl_report_severity(report, v->newer_only ? VL_SEVERITY_WARNING : report->rule->severity, at,
                               "<%s>: lacks <%s>, which %s requires", (const char *) at->name, whole_expected,
                               short_label(v->schema));
        vl_finding_help(f, "add <%s> to <%s>", whole_expected, (const char *) at->name);
    } else {
        f = vl_report_severity(report, v->newer_only ? VL_SEVERITY_WARNING : report->rule->severity, at,
                               "<%s>: not valid in %s as a whole", (const char *) at->name, short_label(v->schema));
        vl_finding_note(f, "each part is valid, but not together (one repeated, or an attribute of <%s>)",
                        (const char *) at->name);
    }
    note_schema(f, v->schema);
}

/* The deepest element under COPY (in DOC, mirroring ORIG) whose removal
 * makes DOC valid (or, failing that, whose attribute's removal does),
 * narrowed down and reported; false when there is none.
 * Deepest first: removing <target> from a pool cannot help (it is
 * required), removing the <mode> inside it can. */
static bool
search_whole(Validator *v, VlReport *report, xmlDocPtr doc, xmlNodePtr copy, xmlNodePtr orig, int code,
             const char *expected)
{
    for (xmlNodePtr child = next_element(copy->children); child && v->budget > 0;
         child = next_element(child->next)) {
        if (search_whole(v, report, doc, child, counterpart(copy, orig, child), code, expected))
            return true;
    }
    /* an attribute, where removing the element cannot help (a required one) */
    for (xmlAttrPtr attr = copy->properties; attr && v->budget > 0; attr = attr->next) {
        g_autofree char *value = (char *) xmlNodeGetContent((xmlNodePtr) attr);

        if (valid_without_attribute(v, doc, copy, attr)) {
            report_attribute(v, report, doc, orig, (const char *) attr->name, value);
            return true;
        }
    }
    if (copy->parent->type == XML_ELEMENT_NODE && v->budget > 0) {
        xmlNodePtr parent = copy->parent;
        Gap gap = take_out(parent, copy);
        bool fixed = validate(v, doc);

        put_back(parent, copy, gap);
        if (fixed) {
            narrow(v, report, doc, copy, orig, code, expected);
            return true;
        }
    }
    return false;
}

/* A document other than a domain (a network, a pool...) is small and its
 * grammar has no minimal document to isolate parts in: its culprit is
 * looked for in a copy of the whole, else the root's attributes and
 * children are narrowed down as an isolated part's are. */
static void
find_culprits_whole(Validator *v, const VlModel *m, VlReport *report, int whole_code, const char *whole_expected)
{
    xmlDocPtr copy = xmlCopyDoc(m->doc->doc, 1);
    xmlNodePtr root = xmlDocGetRootElement(copy);

    if (!search_whole(v, report, copy, root, m->root, whole_code, whole_expected))
        narrow(v, report, copy, root, m->root, whole_code, whole_expected);
    xmlFreeDoc(copy);
}

/* Validate the document against SCHEMA; when it fails, report the culprits
 * (NEWER_ONLY: as constructs newer than SCHEMA).  True when valid. */
static bool
judge_with(const VlModel *m, VlReport *report, VlSchema *schema, bool newer_only)
{
    VlDocKind kind = m->doc->kind;
    bool domain_parts = kind == VL_DOC_DOMAIN || kind == VL_DOC_SNAPSHOT;
    xmlRelaxNGPtr whole = vl_schema_grammar(schema, kind);
    Validator v = { .choice = &m->engine->schema, .schema = schema, .budget = MAX_VALIDATIONS,
                    .newer_only = newer_only, .parts = domain_parts ? VL_DOC_DOMAIN : kind };
    bool valid;

    if (!whole)
        return true;
    v.ctxt = xmlRelaxNGNewValidCtxt(whole);
    xmlRelaxNGSetValidStructuredErrors(v.ctxt, on_error, &v);
    valid = validate(&v, m->doc->doc);
    if (!valid && !domain_parts) {
        int whole_code = v.first_code;
        g_autofree char *whole_expected = g_strdup(v.first_name);

        find_culprits_whole(&v, m, report, whole_code, whole_expected);
    } else if (!valid) {
        xmlRelaxNGPtr domain = vl_schema_domain(schema);
        /* A snapshot is checked against domainsnapshot.rng; its culprits
         * are then looked for in the embedded domain, with the domain
         * schema. */
        int whole_code = v.first_code;
        g_autofree char *whole_expected = g_strdup(v.first_name);

        if (domain != whole) {
            xmlRelaxNGFreeValidCtxt(v.ctxt);
            v.ctxt = domain ? xmlRelaxNGNewValidCtxt(domain) : NULL;
            if (v.ctxt)
                xmlRelaxNGSetValidStructuredErrors(v.ctxt, on_error, &v);
        }
        if (v.ctxt)
            find_culprits(&v, m, report, whole_code, whole_expected);
        else
            note_schema(vl_report(report, m->snapshot, "<%s>: the snapshot is not valid in %s",
                                  (const char *) m->snapshot->name, short_label(schema)),
                        schema);
    }
    g_free(v.first_error);
    g_free(v.first_name);
    if (v.ctxt)
        xmlRelaxNGFreeValidCtxt(v.ctxt);
    return valid;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlSchemaChoice *choice = &m->engine->schema;
    VlSchemaCache *cache = vl_context_schema_cache(m->engine->context);
    VlSchema *judge = choice->judge, *older = choice->older;
    bool valid;

    /* the common case, and the cheap one: these bytes passed before */
    /* mutate: skip[guard,drop-or@9,drop-or@19] — the cache holds only documents that validated against the same schemas (vl_schema_remember_valid below; its key is the judge and older release), which validate again without a finding, so skipping it only saves the work; and the engine chooses its schema when the schema rule is enabled (vl_engine_init), so JUDGE is not NULL while the rule runs */
    if (!judge || vl_schema_known_valid(cache, choice, m->doc))
        return;
    /* A machine type from a newer QEMU than the target's says the target
     * is wrong (machine-type-newer-than-target says so once): judge by the
     * newest release, which still reports what no release accepts, rather
     * than cascade over every construct newer than the target. */
    if (vl_model_machine_newer_than_target(m) && vl_schema_release_name(judge)) {
        judge_with(m, report, vl_schema_newest(judge), false);
        return;
    }
    valid = judge_with(m, report, judge, false);
    /* the target lies between two shipped releases: what the older one
     * does not know may be newer than the target too */
    if (!judge_with(m, report, older, true)) /* no older: NULL grammar, valid */
        valid = false;
    if (valid)
        vl_schema_remember_valid(cache, choice, m->doc);
}

const VlRule vl_rule_schema = {
    .id = "schema",
    .category = "schema",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A libvirt document must validate against libvirt's RelaxNG schema for its kind",
    .rationale =
        "libvirt's schema (domain.rng) is the grammar of domain XML. `virsh define --validate` "
        "and virt-xml refuse a document that does not validate, and a plain `virsh define` "
        "silently drops what it does not understand: advice copied from a blog that is not "
        "libvirt syntax (such as `<kvm hidden='yes'/>` or `<os smbios='sysinfo'>`) then does "
        "nothing. The grammar grows with every release (libvirt 9.1 added the itco watchdog, "
        "9.2 format= on <loader>, 10.1 clusters= on <topology>), so virtlint ships the schemas "
        "of libvirt 9.0 (Debian 12), 9.8, 11.3 (Debian 13) and 12.8 (Debian unstable) and judges "
        "a file by the nearest one not older than the release it targets (--libvirt-version, "
        "else the libvirt installed on the machine). A construct that release lacks is an "
        "error that says which newer shipped release has it; where the target lies between "
        "two shipped releases, what only the newer one has is a warning, since it may have "
        "appeared after the target. --schema PATH judges by one schema file instead. "
        "libxml2's own RelaxNG messages rarely say where the problem is, so virtlint narrows "
        "each one down to the element or attribute responsible. Networks, storage pools and "
        "volumes, nwfilters, secrets, node devices, interfaces, checkpoints and backups are "
        "judged by their own schema (network.rng, storagepool.rng, ...) of the same release; "
        "this is the only rule that runs on them.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (writes <kvm hidden='yes'/> and <os smbios='sysinfo'>)",
        "https://libvirt.org/formatdomain.html",
        "libvirt src/conf/schemas/domain.rng (and network.rng, storagepool.rng, ...)",
    },
    .fix = VL_FIX_NONE,
    .documents = VL_DOCS_ALL,
    .example_bad = "<features>\n  <kvm hidden='yes'/>\n</features>",
    .example_good = "<features>\n  <kvm>\n    <hidden state='on'/>\n  </kvm>\n</features>",
    .check = check,
};
