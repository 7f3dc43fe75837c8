/* Runs the corpus: every XML case under a directory is linted and its
 * findings are compared with the expectations written inline, in the spirit
 * of clang-tidy's CHECK-MESSAGES:
 *
 *   <stimer state='on'/>  <!-- expect: hyperv-dependency "requires Hyper-V synthetic" -->
 *   <!-- expect@+1: cpu-socket-limit -->   (the finding is on the next line)
 *   <!-- lint-options: os=win11 edition=pro libvirt=9.0 -->
 *
 * A case checks the rule its directory is named after, plus `schema` (every
 * case must be valid libvirt XML unless it expects otherwise); cases in a
 * directory that is not a rule id (whole-domain cases) check every rule.
 * Every finding must be expected and every expectation found.
 *
 * A case X.xml with a sibling X.xml.fixed is also a golden fix test: fixing
 * X.xml (with the fixes of the checked rules; unsafe ones too when the case
 * says lint-options: unsafe-fixes=yes) must give X.xml.fixed byte for byte,
 * withhold nothing, leave no fixable finding of those rules, and fixing the
 * result again must change nothing.  `corpus-runner --update DIR` writes the
 * .fixed files from the current output instead (review them before
 * committing). */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "lint/config.h"
#include "lint/engine.h"
#include "lint/fix.h"
#include "lint/guest.h"
#include "lint/host.h"
#include "lint/version.h"
#include "lint/inputs.h"
#include "lint/registry.h"
#include "lint/report.h"
#include "lint/schema.h"
#include "lint/udiff.h"

typedef struct {
    int line;
    char *rule;
    char *text;      /* substring the message must contain, or NULL */
    bool matched;
} Expectation;

static void
expectation_free(Expectation *e)
{
    g_free(e->rule);
    g_free(e->text);
    g_free(e);
}

/* "rule-id" or "rule-id \"text\"", several separated by ';' */
static void
parse_expectations(const char *spec, int line, GPtrArray *out)
{
    g_auto(GStrv) items = g_strsplit(spec, ";", -1);

    for (char **item = items; *item; item++) {
        char *s = g_strstrip(*item);
        char *quote;
        Expectation *e;

        if (!*s)
            continue;
        e = g_new0(Expectation, 1);
        e->line = line;
        quote = strchr(s, '"');
        if (quote) {
            char *end = strrchr(s, '"');
            if (end > quote)
                e->text = g_strndup(quote + 1, end - quote - 1);
            *quote = '\0';
        }
        e->rule = g_strdup(g_strstrip(s));
        g_ptr_array_add(out, e);
    }
}

static bool update_golden;
static GHashTable *hosts;   /* directory -> VlHost*, loaded once */

/* lint-options: host=DIR: capabilities.xml, domcapabilities.xml and
 * nodedev/ of a saved host, as --capabilities/--domcapabilities/--nodedev. */
static const VlHost *
load_host(const char *dir)
{
    VlHost *host;
    g_autoptr(GError) error = NULL;
    g_autofree char *caps_path = g_build_filename(dir, "capabilities.xml", NULL);
    g_autofree char *domcaps_path = g_build_filename(dir, "domcapabilities.xml", NULL);
    g_autofree char *nodedev = g_build_filename(dir, "nodedev", NULL);
    g_autofree char *caps = NULL, *domcaps = NULL;

    if (!hosts)
        hosts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) vl_host_free);
    if ((host = g_hash_table_lookup(hosts, dir)))
        return host;
    host = vl_host_new();
    if (!g_file_get_contents(caps_path, &caps, NULL, &error) ||
        !vl_host_add_capabilities(host, caps, caps_path, &error) ||
        !g_file_get_contents(domcaps_path, &domcaps, NULL, &error) ||
        !vl_host_add_domcapabilities(host, domcaps, domcaps_path, &error) ||
        !vl_host_add_nodedev_dir(host, nodedev, &error))
        g_error("corpus: host %s: %s", dir, error->message);
    g_hash_table_insert(hosts, g_strdup(dir), host);
    return host;
}

static void
apply_option(VlConfig *config, const char *key, const char *value)
{
    if (strcmp(key, "host") == 0) {
        config->host = load_host(value);
    } else if (strcmp(key, "unsafe-fixes") == 0) {
        config->unsafe_fixes = strcmp(value, "yes") == 0;
    } else if (strcmp(key, "os") == 0) {
        if (!vl_guest_parse_os(value, &config->os_family, &config->os_windows_version, &config->os_edition))
            g_error("corpus: bad os=%s", value);
    } else if (strcmp(key, "edition") == 0) {
        if (!vl_guest_parse_edition(value, &config->os_edition))
            g_error("corpus: bad edition=%s", value);
    } else if (strcmp(key, "qemu") == 0) {
        unsigned major = 0, minor = 0;
        if (sscanf(value, "%u.%u", &major, &minor) != 2)
            g_error("corpus: bad qemu=%s", value);
        config->qemu_version = major * 1000000u + minor * 1000u;
    } else if (strcmp(key, "libvirt") == 0) {
        unsigned major = 0, minor = 0;
        if (sscanf(value, "%u.%u", &major, &minor) != 2)
            g_error("corpus: bad libvirt=%s", value);
        config->libvirt_version = major * 1000000u + minor * 1000u;
    } else {
        g_error("corpus: unknown lint option %s", key);
    }
}

static void
read_comments(xmlNodePtr node, GPtrArray *expectations, VlConfig *config)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE && n->content) {
            const char *text = (const char *) n->content;
            while (g_ascii_isspace(*text))
                text++;
            if (g_str_has_prefix(text, "expect:")) {
                parse_expectations(text + strlen("expect:"), (int) xmlGetLineNo(n), expectations);
            } else if (g_str_has_prefix(text, "expect@")) {
                int offset = atoi(text + strlen("expect@"));
                const char *colon = strchr(text, ':');
                if (colon)
                    parse_expectations(colon + 1, (int) xmlGetLineNo(n) + offset, expectations);
            } else if (g_str_has_prefix(text, "lint-options:")) {
                g_auto(GStrv) opts = g_strsplit_set(text + strlen("lint-options:"), " \t\n", -1);
                for (char **o = opts; *o; o++) {
                    char *eq = strchr(*o, '=');
                    if (!eq)
                        continue;
                    *eq = '\0';
                    apply_option(config, *o, eq + 1);
                }
            }
        } else if (n->type == XML_ELEMENT_NODE && n->children) {
            read_comments(n->children, expectations, config);
        }
    }
}

static bool
checked(const char *rule, const char *dir_rule)
{
    return !dir_rule || strcmp(rule, dir_rule) == 0 || strcmp(rule, "schema") == 0;
}

/* The golden fix test of PATH (see the top of this file). */
static bool
run_fix_case(const char *path, VlDocument *doc, const VlConfig *base, const char *dir_rule)
{
    g_autofree char *golden_path = g_strconcat(path, ".fixed", NULL);
    g_autofree char *golden = NULL;
    gsize golden_len = 0;
    char *select[] = { (char *) dir_rule, NULL };
    VlConfig config = *base;
    VlEngine engine = { 0 };
    g_autoptr(GError) gerr = NULL;
    g_autoptr(VlFixResult) res = NULL, again = NULL;
    g_autoptr(VlDocument) fixed = NULL;
    g_autoptr(VlInputError) error = NULL;
    g_autoptr(GPtrArray) left = NULL;
    bool ok = true;

    if (!g_file_test(golden_path, G_FILE_TEST_EXISTS) && !update_golden)
        return true;
    config.fix = true;
    config.select = dir_rule ? select : NULL;
    if (!vl_engine_init(&engine, &config, &gerr))
        g_error("corpus: engine: %s", gerr->message);
    res = vl_fix_document(&engine, doc, config.unsafe_fixes);

    if (update_golden) {
        if (res->changed)
            g_file_set_contents(golden_path, res->text, (gssize) res->len, NULL);
        vl_engine_clear(&engine);
        return true;
    }
    g_file_get_contents(golden_path, &golden, &golden_len, NULL);
    {
        GHashTableIter it;
        gpointer rule, why;

        g_hash_table_iter_init(&it, res->withheld);
        while (g_hash_table_iter_next(&it, &rule, &why)) {
            printf("FAIL %s: %s: fix withheld: %s\n", path, (const char *) rule, (const char *) why);
            ok = false;
        }
    }
    if (res->len != golden_len || memcmp(res->text, golden, golden_len) != 0) {
        g_autoptr(GString) diff = g_string_new(NULL);
        vl_udiff(diff, golden_path, golden, golden_len, res->text, res->len);
        printf("FAIL %s: fixed text differs from %s:\n%s", path, golden_path, diff->str);
        vl_engine_clear(&engine);
        return false;
    }

    fixed = vl_document_parse(golden_path, g_memdup2(res->text, res->len + 1), res->len, &error);
    if (!fixed) {
        printf("FAIL %s: fixed text does not parse: %s\n", path, error->message);
        vl_engine_clear(&engine);
        return false;
    }
    left = vl_engine_lint(&engine, fixed);
    for (guint i = 0; i < left->len; i++) {
        const VlFinding *f = g_ptr_array_index(left, i);
        if (vl_fix_allowed(f, config.unsafe_fixes)) {
            printf("FAIL %s: after fixing, still fixable: %s: %s\n", golden_path, f->rule->id, f->message);
            ok = false;
        }
    }
    again = vl_fix_document(&engine, fixed, config.unsafe_fixes);
    if (again->changed) {
        printf("FAIL %s: a second --fix changes it again\n", golden_path);
        ok = false;
    }
    vl_engine_clear(&engine);
    return ok;
}

static bool
run_case(const char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *dir_name = g_path_get_basename(dir);
    const char *dir_rule = vl_registry_find(dir_name) ? dir_name : NULL;
    g_autoptr(GPtrArray) expectations = g_ptr_array_new_with_free_func((GDestroyNotify) expectation_free);
    g_autoptr(VlInputError) error = NULL;
    g_autoptr(VlDocument) doc = NULL;
    g_autoptr(GPtrArray) findings = NULL;
    VlConfig config;
    VlEngine engine = { 0 };
    g_autoptr(GError) gerr = NULL;
    bool ok = true;

    vl_config_init(&config);
    /* cases say what they target; the default is Debian 12's libvirt 9.0,
     * whatever libvirt the machine running the tests has */
    config.libvirt_version = VL_LIBVIRT(9, 0);
    doc = vl_document_load_file(path, &config, &error);
    if (!doc) {
        printf("FAIL %s: cannot load: %s (line %d)\n", path, error->message, error->line);
        return false;
    }
    read_comments(doc->doc->children, expectations, &config);
    if (!vl_engine_init(&engine, &config, &gerr))
        g_error("corpus: engine: %s", gerr->message);
    findings = vl_engine_lint(&engine, doc);

    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        bool found = false;

        if (!checked(f->rule->id, dir_rule))
            continue;
        for (guint j = 0; j < expectations->len && !found; j++) {
            Expectation *e = g_ptr_array_index(expectations, j);
            if (!e->matched && e->line == f->line && strcmp(e->rule, f->rule->id) == 0 &&
                (!e->text || strstr(f->message, e->text))) {
                e->matched = true;
                found = true;
            }
        }
        if (!found) {
            printf("FAIL %s:%d: unexpected %s: %s\n", path, f->line, f->rule->id, f->message);
            ok = false;
        }
    }
    for (guint j = 0; j < expectations->len; j++) {
        Expectation *e = g_ptr_array_index(expectations, j);
        if (!vl_registry_find(e->rule)) {
            printf("FAIL %s:%d: expectation names unknown rule %s\n", path, e->line, e->rule);
            ok = false;
        } else if (!e->matched) {
            printf("FAIL %s:%d: expected %s%s%s%s was not reported\n", path, e->line, e->rule,
                   e->text ? " \"" : "", e->text ? e->text : "", e->text ? "\"" : "");
            ok = false;
        }
    }
    vl_engine_clear(&engine);
    if (!run_fix_case(path, doc, &config, dir_rule))
        ok = false;
    vl_config_clear(&config);
    return ok;
}

int
main(int argc, char **argv)
{
    g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func((GDestroyNotify) vl_input_error_free);
    g_autoptr(GPtrArray) cases = NULL;
    guint passed = 0, failed = 0;

    if (argc > 1 && strcmp(argv[1], "--update") == 0) {
        update_golden = true;
        argv++, argc--;
    }
    if (argc < 2) {
        fprintf(stderr, "usage: corpus-runner [--update] DIR...\n");
        return 2;
    }
    cases = vl_inputs_expand(argv + 1, errors);
    if (errors->len || cases->len == 0) {
        fprintf(stderr, "corpus-runner: no cases found\n");
        return 2;
    }
    for (guint i = 0; i < cases->len; i++) {
        if (run_case(g_ptr_array_index(cases, i)))
            passed++;
        else
            failed++;
    }
    if (hosts)
        g_hash_table_unref(hosts);
    vl_schema_release();
    vl_fix_release();
    xmlCleanupParser();
    printf("corpus: %u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
