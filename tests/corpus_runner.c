/* Runs the corpus: every XML case under a directory is linted and its
 * findings are compared with the expectations written inline, in the spirit
 * of clang-tidy's CHECK-MESSAGES (the format: corpus/README.md):
 *
 *   <stimer state='on'/>  <!-- expect: hyperv-dependency "requires Hyper-V synthetic" -->
 *   <!-- expect@+1: cpu-socket-limit -->   (the finding is on the next line)
 *   <!-- lint-options: os=win11 edition=pro libvirt=9.0 -->
 *
 * A case checks the rule its directory is named after, plus `schema` (every
 * case must be valid libvirt XML unless it expects otherwise); cases in a
 * directory that is not a rule id (whole-domain cases) check every rule.
 * Every finding must be expected and every expectation found; an
 * expectation's text may be in the finding's headline, help or notes.
 * `expect-not: RULE "TEXT"` (or `expect-not@+N:`) says the opposite of a
 * part of a finding: no finding of RULE on that line may say TEXT (a note
 * that belongs to other guests, say).  Every
 * headline is one line of at most 100 characters that names an element.
 *
 * A case X.xml with a sibling X.xml.fixed is also a golden fix test: fixing
 * X.xml (with the fixes of the checked rules; unsafe ones too when the case
 * says lint-options: unsafe-fixes=yes) must give X.xml.fixed byte for byte,
 * withhold nothing, leave no fixable finding of those rules, and fixing the
 * result again must change nothing.
 *
 * The golden is itself checked against what the case says its fix must do,
 * in CHECK-FIXES spirit:
 *
 *   <!-- fix-adds: <timer name='hypervclock' present='yes'/> -->
 *   <!-- fix-removes: <timer name='hpet' present='yes'/> -->
 *
 * The added and removed lines are those of the unified diff from X.xml to
 * X.xml.fixed that `virtlint --diff` prints (vl_udiff, a shortest edit
 * script): each fix-adds TEXT must be in some added line and each
 * fix-removes TEXT in some removed line, and every non-blank added line must
 * contain some fix-adds TEXT and every non-blank removed line some
 * fix-removes TEXT, runs of whitespace compared as one space.  A changed
 * line holding an intent claims nothing.  A golden with no intent fails, so
 * do an intent without a golden and a golden identical to its case.
 *
 * A case none of whose findings carries a fix allowed under its options
 * needs no golden.  One that has such a finding needs either the golden or
 * `<!-- fix-withheld: TEXT -->`: fixing it must then withhold the fix of a
 * checked rule for a reason containing TEXT (and the case has no golden).
 *
 * `fixed-argv:` and `fixed-argv-absent:` claims (the QEMU command line of
 * the fixed domain, checked by tests/libvirt_oracle.py against X.xml.fixed)
 * are only allowed in a case that has a golden.
 *
 * `corpus-runner --update FILE_OR_DIR` first writes X.xml.fixed for each
 * case whose fix changes it (and states no fix-withheld), from the current
 * output, then checks as above: review every golden it writes against the
 * case's intents before committing. */
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "lint/engine/config.h"
#include "lint/engine/engine.h"
#include "lint/fix/fix.h"
#include "lint/model/guest.h"
#include "lint/host/host.h"
#include "lint/engine/version.h"
#include "lint/load/inputs.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/schema/schema.h"
#include "lint/fix/udiff.h"

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

/* A fix intent: `fix-adds: TEXT`, `fix-removes: TEXT` or `fix-withheld:
 * TEXT`, and `fixed-argv:` / `fixed-argv-absent:` claims (which only the
 * libvirt oracle can check; here they must have a golden to be checked on). */
typedef struct {
    int line;
    char *text;      /* with runs of whitespace collapsed to one space */
    bool matched;
} Intent;

static void
intent_free(Intent *i)
{
    g_free(i->text);
    g_free(i);
}

typedef struct {
    GPtrArray *expectations;   /* Expectation* */
    GPtrArray *denials;        /* Expectation*: expect-not */
    GPtrArray *adds;           /* Intent*: fix-adds */
    GPtrArray *removes;        /* Intent*: fix-removes */
    GPtrArray *withheld;       /* Intent*: fix-withheld */
    GPtrArray *argv_claims;    /* Intent*: fixed-argv and fixed-argv-absent */
} CaseSpec;

static void
case_spec_init(CaseSpec *spec)
{
    spec->expectations = g_ptr_array_new_with_free_func((GDestroyNotify) expectation_free);
    spec->denials = g_ptr_array_new_with_free_func((GDestroyNotify) expectation_free);
    spec->adds = g_ptr_array_new_with_free_func((GDestroyNotify) intent_free);
    spec->removes = g_ptr_array_new_with_free_func((GDestroyNotify) intent_free);
    spec->withheld = g_ptr_array_new_with_free_func((GDestroyNotify) intent_free);
    spec->argv_claims = g_ptr_array_new_with_free_func((GDestroyNotify) intent_free);
}

static void
case_spec_clear(CaseSpec *spec)
{
    g_ptr_array_unref(spec->expectations);
    g_ptr_array_unref(spec->denials);
    g_ptr_array_unref(spec->adds);
    g_ptr_array_unref(spec->removes);
    g_ptr_array_unref(spec->withheld);
    g_ptr_array_unref(spec->argv_claims);
}

/* TEXT with leading and trailing whitespace dropped and every inner run of
 * whitespace (newlines included) made one space. */
static char *
collapse_space(const char *text, gsize len)
{
    GString *out = g_string_new(NULL);
    bool space = false;

    for (gsize i = 0; i < len; i++) {
        if (g_ascii_isspace(text[i])) {
            space = out->len > 0;
            continue;
        }
        if (space)
            g_string_append_c(out, ' ');
        space = false;
        g_string_append_c(out, text[i]);
    }
    return g_string_free(out, FALSE);
}

static void
add_intent(GPtrArray *to, const char *text, int line)
{
    Intent *i = g_new0(Intent, 1);

    i->line = line;
    i->text = collapse_space(text, strlen(text));
    g_ptr_array_add(to, i);
}

static bool update_golden;
static GHashTable *hosts;   /* directory -> VlHost*, loaded once */
static VlContext *context;  /* the compiled schemas and stylesheets every case shares */

/* lint-options: host=DIR: capabilities.xml, domcapabilities.xml and
 * nodedev/ of a saved host, as --capabilities/--domcapabilities/--nodedev.
 * capabilities.xml is required; the other two are read when present (a
 * saved host for the pinning rules has only its capabilities). */
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
        (g_file_test(domcaps_path, G_FILE_TEST_EXISTS) &&
         (!g_file_get_contents(domcaps_path, &domcaps, NULL, &error) ||
          !vl_host_add_domcapabilities(host, domcaps, domcaps_path, &error))) ||
        (g_file_test(nodedev, G_FILE_TEST_IS_DIR) && !vl_host_add_nodedev_dir(host, nodedev, &error)))
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

/* Whether TEXT starts with KEY (a comment's keyword and its colon); sets
 * *REST to what follows. */
static bool
keyword(const char *text, const char *key, const char **rest)
{
    if (!g_str_has_prefix(text, key))
        return false;
    *rest = text + strlen(key);
    return true;
}

static void
read_comments(xmlNodePtr node, CaseSpec *spec, VlConfig *config)
{
    for (xmlNodePtr n = node; n; n = n->next) {
        if (n->type == XML_COMMENT_NODE && n->content) {
            const char *text = (const char *) n->content, *rest;
            int line = (int) xmlGetLineNo(n);
            while (g_ascii_isspace(*text))
                text++;
            if (g_str_has_prefix(text, "expect:")) {
                parse_expectations(text + strlen("expect:"), line, spec->expectations);
            } else if (g_str_has_prefix(text, "expect@")) {
                int offset = atoi(text + strlen("expect@"));
                const char *colon = strchr(text, ':');
                if (colon)
                    parse_expectations(colon + 1, line + offset, spec->expectations);
            } else if (g_str_has_prefix(text, "expect-not:")) {
                parse_expectations(text + strlen("expect-not:"), line, spec->denials);
            } else if (g_str_has_prefix(text, "expect-not@")) {
                int offset = atoi(text + strlen("expect-not@"));
                const char *colon = strchr(text, ':');
                if (colon)
                    parse_expectations(colon + 1, line + offset, spec->denials);
            } else if (keyword(text, "fix-adds:", &rest)) {
                add_intent(spec->adds, rest, line);
            } else if (keyword(text, "fix-removes:", &rest)) {
                add_intent(spec->removes, rest, line);
            } else if (keyword(text, "fix-withheld:", &rest)) {
                add_intent(spec->withheld, rest, line);
            } else if (keyword(text, "fixed-argv:", &rest) || keyword(text, "fixed-argv-absent:", &rest)) {
                add_intent(spec->argv_claims, rest, line);
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
            read_comments(n->children, spec, config);
        }
    }
}

static bool
checked(const char *rule, const char *dir_rule)
{
    return !dir_rule || strcmp(rule, dir_rule) == 0 || strcmp(rule, "schema") == 0;
}

/* A line the golden added or the input lost, as `diff -u` shows it. */
typedef struct {
    int line;        /* in the golden (added) or the input (removed) */
    char *text;      /* whitespace collapsed (see collapse_space) */
    bool claimed;
} Changed;

static void
changed_free(Changed *c)
{
    g_free(c->text);
    g_free(c);
}

/* The lines a unified diff from OLD to NEW marks '-' (into REMOVED, numbered
 * in OLD) and '+' (into ADDED, numbered in NEW): the diff is vl_udiff's, the
 * one `virtlint --diff` prints (Myers' shortest edit script). */
static void
changed_lines(const char *old, gsize old_len, const char *new_text, gsize new_len, GPtrArray *removed,
              GPtrArray *added)
{
    g_autoptr(GString) diff = g_string_new(NULL);
    g_auto(GStrv) lines = NULL;
    int old_line = 0, new_line = 0;

    vl_udiff(diff, "case", old, old_len, new_text, new_len);
    lines = g_strsplit(diff->str, "\n", -1);
    /* lines[0] and lines[1] are the "--- a/" and "+++ b/" headers */
    for (char **l = lines; *l; l++) {
        Changed *c;

        if (l - lines < 2 || **l == '\\')   /* "\ No newline at end of file" */
            continue;
        if (**l == '@') {
            if (sscanf(*l, "@@ -%d,%*d +%d,", &old_line, &new_line) != 2)
                g_error("corpus: cannot read the hunk header %s", *l);
            /* the numbers are of the first line shown; a hunk that adds
             * at the very start says 0 */
            old_line = old_line ? old_line : 1;
            new_line = new_line ? new_line : 1;
            continue;
        }
        if (**l == ' ') {
            old_line++, new_line++;
            continue;
        }
        if (**l != '+' && **l != '-')
            continue;
        c = g_new0(Changed, 1);
        c->text = collapse_space(*l + 1, strlen(*l + 1));
        if (**l == '+') {
            c->line = new_line++;
            g_ptr_array_add(added, c);
        } else {
            c->line = old_line++;
            g_ptr_array_add(removed, c);
        }
    }
}

/* Whether a changed line holds an intent: it could claim itself, and a fix
 * must not change what the case says of it anyway. */
static bool
intent_line(const char *text)
{
    return strstr(text, "fix-adds:") || strstr(text, "fix-removes:");
}

/* Every intent of INTENTS (KIND) must occur in some line of CHANGED, and every
 * non-blank line of CHANGED (of the file WHERE) must contain some intent. */
static bool
check_claims(const char *path, const char *kind, GPtrArray *intents, GPtrArray *changed, const char *what,
             const char *where)
{
    bool ok = true;

    for (guint i = 0; i < intents->len; i++) {
        Intent *in = g_ptr_array_index(intents, i);
        for (guint j = 0; j < changed->len; j++) {
            Changed *c = g_ptr_array_index(changed, j);
            if (strstr(c->text, in->text) && !intent_line(c->text)) {
                in->matched = true;
                c->claimed = true;
            }
        }
        if (!in->matched) {
            printf("FAIL %s:%d: %s \"%s\": no %s line contains it\n", path, in->line, kind, in->text, what);
            ok = false;
        }
    }
    for (guint j = 0; j < changed->len; j++) {
        Changed *c = g_ptr_array_index(changed, j);
        if (!c->claimed && *c->text) {
            printf("FAIL %s:%d: %s line not stated by any %s of %s: %s\n", where, c->line, what, kind, path,
                   c->text);
            ok = false;
        }
    }
    return ok;
}

/* The golden GOLDEN_PATH against the intents PATH states (see the top). */
static bool
check_intents(const char *path, const VlDocument *doc, const char *golden_path, const char *golden,
              gsize golden_len, CaseSpec *spec)
{
    g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func((GDestroyNotify) changed_free);
    g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func((GDestroyNotify) changed_free);
    bool ok;

    if (golden_len == doc->len && memcmp(golden, doc->data, golden_len) == 0) {
        printf("FAIL %s: the golden %s is the case unchanged: a case whose fix changes nothing has no golden "
               "(delete it; where virtlint withholds the fix, say <!-- fix-withheld: REASON -->)\n", path,
               golden_path);
        return false;
    }
    if (spec->adds->len == 0 && spec->removes->len == 0) {
        printf("FAIL %s: has the golden %s but states no intent: say what its fix must do with "
               "<!-- fix-adds: TEXT --> and <!-- fix-removes: TEXT --> (corpus/README.md)\n", path, golden_path);
        return false;
    }
    changed_lines(doc->data, doc->len, golden, golden_len, removed, added);
    ok = check_claims(path, "fix-adds", spec->adds, added, "added", golden_path);
    if (!check_claims(path, "fix-removes", spec->removes, removed, "removed", path))
        ok = false;
    return ok;
}

/* A reason, among WITHHELD's (rule id -> why), of a checked rule containing
 * TEXT (whitespace collapsed), or NULL. */
static const char *
withheld_reason(GHashTable *withheld, const char *dir_rule, const char *text)
{
    GHashTableIter it;
    gpointer rule, why;

    g_hash_table_iter_init(&it, withheld);
    while (g_hash_table_iter_next(&it, &rule, &why)) {
        g_autofree char *collapsed = collapse_space(why, strlen(why));
        if (checked(rule, dir_rule) && strstr(collapsed, text))
            return why;
    }
    return NULL;
}

static void
print_withheld(GHashTable *withheld)
{
    GHashTableIter it;
    gpointer rule, why;

    if (g_hash_table_size(withheld) == 0)
        printf("  (fixing it withholds nothing)\n");
    g_hash_table_iter_init(&it, withheld);
    while (g_hash_table_iter_next(&it, &rule, &why))
        printf("  (fixing it withholds %s's fix: %s)\n", (const char *) rule, (const char *) why);
}

/* The golden fix test of PATH (see the top of this file); FINDINGS are its
 * findings, all expected by now. */
static bool
run_fix_case(const char *path, VlDocument *doc, const VlConfig *base, const char *dir_rule, CaseSpec *spec,
             GPtrArray *findings)
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
    const VlFinding *fixable = NULL;
    bool ok = true, has_golden;

    for (guint i = 0; i < findings->len && !fixable; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        if (checked(f->rule->id, dir_rule) && vl_fix_allowed(f, base->unsafe_fixes))
            fixable = f;
    }
    config.fix = true;
    config.select = dir_rule ? select : NULL;
    if (!vl_engine_init(&engine, context, &config, &gerr))
        g_error("corpus: engine: %s", gerr->message);
    res = vl_fix_document(&engine, doc, config.unsafe_fixes);

    if (update_golden && res->changed && spec->withheld->len == 0)
        g_file_set_contents(golden_path, res->text, (gssize) res->len, NULL);
    has_golden = g_file_test(golden_path, G_FILE_TEST_EXISTS);

    if (!has_golden) {
        GPtrArray *intents[] = { spec->adds, spec->removes };
        for (guint k = 0; k < G_N_ELEMENTS(intents); k++) {
            for (guint i = 0; i < intents[k]->len; i++) {
                Intent *in = g_ptr_array_index(intents[k], i);
                printf("FAIL %s:%d: %s \"%s\", but the case has no golden %s\n", path, in->line,
                       k == 0 ? "fix-adds" : "fix-removes", in->text, golden_path);
                ok = false;
            }
        }
        for (guint i = 0; i < spec->argv_claims->len; i++) {
            Intent *in = g_ptr_array_index(spec->argv_claims, i);
            printf("FAIL %s:%d: a fixed-argv claim (\"%s\") but no golden %s for the libvirt oracle to check "
                   "it on\n", path, in->line, in->text, golden_path);
            ok = false;
        }
        for (guint i = 0; i < spec->withheld->len; i++) {
            Intent *in = g_ptr_array_index(spec->withheld, i);
            if (!withheld_reason(res->withheld, dir_rule, in->text)) {
                printf("FAIL %s:%d: fix-withheld \"%s\": fixing it withholds no fix of %s with such a reason\n",
                       path, in->line, in->text, dir_rule ? dir_rule : "the checked rules");
                print_withheld(res->withheld);
                ok = false;
            }
        }
        if (fixable && spec->withheld->len == 0) {
            printf("FAIL %s:%d: the %s finding has a fix%s, but the case has neither a golden %s nor a "
                   "<!-- fix-withheld: REASON --> comment\n", path, fixable->line, fixable->rule->id,
                   fixable->rule->fix == VL_FIX_UNSAFE ? " (unsafe, allowed by unsafe-fixes=yes)" : "",
                   golden_path);
            if (res->changed)
                printf("  (fixing it changes the file: `corpus-runner --update %s` writes the golden; review it)\n",
                       path);
            print_withheld(res->withheld);
            ok = false;
        }
        vl_engine_clear(&engine);
        return ok;
    }

    for (guint i = 0; i < spec->withheld->len; i++) {
        Intent *in = g_ptr_array_index(spec->withheld, i);
        printf("FAIL %s:%d: fix-withheld \"%s\", but it has the golden %s\n", path, in->line, in->text,
               golden_path);
        ok = false;
    }
    g_file_get_contents(golden_path, &golden, &golden_len, NULL);
    if (!check_intents(path, doc, golden_path, golden, golden_len, spec))
        ok = false;
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

/* TEXT is in F's headline, help or one of its notes. */
static bool
finding_says(const VlFinding *f, const char *text)
{
    if (strstr(f->message, text) || (f->help && strstr(f->help, text)))
        return true;
    for (guint i = 0; f->notes && i < f->notes->len; i++)
        if (strstr(g_ptr_array_index(f->notes, i), text))
            return true;
    return false;
}

/* A headline is one line of at most VL_HEADLINE_MAX characters that names
 * an element (what rustc and ruff ask of theirs; the rest goes in help and
 * notes). */
static bool
headline_ok(const char *path, const VlFinding *f)
{
    glong len = g_utf8_strlen(f->message, -1);

    if (len > VL_HEADLINE_MAX || strchr(f->message, '\n') || !strchr(f->message, '<')) {
        printf("FAIL %s:%d: %s: the headline (%ld characters) must be one line of at most %d that names the "
               "element: %s\n", path, f->line, f->rule->id, len, VL_HEADLINE_MAX, f->message);
        return false;
    }
    return true;
}

static bool
run_case(const char *path)
{
    static const char *const not_merged[] = { "domain-limitations", NULL };
    g_autofree char *dir = g_path_get_dirname(path);
    g_autofree char *dir_name = g_path_get_basename(dir);
    const char *dir_rule = vl_registry_find(dir_name) ? dir_name : NULL;
    CaseSpec spec;
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
    case_spec_init(&spec);
    read_comments(doc->doc->children, &spec, &config);
    /* a rule's own cases see its findings as it reports them, not listed
     * in domain-limitations (which its own directory and whole/ test) */
    if (dir_rule && strcmp(dir_rule, "domain-limitations") != 0)
        config.ignore = g_strdupv((char **) not_merged);
    /* an opt-in rule runs in its own cases, as when a user selects it */
    if (dir_rule && vl_registry_find(dir_rule)->opt_in) {
        const char *const mine[] = { dir_rule, "schema", NULL };
        config.select = g_strdupv((char **) mine);
    }
    if (!vl_engine_init(&engine, context, &config, &gerr))
        g_error("corpus: engine: %s", gerr->message);
    findings = vl_engine_lint(&engine, doc);

    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        bool found = false;

        if (!checked(f->rule->id, dir_rule))
            continue;
        if (!headline_ok(path, f))
            ok = false;
        for (guint j = 0; j < spec.expectations->len && !found; j++) {
            Expectation *e = g_ptr_array_index(spec.expectations, j);
            if (!e->matched && e->line == f->line && strcmp(e->rule, f->rule->id) == 0 &&
                (!e->text || finding_says(f, e->text))) {
                e->matched = true;
                found = true;
            }
        }
        if (!found) {
            printf("FAIL %s:%d: unexpected %s: %s\n", path, f->line, f->rule->id, f->message);
            ok = false;
        }
        for (guint j = 0; j < spec.denials->len; j++) {
            Expectation *e = g_ptr_array_index(spec.denials, j);
            if (e->text && e->line == f->line && strcmp(e->rule, f->rule->id) == 0 && finding_says(f, e->text)) {
                printf("FAIL %s:%d: %s says \"%s\", which the case denies\n", path, f->line, f->rule->id, e->text);
                ok = false;
            }
        }
    }
    for (guint j = 0; j < spec.denials->len; j++) {
        Expectation *e = g_ptr_array_index(spec.denials, j);
        if (!vl_registry_find(e->rule) || !e->text) {
            printf("FAIL %s:%d: expect-not needs a known rule and its TEXT\n", path, e->line);
            ok = false;
        }
    }
    for (guint j = 0; j < spec.expectations->len; j++) {
        Expectation *e = g_ptr_array_index(spec.expectations, j);
        if (!vl_registry_find(e->rule)) {
            printf("FAIL %s:%d: expectation names unknown rule %s\n", path, e->line, e->rule);
            ok = false;
        } else if (!e->matched) {
            printf("FAIL %s:%d: expected %s%s%s%s was not reported\n", path, e->line, e->rule,
                   e->text ? " \"" : "", e->text ? e->text : "", e->text ? "\"" : "");
            ok = false;
        }
    }
    {
        GPtrArray *all[] = { spec.adds, spec.removes, spec.withheld, spec.argv_claims };
        for (guint k = 0; k < G_N_ELEMENTS(all); k++) {
            for (guint i = 0; i < all[k]->len; i++) {
                Intent *in = g_ptr_array_index(all[k], i);
                if (!*in->text) {
                    printf("FAIL %s:%d: a fix intent or fixed-argv claim without its TEXT\n", path, in->line);
                    ok = false;
                }
            }
        }
    }
    vl_engine_clear(&engine);
    if (!run_fix_case(path, doc, &config, dir_rule, &spec, findings))
        ok = false;
    case_spec_clear(&spec);
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
    context = vl_context_new();
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
    vl_context_free(context);
    xmlCleanupParser();
    printf("corpus: %u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
