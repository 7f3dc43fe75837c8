/* virtlint: lint libvirt domain XML. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli.h"
#include "config.h"
#include "engine.h"
#include "inputs.h"
#include "output.h"
#include "registry.h"
#include "report.h"
#include "ruledoc.h"
#include "schema.h"
#include "version.h"

enum {
    EXIT_CLEAN = 0,
    EXIT_FINDINGS = 1,
    EXIT_TROUBLE = 2, /* usage or input errors */
};

static void
print_input_error(const VlInputError *e)
{
    if (e->line > 0 && e->column > 0)
        fprintf(stderr, "%s:%d:%d: error: %s\n", e->path, e->line, e->column, e->message);
    else if (e->line > 0)
        fprintf(stderr, "%s:%d: error: %s\n", e->path, e->line, e->message);
    else
        fprintf(stderr, "%s: error: %s\n", e->path, e->message);
}

static int
lint_inputs(const VlConfig *config, char **paths)
{
    VlEngine engine = { 0 };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func((GDestroyNotify) vl_input_error_free);
    g_autoptr(GPtrArray) inputs = NULL;
    VlStats stats = { 0 };
    VlOutput *output;
    bool failed = false;
    guint input_errors = 0;

    if (!vl_engine_init(&engine, config, &error)) {
        fprintf(stderr, "virtlint: %s\n", error->message);
        vl_engine_clear(&engine);
        return EXIT_TROUBLE;
    }

    inputs = vl_inputs_expand(paths, errors);
    for (guint i = 0; i < errors->len; i++)
        print_input_error(g_ptr_array_index(errors, i));
    input_errors = errors->len;

    output = vl_output_new(config, stdout);
    for (guint i = 0; i < inputs->len; i++) {
        const char *path = g_ptr_array_index(inputs, i);
        g_autoptr(VlInputError) load_error = NULL;
        g_autoptr(VlDocument) doc = strcmp(path, "-") == 0 ? vl_document_load_stdin(config, &load_error)
                                                           : vl_document_load_file(path, config, &load_error);
        g_autoptr(GPtrArray) findings = NULL;

        if (!doc) {
            print_input_error(load_error);
            input_errors++;
            continue;
        }
        findings = vl_engine_lint(&engine, doc);
        stats.files++;
        for (guint j = 0; j < findings->len; j++) {
            const VlFinding *f = g_ptr_array_index(findings, j);
            stats.findings[f->severity]++;
            if (f->severity >= config->fail_on)
                failed = true;
        }
        vl_output_document(output, doc->path, findings);
    }
    vl_output_finish(output, &stats, input_errors);
    vl_output_free(output);
    vl_engine_clear(&engine);

    if (input_errors)
        return EXIT_TROUBLE;
    return failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int
explain(const char *id)
{
    const VlRule *rule = vl_registry_find(id);

    if (!rule) {
        fprintf(stderr, "virtlint: --explain: no rule '%s' (see virtlint --list-rules)\n", id);
        return EXIT_TROUBLE;
    }
    vl_ruledoc_section(stdout, rule);
    return EXIT_CLEAN;
}

int
main(int argc, char **argv)
{
    VlConfig config;
    VlCli cli = { 0 };
    g_autoptr(GError) error = NULL;
    int rc = EXIT_CLEAN;

    LIBXML_TEST_VERSION
    vl_config_init(&config);

    if (!vl_cli_parse(argc, argv, &config, &cli, &error)) {
        fprintf(stderr, "virtlint: %s\nTry 'virtlint --help'.\n", error->message);
        rc = EXIT_TROUBLE;
    } else {
        switch (cli.mode) {
        case VL_MODE_VERSION: {
            char libvirt[32];
            printf("virtlint %s (targets libvirt %s by default)\n", VL_VERSION,
                   vl_version_format(config.libvirt_version, libvirt, sizeof(libvirt)));
            break;
        }
        case VL_MODE_LIST_RULES:
            if (config.format == VL_FORMAT_JSON)
                vl_ruledoc_list_json(stdout);
            else
                vl_ruledoc_list_text(stdout, &config);
            break;
        case VL_MODE_EXPLAIN:
            rc = explain(cli.explain);
            break;
        case VL_MODE_LINT:
            rc = lint_inputs(&config, cli.paths);
            break;
        }
    }

    vl_cli_clear(&cli);
    vl_config_clear(&config);
    vl_schema_release();
    xmlCleanupParser();
    return rc;
}
