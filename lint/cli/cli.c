#include "lint/cli/cli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lint/cli/help.h"
#include "lint/engine/spelling.h"
#include "lint/model/guest.h"
#include "lint/engine/version.h"

G_DEFINE_QUARK(vl-cli-error, vl_cli_error)

/* "a,b" given once or several times -> one NULL-terminated list. */
static char **
split_lists(char **given)
{
    g_autoptr(GPtrArray) out = g_ptr_array_new();

    for (char **g = given; g && *g; g++) {
        g_auto(GStrv) parts = g_strsplit(*g, ",", -1);
        for (char **p = parts; *p; p++) {
            g_strstrip(*p);
            if (**p)
                g_ptr_array_add(out, g_strdup(*p));
        }
    }
    if (out->len == 0)
        return NULL;
    g_ptr_array_add(out, NULL);
    return (char **) g_ptr_array_free(g_steal_pointer(&out), FALSE);
}

/* NO_COLOR (https://no-color.org) turns the default off; an explicit
 * --color always is the user asking for colour and wins over it. */
static gboolean
want_color(const char *mode, GError **error)
{
    const char *no_color = g_getenv("NO_COLOR");

    if (!mode || strcmp(mode, "auto") == 0)
        return isatty(STDOUT_FILENO) && !(no_color && *no_color);
    if (strcmp(mode, "always") == 0)
        return TRUE;
    if (strcmp(mode, "never") == 0)
        return FALSE;
    g_set_error(error, VL_CLI_ERROR, 0, "--color: expected auto, always or never, got '%s'", mode);
    return FALSE;
}

/* "16M", "512K", "1048576" */
static gboolean
parse_size(const char *text, gsize *out)
{
    char *end;
    guint64 n = g_ascii_strtoull(text, &end, 10);
    guint64 unit = 1;

    if (end == text)
        return FALSE;
    if (*end == 'K' || *end == 'k')
        unit = 1024, end++;
    else if (*end == 'M' || *end == 'm')
        unit = 1024 * 1024, end++;
    else if (*end == 'G' || *end == 'g')
        unit = 1024 * 1024 * 1024, end++;
    if (*end || n == 0 || n > G_MAXSIZE / unit)
        return FALSE;
    *out = (gsize) (n * unit);
    return TRUE;
}

/* --add-suppressions[=REASON]: GLib passes a NULL value when there is none. */
static gboolean
add_suppressions(const char *name, const char *value, gpointer data, GError **error)
{
    VlCli *cli = data;

    cli->add_suppressions = TRUE;
    g_free(cli->suppress_reason);
    cli->suppress_reason = value && *value ? g_strdup(value) : NULL;
    return TRUE;
}

gboolean
vl_cli_parse(int argc, char **argv, VlConfig *config, VlCli *cli, GError **error)
{
    g_autofree char *format = NULL, *fail_on = NULL, *os = NULL, *edition = NULL, *color = NULL;
    g_autofree char *libvirt_version = NULL, *qemu_version = NULL, *max_file_size = NULL;
    g_auto(GStrv) select = NULL, ignore = NULL, paths = NULL;
    gboolean list_rules = FALSE, version = FALSE, quiet = FALSE, concise = FALSE, statistics = FALSE;
    gboolean fix = FALSE, diff = FALSE, unsafe_fixes = FALSE, show_fixes = FALSE, no_config = FALSE, define = FALSE;
    gboolean libvirt_check = FALSE, show_suggestions = FALSE, lsp = FALSE, help = FALSE, show_pinning = FALSE;
    g_autoptr(GError) color_error = NULL;
    GOptionEntry entries[] = {
        { "format", 0, 0, G_OPTION_ARG_STRING, &format, "Output format: text (default), json, sarif, github (workflow annotations) or junit", "FORMAT" },
        { "concise", 0, 0, G_OPTION_ARG_NONE, &concise, "Text: one line per finding, without the source excerpt", NULL },
        { "statistics", 0, 0, G_OPTION_ARG_NONE, &statistics, "Print how many findings each rule reported", NULL },
        { "show-suggestions", 0, 0, G_OPTION_ARG_NONE, &show_suggestions, "Also report suggestions (info findings), which are counted but not shown by default", NULL },
        { "select", 0, 0, G_OPTION_ARG_STRING_ARRAY, &select, "Run only these rules or categories, or report only these severities (comma-separated, repeatable)", "RULES" },
        { "ignore", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ignore, "Do not run these rules or categories, or report these severities (--ignore info)", "RULES" },
        { "fail-on", 0, 0, G_OPTION_ARG_STRING, &fail_on, "Exit 1 on findings of this severity or worse: error, warning (default), info", "SEVERITY" },
        { "os", 0, 0, G_OPTION_ARG_STRING, &os, "Guest OS when a file does not tell: windows, win10, win11, windows-server, linux, other", "OS" },
        { "edition", 0, 0, G_OPTION_ARG_STRING, &edition, "Windows edition: home, pro, education, enterprise, workstation, server", "EDITION" },
        { "libvirt-version", 0, 0, G_OPTION_ARG_STRING, &libvirt_version, "The libvirt release to target, X.Y[.Z] (default: the one installed here)", "VERSION" },
        { "qemu-version", 0, 0, G_OPTION_ARG_STRING, &qemu_version, "The QEMU release to target, X.Y[.Z] (default: unknown, assumed current)", "VERSION" },
        { "max-file-size", 0, 0, G_OPTION_ARG_STRING, &max_file_size, "Refuse inputs larger than this (bytes, or with K, M, G; default 16M)", "SIZE" },
        { "schema", 0, 0, G_OPTION_ARG_FILENAME, &config->schema_path, "Judge by this RelaxNG schema (default: the built-in one of the target libvirt release)", "PATH" },
        { "cache-dir", 0, 0, G_OPTION_ARG_FILENAME, &cli->cache_dir, "Keep schema verdicts (and --libvirt-check's verdicts and root) here (default: $VIRTLINT_CACHE_DIR, else ~/.cache/virtlint)", "DIR" },
        { "no-cache", 0, 0, G_OPTION_ARG_NONE, &cli->no_cache, "Neither read nor write the verdict caches (--libvirt-check: use a temporary root)", NULL },
        { "libvirt-check", 0, 0, G_OPTION_ARG_NONE, &libvirt_check, "Also define each document with the libvirt and QEMU installed here (embedded driver, no daemon) and report a refusal (rule libvirt-define)", NULL },
        { "fix", 0, 0, G_OPTION_ARG_NONE, &fix, "Apply safe fixes in place (with - for stdin: write the fixed document to stdout)", NULL },
        { "unsafe-fixes", 0, 0, G_OPTION_ARG_NONE, &unsafe_fixes, "Also apply (with --fix or --diff) or show unsafe fixes: those that change hardware the guest sees", NULL },
        { "diff", 0, 0, G_OPTION_ARG_NONE, &diff, "Write nothing; print the fixes as a unified diff (exit 1 when there is one)", NULL },
        { "show-fixes", 0, 0, G_OPTION_ARG_NONE, &show_fixes, "List the fixes applied", NULL },
        { "add-suppressions", 0, G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, (gpointer) add_suppressions, "Silence every finding shown with a suppression written into the file (a live domain's <metadata>); =REASON, optional, is written after a colon", "REASON" },
        { "connect", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &cli->connects, "libvirt connection URI for --domain/--all-domains/--edit (default: libvirt's, LIBVIRT_DEFAULT_URI); repeatable: each connection's domains, judged by its host", "URI" },
        { "domain", 'd', 0, G_OPTION_ARG_STRING_ARRAY, &cli->domains, "Lint this domain's persistent definition (name or UUID; repeatable)", "NAME" },
        { "all-domains", 0, 0, G_OPTION_ARG_NONE, &cli->all_domains, "Lint every persistent domain of the connection", NULL },
        { "capabilities", 0, 0, G_OPTION_ARG_FILENAME, &cli->capabilities, "Host facts: saved `virsh capabilities` output", "FILE" },
        { "domcapabilities", 0, 0, G_OPTION_ARG_FILENAME, &cli->domcapabilities, "Host facts: saved `virsh domcapabilities` output", "FILE" },
        { "show-pinning", 0, 0, G_OPTION_ARG_NONE, &show_pinning, "Instead of linting, draw the host's CPUs by L3 cache, core and thread with what each domain pins there (vCPU n, emulator, iothread n, free); needs host facts: --capabilities or --connect", NULL },
        { "nodedev", 0, 0, G_OPTION_ARG_FILENAME, &cli->nodedev, "Host facts: a directory of `virsh nodedev-dumpxml` outputs (*.xml)", "DIR" },
        { "define", 0, 0, G_OPTION_ARG_NONE, &define, "With --fix or --add-suppressions, and --domain: define the new definition (after saving a backup)", NULL },
        { "edit", 0, 0, G_OPTION_ARG_FILENAME, &cli->edit, "Edit a domain (through --connect) or a file in $VISUAL/$EDITOR, then lint it and offer to edit again, fix, save or define, or abandon", "NAME|FILE" },
        { "config", 0, 0, G_OPTION_ARG_FILENAME, &config->config_path, "Use this .virtlintrc for every input (default: the nearest one above each file, up to the repository root)", "PATH" },
        { "no-config", 0, 0, G_OPTION_ARG_NONE, &no_config, "Read no .virtlintrc", NULL },
        { "filter-files", 0, 0, G_OPTION_ARG_NONE, &cli->filter_files, "Treat the files named like files found in a directory: leave out what .virtlintrc excludes and skip XML that is no libvirt document (for pre-commit hooks)", NULL },
        { "list-rules", 0, 0, G_OPTION_ARG_NONE, &list_rules, "List every rule (with --format json: their metadata)", NULL },
        { "lsp", 0, 0, G_OPTION_ARG_NONE, &lsp, "Serve the Language Server Protocol on standard input and output, for editors", NULL },
        { "explain", 0, 0, G_OPTION_ARG_STRING, &cli->explain, "Explain a rule: summary, rationale, example, sources", "RULE" },
        { "color", 0, 0, G_OPTION_ARG_STRING, &color, "Colour: auto (default: on a terminal, unless NO_COLOR is set), always, never", "WHEN" },
        { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet, "Print findings only, no summary", NULL },
        { "version", 0, 0, G_OPTION_ARG_NONE, &version, "Print the version", NULL },
        { "help", 'h', G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &help, "Show this help", NULL },
        { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &paths, NULL, "PATH..." },
        { NULL, 0, 0, 0, NULL, NULL, NULL },
    };
    static const char epilogue[] =
        "PATH is a libvirt XML file (a domain, snapshot, network, storage pool or volume, nwfilter, secret, "
        "node device, interface, checkpoint or backup), a directory (its *.xml files, recursively, without "
        "those .virtlintrc excludes; other XML is skipped) or - for standard input.\n"
        "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage or input errors.\n"
        "Suppress a finding with <!-- virtlint-disable RULE --> before its element, or with "
        "<!-- virtlint-disable-file RULE --> anywhere in the file.\n"
        "Rules and their sources: virtlint --explain RULE, man virtlint.";
    g_autoptr(GOptionContext) ctx = g_option_context_new(NULL);
    g_autoptr(GError) parse_error = NULL;
    /* the main group as g_option_context_add_main_entries makes it, with
     * CLI for the callbacks */
    GOptionGroup *main_group = g_option_group_new(NULL, NULL, NULL, cli, NULL);
    /* g_option_context_parse() removes what it understood; keep the
     * arguments to name an unknown one */
    g_auto(GStrv) given = g_strdupv(argv);
    /* GLib gives an optional argument the next word unless it starts with
     * '-': "--add-suppressions FILE" would take FILE as the reason.  A bare
     * --add-suppressions has none; REASON needs the = form. */
    g_autofree char **args = g_new0(char *, (gsize) argc + 1);
    char **argp = args;
    bool options = true; /* until "--" */

    for (int i = 0; i < argc; i++) {
        options &= strcmp(argv[i], "--") != 0;
        args[i] = options && i > 0 && strcmp(argv[i], "--add-suppressions") == 0 ? (char *) "--add-suppressions="
                                                                                  : argv[i];
    }
    g_option_group_add_entries(main_group, entries);
    g_option_context_set_main_group(ctx, main_group);
    /* our own --help: sections, and wrapped to the terminal */
    g_option_context_set_help_enabled(ctx, FALSE);
    if (!g_option_context_parse(ctx, &argc, &argp, &parse_error)) {
        if (g_error_matches(parse_error, G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION)) {
            for (char **a = given + 1; *a && strcmp(*a, "--") != 0; a++) {
                g_autofree char *name = g_strndup(*a, strcspn(*a, "="));
                const char *near;

                if (!g_str_has_prefix(name, "--") || !parse_error->message || !strstr(parse_error->message, name))
                    continue;
                near = vl_help_nearest_option(entries, name);
                g_set_error(error, VL_CLI_ERROR, 0, "unknown option '%s'%s%s%s", name, near ? "; did you mean '--" : "",
                            near ? near : "", near ? "'?" : "");
                return FALSE;
            }
        }
        g_propagate_error(error, g_steal_pointer(&parse_error));
        return FALSE;
    }
    if (help) {
        vl_help_print(stdout, entries, epilogue);
        exit(0);
    }

    config->quiet = quiet;
    config->no_config = no_config;
    config->concise = concise;
    config->statistics = statistics;
    config->fix = fix;
    config->define = define;
    config->libvirt_check = libvirt_check;
    config->show_suggestions = show_suggestions;
    if (define && !((fix || cli->add_suppressions) && (cli->domains || cli->all_domains))) {
        g_set_error(error, VL_CLI_ERROR, 0,
                    "--define goes with --fix or --add-suppressions, and --domain or --all-domains");
        return FALSE;
    }
    if (cli->add_suppressions && fix) {
        g_set_error(error, VL_CLI_ERROR, 0, "--add-suppressions and --fix exclude each other: fix first, then "
                    "silence what remains");
        return FALSE;
    }
    config->diff = diff;
    config->unsafe_fixes = unsafe_fixes;
    config->show_fixes = show_fixes;
    if (fix && diff) {
        g_set_error(error, VL_CLI_ERROR, 0, "--fix and --diff exclude each other: --diff shows what --fix would write");
        return FALSE;
    }
    config->select = split_lists(select);
    config->ignore = split_lists(ignore);
    /* what the command line set wins over a .virtlintrc */
    config->set_by_cli = (select ? VL_SET_SELECT : 0) | (ignore ? VL_SET_IGNORE : 0) | (fail_on ? VL_SET_FAIL_ON : 0) |
                         (os ? VL_SET_OS : 0) | (edition ? VL_SET_EDITION : 0) |
                         (config->schema_path ? VL_SET_SCHEMA : 0) | (unsafe_fixes ? VL_SET_UNSAFE : 0) |
                         (libvirt_version ? VL_SET_LIBVIRT : 0) | (qemu_version ? VL_SET_QEMU : 0) |
                         (libvirt_check ? VL_SET_LIBVIRT_CHECK : 0) | (show_suggestions ? VL_SET_SUGGESTIONS : 0);
    config->color = want_color(color, &color_error);
    if (color_error) {
        g_propagate_error(error, g_steal_pointer(&color_error));
        return FALSE;
    }

    if (!format || strcmp(format, "text") == 0) {
        config->format = VL_FORMAT_TEXT;
    } else if (strcmp(format, "json") == 0) {
        config->format = VL_FORMAT_JSON;
    } else if (strcmp(format, "sarif") == 0) {
        config->format = VL_FORMAT_SARIF;
    } else if (strcmp(format, "github") == 0) {
        config->format = VL_FORMAT_GITHUB;
    } else if (strcmp(format, "junit") == 0) {
        config->format = VL_FORMAT_JUNIT;
    } else {
        static const char *const formats[] = { "text", "json", "sarif", "github", "junit", NULL };
        g_autofree char *hint = vl_spelling_hint(format, formats);

        g_set_error(error, VL_CLI_ERROR, 0, "--format: expected text, json, sarif, github or junit, got '%s'%s", format,
                    hint);
        return FALSE;
    }
    if (config->format != VL_FORMAT_TEXT)
        config->color = FALSE;
    if (fail_on && vl_severity_parse(fail_on, &config->fail_on) < 0) {
        static const char *const severities[] = { "error", "warning", "info", NULL };
        g_autofree char *hint = vl_spelling_hint(fail_on, severities);

        g_set_error(error, VL_CLI_ERROR, 0, "--fail-on: expected error, warning or info, got '%s'%s", fail_on, hint);
        return FALSE;
    }
    /* failing on suggestions means wanting to see them */
    if (config->fail_on == VL_SEVERITY_INFO)
        config->show_suggestions = true;
    if (os && !vl_guest_parse_os(os, &config->os_family, &config->os_windows_version, &config->os_edition)) {
        g_set_error(error, VL_CLI_ERROR, 0,
                    "--os: expected windows, win10, win11, windows-server, linux or other, got '%s'", os);
        return FALSE;
    }
    if (edition && !vl_guest_parse_edition(edition, &config->os_edition)) {
        g_set_error(error, VL_CLI_ERROR, 0,
                    "--edition: expected home, pro, education, enterprise, workstation or server, got '%s'",
                    edition);
        return FALSE;
    }

    if (libvirt_version && !vl_version_parse(libvirt_version, &config->libvirt_version)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--libvirt-version: expected X.Y or X.Y.Z, got '%s'", libvirt_version);
        return FALSE;
    }

    if (max_file_size && !parse_size(max_file_size, &config->max_file_size)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--max-file-size: expected a size such as 16M, got '%s'", max_file_size);
        return FALSE;
    }
    if (qemu_version && !vl_version_parse(qemu_version, &config->qemu_version)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--qemu-version: expected X.Y or X.Y.Z, got '%s'", qemu_version);
        return FALSE;
    }

    if (version)
        cli->mode = VL_MODE_VERSION;
    else if (list_rules)
        cli->mode = VL_MODE_LIST_RULES;
    else if (cli->explain)
        cli->mode = VL_MODE_EXPLAIN;
    else if (lsp)
        cli->mode = VL_MODE_LSP;
    else if (show_pinning)
        cli->mode = VL_MODE_SHOW_PINNING;
    else
        cli->mode = VL_MODE_LINT;

    if (lsp && (cli->edit || (paths && paths[0]) || cli->domains || cli->all_domains)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--lsp reads its documents from the editor: it takes no file, "
                    "--domain or --edit");
        return FALSE;
    }
    if (cli->connects && cli->connects[0] && cli->connects[1] && !cli->domains && !cli->all_domains) {
        g_set_error(error, VL_CLI_ERROR, 0, "several --connect URIs go with --domain or --all-domains");
        return FALSE;
    }
    if (cli->connects && cli->connects[0] && cli->connects[1] && cli->edit) {
        g_set_error(error, VL_CLI_ERROR, 0, "--edit takes one --connect URI");
        return FALSE;
    }
    if (cli->edit && ((paths && paths[0]) || cli->domains || cli->all_domains)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--edit takes one domain or file, and no other input");
        return FALSE;
    }
    if (cli->edit && (fix || diff || define || config->format != VL_FORMAT_TEXT)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--edit offers fixes itself and shows findings as text: "
                    "it excludes --fix, --diff, --define and --format");
        return FALSE;
    }
    if (show_pinning && (cli->edit || lsp || fix || diff || cli->add_suppressions || config->format != VL_FORMAT_TEXT)) {
        g_set_error(error, VL_CLI_ERROR, 0, "--show-pinning draws a map in the terminal: it excludes --edit, "
                    "--lsp, --fix, --diff, --add-suppressions and --format");
        return FALSE;
    }
    if ((cli->mode == VL_MODE_LINT || cli->mode == VL_MODE_SHOW_PINNING) && (!paths || !paths[0]) &&
        !cli->domains && !cli->all_domains && !cli->edit) {
        g_set_error(error, VL_CLI_ERROR, 0, "no input: give one or more files or directories, or - for stdin");
        return FALSE;
    }
    cli->paths = g_steal_pointer(&paths);
    return TRUE;
}

void
vl_cli_clear(VlCli *cli)
{
    g_clear_pointer(&cli->connects, g_strfreev);
    g_clear_pointer(&cli->capabilities, g_free);
    g_clear_pointer(&cli->domcapabilities, g_free);
    g_clear_pointer(&cli->nodedev, g_free);
    g_clear_pointer(&cli->cache_dir, g_free);
    g_clear_pointer(&cli->domains, g_strfreev);
    g_clear_pointer(&cli->explain, g_free);
    g_clear_pointer(&cli->edit, g_free);
    g_clear_pointer(&cli->paths, g_strfreev);
    g_clear_pointer(&cli->suppress_reason, g_free);
}
