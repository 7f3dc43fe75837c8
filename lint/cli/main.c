/* virtlint: lint libvirt domain XML. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "lint/cli/cli.h"
#include "lint/cli/define.h"
#include "lint/cli/edit.h"
#include "lint/engine/notes.h"
#include "lint/engine/config.h"
#include "lint/fix/atomicwrite.h"
#include "lint/engine/engine.h"
#include "lint/fix/fix.h"
#include "lint/fix/suppression.h"
#include "lint/load/inputs.h"
#include "lint/cli/show_pinning.h"
#include "lint/host/connection.h"
#include "lint/host/host.h"
#include "lint/host/libvirtcheck.h"
#include "lint/host/live.h"
#include "lint/lsp/server.h"
#include "lint/output/output.h"
#include "lint/cli/rcfile.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/engine/spelling.h"
#include "lint/output/ruledoc.h"
#include "lint/schema/schema.h"
#include "lint/schema/schemacache.h"
#include "lint/fix/udiff.h"
#include "lint/engine/version.h"

enum {
    EXIT_CLEAN = 0,
    EXIT_FINDINGS = 1,
    EXIT_TROUBLE = 2, /* usage or input errors */
};

static void
print_input_error(const VlInputError *e)
{
    g_autofree char *text = vl_input_error_format(e);

    fprintf(stderr, "%s\n", text);
}

typedef struct {
    const VlConfig *base;       /* the command line's */
    const VlConfig *config;     /* the input's: base + its .virtlintrc */
    VlContext *context;         /* the compiled schemas, stylesheets and patterns every engine shares */
    VlEngine base_engine;       /* for base, made once: most inputs have no .virtlintrc */
    const VlEngine *engine;     /* for the input's config */
    GHashTable *rcfiles;        /* .virtlintrc path -> VlRcFile*, loaded once */
    VlLive *live;               /* --connect/--domain: the libvirt connection */
    const char *label;          /* its name in findings, with several connections */
    const VlCli *cli;
    VlOutput *output;
    FILE *out;              /* findings; stderr when stdout carries a fixed document */
    VlStats stats;
    guint input_errors;
    bool walked;            /* the input was found in a directory (or --filter-files) */
    bool failed;            /* findings at or above --fail-on */
    bool would_change;      /* --diff found something to fix */
} Run;

static void
count(Run *run, GPtrArray *findings)
{
    for (guint j = 0; j < findings->len; j++) {
        const VlFinding *f = g_ptr_array_index(findings, j);

        run->stats.findings[f->severity]++;
        if (f->severity >= run->config->fail_on)
            run->failed = true;
        if (vl_fix_allowed(f, run->config->unsafe_fixes))
            run->stats.fixable++;
        else if (vl_fix_allowed(f, true))
            run->stats.fixable_unsafe++;
    }
}

/* --fix / --diff: returns the document to report on (DOC, or the fixed
 * one, which the caller frees), or NULL when writing failed.  *WITHHELD
 * receives the reasons fixes were withheld, by rule id. */
typedef enum {
    SINK_FILE,      /* rewrite the file */
    SINK_STDOUT,    /* standard input's fixed document goes to stdout */
    SINK_DOMAIN,    /* a live domain: define it (--define) or show the diff */
} Sink;

static bool define_domain(Run *run, VlDocument *doc, const char *domain, const char *text);

/* Fix DOC and put the result where SINK says.  Returns the document to
 * report on (DOC, or the fixed one, which the caller frees) with, in
 * *FINDINGS, its findings when fixing found them already; NULL when the
 * result could not be written. */
static VlDocument *
fix_input(Run *run, VlDocument *doc, Sink sink, const char *domain, GHashTable **withheld, GPtrArray **findings,
          GError **libvirt_error)
{
    const VlConfig *c = run->config;
    g_autoptr(VlFixResult) res = vl_fix_document(run->engine, doc, c->unsafe_fixes);
    g_autoptr(GError) error = NULL;

    if (res->libvirt_error)
        g_propagate_error(libvirt_error, g_steal_pointer(&res->libvirt_error));

    for (guint i = 0; c->show_fixes && i < res->applied->len; i++) {
        const VlAppliedFix *a = g_ptr_array_index(res->applied, i);
        fprintf(stderr, "%s: %s %s (%u finding%s): %s\n", doc->path, c->diff ? "would fix" : "fixed", a->rule->id,
                a->findings, a->findings == 1 ? "" : "s", a->description);
    }

    *withheld = g_hash_table_ref(res->withheld);
    if (c->diff || (sink == SINK_DOMAIN && !c->define)) {
        GHashTableIter it;
        gpointer rule, why;
        g_autoptr(GString) diff = g_string_new(NULL);

        g_hash_table_iter_init(&it, res->withheld);
        while (g_hash_table_iter_next(&it, &rule, &why))
            fprintf(stderr, "%s: %s: fix withheld: %s\n", doc->path, (const char *) rule, (const char *) why);
        vl_udiff(diff, doc->path, doc->data, doc->len, res->text, res->len);
        fputs(diff->str, stdout);
        run->would_change |= res->changed;
        return doc;
    }
    if (sink == SINK_STDOUT) {
        fwrite(res->text, 1, res->len, stdout);
    } else if (sink == SINK_DOMAIN) {
        if (res->changed && !define_domain(run, doc, domain, res->text))
            return NULL;
    } else if (res->changed && !vl_write_atomic(doc->path, res->text, res->len, doc->data, doc->len, &error)) {
        fprintf(stderr, "%s: error: %s\n", doc->path, error->message);
        run->input_errors++;
        return NULL;
    }
    *findings = g_steal_pointer(&res->findings);
    run->stats.suggestions += res->hidden_suggestions;
    if (!res->changed)
        return doc;
    for (guint i = 0; i < res->applied->len; i++)
        run->stats.fixed += ((const VlAppliedFix *) g_ptr_array_index(res->applied, i))->findings;
    run->stats.fixed_files++;
    return g_steal_pointer(&res->document);
}

/* --fix --define: save the current definition to a timestamped backup,
 * then define the fixed one. */
static bool
define_domain(Run *run, VlDocument *doc, const char *domain, const char *text)
{
    g_autoptr(GError) error = NULL;
    gboolean running = FALSE;

    if (!vl_define_with_backup(run->live, doc->path, domain, doc->data, doc->len, text, &running, &error)) {
        fprintf(stderr, "%s: error: %s\n", doc->path, error->message);
        run->input_errors++;
        return false;
    }
    fprintf(stderr, "%s: %s definition defined%s\n", doc->path, run->cli->add_suppressions ? "new" : "fixed",
            running ? "; the domain is running: the change applies at its next boot" : "");
    return true;
}

/* --add-suppressions: silence DOC's findings where SINK says (as --fix
 * writes, with the <metadata> form for a live domain, whose comments libvirt
 * would drop). */
static void
add_suppressions(Run *run, VlDocument *doc, Sink sink, const char *domain)
{
    const VlConfig *c = run->config;
    VlSuppressForm form = sink == SINK_DOMAIN ? VL_SUPPRESS_METADATA : VL_SUPPRESS_COMMENT;
    g_autoptr(GError) error = NULL;
    guint silenced;
    gsize len;
    g_autofree char *text =
        vl_suppression_silence(run->engine, doc, form, run->cli->suppress_reason, &len, &silenced, &error);

    if (!text) {
        fprintf(stderr, "%s: error: %s\n", doc->path, error->message);
        run->input_errors++;
        return;
    }
    run->stats.files++;
    if (c->diff || (sink == SINK_DOMAIN && !c->define)) {
        g_autoptr(GString) diff = g_string_new(NULL);

        vl_udiff(diff, doc->path, doc->data, doc->len, text, len);
        fputs(diff->str, stdout);
        run->would_change |= silenced > 0;
        return;
    }
    if (sink == SINK_STDOUT) {
        fwrite(text, 1, len, stdout);
    } else if (!silenced) {
        return;
    } else if (sink == SINK_DOMAIN) {
        if (!define_domain(run, doc, domain, text))
            return; /* it said why */
    } else if (!vl_write_atomic(doc->path, text, len, doc->data, doc->len, &error)) {
        fprintf(stderr, "%s: error: %s\n", doc->path, error->message);
        run->input_errors++;
        return;
    }
    if (silenced && !c->quiet)
        fprintf(stderr, "%s: %u finding%s silenced\n", doc->path, silenced, silenced == 1 ? "" : "s");
}

/* The .virtlintrc that applies to PATH: *RC, or NULL when none does.  False
 * (and an input error) when that file is broken. */
static bool
input_rcfile(Run *run, const char *path, const VlRcFile **rc)
{
    g_autofree char *rc_path = NULL;

    *rc = NULL;
    if (run->base->no_config)
        return true;
    rc_path = run->base->config_path ? g_strdup(run->base->config_path)
                                     : vl_rcfile_find(strcmp(path, "-") == 0 ? "./-" : path);
    if (!rc_path)
        return true;
    if (!g_hash_table_lookup_extended(run->rcfiles, rc_path, NULL, (gpointer *) rc)) {
        g_autoptr(GError) error = NULL;
        *rc = vl_rcfile_load(rc_path, &error);
        if (!*rc)
            fprintf(stderr, "%s: error: %s\n", path, error->message);
        g_hash_table_insert(run->rcfiles, g_strdup(rc_path), (gpointer) *rc);
    }
    if (!*rc) {
        run->input_errors++;
        return false;
    }
    return true;
}

static void lint_document(Run *run, const char *path, const char *domain);

/* Lint one input: PATH (a file or -), or the live DOMAIN when set, with the
 * command line's configuration and the .virtlintrc that applies to it. */
static void
lint_input(Run *run, const char *path, const char *domain)
{
    const char *where = domain ? "./-" : path;
    const VlRcFile *rc;
    VlConfig cfg;
    VlEngine engine;
    g_autoptr(GError) error = NULL;

    if (!input_rcfile(run, where, &rc))
        return;
    if (!rc) {
        lint_document(run, path, domain);
        return;
    }
    vl_config_copy(&cfg, run->base);
    vl_rcfile_apply(rc, where, &cfg);
    if (!vl_engine_init(&engine, run->context, &cfg, &error)) {
        fprintf(stderr, "%s: error: %s\n", path, error->message);
        run->input_errors++;
    } else {
        run->config = &cfg;
        run->engine = &engine;
        lint_document(run, path, domain);
        run->config = run->base;
        run->engine = &run->base_engine;
    }
    vl_engine_clear(&engine);
    vl_config_clear(&cfg);
}

static VlDocument *
load_domain(Run *run, const char *domain, VlInputError **error)
{
    g_autoptr(GError) gerr = NULL;
    g_autofree char *name = NULL, *display = NULL;
    /* what is defined back must keep its secrets (a VNC password) */
    char *xml = run->base->define ? vl_live_get_xml_secure(run->live, domain, &name, &gerr)
                                  : vl_live_get_xml(run->live, domain, &name, &gerr);

    if (!xml) {
        g_autofree char *where = run->label ? g_strdup_printf("%s: %s", run->label, domain) : g_strdup(domain);

        *error = vl_input_error_new(VL_INPUT_ERROR_UNAVAILABLE, where, 0, 0, "%s", gerr->message);
        return NULL;
    }
    display = run->label ? g_strdup_printf("%s: domain %s", run->label, name) : g_strdup_printf("domain %s", name);
    return vl_document_parse(display, xml, strlen(xml), error);
}

/* --libvirt-check could not get libvirt's verdict on DOC (libvirt crashed,
 * hung or could not be loaded): ERROR, an input error, reported as such. */
static bool
libvirt_failed(Run *run, VlDocument *doc, const GError *error)
{
    if (!error)
        return false;
    fprintf(stderr, "%s: error: %s\n", doc->path, error->message);
    run->input_errors++;
    return true;
}

static void
lint_document(Run *run, const char *path, const char *domain)
{
    const VlConfig *c = run->config;
    bool is_stdin = !domain && strcmp(path, "-") == 0;
    g_autoptr(VlInputError) load_error = NULL;
    g_autoptr(VlDocument) doc = domain ? load_domain(run, domain, &load_error)
                               : is_stdin ? vl_document_load_stdin(c, &load_error)
                                          : vl_document_load_file(path, c, &load_error);
    g_autoptr(GPtrArray) findings = NULL;
    g_autoptr(GHashTable) withheld = NULL;
    g_autoptr(GError) libvirt_error = NULL;
    VlDocument *report_on = doc;

    if (!doc && load_error->kind == VL_INPUT_ERROR_NOT_LIBVIRT && run->walked) {
        /* a walk meets other XML (a Maven pom, an SVG): not an error */
        if (!c->quiet)
            fprintf(stderr, "%s: skipped: %s\n", load_error->path, load_error->message);
        return;
    }
    if (!doc) {
        print_input_error(load_error);
        run->input_errors++;
        return;
    }
    if (run->cli->add_suppressions) {
        add_suppressions(run, doc, domain ? SINK_DOMAIN : is_stdin ? SINK_STDOUT : SINK_FILE, domain);
        return;
    }
    if (c->fix || c->diff) {
        Sink sink = domain ? SINK_DOMAIN : is_stdin ? SINK_STDOUT : SINK_FILE;
        if (!(report_on = fix_input(run, doc, sink, domain, &withheld, &findings, &libvirt_error)))
            return;
    }
    run->stats.files++;
    if (c->diff) {
        libvirt_failed(run, doc, libvirt_error);
        return; /* --diff prints the diff only */
    }
    if (!findings) {
        g_autoptr(GError) lint_error = NULL;

        findings = vl_engine_lint_checked(run->engine, report_on, &run->stats.suggestions, &lint_error);
        /* a failure while fixing stands unless this check fails anew */
        if (lint_error) {
            g_clear_error(&libvirt_error);
            libvirt_error = g_steal_pointer(&lint_error);
        }
    }
    if (libvirt_failed(run, report_on, libvirt_error)) {
        /* an input error instead of a report, as for a file that cannot be read */
        run->stats.files--;
        g_clear_pointer(&findings, g_ptr_array_unref);
        if (report_on != doc)
            vl_document_free(report_on);
        return;
    }
    for (guint i = 0; withheld && i < findings->len; i++) {
        VlFinding *f = g_ptr_array_index(findings, i);
        const char *why = g_hash_table_lookup(withheld, f->rule->id);

        if (why && f->fix) {
            char *message = g_strdup_printf("%s (fix withheld: %s)", f->message, why);
            g_free(f->message);
            f->message = message;
            vl_finding_drop_fix(f); /* not offered again: it was tried */
        }
    }
    if (c->format == VL_FORMAT_JSON || c->format == VL_FORMAT_SARIF)
        vl_fix_attach_edits(run->context, report_on, findings, c->unsafe_fixes);
    count(run, findings);
    if (run->output)
        vl_output_document(run->output, report_on, findings);
    g_clear_pointer(&findings, g_ptr_array_unref); /* findings point into report_on */
    if (report_on != doc)
        vl_document_free(report_on);
}

/* A directory walk (or --filter-files) leaves out what the applicable
 * .virtlintrc excludes.  A broken .virtlintrc excludes nothing: linting
 * the file reports it. */
static bool
input_excluded(const char *path, gpointer data)
{
    Run *run = data;
    const VlRcFile *rc;

    return input_rcfile(run, path, &rc) && rc && vl_rcfile_excludes(rc, path);
}

static bool
reads_stdin(char **paths)
{
    for (char **p = paths; p && *p; p++) {
        if (strcmp(*p, "-") == 0)
            return true;
    }
    return false;
}

/* The one --connect URI, or NULL (none, or several: see lint_connection). */
static const char *
single_connect(const VlCli *cli)
{
    return cli->connects && cli->connects[0] && !cli->connects[1] ? cli->connects[0] : NULL;
}

static bool
several_connects(const VlCli *cli)
{
    return cli->connects && cli->connects[0] && cli->connects[1];
}

/* Host facts from files (--capabilities, --domcapabilities, --nodedev) or,
 * failing those, from the one --connect connection. */
static VlHost *
host_facts(Run *run, const VlCli *cli, GError **error)
{
    g_autoptr(VlHost) host = vl_host_new();
    g_autofree char *caps = NULL, *domcaps = NULL;

    if (cli->capabilities && (!g_file_get_contents(cli->capabilities, &caps, NULL, error) ||
                              !vl_host_add_capabilities(host, caps, cli->capabilities, error)))
        return NULL;
    if (cli->domcapabilities && (!g_file_get_contents(cli->domcapabilities, &domcaps, NULL, error) ||
                                 !vl_host_add_domcapabilities(host, domcaps, cli->domcapabilities, error)))
        return NULL;
    if (cli->nodedev && !vl_host_add_nodedev_dir(host, cli->nodedev, error))
        return NULL;
    if (vl_host_empty(host) && single_connect(cli)) {
        if (!run->live && !(run->live = vl_live_open(single_connect(cli), error)))
            return NULL;
        if (!vl_live_host(run->live, host, error))
            return NULL;
    }
    return g_steal_pointer(&host);
}

/* Say once that host-aware rules were skipped for want of host facts. */
static void
note_host_rules(VlContext *context, const VlConfig *config)
{
    VlEngine all = { 0 };
    VlConfig with_host = *config;
    g_autoptr(VlHost) fake = vl_host_new();
    gsize count, skipped = 0;
    const VlRule *const *rules = vl_registry_rules(&count);

    if (config->quiet || !vl_host_empty(config->host))
        return;
    fake->have_caps = true; /* only to ask which host rules the selection enables */
    with_host.host = fake;
    with_host.schema_path = NULL;
    if (!vl_engine_init(&all, context, &with_host, NULL)) {
        vl_engine_clear(&all);
        return;
    }
    for (gsize i = 0; i < count; i++)
        skipped += rules[i]->needs_host && all.enabled[i];
    vl_engine_clear(&all);
    if (skipped)
        fprintf(stderr, "virtlint: note: %zu host-aware rule%s skipped: no host facts (give --connect, "
                "--capabilities, --domcapabilities or --nodedev)\n", (size_t) skipped, skipped == 1 ? "" : "s");
}

/* The live domains to lint: --domain NAME..., or every persistent one. */
static GPtrArray *
live_domains(Run *run, const VlCli *cli, GError **error)
{
    GPtrArray *names;

    if ((!cli->domains && !cli->all_domains) || several_connects(cli))
        return NULL;
    if (!(run->live = vl_live_open(single_connect(cli), error)))
        return NULL;
    if (cli->all_domains)
        return vl_live_list(run->live, error);
    names = g_ptr_array_new_with_free_func(g_free);
    for (char **d = cli->domains; *d; d++)
        g_ptr_array_add(names, g_strdup(*d));
    return names;
}

/* One of several --connect URIs: its domains (those of --domain it has,
 * added to FOUND), linted with its own host
 * facts (unless files gave them) and its libvirt release (unless
 * --libvirt-version did), named "LABEL: domain NAME".  A connection that
 * fails is an input error; the others are still linted. */
static void
lint_connection(Run *run, const VlCli *cli, const char *uri, const char *label, const VlHost *file_host,
                GHashTable *found)
{
    g_autoptr(GError) error = NULL;
    bool have_files = !vl_host_empty(file_host);
    g_autoptr(VlConnection) conn =
        vl_connection_open(uri, cli->domains, cli->all_domains, true, !have_files, &error);
    const VlConfig *base = run->base;
    VlEngine base_engine = run->base_engine;
    VlConfig config;

    if (!conn) {
        fprintf(stderr, "virtlint: %s\n", error->message);
        run->input_errors++;
        return;
    }
    vl_config_copy(&config, base);
    config.host = have_files ? file_host : vl_host_empty(conn->host) ? NULL : conn->host;
    if (conn->libvirt_version && !(config.set_by_cli & VL_SET_LIBVIRT)) {
        config.libvirt_version = conn->libvirt_version;
        config.set_by_cli |= VL_SET_LIBVIRT;
    }
    if (!vl_engine_init(&run->base_engine, run->context, &config, &error)) {
        fprintf(stderr, "virtlint: %s: %s\n", uri, error->message);
        run->input_errors++;
    } else {
        run->base = run->config = &config;
        run->engine = &run->base_engine;
        run->live = conn->live;
        run->label = label;
        for (guint i = 0; i < conn->domains->len; i++) {
            g_hash_table_add(found, g_strdup(g_ptr_array_index(conn->domains, i)));
            lint_input(run, NULL, g_ptr_array_index(conn->domains, i));
        }
        run->live = NULL;
        run->label = NULL;
    }
    vl_engine_clear(&run->base_engine);
    run->base_engine = base_engine;
    run->base = run->config = base;
    run->engine = &run->base_engine;
    vl_config_clear(&config);
}

/* Several --connect URIs: each --domain is linted wherever it is, and is
 * an input error when no connection has it. */
static void
lint_connections(Run *run, const VlCli *cli, const VlHost *file_host)
{
    g_auto(GStrv) labels = vl_connection_labels(cli->connects);
    g_autoptr(GHashTable) found = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    for (guint i = 0; cli->connects[i]; i++)
        lint_connection(run, cli, cli->connects[i], labels[i], file_host, found);
    for (char **d = cli->domains; d && *d; d++) {
        if (!g_hash_table_contains(found, *d)) {
            fprintf(stderr, "%s: error: no domain '%s' on any of the connections\n", *d, *d);
            run->input_errors++;
        }
    }
}

static int
lint_inputs(VlContext *context, VlConfig *config, const VlCli *cli)
{
    char **paths = cli->paths;
    g_autoptr(GPtrArray) domains = NULL;
    g_autoptr(VlHost) host = NULL;
    Run run = { .context = context, .base = config, .config = config, .cli = cli };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func((GDestroyNotify) vl_input_error_free);
    g_autoptr(GPtrArray) inputs = NULL;

    /* the command line's own rule names and schema are checked up front */
    if (!vl_engine_init(&run.base_engine, context, config, &error)) {
        fprintf(stderr, "virtlint: %s\n", error->message);
        vl_engine_clear(&run.base_engine);
        return EXIT_TROUBLE;
    }
    vl_engine_clear(&run.base_engine);
    domains = live_domains(&run, cli, &error);
    if (!error && cli->edit && !vl_edit_target_is_file(cli->edit))
        run.live = vl_live_open(single_connect(cli), &error);
    if (!error)
        host = host_facts(&run, cli, &error);
    if (error) {
        fprintf(stderr, "virtlint: %s\n", error->message);
        vl_live_close(run.live);
        return EXIT_TROUBLE;
    }
    config->host = vl_host_empty(host) ? NULL : host;
    /* a connection knows its libvirt exactly: target it unless told otherwise */
    if (run.live && !(config->set_by_cli & VL_SET_LIBVIRT)) {
        unsigned connected = vl_live_libvirt_version(run.live);

        if (connected) {
            config->libvirt_version = connected;
            config->set_by_cli |= VL_SET_LIBVIRT;
        }
    }
    /* several connections bring their own facts: the note is for the files */
    if (!several_connects(cli) || (paths && paths[0]))
        note_host_rules(context, config);
    /* again, now that the host-aware rules know whether they can run */
    if (!vl_engine_init(&run.base_engine, context, config, &error)) {
        fprintf(stderr, "virtlint: %s\n", error->message);
        vl_engine_clear(&run.base_engine);
        vl_live_close(run.live);
        return EXIT_TROUBLE;
    }
    run.engine = &run.base_engine;
    if (cli->edit) {
        VlEditStatus status = vl_edit_run(context, config, run.live, cli->edit, stdin, stdout);

        vl_engine_clear(&run.base_engine);
        vl_live_close(run.live);
        return (int) status;
    }
    run.rcfiles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) vl_rcfile_free);

    inputs = vl_inputs_collect(paths, &(VlInputOptions) { .excluded = input_excluded, .data = &run,
                                                          .named_as_walked = cli->filter_files }, errors);
    for (guint i = 0; i < errors->len; i++)
        print_input_error(g_ptr_array_index(errors, i));
    run.input_errors += errors->len;

    /* With --fix on stdin the fixed document owns stdout. */
    run.out = (config->fix || cli->add_suppressions) && reads_stdin(paths) ? stderr : stdout;
    /* --diff and --add-suppressions report what they change, not findings */
    run.output = config->diff || cli->add_suppressions ? NULL : vl_output_new(config, run.out);
    for (guint i = 0; i < inputs->len; i++) {
        const VlInput *input = g_ptr_array_index(inputs, i);

        run.walked = input->walked;
        lint_input(&run, input->path, NULL);
    }
    run.walked = false;
    for (guint i = 0; domains && i < domains->len; i++)
        lint_input(&run, NULL, g_ptr_array_index(domains, i));
    if (several_connects(cli))
        lint_connections(&run, cli, host);
    if (run.output) {
        vl_output_finish(run.output, &run.stats, run.input_errors);
        vl_output_free(run.output);
    }
    g_hash_table_unref(run.rcfiles);
    vl_engine_clear(&run.base_engine);
    vl_live_close(run.live);

    if (run.input_errors)
        return EXIT_TROUBLE;
    /* --add-suppressions: 0 once written (the inputs lint clean), 1 when
     * it only showed a diff (--diff, a live domain without --define) */
    if (config->diff || cli->add_suppressions)
        return run.would_change ? EXIT_FINDINGS : EXIT_CLEAN;
    return run.failed ? EXIT_FINDINGS : EXIT_CLEAN;
}

static int
explain(const char *id)
{
    const VlRule *rule = vl_registry_find(id);

    if (!rule) {
        const char *near = vl_spelling_rule_name(id);

        if (near && vl_registry_find(near))
            fprintf(stderr, "virtlint: --explain: no rule '%s'; did you mean '%s'?\n", id, near);
        else
            fprintf(stderr, "virtlint: --explain: no rule '%s' (see virtlint --list-rules)\n", id);
        return EXIT_TROUBLE;
    }
    vl_ruledoc_section(stdout, rule, NULL);
    return EXIT_CLEAN;
}

/* The library's notes (lint/engine/notes.h) go to stderr. */
static void
print_note(VlNoteLevel level, const char *message, gpointer data G_GNUC_UNUSED)
{
    fprintf(stderr, "virtlint: %s: %s\n", level == VL_NOTE_ERROR ? "error" : "note", message);
}

int
main(int argc, char **argv)
{
    VlConfig config;
    VlCli cli = { 0 };
    g_autoptr(GError) error = NULL;
    int rc = EXIT_CLEAN;

    LIBXML_TEST_VERSION
    /* A write past a file-size limit must fail with EFBIG, leaving the
     * original in place, rather than kill the process halfway. */
    signal(SIGXFSZ, SIG_IGN);
    vl_notes_set_handler(print_note, NULL);
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
        case VL_MODE_LINT: {
            g_autoptr(VlContext) context = vl_context_new();

            vl_context_configure_cache(context, cli.cache_dir, !cli.no_cache);
            vl_libvirt_check_configure(cli.cache_dir, !cli.no_cache);
            rc = lint_inputs(context, &config, &cli);
            if (vl_context_schema_failed(context))
                rc = EXIT_TROUBLE;
            break;
        }
        case VL_MODE_SHOW_PINNING:
            rc = vl_show_pinning(&config, &cli);
            break;
        case VL_MODE_LSP: {
            g_autoptr(VlContext) context = vl_context_new();

            vl_context_configure_cache(context, cli.cache_dir, !cli.no_cache);
            vl_libvirt_check_configure(cli.cache_dir, !cli.no_cache);
            rc = vl_lsp_serve(context, &config, STDIN_FILENO, STDOUT_FILENO);
            break;
        }
        }
    }

    vl_cli_clear(&cli);
    vl_config_clear(&config);
    vl_libvirt_check_release();
    xmlCleanupParser();
    return rc;
}
