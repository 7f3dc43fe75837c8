/* Unit tests for what the corpus cannot see: the title a rule gives its fix
 * (the line `virtlint --fix` and the JSON output show), where the fixer's
 * output alone does not pin it down. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/load/document.h"
#include "lint/engine/engine.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/engine/version.h"

#include <libxslt/xsltutils.h>

/* The fix title of the first finding of RULE on the domain BODY (NULL when
 * there is none), with libvirt 9.0 as the target. */
static char *
fix_title(const char *rule, const char *body)
{
    g_autofree char *text = g_strdup_printf("<domain type='kvm'>\n<name>t</name>\n%s\n</domain>\n", body);
    VlInputError *error = NULL;
    VlDocument *doc = vl_document_parse("t.xml", g_strdup(text), strlen(text), &error);
    VlConfig config;
    VlEngine engine = { 0 };
    GError *gerr = NULL;
    GPtrArray *findings;
    char *title = NULL;

    ck_assert_msg(doc != NULL, "parse failed: %s", error ? error->message : "?");
    vl_config_init(&config);
    config.libvirt_version = VL_LIBVIRT(9, 0);
    ck_assert_msg(vl_engine_init(&engine, vl_check_context(), &config, &gerr), "engine: %s", gerr ? gerr->message : "?");
    findings = vl_engine_lint(&engine, doc);
    for (guint i = 0; i < findings->len && !title; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        if (strcmp(f->rule->id, rule) == 0 && f->fix)
            title = g_strdup(f->fix->description);
    }
    g_ptr_array_unref(findings);
    vl_engine_clear(&engine);
    vl_config_clear(&config);
    vl_document_free(doc);
    return title;
}

#define X86_OS "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n"

/* The fix lists only the ids the domain lacks, not a pinned id it has. */
START_TEST(test_iothreadpin_title_lists_only_missing_ids)
{
    g_autofree char *title = fix_title("cpu-iothreadpin-undefined",
                                       "<vcpu>2</vcpu>\n<iothreads>1</iothreads>\n"
                                       "<iothreadids><iothread id='1'/></iothreadids>\n"
                                       "<cputune><iothreadpin iothread='1' cpuset='0'/>"
                                       "<iothreadsched iothreads='1-2' scheduler='fifo' priority='1'/></cputune>\n" X86_OS);

    ck_assert_ptr_nonnull(title);
    ck_assert_str_eq(title, "add <iothread id='N'/> for iothread 2 to <iothreadids>");
}
END_TEST

/* Only writethrough becomes directsync: writeback (or unsafe) with
 * io='native' becomes cache='none'. */
START_TEST(test_io_native_writeback_becomes_none)
{
    g_autofree char *title = fix_title("disk-io-native-cache",
                                       "<vcpu>2</vcpu>\n" X86_OS "<devices><disk type='file' device='disk'>"
                                       "<driver name='qemu' type='raw' cache='writeback' io='native'/>"
                                       "<source file='/var/lib/libvirt/images/a.raw'/>"
                                       "<target dev='vda' bus='virtio'/></disk></devices>");

    ck_assert_ptr_nonnull(title);
    ck_assert_str_eq(title, "set cache='none' (O_DIRECT, bypassing the host page cache)");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("fix-titles-disk-cpu");
    TCase *tc = tcase_create("core");

    xsltSetGenericErrorFunc(NULL, NULL);
    tcase_add_test(tc, test_iothreadpin_title_lists_only_missing_ids);
    tcase_add_test(tc, test_io_native_writeback_becomes_none);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
