/* Unit tests for --edit's pieces that need no terminal: telling a file from
 * a domain, the editor's command line, reading an answer, and the check of
 * an edited text (lint/cli/edit.h).  The session itself: tests/edit.sh. */
#include "check_util.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "lint/cli/edit.h"
#include "lint/engine/version.h"

START_TEST(test_target_is_file)
{
    g_autofree char *dir = g_dir_make_tmp("virtlint-check-edit-XXXXXX", NULL);
    g_autofree char *cwd = g_get_current_dir();
    g_autofree char *file = g_build_filename(dir, "win11", NULL);

    ck_assert_ptr_nonnull(dir);
    ck_assert(g_file_set_contents(file, "<domain/>", -1, NULL));
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert(vl_edit_target_is_file("win11"));         /* exists here */
    ck_assert(!vl_edit_target_is_file("win10"));        /* a domain name */
    ck_assert(!vl_edit_target_is_file("6695eb01-f6a4-8304-79aa-97f2502e193f"));
    ck_assert(vl_edit_target_is_file("vms/win10"));     /* a path, even missing */
    ck_assert(vl_edit_target_is_file("win10.xml"));
    ck_assert(!vl_edit_target_is_file("win10.xml.bak"));
    ck_assert_int_eq(chdir(cwd), 0);
    g_unlink(file);
    g_rmdir(dir);
}
END_TEST

static char *
joined(char **argv)
{
    return argv ? g_strjoinv("|", argv) : g_strdup("(null)");
}

START_TEST(test_editor_argv)
{
    const char *file = "/tmp/virtlint-my vm-AB12CD.xml";
    struct {
        const char *visual, *editor, *want;
    } cases[] = {
        { "code --wait", "nano", "code|--wait|/tmp/virtlint-my vm-AB12CD.xml" },   /* VISUAL first */
        { NULL, "nano", "nano|/tmp/virtlint-my vm-AB12CD.xml" },
        { "", "nano -w", "nano|-w|/tmp/virtlint-my vm-AB12CD.xml" },             /* empty: unset */
        { NULL, NULL, "vi|/tmp/virtlint-my vm-AB12CD.xml" },                     /* virsh's default */
        { NULL, "", "vi|/tmp/virtlint-my vm-AB12CD.xml" },
        { "'/opt/My Editor/bin/ed' \"-c\" set\\ x", NULL,
          "/opt/My Editor/bin/ed|-c|set x|/tmp/virtlint-my vm-AB12CD.xml" },      /* shell quoting */
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) argv = vl_edit_editor_argv(cases[i].visual, cases[i].editor, file, &error);
        g_autofree char *got = joined(argv);

        ck_assert_msg(argv != NULL, "case %zu: %s", i, error ? error->message : "?");
        ck_assert_str_eq(got, cases[i].want);
    }
}
END_TEST

START_TEST(test_editor_argv_unusable)
{
    const char *values[] = { "'unclosed", "   " };

    for (gsize i = 0; i < G_N_ELEMENTS(values); i++) {
        g_autoptr(GError) error = NULL;
        g_auto(GStrv) argv = vl_edit_editor_argv(values[i], NULL, "/tmp/f.xml", &error);

        ck_assert_ptr_null(argv);
        ck_assert_ptr_nonnull(error);
        ck_assert_msg(strstr(error->message, "cannot run the editor") != NULL, "%s", error->message);
    }
}
END_TEST

START_TEST(test_parse_answer)
{
    ck_assert_int_eq(vl_edit_parse_answer("y\n", "ynaf"), 'y');
    ck_assert_int_eq(vl_edit_parse_answer("  F \r\n", "ynaf"), 'f');
    ck_assert_int_eq(vl_edit_parse_answer("a", "ynaf"), 'a');
    ck_assert_int_eq(vl_edit_parse_answer("a\n", "ynf"), 0);       /* not offered */
    ck_assert_int_eq(vl_edit_parse_answer("yes\n", "ynaf"), 0);    /* one letter */
    ck_assert_int_eq(vl_edit_parse_answer("\n", "ynaf"), 0);
    ck_assert_int_eq(vl_edit_parse_answer("?\n", "ynaf"), 0);      /* the caller explains */
}
END_TEST

static const char *broken_hyperv =
    "<domain type='kvm'>\n  <name>t</name>\n  <memory>1048576</memory>\n"
    "  <os><type arch='x86_64'>hvm</type></os>\n  <features>\n    <hyperv mode='custom'>\n"
    "      <synic state='on'/>\n    </hyperv>\n  </features>\n</domain>\n";

/* An engine running hyperv-dependency alone, failing on FAIL_ON, with
 * hyperv-dependency reported as SEVERITY. */
static void
engine_for(VlEngine *engine, VlConfig *config, VlSeverity fail_on, VlSeverity severity)
{
    static char *only[] = { "hyperv-dependency", NULL };
    GError *error = NULL;

    vl_config_init(config);
    config->select = g_strdupv(only);
    config->fail_on = fail_on;
    config->libvirt_version = VL_LIBVIRT(9, 0);
    config->severity_overrides = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    g_hash_table_insert(config->severity_overrides, g_strdup("hyperv-dependency"), GINT_TO_POINTER(severity));
    *engine = (VlEngine) { 0 };
    ck_assert_msg(vl_engine_init(engine, vl_check_context(), config, &error), "engine: %s",
                  error ? error->message : "?");
}

START_TEST(test_check_counts_problems_and_fixes)
{
    VlConfig config;
    VlEngine engine;
    g_autoptr(VlEditVerdict) v = NULL;

    engine_for(&engine, &config, VL_SEVERITY_WARNING, VL_SEVERITY_ERROR);
    v = vl_edit_check(&engine, "domain t", broken_hyperv, strlen(broken_hyperv));
    ck_assert_ptr_nonnull(v->doc);
    ck_assert_ptr_null(v->error);
    ck_assert_str_eq(v->doc->path, "domain t");     /* findings name what was edited */
    ck_assert_uint_eq(v->findings->len, 1);
    ck_assert_uint_eq(v->problems, 1);
    ck_assert_uint_eq(v->fixable, 1);
    vl_engine_clear(&engine);
    vl_config_clear(&config);
}
END_TEST

START_TEST(test_check_problems_follow_fail_on)
{
    VlConfig config;
    VlEngine engine;
    g_autoptr(VlEditVerdict) v = NULL;

    /* a warning, with --fail-on error: shown, but nothing to ask about */
    engine_for(&engine, &config, VL_SEVERITY_ERROR, VL_SEVERITY_WARNING);
    v = vl_edit_check(&engine, "vm.xml", broken_hyperv, strlen(broken_hyperv));
    ck_assert_uint_eq(v->findings->len, 1);
    ck_assert_uint_eq(v->problems, 0);
    vl_engine_clear(&engine);
    vl_config_clear(&config);
}
END_TEST

START_TEST(test_check_input_errors)
{
    const char *malformed = "<domain type='kvm'>\n  <name>t</name>\n  <memory>1</memory\n</domain>\n";
    /* a network is a libvirt document (linted by its schema) since issue
     * #13: other XML stands for "not a domain" here */
    const char *network = "<project>\n  <name>default</name>\n</project>\n";
    VlConfig config;
    VlEngine engine;
    g_autoptr(VlEditVerdict) bad = NULL, other = NULL;

    engine_for(&engine, &config, VL_SEVERITY_WARNING, VL_SEVERITY_ERROR);
    bad = vl_edit_check(&engine, "vm.xml", malformed, strlen(malformed));
    ck_assert_ptr_null(bad->doc);
    ck_assert_ptr_null(bad->findings);
    ck_assert_str_eq(bad->error->path, "vm.xml");
    ck_assert_int_eq(bad->error->line, 4);
    other = vl_edit_check(&engine, "vm.xml", network, strlen(network));
    ck_assert_ptr_null(other->doc);
    ck_assert_msg(strstr(other->error->message, "<project>") != NULL, "%s", other->error->message);
    ck_assert_int_eq(other->error->kind, VL_INPUT_ERROR_NOT_LIBVIRT);
    vl_engine_clear(&engine);
    vl_config_clear(&config);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("edit");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_target_is_file);
    tcase_add_test(tc, test_editor_argv);
    tcase_add_test(tc, test_editor_argv_unusable);
    tcase_add_test(tc, test_parse_answer);
    tcase_add_test(tc, test_check_counts_problems_and_fixes);
    tcase_add_test(tc, test_check_problems_follow_fail_on);
    tcase_add_test(tc, test_check_input_errors);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
