/* Unit tests for the engine context (lint/engine/context.h): engines that
 * target different libvirt releases lint the same document alternately,
 * in one context and in two, each with its own verdict; and a context is
 * freed and made anew (tests/check_context under valgrind: no leaks). */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/engine/context.h"
#include "lint/engine/engine.h"
#include "lint/engine/report.h"
#include "lint/engine/version.h"
#include "lint/fix/fix.h"

/* clusters= on <topology> is in libvirt 11.3's schema, not in 9.0's; the
 * x-vga argument exercises a rule's compiled pattern (and its fixer). */
static const char domain_xml[] =
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
    "  <name>t</name>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <vcpu>4</vcpu>\n"
    "  <os><type arch='x86_64' machine='pc-q35-7.2'>hvm</type></os>\n"
    "  <cpu mode='host-passthrough'>\n"
    "    <topology sockets='1' dies='1' clusters='1' cores='2' threads='2'/>\n"
    "  </cpu>\n"
    "  <qemu:commandline>\n"
    "    <qemu:arg value='-set'/>\n"
    "    <qemu:arg value='device.hostdev0.x-vga=on'/>\n"
    "  </qemu:commandline>\n"
    "</domain>\n";

static char *select_rules[] = { (char *) "schema", (char *) "hostdev-x-vga", NULL };

typedef struct {
    VlConfig config;
    VlEngine engine;
} Linter;

static void
linter_init(Linter *l, VlContext *context, unsigned libvirt)
{
    g_autoptr(GError) gerr = NULL;

    vl_config_init(&l->config);
    l->config.libvirt_version = libvirt;
    l->config.schema_path = NULL;
    l->config.select = select_rules;
    ck_assert_msg(vl_engine_init(&l->engine, context, &l->config, &gerr), "engine: %s",
                  gerr ? gerr->message : "?");
}

static void
linter_clear(Linter *l)
{
    vl_engine_clear(&l->engine);
    l->config.select = NULL;
    vl_config_clear(&l->config);
}

static VlDocument *
parse(void)
{
    VlInputError *error = NULL;
    VlDocument *doc = vl_document_parse("t.xml", g_strdup(domain_xml), strlen(domain_xml), &error);

    ck_assert_msg(doc != NULL, "parse failed: %s", error ? error->message : "?");
    return doc;
}

/* The findings of L on a fresh parse of the document, as "RULE: HEADLINE"
 * lines. */
static char *
lint(const Linter *l)
{
    g_autoptr(VlDocument) doc = parse();
    g_autoptr(GPtrArray) findings = vl_engine_lint(&l->engine, doc);
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        g_string_append_printf(out, "%s: %s\n", f->rule->id, f->message);
    }
    return g_string_free(out, FALSE);
}

static const char x_vga_finding[] = "hostdev-x-vga: <qemu:arg> turns on vfio-pci's x-vga\n";

static void
assert_9_0(const char *findings)
{
    ck_assert_msg(strstr(findings, "schema: <topology>: attribute clusters= is not in libvirt 9.0's schema"),
                  "9.0 engine: %s", findings);
    ck_assert_msg(strstr(findings, x_vga_finding), "9.0 engine: %s", findings);
}

static void
assert_11_3(const char *findings)
{
    ck_assert_msg(!strstr(findings, "schema:"), "11.3 engine: %s", findings);
    ck_assert_msg(strstr(findings, x_vga_finding), "11.3 engine: %s", findings);
}

/* Lint with A (9.0) and B (11.3) alternately, then B twice and A twice
 * (the 11.3 "valid" verdict, cached, must not answer for 9.0). */
static void
alternate(const Linter *a, const Linter *b)
{
    for (int round = 0; round < 2; round++) {
        g_autofree char *fa = lint(a);
        g_autofree char *fb = lint(b);

        assert_9_0(fa);
        assert_11_3(fb);
    }
    for (int i = 0; i < 2; i++) {
        g_autofree char *fb = lint(b);
        assert_11_3(fb);
    }
    for (int i = 0; i < 2; i++) {
        g_autofree char *fa = lint(a);
        assert_9_0(fa);
    }
}

static VlContext *
memory_context(void)
{
    VlContext *context = vl_context_new();

    /* verdicts in memory only: the test does not read or write ~/.cache */
    vl_context_configure_cache(context, NULL, false);
    return context;
}

START_TEST(test_two_engines_one_context)
{
    g_autoptr(VlContext) context = memory_context();
    Linter a, b;

    linter_init(&a, context, VL_LIBVIRT(9, 0));
    linter_init(&b, context, VL_LIBVIRT(11, 3));
    alternate(&a, &b);
    linter_clear(&a);
    linter_clear(&b);
}
END_TEST

START_TEST(test_two_contexts)
{
    g_autoptr(VlContext) c1 = memory_context();
    g_autoptr(VlContext) c2 = memory_context();
    Linter a, b;

    linter_init(&a, c1, VL_LIBVIRT(9, 0));
    linter_init(&b, c2, VL_LIBVIRT(11, 3));
    alternate(&a, &b);
    /* interleaved within one lint's lifetime: B lints while A's findings
     * are alive */
    {
        g_autoptr(VlDocument) doc = parse();
        g_autoptr(GPtrArray) fa = vl_engine_lint(&a.engine, doc);
        g_autofree char *fb = lint(&b);

        assert_11_3(fb);
        ck_assert_uint_eq(fa->len, 2);
    }
    linter_clear(&a);
    linter_clear(&b);
}
END_TEST

/* Fixing in two contexts: each compiles the fixer stylesheet and runs it
 * under its own security preferences; both remove the x-vga argument. */
START_TEST(test_fix_in_two_contexts)
{
    for (int i = 0; i < 2; i++) {
        g_autoptr(VlContext) context = memory_context();
        g_autoptr(VlDocument) doc = parse();
        g_autoptr(VlFixResult) res = NULL;
        Linter l;

        linter_init(&l, context, i ? VL_LIBVIRT(11, 3) : VL_LIBVIRT(9, 0));
        l.config.fix = true;
        res = vl_fix_document(&l.engine, doc, false);
        ck_assert(res->changed);
        ck_assert_msg(!strstr(res->text, "x-vga"), "%s", res->text);
        linter_clear(&l);
    }
}
END_TEST

/* A context freed and made anew, several times: nothing of the old one is
 * used (valgrind finds no leak, ASan no use after free). */
START_TEST(test_context_renewed)
{
    for (int i = 0; i < 3; i++) {
        VlContext *context = memory_context();
        Linter a;
        g_autofree char *findings = NULL;

        linter_init(&a, context, VL_LIBVIRT(9, 0));
        findings = lint(&a);
        assert_9_0(findings);
        linter_clear(&a);
        vl_context_free(context);
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("context");
    TCase *tc = tcase_create("context");

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_two_engines_one_context);
    tcase_add_test(tc, test_two_contexts);
    tcase_add_test(tc, test_fix_in_two_contexts);
    tcase_add_test(tc, test_context_renewed);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
