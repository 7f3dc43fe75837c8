/* JUnit XML: one test case per linted file, failed when it has findings at
 * or above --fail-on (the others go to its system-out), for CI systems that
 * show test reports. */
#include <stdbool.h>

#include <libxml/tree.h>

#include "lint/output/format.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

typedef struct {
    xmlDocPtr doc;
    xmlNodePtr suite;
    guint tests, failures;
} Junit;

static void
begin(VlOutputCtx *ctx)
{
    Junit *j = g_new0(Junit, 1);
    xmlNodePtr root;

    j->doc = xmlNewDoc(BAD_CAST "1.0");
    root = xmlNewDocNode(j->doc, NULL, BAD_CAST "testsuites", NULL);
    xmlDocSetRootElement(j->doc, root);
    j->suite = xmlNewChild(root, NULL, BAD_CAST "testsuite", NULL);
    xmlNewProp(j->suite, BAD_CAST "name", BAD_CAST "virtlint");
    ctx->state = j;
}

static void
document(VlOutputCtx *ctx, VlDocument *doc, GPtrArray *findings)
{
    Junit *j = ctx->state;
    xmlNodePtr tc = xmlNewChild(j->suite, NULL, BAD_CAST "testcase", NULL);
    g_autoptr(GString) failing = g_string_new(NULL), other = g_string_new(NULL);
    g_autofree char *summary = NULL;
    guint failed = 0;

    xmlNewProp(tc, BAD_CAST "classname", BAD_CAST "virtlint");
    xmlNewProp(tc, BAD_CAST "name", BAD_CAST doc->path);
    j->tests++;
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        bool fails = f->severity >= ctx->config->fail_on;

        g_autofree char *details = vl_output_details(f, "    ");

        g_string_append_printf(fails ? failing : other, "%s:%d:%d: %s: %s [%s]\n%s", doc->path, f->line, f->column,
                               vl_severity_name(f->severity), f->message, f->rule->id, details);
        failed += fails;
    }
    /* xmlNewTextChild escapes the text; xmlNewProp the attribute */
    if (failed) {
        j->failures++;
        summary = g_strdup_printf("%u problem%s", failed, failed == 1 ? "" : "s");
        xmlNewProp(xmlNewTextChild(tc, NULL, BAD_CAST "failure", BAD_CAST failing->str), BAD_CAST "message",
                   BAD_CAST summary);
    }
    if (other->len)
        xmlNewTextChild(tc, NULL, BAD_CAST "system-out", BAD_CAST other->str);
}

static void
finish(VlOutputCtx *ctx, const VlStats *stats G_GNUC_UNUSED, guint input_errors G_GNUC_UNUSED)
{
    Junit *j = ctx->state;
    char n[32];
    xmlChar *mem = NULL;
    int len = 0;

    g_snprintf(n, sizeof(n), "%u", j->tests);
    xmlNewProp(j->suite, BAD_CAST "tests", BAD_CAST n);
    g_snprintf(n, sizeof(n), "%u", j->failures);
    xmlNewProp(j->suite, BAD_CAST "failures", BAD_CAST n);
    xmlDocDumpFormatMemoryEnc(j->doc, &mem, &len, "UTF-8", 1);
    fwrite(mem, 1, (size_t) len, ctx->out);
    xmlFree(mem);
    xmlFreeDoc(j->doc);
    g_free(j);
}

const VlOutputFormat vl_output_junit = {
    .begin = begin,
    .document = document,
    .finish = finish,
};
