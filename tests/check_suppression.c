/* Unit tests for writing suppressions (lint/fix/suppression.h): where each
 * shape of finding gets its comment or metadata, and that the engine then
 * reads them as silencing exactly those findings. */
#include "check_util.h"

#include <string.h>

#include "lint/engine/engine.h"
#include "lint/engine/registry.h"
#include "lint/engine/rule.h"
#include "lint/fix/suppression.h"
#include "lint/load/document.h"

/* The first element named NAME in document order (any depth). */
static xmlNodePtr
find(xmlNodePtr node, const char *name)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        xmlNodePtr hit;

        if (n->type == XML_ELEMENT_NODE && strcmp((const char *) n->name, name) == 0)
            return n;
        if (n->type == XML_ELEMENT_NODE && (hit = find(n->children, name)))
            return hit;
    }
    return NULL;
}

static VlFinding *
finding(const char *rule, xmlNodePtr node)
{
    VlFinding *f = g_new0(VlFinding, 1);

    f->rule = vl_registry_find(rule);
    ck_assert_msg(f->rule != NULL, "no rule %s", rule);
    f->node = node;
    f->message = g_strdup("m");
    return f;
}

/* TEXT with the suppressions for FINDINGS in FORM applied. */
static char *
apply(VlDocument *doc, GPtrArray *findings, VlSuppressForm form, const char *reason)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) edits = vl_suppression_edits(doc, findings, form, reason, &error);
    gsize len;

    ck_assert_msg(edits != NULL, "edits: %s", error ? error->message : "?");
    return vl_edits_apply(doc->data, doc->len, edits, &len);
}

static GPtrArray *
findings_new(void)
{
    return g_ptr_array_new_with_free_func((GDestroyNotify) vl_finding_free);
}

START_TEST(test_element_comment_indented_and_merged)
{
    const char *text = "<domain type='kvm'>\r\n  <name>t</name>\r\n  <devices>\r\n    <watchdog model='itco'/>"
                       "\r\n  </devices>\r\n</domain>\r\n";
    g_autoptr(VlDocument) doc = vl_check_parse(text);
    g_autoptr(GPtrArray) fs = findings_new();
    xmlNodePtr wd = find(doc->doc->children, "watchdog");
    g_autofree char *out = NULL;

    g_ptr_array_add(fs, finding("watchdog-model-invalid", wd));
    g_ptr_array_add(fs, finding("watchdog-action-shutdown", wd));
    g_ptr_array_add(fs, finding("watchdog-model-invalid", wd)); /* listed once */
    out = apply(doc, fs, VL_SUPPRESS_COMMENT, "lab host");
    ck_assert_str_eq(out, "<domain type='kvm'>\r\n  <name>t</name>\r\n  <devices>\r\n"
                          "    <!-- virtlint-disable watchdog-model-invalid, watchdog-action-shutdown: lab host -->\r\n"
                          "    <watchdog model='itco'/>\r\n  </devices>\r\n</domain>\r\n");
}
END_TEST

START_TEST(test_existing_comment_gains_rules)
{
    const char *text = "<domain>\n  <devices>\n    <!-- virtlint-disable watchdog-model-invalid: why -->\n"
                       "    <watchdog model='itco'/>\n  </devices>\n</domain>\n";
    const char *bare = "<domain>\n  <!--virtlint-disable rng-missing-->\n  <devices/>\n</domain>\n";
    g_autoptr(VlDocument) doc = vl_check_parse(text);
    g_autoptr(VlDocument) bare_doc = vl_check_parse(bare);
    g_autoptr(GPtrArray) fs = findings_new(), bare_fs = findings_new();
    xmlNodePtr wd = find(doc->doc->children, "watchdog");
    g_autofree char *out = NULL, *bare_out = NULL;

    g_ptr_array_add(fs, finding("watchdog-model-invalid", wd));
    g_ptr_array_add(fs, finding("watchdog-action-shutdown", wd));
    out = apply(doc, fs, VL_SUPPRESS_COMMENT, "ignored: the comment has one");
    ck_assert_str_eq(out, "<domain>\n  <devices>\n"
                          "    <!-- virtlint-disable watchdog-model-invalid, watchdog-action-shutdown: why -->\n"
                          "    <watchdog model='itco'/>\n  </devices>\n</domain>\n");
    g_ptr_array_add(bare_fs, finding("watchdog-action-shutdown", find(bare_doc->doc->children, "devices")));
    bare_out = apply(bare_doc, bare_fs, VL_SUPPRESS_COMMENT, "r");
    ck_assert_str_eq(bare_out,
                     "<domain>\n  <!--virtlint-disable rng-missing, watchdog-action-shutdown: r-->\n  <devices/>\n</domain>\n");
    {
        /* a CRLF comment over two lines; one that silences every rule is
         * never narrowed to a list */
        const char *crlf = "<domain>\r\n  <!-- virtlint-disable\r\n rng-missing -->\r\n  <devices/>\r\n"
                           "  <!-- virtlint-disable : all -->\r\n  <os/>\r\n</domain>\r\n";
        g_autoptr(VlDocument) crlf_doc = vl_check_parse(crlf);
        g_autoptr(GPtrArray) crlf_fs = findings_new();
        g_autofree char *crlf_out = NULL;

        g_ptr_array_add(crlf_fs, finding("schema", find(crlf_doc->doc->children, "devices")));
        g_ptr_array_add(crlf_fs, finding("schema", find(crlf_doc->doc->children, "os")));
        crlf_out = apply(crlf_doc, crlf_fs, VL_SUPPRESS_COMMENT, NULL);
        ck_assert_str_eq(crlf_out, "<domain>\r\n  <!-- virtlint-disable\r\n rng-missing, schema -->\r\n  <devices/>\r\n"
                                   "  <!-- virtlint-disable : all -->\r\n  <!-- virtlint-disable schema -->\r\n"
                                   "  <os/>\r\n</domain>\r\n");
    }
}
END_TEST

START_TEST(test_shapes_without_own_line)
{
    /* the element shares its line; a finding on a comment; the root; none */
    const char *text = "<?xml version='1.0'?><domain><devices><watchdog model='itco'/><!-- c --></devices></domain>";
    g_autoptr(VlDocument) doc = vl_check_parse(text);
    g_autoptr(GPtrArray) fs = findings_new();
    xmlNodePtr root = xmlDocGetRootElement(doc->doc), devices = find(root, "devices");
    g_autofree char *out = NULL;

    g_ptr_array_add(fs, finding("watchdog-model-invalid", find(root, "watchdog")));
    g_ptr_array_add(fs, finding("suppression-unknown-rule", devices->last));
    g_ptr_array_add(fs, finding("rng-missing", root));
    g_ptr_array_add(fs, finding("schema", NULL));
    out = apply(doc, fs, VL_SUPPRESS_COMMENT, NULL);
    ck_assert_str_eq(out, "<?xml version='1.0'?><!-- virtlint-disable-file schema --><!-- virtlint-disable rng-missing -->"
                          "<domain><!-- virtlint-disable suppression-unknown-rule --><devices>"
                          "<!-- virtlint-disable watchdog-model-invalid --><watchdog model='itco'/><!-- c --></devices>"
                          "</domain>");
}
END_TEST

START_TEST(test_metadata_forms)
{
    const char *none = "<domain type='kvm'>\n  <name>t</name>\n  <uuid>u</uuid>\n  <memory>1</memory>\n</domain>\n";
    const char *empty = "<domain>\n\t<metadata/>\n</domain>\n";
    const char *other = "<domain>\n  <metadata>\n    <x:y xmlns:x='urn:x'/>\n  </metadata>\n</domain>\n";
    const char *lint = "<domain>\n  <metadata>\n    <v:lint xmlns:v=\"http://virtlint.org/xmlns/domain/1.0\">\n"
                       "      <v:guest os=\"win11\"/>\n    </v:lint>\n  </metadata>\n</domain>\n";
    struct {
        const char *in, *out;
    } cases[] = {
        { none, "<domain type='kvm'>\n  <name>t</name>\n  <uuid>u</uuid>\n  <metadata>\n"
                "    <virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>\n"
                "      <virtlint:disable rules='rng-missing,schema: it&apos;s fine'/>\n    </virtlint:lint>\n"
                "  </metadata>\n  <memory>1</memory>\n</domain>\n" },
        { empty, "<domain>\n\t<metadata>\n\t\t<virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>\n"
                 "\t\t\t<virtlint:disable rules='rng-missing,schema: it&apos;s fine'/>\n\t\t</virtlint:lint>\n"
                 "\t</metadata>\n</domain>\n" },
        { other, "<domain>\n  <metadata>\n    <x:y xmlns:x='urn:x'/>\n"
                 "    <virtlint:lint xmlns:virtlint='http://virtlint.org/xmlns/domain/1.0'>\n"
                 "      <virtlint:disable rules='rng-missing,schema: it&apos;s fine'/>\n    </virtlint:lint>\n"
                 "  </metadata>\n</domain>\n" },
        { lint, "<domain>\n  <metadata>\n    <v:lint xmlns:v=\"http://virtlint.org/xmlns/domain/1.0\">\n"
                "      <v:guest os=\"win11\"/>\n      <v:disable rules=\"rng-missing,schema: it's fine\"/>\n"
                "    </v:lint>\n  </metadata>\n</domain>\n" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(VlDocument) doc = vl_check_parse(cases[i].in);
        g_autoptr(GPtrArray) fs = findings_new();
        g_autofree char *out = NULL;

        /* the metadata form is file-wide: element findings too */
        g_ptr_array_add(fs, finding("rng-missing", xmlDocGetRootElement(doc->doc)));
        g_ptr_array_add(fs, finding("schema", NULL));
        out = apply(doc, fs, VL_SUPPRESS_METADATA, "it's fine");
        ck_assert_str_eq(out, cases[i].out);
    }
}
END_TEST

START_TEST(test_reasons_refused)
{
    const char *bad[] = { "a -- b", "ends-", "two\nlines", "\xff" };
    g_autoptr(VlDocument) doc = vl_check_parse("<domain/>");
    g_autoptr(GPtrArray) fs = findings_new();

    g_ptr_array_add(fs, finding("schema", NULL));
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;

        ck_assert_ptr_null(vl_suppression_edits(doc, fs, VL_SUPPRESS_COMMENT, bad[i], &error));
        ck_assert_ptr_nonnull(error);
    }
    ck_assert(vl_suppression_reason_valid("a - b: c", NULL));
}
END_TEST

START_TEST(test_single_edit_and_position)
{
    const char *text = "<domain>\n  <devices>\n    <watchdog model='itco'/>\n  </devices>\n</domain>\n";
    g_autoptr(VlDocument) doc = vl_check_parse(text);
    g_autoptr(GPtrArray) fs = findings_new();
    const VlFinding *f = finding("watchdog-model-invalid", find(doc->doc->children, "watchdog"));
    g_autoptr(GError) error = NULL;
    VlEdit *edit = vl_suppression_edit(doc, f, VL_SUPPRESS_COMMENT, NULL, &error);
    g_autoptr(GPtrArray) fix_edits = vl_fix_edits_new();
    const VlFixEdit *fe;

    g_ptr_array_add(fs, (gpointer) f);
    ck_assert_ptr_nonnull(edit);
    vl_suppression_add_fix_edit(fix_edits, doc, edit);
    fe = g_ptr_array_index(fix_edits, 0);
    ck_assert_int_eq(fe->line, 3);
    ck_assert_int_eq(fe->column, 1);
    ck_assert_int_eq(fe->end_line, 3);
    ck_assert_int_eq(fe->end_column, 1);
    ck_assert_str_eq(fe->content, "    <!-- virtlint-disable watchdog-model-invalid -->\n");
    vl_edit_free(edit);
}
END_TEST

/* The engine reads what was written: findings of a real lint all gone. */
START_TEST(test_engine_silenced)
{
    const char *text = "<domain type='kvm'>\n  <name>t</name>\n  <memory>1048576</memory>\n  <vcpu>2</vcpu>\n"
                       "  <os>\n    <type arch='x86_64' machine='pc-q35-8.2'>hvm</type>\n  </os>\n"
                       "  <bogus/>\n  <devices>\n    <!-- virtlint-disable no-such-rule -->\n"
                       "    <watchdog model='i6300esb' action='shutdown'/>\n  </devices>\n</domain>\n";
    VlConfig config;
    VlEngine engine = { 0 };
    g_autoptr(GError) error = NULL;

    vl_config_init(&config);
    config.show_suggestions = true;
    ck_assert(vl_engine_init(&engine, vl_check_context(), &config, &error));
    for (int form = VL_SUPPRESS_COMMENT; form <= VL_SUPPRESS_METADATA; form++) {
        g_autoptr(VlDocument) doc = vl_check_parse(text);
        g_autoptr(GPtrArray) before = vl_engine_lint(&engine, doc);
        g_autofree char *out = NULL;
        g_autoptr(VlDocument) after_doc = NULL;
        g_autoptr(GPtrArray) after = NULL;

        ck_assert_uint_ge(before->len, 3);
        out = apply(doc, before, (VlSuppressForm) form, "checked");
        after_doc = vl_check_parse(out);
        after = vl_engine_lint(&engine, after_doc);
        for (guint i = 0; i < after->len; i++) {
            const VlFinding *f = g_ptr_array_index(after, i);
            ck_abort_msg("form %d left %s: %s\n%s", form, f->rule->id, f->message, out);
        }
    }
    vl_engine_clear(&engine);
    vl_config_clear(&config);
}
END_TEST

/* domain-limitations is made after suppressions apply: one before <domain>
 * (the comment --add-suppressions writes for it) still silences it. */
START_TEST(test_domain_limitations_silenced)
{
    const char *body = "<domain type='kvm'>\n  <name>t</name>\n  <memory>1048576</memory>\n"
                       "  <os firmware='efi'>\n    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n"
                       "</domain>\n";
    g_autofree char *silenced = g_strconcat("<!-- virtlint-disable domain-limitations -->\n", body, NULL);
    static char *select[] = { (char *) "domain-limitations", (char *) "uefi-snapshot", NULL };
    VlConfig config;
    VlEngine engine = { 0 };
    g_autoptr(VlDocument) plain = vl_check_parse(body), quiet = vl_check_parse(silenced);
    g_autoptr(GPtrArray) before = NULL, after = NULL;

    vl_config_init(&config);
    config.show_suggestions = true;
    config.select = select;
    ck_assert(vl_engine_init(&engine, vl_check_context(), &config, NULL));
    before = vl_engine_lint(&engine, plain);
    ck_assert_uint_eq(before->len, 1);
    ck_assert_str_eq(((VlFinding *) g_ptr_array_index(before, 0))->rule->id, "domain-limitations");
    after = vl_engine_lint(&engine, quiet);
    ck_assert_uint_eq(after->len, 0);
    vl_engine_clear(&engine);
    config.select = NULL;
    vl_config_clear(&config);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("suppression");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_element_comment_indented_and_merged);
    tcase_add_test(tc, test_existing_comment_gains_rules);
    tcase_add_test(tc, test_shapes_without_own_line);
    tcase_add_test(tc, test_metadata_forms);
    tcase_add_test(tc, test_reasons_refused);
    tcase_add_test(tc, test_single_edit_and_position);
    tcase_add_test(tc, test_engine_silenced);
    tcase_add_test(tc, test_domain_limitations_silenced);
    tcase_set_timeout(tc, 60);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
