/* Unit tests for the rule registry and its metadata, and for how the engine
 * resolves --select / --ignore. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>

#include "lint/engine/engine.h"
#include "lint/engine/registry.h"

static bool
is_kebab(const char *id)
{
    if (!g_ascii_islower(id[0]))
        return false;
    for (const char *p = id; *p; p++) {
        if (!(g_ascii_islower(*p) || g_ascii_isdigit(*p) || *p == '-') || (p[0] == '-' && p[1] == '-'))
            return false;
    }
    return id[strlen(id) - 1] != '-';
}

START_TEST(test_ids_unique_kebab_and_prefixed)
{
    gsize n;
    const VlRule *const *rules = vl_registry_rules(&n);
    g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);

    ck_assert_uint_ge(n, 12);
    for (gsize i = 0; i < n; i++) {
        const VlRule *r = rules[i];

        ck_assert_msg(is_kebab(r->id), "%s is not kebab-case", r->id);
        ck_assert_msg(g_hash_table_add(seen, (gpointer) r->id), "%s registered twice", r->id);
        ck_assert_msg(strcmp(r->id, r->category) == 0 || g_str_has_prefix(r->id, r->category) ||
                          /* the #2 ids were fixed by the issue before categories existed */
                          strcmp(r->id, "virtiofs-shared-memory") == 0 || strcmp(r->id, "uefi-snapshot") == 0,
                      "%s does not start with its category %s", r->id, r->category);
        ck_assert_ptr_eq(vl_registry_find(r->id), r);
        ck_assert(vl_registry_is_category(r->category));
    }
    ck_assert_ptr_null(vl_registry_find("no-such-rule"));
}
END_TEST

START_TEST(test_metadata_complete)
{
    gsize n;
    const VlRule *const *rules = vl_registry_rules(&n);

    for (gsize i = 0; i < n; i++) {
        const VlRule *r = rules[i];
        size_t len = strlen(r->summary);

        ck_assert_msg(len > 10 && r->summary[len - 1] != '.', "%s: summary must be one line without a period", r->id);
        ck_assert_msg(!strchr(r->summary, '\n'), "%s: summary must be one line", r->id);
        ck_assert_msg(strlen(r->rationale) > 80, "%s: rationale too short", r->id);
        ck_assert_msg(r->sources[0] != NULL, "%s: no source", r->id);
        ck_assert_msg(r->example_bad && r->example_good, "%s: examples missing", r->id);
        ck_assert(r->severity >= VL_SEVERITY_INFO && r->severity <= VL_SEVERITY_ERROR);
    }
}
END_TEST

/* Sources are what a user can open: a web address, a file of a project's
 * source tree (libvirt, QEMU, osinfo-db, virt-manager), an OpenStack bug,
 * virtlint's own manual, or a community guide described as not published
 * at an address; never the file name of a document the project started
 * from, in the sources or in any other text a user reads (--explain,
 * rules.md, SARIF). */
static void
assert_no_seed_name(const char *id, const char *what, const char *text)
{
    ck_assert_msg(!text || !g_regex_match_simple("\\b[Ss]eeds?\\b|\\.txt\\b", text, 0, 0),
                  "%s: its %s names a seed document: %s", id, what, text);
}

START_TEST(test_sources_are_public)
{
    static const char *const projects[] = { "libvirt ", "QEMU ", "osinfo-db ", "virt-manager ", "OpenStack Nova bug ",
                                            "virtlint(1)" };
    gsize n;
    const VlRule *const *rules = vl_registry_rules(&n);

    for (gsize i = 0; i < n; i++) {
        const VlRule *r = rules[i];

        ck_assert_msg(r->sources[0] != NULL, "%s cites no source", r->id);
        for (int s = 0; s < VL_RULE_MAX_SOURCES && r->sources[s]; s++) {
            const char *src = r->sources[s];
            bool openable = strstr(src, "https://") || strstr(src, "not published at a public address");

            for (gsize k = 0; k < G_N_ELEMENTS(projects); k++)
                openable = openable || g_str_has_prefix(src, projects[k]);
            ck_assert_msg(openable, "%s: source nobody can open: %s", r->id, src);
            assert_no_seed_name(r->id, "source", src);
        }
        assert_no_seed_name(r->id, "summary", r->summary);
        assert_no_seed_name(r->id, "rationale", r->rationale);
        assert_no_seed_name(r->id, "bad example", r->example_bad);
        assert_no_seed_name(r->id, "good example", r->example_good);
    }
}
END_TEST

/* The file a rule lives in: rules/CATEGORY/STEM.c, STEM being its id
 * without the "CATEGORY-" prefix, '-' written '_' (host-cpuset-range is
 * rules/host/cpuset_range.c); an id without that prefix keeps the whole id
 * (uefi-snapshot is rules/snapshot/uefi_snapshot.c, schema
 * rules/schema/schema.c). */
static char *
rule_file_name(const char *id, const char *category)
{
    g_autofree char *prefix = g_strconcat(category, "-", NULL);
    g_autofree char *stem = g_strdup(g_str_has_prefix(id, prefix) ? id + strlen(prefix) : id);

    g_strdelimit(stem, "-", '_');
    return g_strconcat(stem, ".c", NULL);
}

/* One rule per file, and every file named after its rule: a rules/CATEGORY/
 * file defines exactly one rule (helpers several rules share belong in
 * lint/model/), named as rule_file_name() says, in its category's folder.
 * And every rule so defined is registered: the registry is generated from
 * the lines `const VlRule vl_rule_NAME = {`, so a rule written any other way
 * would never run. */
START_TEST(test_every_rule_file_registered)
{
    g_autoptr(GDir) top = g_dir_open("rules", 0, NULL);
    g_autoptr(GRegex) re = g_regex_new("\\.id = \"([a-z0-9-]+)\"", 0, 0, NULL);
    g_autoptr(GRegex) definition = g_regex_new("^const VlRule vl_rule_[a-z0-9_]+ = \\{", G_REGEX_MULTILINE, 0, NULL);
    g_autoptr(GHashTable) files = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    const char *category;
    guint found = 0;
    gsize count;

    ck_assert_ptr_nonnull(top);
    while ((category = g_dir_read_name(top))) {
        g_autofree char *folder = g_build_filename("rules", category, NULL);
        g_autoptr(GDir) dir = g_dir_open(folder, 0, NULL);
        const char *name;

        if (!dir)
            continue; /* README.md */
        while ((name = g_dir_read_name(dir))) {
            g_autofree char *path = g_build_filename(folder, name, NULL);
            g_autofree char *text = NULL;
            g_autoptr(GMatchInfo) match = NULL;
            g_autoptr(GMatchInfo) definitions = NULL;
            guint ids = 0, defined = 0;

            if (!g_str_has_suffix(name, ".c"))
                continue;
            ck_assert_msg(g_file_get_contents(path, &text, NULL, NULL), "cannot read %s", path);
            g_regex_match(definition, text, 0, &definitions);
            for (; g_match_info_matches(definitions); g_match_info_next(definitions, NULL))
                defined++;
            g_regex_match(re, text, 0, &match);
            while (g_match_info_matches(match)) {
                g_autofree char *id = g_match_info_fetch(match, 1);
                const VlRule *rule = vl_registry_find(id);
                g_autofree char *expected = NULL;

                ck_assert_msg(rule != NULL, "%s defines rule %s but the generated registry lacks it", path, id);
                ck_assert_msg(strcmp(rule->category, category) == 0, "%s: rule %s of category %s is in rules/%s/",
                              path, id, rule->category, category);
                expected = rule_file_name(id, rule->category);
                ck_assert_msg(strcmp(name, expected) == 0, "%s: rule %s belongs in rules/%s/%s", path, id,
                              rule->category, expected);
                ck_assert_msg(g_hash_table_insert(files, g_strdup(id), g_strdup(path)), "rule %s is defined twice",
                              id);
                ids++;
                found++;
                g_match_info_next(match, NULL);
            }
            ck_assert_msg(ids == 1 && defined == 1,
                          "%s defines %u rules (%u `const VlRule vl_rule_NAME = {` lines): one rule per file; "
                          "helpers several rules share belong in lint/model/",
                          path, ids, defined);
        }
    }
    vl_registry_rules(&count);
    ck_assert_uint_eq(found, count);
}
END_TEST

static gboolean
init_with(char **select, char **ignore, VlEngine *engine, GError **error)
{
    static VlConfig config;

    vl_config_init(&config);
    config.select = select;
    config.ignore = ignore;
    config.schema_path = NULL;
    return vl_engine_init(engine, vl_check_context(), &config, error);
}

START_TEST(test_select_and_ignore)
{
    char *select[] = { "cpu", "hyperv-stimer", NULL };
    char *ignore[] = { "cpu-socket-limit", NULL };
    char *bogus[] = { "cpu-sockets", NULL };
    VlEngine engine = { 0 };
    g_autoptr(GError) error = NULL;

    ck_assert(init_with(select, ignore, &engine, &error));
    ck_assert(vl_engine_rule_enabled(&engine, "cpu-topology-mismatch"));
    ck_assert(vl_engine_rule_enabled(&engine, "hyperv-stimer"));
    ck_assert(!vl_engine_rule_enabled(&engine, "cpu-socket-limit"));
    ck_assert(!vl_engine_rule_enabled(&engine, "hyperv-dependency"));
    ck_assert(!vl_engine_rule_enabled(&engine, "schema"));
    vl_engine_clear(&engine);

    ck_assert(!init_with(bogus, NULL, &engine, &error));
    ck_assert_ptr_nonnull(strstr(error->message, "cpu-sockets"));
    vl_engine_clear(&engine);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("registry");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_ids_unique_kebab_and_prefixed);
    tcase_add_test(tc, test_metadata_complete);
    tcase_add_test(tc, test_sources_are_public);
    tcase_add_test(tc, test_select_and_ignore);
    tcase_add_test(tc, test_every_rule_file_registered);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
