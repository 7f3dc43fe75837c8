/* Unit tests for the loader (lint/load/document.c) and input expansion. */
#include "check_util.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "lint/load/document.h"
#include "lint/load/inputs.h"

static VlConfig config;

static VlDocument *
parse(const char *text, VlInputError **error)
{
    *error = NULL;
    return vl_document_parse("t.xml", g_strdup(text), strlen(text), error);
}

static char *
temp_dir(void)
{
    char *dir = g_strdup("/tmp/virtlint-test-XXXXXX");
    ck_assert_ptr_nonnull(g_mkdtemp(dir));
    return dir;
}

START_TEST(test_loads_domain_with_lines)
{
    VlInputError *error;
    g_autoptr(VlDocument) doc = parse("<?xml version='1.0'?>\n<domain type='kvm'>\n  <name>a</name>\n</domain>\n", &error);
    xmlNodePtr root;

    ck_assert_ptr_nonnull(doc);
    ck_assert_ptr_null(error);
    root = xmlDocGetRootElement(doc->doc);
    ck_assert_str_eq((const char *) root->name, "domain");
    ck_assert_int_eq(xmlGetLineNo(root), 2);
    ck_assert_int_eq(xmlGetLineNo(xmlFirstElementChild(root)), 3);
}
END_TEST

START_TEST(test_not_well_formed_has_position)
{
    VlInputError *error;
    VlDocument *doc = parse("<domain>\n  <name>a</nam>\n</domain>\n", &error);

    ck_assert_ptr_null(doc);
    ck_assert_ptr_nonnull(error);
    ck_assert_int_eq(error->line, 2);
    ck_assert_int_gt(error->column, 0);
    ck_assert_ptr_nonnull(strstr(error->message, "mismatch"));
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_doctype_refused_before_entities)
{
    const char *bomb =
        "<?xml version='1.0'?>\n<!DOCTYPE domain [\n<!ENTITY a 'aaaaaaaaaa'>\n"
        "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>\n<!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>\n]>\n"
        "<domain><name>&c;</name></domain>\n";
    VlInputError *error;
    VlDocument *doc = parse(bomb, &error);

    ck_assert_ptr_null(doc);
    ck_assert_ptr_nonnull(strstr(error->message, "DOCTYPE"));
    ck_assert_int_eq(error->line, 2);
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_external_entity_never_read)
{
    const char *xxe = "<!DOCTYPE domain SYSTEM 'file:///etc/passwd'>\n<domain><name>x</name></domain>\n";
    VlInputError *error;
    VlDocument *doc = parse(xxe, &error);

    ck_assert_ptr_null(doc);
    ck_assert_ptr_nonnull(strstr(error->message, "DOCTYPE"));
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_undefined_entity_is_error)
{
    VlInputError *error;
    VlDocument *doc = parse("<domain>\n<name>&nope;</name></domain>\n", &error);

    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->line, 2);
    ck_assert_ptr_nonnull(strstr(error->message, "nope"));
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_root_must_be_libvirt)
{
    VlInputError *error = NULL;
    VlDocument *doc = parse("<project><name>default</name></project>", &error);

    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->kind, VL_INPUT_ERROR_NOT_LIBVIRT);
    ck_assert_str_eq(error->message, "<project> is not a libvirt document");
    vl_input_error_free(error);

    /* libvirt's roots have no namespace */
    doc = parse("<x:network xmlns:x='urn:x'><name>default</name></x:network>", &error);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->kind, VL_INPUT_ERROR_NOT_LIBVIRT);
    ck_assert_str_eq(error->message, "<x:network> is not a libvirt document");
    vl_input_error_free(error);

    doc = parse("<domainsnapshot><name>s</name></domainsnapshot>", &error);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->kind, VL_INPUT_ERROR_INCOMPLETE);
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_kind_from_root)
{
    static const struct { const char *xml; VlDocKind kind; } cases[] = {
        { "<domain type='kvm'/>", VL_DOC_DOMAIN },
        { "<domainsnapshot><domain/></domainsnapshot>", VL_DOC_SNAPSHOT },
        { "<network/>", VL_DOC_NETWORK },
        { "<networkport/>", VL_DOC_NETWORK_PORT },
        { "<pool/>", VL_DOC_STORAGE_POOL },
        { "<volume/>", VL_DOC_STORAGE_VOLUME },
        { "<filter/>", VL_DOC_NWFILTER },
        { "<filterbinding/>", VL_DOC_NWFILTER_BINDING },
        { "<secret/>", VL_DOC_SECRET },
        { "<device/>", VL_DOC_NODE_DEVICE },
        { "<interface/>", VL_DOC_INTERFACE },
        { "<domaincheckpoint/>", VL_DOC_CHECKPOINT },
        { "<domainbackup/>", VL_DOC_BACKUP },
    };

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        VlInputError *error = NULL;
        g_autoptr(VlDocument) doc = parse(cases[i].xml, &error);

        ck_assert_msg(doc != NULL, "%s: %s", cases[i].xml, error ? error->message : "");
        ck_assert_int_eq(doc->kind, cases[i].kind);
        ck_assert_int_eq(doc->is_snapshot, cases[i].kind == VL_DOC_SNAPSHOT);
    }
}
END_TEST

START_TEST(test_error_kinds)
{
    VlInputError *error = NULL;
    VlDocument *doc = parse("<domain>\n  <name>a</nam>\n</domain>\n", &error);

    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->kind, VL_INPUT_ERROR_MALFORMED);
    vl_input_error_free(error);
    error = NULL;
    doc = vl_document_load_file("/nonexistent/virtlint.xml", &config, &error);
    ck_assert_ptr_null(doc);
    ck_assert_int_eq(error->kind, VL_INPUT_ERROR_UNREADABLE);
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_empty_and_nul)
{
    VlInputError *error = NULL;
    VlDocument *doc = vl_document_parse("t.xml", g_strdup(""), 0, &error);

    ck_assert_ptr_null(doc);
    ck_assert_ptr_nonnull(strstr(error->message, "empty"));
    vl_input_error_free(error);

    doc = vl_document_parse("t.xml", g_memdup2("<domain>\n\0</domain>", 19), 19, &error);
    ck_assert_ptr_null(doc);
    ck_assert_ptr_nonnull(strstr(error->message, "NUL"));
    ck_assert_int_eq(error->line, 2);
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_undeclared_prefix_is_not_fatal)
{
    VlInputError *error;
    g_autoptr(VlDocument) doc = parse("<domain><qemu:commandline><qemu:arg value='-S'/></qemu:commandline></domain>", &error);

    /* the qemu-namespace rule reports it; the loader must not refuse it */
    ck_assert_ptr_nonnull(doc);
}
END_TEST

START_TEST(test_column_of_repeated_elements)
{
    VlInputError *error;
    g_autoptr(VlDocument) doc = parse("<domain>\n  <a/><b/><b x='1'/>\n</domain>\n", &error);
    xmlNodePtr a = xmlFirstElementChild(xmlDocGetRootElement(doc->doc));
    xmlNodePtr b1 = xmlNextElementSibling(a), b2 = xmlNextElementSibling(b1);

    ck_assert_int_eq(vl_document_column(doc, xmlDocGetRootElement(doc->doc)), 1);
    ck_assert_int_eq(vl_document_column(doc, a), 3);
    ck_assert_int_eq(vl_document_column(doc, b1), 7);
    ck_assert_int_eq(vl_document_column(doc, b2), 11);
}
END_TEST

START_TEST(test_directory_and_fifo_refused)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *fifo = g_build_filename(dir, "pipe.xml", NULL);
    VlInputError *error = NULL;

    ck_assert_ptr_null(vl_document_load_file(dir, &config, &error));
    ck_assert_ptr_nonnull(strstr(error->message, "not a regular file"));
    vl_input_error_free(error);

    ck_assert_int_eq(mkfifo(fifo, 0600), 0);
    error = NULL;
    ck_assert_ptr_null(vl_document_load_file(fifo, &config, &error)); /* must not block */
    ck_assert_ptr_nonnull(strstr(error->message, "not a regular file"));
    vl_input_error_free(error);
    unlink(fifo);
    rmdir(dir);
}
END_TEST

START_TEST(test_size_limit)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *path = g_build_filename(dir, "big.xml", NULL);
    VlConfig small = config;
    VlInputError *error = NULL;

    small.max_file_size = 16;
    ck_assert(g_file_set_contents(path, "<domain><name>big</name></domain>", -1, NULL));
    ck_assert_ptr_null(vl_document_load_file(path, &small, &error));
    ck_assert_ptr_nonnull(strstr(error->message, "limit"));
    vl_input_error_free(error);
    unlink(path);
    rmdir(dir);
}
END_TEST

START_TEST(test_missing_file)
{
    VlInputError *error = NULL;

    ck_assert_ptr_null(vl_document_load_file("/nonexistent/x.xml", &config, &error));
    ck_assert_str_eq(error->path, "/nonexistent/x.xml");
    ck_assert_ptr_nonnull(strstr(error->message, "cannot open"));
    vl_input_error_free(error);
}
END_TEST

START_TEST(test_inputs_expand_sorted_xml_only)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *sub = g_build_filename(dir, "sub", NULL);
    const char *files[] = { "b.xml", "a.xml", "notes.txt", "sub/c.xml" };
    char *paths[] = { dir, NULL };
    g_autoptr(GPtrArray) errors = g_ptr_array_new();
    g_autoptr(GPtrArray) out = NULL;

    ck_assert_int_eq(mkdir(sub, 0700), 0);
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *p = g_build_filename(dir, files[i], NULL);
        ck_assert(g_file_set_contents(p, "x", -1, NULL));
    }
    out = vl_inputs_expand(paths, errors);
    ck_assert_uint_eq(out->len, 3);
    ck_assert(g_str_has_suffix(g_ptr_array_index(out, 0), "/a.xml"));
    ck_assert(g_str_has_suffix(g_ptr_array_index(out, 1), "/b.xml"));
    ck_assert(g_str_has_suffix(g_ptr_array_index(out, 2), "/sub/c.xml"));
    ck_assert_uint_eq(errors->len, 0);
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *p = g_build_filename(dir, files[i], NULL);
        unlink(p);
    }
    rmdir(sub);
    rmdir(dir);
}
END_TEST

/* Leaves out "sub" (a directory) and anything called skip.xml; counts calls. */
static bool
exclude_sub(const char *path, gpointer data)
{
    (*(int *) data)++;
    return g_str_has_suffix(path, "/sub") || g_str_has_suffix(path, "skip.xml");
}

START_TEST(test_inputs_collect_excludes_and_marks)
{
    g_autofree char *dir = temp_dir();
    g_autofree char *sub = g_build_filename(dir, "sub", NULL);
    g_autofree char *only_sub = g_build_filename(dir, "only", NULL);
    const char *files[] = { "a.xml", "skip.xml", "sub/c.xml", "only/skip.xml" };
    char *paths[] = { dir, "named.xml", "skip.xml", "-", NULL };
    char *excluded_only[] = { only_sub, NULL };
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func((GDestroyNotify) vl_input_error_free);
    g_autoptr(GPtrArray) out = NULL;
    int calls = 0;
    VlInputOptions options = { .excluded = exclude_sub, .data = &calls };
    const VlInput *in;

    ck_assert_int_eq(mkdir(sub, 0700), 0);
    ck_assert_int_eq(mkdir(only_sub, 0700), 0);
    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *p = g_build_filename(dir, files[i], NULL);
        ck_assert(g_file_set_contents(p, "x", -1, NULL));
    }

    /* a walk: sub/ never entered, skip.xml left out; named files kept, unmarked */
    out = vl_inputs_collect(paths, &options, errors);
    ck_assert_uint_eq(errors->len, 0);
    ck_assert_uint_eq(out->len, 4);
    in = g_ptr_array_index(out, 0);
    ck_assert(g_str_has_suffix(in->path, "/a.xml"));
    ck_assert(in->walked);
    for (guint i = 1; i < 4; i++) {
        in = g_ptr_array_index(out, i);
        ck_assert_str_eq(in->path, paths[i]);
        ck_assert(!in->walked);
    }
    /* a.xml, only/, only/skip.xml, skip.xml, sub/: named files are not asked about */
    ck_assert_int_eq(calls, 5);
    g_clear_pointer(&out, g_ptr_array_unref);

    /* named files treated like a walk's: excluded ones dropped, the rest marked */
    options.named_as_walked = true;
    out = vl_inputs_collect(paths + 1, &options, errors);
    ck_assert_uint_eq(out->len, 2);
    in = g_ptr_array_index(out, 0);
    ck_assert_str_eq(in->path, "named.xml");
    ck_assert(in->walked);
    in = g_ptr_array_index(out, 1);
    ck_assert_str_eq(in->path, "-");
    ck_assert(!in->walked);
    g_clear_pointer(&out, g_ptr_array_unref);

    /* a directory whose files are all excluded is not "no *.xml files" */
    out = vl_inputs_collect(excluded_only, &options, errors);
    ck_assert_uint_eq(out->len, 0);
    ck_assert_uint_eq(errors->len, 0);

    for (gsize i = 0; i < G_N_ELEMENTS(files); i++) {
        g_autofree char *p = g_build_filename(dir, files[i], NULL);
        unlink(p);
    }
    rmdir(sub);
    rmdir(only_sub);
    rmdir(dir);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("loader");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_loads_domain_with_lines);
    tcase_add_test(tc, test_not_well_formed_has_position);
    tcase_add_test(tc, test_doctype_refused_before_entities);
    tcase_add_test(tc, test_external_entity_never_read);
    tcase_add_test(tc, test_undefined_entity_is_error);
    tcase_add_test(tc, test_root_must_be_libvirt);
    tcase_add_test(tc, test_kind_from_root);
    tcase_add_test(tc, test_error_kinds);
    tcase_add_test(tc, test_empty_and_nul);
    tcase_add_test(tc, test_undeclared_prefix_is_not_fatal);
    tcase_add_test(tc, test_column_of_repeated_elements);
    tcase_add_test(tc, test_directory_and_fifo_refused);
    tcase_add_test(tc, test_size_limit);
    tcase_add_test(tc, test_missing_file);
    tcase_add_test(tc, test_inputs_expand_sorted_xml_only);
    tcase_add_test(tc, test_inputs_collect_excludes_and_marks);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
