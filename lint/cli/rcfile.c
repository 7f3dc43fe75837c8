#include "lint/cli/rcfile.h"

#include <fnmatch.h>
#include <string.h>
#include <sys/stat.h>

#include "lint/model/guest.h"
#include "lint/engine/registry.h"
#include "lint/engine/version.h"

G_DEFINE_QUARK(vl-rc-error, vl_rc_error)

typedef struct {
    char *glob;
    char **ignore;
    char *os;
    char *edition;
} PathSection;

struct VlRcFile {
    char *path;
    char *dir;                  /* globs are relative to it */
    char **select, **ignore;
    bool has_fail_on;
    VlSeverity fail_on;
    char *schema;
    bool has_unsafe, unsafe_fixes;
    bool has_show_suggestions, show_suggestions;
    bool has_libvirt_check, libvirt_check;
    unsigned libvirt_version, qemu_version;
    GHashTable *severity;       /* rule id -> GINT_TO_POINTER(severity + 1), 0 = off */
    GPtrArray *paths;           /* PathSection* */
    char **exclude;             /* globs, as [path GLOB]'s */
};

static void
path_section_free(PathSection *p)
{
    g_free(p->glob);
    g_strfreev(p->ignore);
    g_free(p->os);
    g_free(p->edition);
    g_free(p);
}

void
vl_rcfile_free(VlRcFile *rc)
{
    if (!rc)
        return;
    g_free(rc->path);
    g_free(rc->dir);
    g_strfreev(rc->select);
    g_strfreev(rc->ignore);
    g_free(rc->schema);
    g_hash_table_unref(rc->severity);
    g_ptr_array_unref(rc->paths);
    g_strfreev(rc->exclude);
    g_free(rc);
}

char *
vl_rcfile_find(const char *input)
{
    g_autofree char *abs = g_canonicalize_filename(input, NULL);
    g_autofree char *dir = g_path_get_dirname(abs);

    for (;;) {
        g_autofree char *rc = g_build_filename(dir, ".virtlintrc", NULL);
        g_autofree char *git = g_build_filename(dir, ".git", NULL);
        char *parent;

        if (g_file_test(rc, G_FILE_TEST_IS_REGULAR))
            return g_steal_pointer(&rc);
        if (g_file_test(git, G_FILE_TEST_EXISTS))
            return NULL; /* the repository root: look no further */
        parent = g_path_get_dirname(dir);
        if (strcmp(parent, dir) == 0) {
            g_free(parent);
            return NULL;
        }
        g_free(dir);
        dir = parent;
    }
}

/* The line of KEY in GROUP (or of the group header when KEY is NULL), for
 * error messages: GKeyFile does not keep line numbers. */
static int
line_of(const char *text, const char *group, const char *key)
{
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    bool in_group = false;

    for (int i = 0; lines[i]; i++) {
        char *l = g_strstrip(lines[i]);

        if (l[0] == '[') {
            g_autofree char *name = g_strndup(l + 1, strcspn(l + 1, "]"));
            in_group = strcmp(g_strstrip(name), group) == 0;
            if (in_group && !key)
                return i + 1;
        } else if (in_group && key && g_str_has_prefix(l, key)) {
            const char *rest = l + strlen(key);
            while (*rest == ' ' || *rest == '\t')
                rest++;
            if (*rest == '=')
                return i + 1;
        }
    }
    return 0;
}

typedef struct {
    const char *path;
    const char *text;
    GKeyFile *kf;
    GError **error;
} Reader;

static gboolean G_GNUC_PRINTF(4, 5)
fail(Reader *r, const char *group, const char *key, const char *fmt, ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    g_set_error(r->error, VL_RC_ERROR, 0, "%s:%d: %s", r->path, line_of(r->text, group, key), msg);
    return FALSE;
}

/* A yes/no (or true/false) value into *OUT. */
static gboolean
read_yes_no(Reader *r, const char *group, const char *key, const char *value, bool *out)
{
    g_autoptr(GError) e = NULL;
    g_autofree char *lower = g_ascii_strdown(g_strstrip((char *) value), -1);

    /* GKeyFile knows true/false only; yes/no read naturally here */
    *out = strcmp(lower, "yes") == 0 || g_key_file_get_boolean(r->kf, group, key, &e);
    if (e && strcmp(lower, "yes") != 0 && strcmp(lower, "no") != 0)
        return fail(r, group, key, "%s: expected yes or no, got '%s'", key, value);
    return TRUE;
}

/* A comma-separated list of rule ids, categories or severities. */
static gboolean
read_rules(Reader *r, const char *group, const char *key, char ***out)
{
    g_autofree char *value = g_key_file_get_string(r->kf, group, key, NULL);
    g_auto(GStrv) parts = g_strsplit_set(value ? value : "", ", \t", -1);
    g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func(g_free);

    for (char **p = parts; *p; p++) {
        if (!**p)
            continue;
        VlSeverity sev;

        if (!vl_registry_find(*p) && !vl_registry_is_category(*p) && vl_severity_parse(*p, &sev) < 0)
            return fail(r, group, key, "'%s' is neither a rule id, a category nor a severity", *p);
        g_ptr_array_add(list, g_strdup(*p));
    }
    g_ptr_array_add(list, NULL);
    *out = (char **) g_ptr_array_free(g_steal_pointer(&list), FALSE);
    return TRUE;
}

/* A comma-separated list of globs. */
static gboolean
read_globs(Reader *r, const char *group, const char *key, char ***out)
{
    g_autofree char *value = g_key_file_get_string(r->kf, group, key, NULL);
    g_auto(GStrv) parts = g_strsplit(value ? value : "", ",", -1);
    g_autoptr(GStrvBuilder) list = g_strv_builder_new();
    guint n = 0;

    for (char **p = parts; *p; p++) {
        g_strstrip(*p);
        if (!**p)
            continue;
        /* fnmatch's '*' stops at '/': a '**' would only ever mean '*' */
        if (strstr(*p, "**"))
            return fail(r, group, key, "%s: '%s': '**' is not supported; a glob that matches a directory "
                        "excludes everything below it", key, *p);
        /* paths are matched relative to the .virtlintrc: "./old" is "old" */
        g_strv_builder_add(list, g_str_has_prefix(*p, "./") ? *p + 2 : *p);
        n++;
    }
    if (!n)
        return fail(r, group, key, "%s: expected one or more globs, separated by commas", key);
    g_strfreev(*out);
    *out = g_strv_builder_end(list);
    return TRUE;
}

static gboolean
read_main(Reader *r, VlRcFile *rc)
{
    const char *group = "virtlint";
    g_auto(GStrv) keys = g_key_file_get_keys(r->kf, group, NULL, NULL);

    for (char **k = keys; k && *k; k++) {
        g_autofree char *v = g_key_file_get_string(r->kf, group, *k, NULL);

        if (strcmp(*k, "select") == 0) {
            if (!read_rules(r, group, *k, &rc->select))
                return FALSE;
        } else if (strcmp(*k, "ignore") == 0) {
            if (!read_rules(r, group, *k, &rc->ignore))
                return FALSE;
        } else if (strcmp(*k, "fail-on") == 0) {
            if (vl_severity_parse(g_strstrip(v), &rc->fail_on) < 0)
                return fail(r, group, *k, "fail-on: expected error, warning or info, got '%s'", v);
            rc->has_fail_on = true;
        } else if (strcmp(*k, "schema") == 0) {
            rc->schema = g_path_is_absolute(v) ? g_strdup(v) : g_build_filename(rc->dir, v, NULL);
        } else if (strcmp(*k, "unsafe-fixes") == 0) {
            g_autoptr(GError) e = NULL;
            rc->unsafe_fixes = g_key_file_get_boolean(r->kf, group, *k, &e);
            if (e)
                return fail(r, group, *k, "unsafe-fixes: expected true or false, got '%s'", v);
            rc->has_unsafe = true;
        } else if (strcmp(*k, "libvirt-check") == 0) {
            if (!read_yes_no(r, group, *k, v, &rc->libvirt_check))
                return FALSE;
            rc->has_libvirt_check = true;
        } else if (strcmp(*k, "show-suggestions") == 0) {
            if (!read_yes_no(r, group, *k, v, &rc->show_suggestions))
                return FALSE;
            rc->has_show_suggestions = true;
        } else if (strcmp(*k, "libvirt-version") == 0) {
            if (!vl_version_parse(g_strstrip(v), &rc->libvirt_version))
                return fail(r, group, *k, "libvirt-version: expected X.Y or X.Y.Z, got '%s'", v);
        } else if (strcmp(*k, "exclude") == 0) {
            if (!read_globs(r, group, *k, &rc->exclude))
                return FALSE;
        } else if (strcmp(*k, "qemu-version") == 0) {
            if (!vl_version_parse(g_strstrip(v), &rc->qemu_version))
                return fail(r, group, *k, "qemu-version: expected X.Y or X.Y.Z, got '%s'", v);
        } else {
            return fail(r, group, *k, "unknown key '%s' in [virtlint]", *k);
        }
    }
    return TRUE;
}

static gboolean
read_severity(Reader *r, VlRcFile *rc)
{
    const char *group = "severity";
    g_auto(GStrv) keys = g_key_file_get_keys(r->kf, group, NULL, NULL);

    for (char **k = keys; k && *k; k++) {
        g_autofree char *v = g_strstrip(g_key_file_get_string(r->kf, group, *k, NULL));
        VlSeverity sev;

        if (!vl_registry_find(*k))
            return fail(r, group, *k, "[severity]: '%s' is not a rule id", *k);
        if (strcmp(v, "off") == 0)
            g_hash_table_insert(rc->severity, g_strdup(*k), GINT_TO_POINTER(0));
        else if (vl_severity_parse(v, &sev) == 0)
            g_hash_table_insert(rc->severity, g_strdup(*k), GINT_TO_POINTER((int) sev + 1));
        else
            return fail(r, group, *k, "[severity] %s: expected error, warning, info or off, got '%s'", *k, v);
    }
    return TRUE;
}

static gboolean
read_path(Reader *r, VlRcFile *rc, const char *group)
{
    g_auto(GStrv) keys = g_key_file_get_keys(r->kf, group, NULL, NULL);
    PathSection *p = g_new0(PathSection, 1);

    p->glob = g_strstrip(g_strdup(group + strlen("path")));
    g_ptr_array_add(rc->paths, p);
    if (!*p->glob)
        return fail(r, group, NULL, "[path GLOB] needs a glob");
    for (char **k = keys; k && *k; k++) {
        g_autofree char *v = g_strstrip(g_key_file_get_string(r->kf, group, *k, NULL));
        VlGuestFamily family;
        VlWindowsEdition edition = VL_EDITION_UNKNOWN;
        unsigned version;

        if (strcmp(*k, "ignore") == 0) {
            if (!read_rules(r, group, *k, &p->ignore))
                return FALSE;
        } else if (strcmp(*k, "os") == 0) {
            if (!vl_guest_parse_os(v, &family, &version, &edition))
                return fail(r, group, *k, "os: expected windows, win10, win11, windows-server, linux or other, got '%s'", v);
            p->os = g_strdup(v);
        } else if (strcmp(*k, "edition") == 0) {
            if (!vl_guest_parse_edition(v, &edition))
                return fail(r, group, *k, "edition: expected home, pro, education, enterprise, workstation or server, got '%s'", v);
            p->edition = g_strdup(v);
        } else {
            return fail(r, group, *k, "unknown key '%s' in [%s]", *k, group);
        }
    }
    return TRUE;
}

VlRcFile *
vl_rcfile_load(const char *path, GError **error)
{
    g_autoptr(VlRcFile) rc = g_new0(VlRcFile, 1);
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autofree char *text = NULL;
    g_autoptr(GError) local = NULL;
    g_auto(GStrv) groups = NULL;
    Reader r = { .path = path, .kf = kf, .error = error };

    rc->path = g_strdup(path);
    rc->dir = g_path_get_dirname(path);
    rc->severity = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    rc->paths = g_ptr_array_new_with_free_func((GDestroyNotify) path_section_free);

    if (!g_file_get_contents(path, &text, NULL, &local) ||
        !g_key_file_load_from_data(kf, text, (gsize) -1, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, VL_RC_ERROR, 0, "%s: %s", path, local->message);
        return NULL;
    }
    r.text = text;
    groups = g_key_file_get_groups(kf, NULL);
    for (char **g = groups; *g; g++) {
        gboolean ok;

        if (strcmp(*g, "virtlint") == 0)
            ok = read_main(&r, rc);
        else if (strcmp(*g, "severity") == 0)
            ok = read_severity(&r, rc);
        else if (g_str_has_prefix(*g, "path ") || g_str_has_prefix(*g, "path\t"))
            ok = read_path(&r, rc, *g);
        else
            ok = fail(&r, *g, NULL, "unknown section [%s] (expected [virtlint], [severity] or [path GLOB])", *g);
        if (!ok)
            return NULL;
    }
    return g_steal_pointer(&rc);
}

/* INPUT relative to the .virtlintrc's directory, for glob matching. */
static char *
relative_to(const char *dir, const char *input)
{
    g_autofree char *abs = g_canonicalize_filename(input, NULL);
    gsize n = strlen(dir);

    if (strncmp(abs, dir, n) == 0 && abs[n] == '/')
        return g_strdup(abs + n + 1);
    return g_strdup(abs);
}

static char **
concat(char **a, char **b)
{
    g_autoptr(GStrvBuilder) builder = g_strv_builder_new();

    if (a)
        g_strv_builder_addv(builder, (const char **) a);
    if (b)
        g_strv_builder_addv(builder, (const char **) b);
    return g_strv_builder_end(builder);
}

gboolean
vl_rcfile_excludes(const VlRcFile *rc, const char *path)
{
    g_autofree char *rel = NULL;

    if (!rc->exclude)
        return FALSE;
    rel = relative_to(rc->dir, path);
    if (g_path_is_absolute(rel))
        return FALSE;
    /* REL, then each directory above it: "vms/old" excludes vms/old/a.xml */
    for (char *end = rel + strlen(rel); end > rel; ) {
        *end = '\0';
        for (char **g = rc->exclude; *g; g++)
            if (fnmatch(*g, rel, FNM_PATHNAME) == 0)
                return TRUE;
        while (end > rel && *end != '/')
            end--;
    }
    return FALSE;
}

void
vl_rcfile_apply(const VlRcFile *rc, const char *input, VlConfig *c)
{
    g_autofree char *rel = relative_to(rc->dir, input);
    GHashTableIter it;
    gpointer k, v;

    if (!(c->set_by_cli & VL_SET_SELECT) && rc->select) {
        g_strfreev(c->select);
        c->select = g_strdupv(rc->select);
    }
    if (!(c->set_by_cli & VL_SET_IGNORE) && rc->ignore) {
        g_strfreev(c->ignore);
        c->ignore = g_strdupv(rc->ignore);
    }
    if (!(c->set_by_cli & VL_SET_FAIL_ON) && rc->has_fail_on)
        c->fail_on = rc->fail_on;
    if (!(c->set_by_cli & VL_SET_SCHEMA) && rc->schema) {
        g_free(c->schema_path);
        c->schema_path = g_strdup(rc->schema);
    }
    if (!(c->set_by_cli & VL_SET_UNSAFE) && rc->has_unsafe)
        c->unsafe_fixes = rc->unsafe_fixes;
    if (!(c->set_by_cli & VL_SET_LIBVIRT_CHECK) && rc->has_libvirt_check)
        c->libvirt_check = rc->libvirt_check;
    if (!(c->set_by_cli & VL_SET_SUGGESTIONS) && rc->has_show_suggestions)
        c->show_suggestions = rc->show_suggestions;
    /* failing on suggestions means wanting to see them */
    if (c->fail_on == VL_SEVERITY_INFO)
        c->show_suggestions = true;
    if (!(c->set_by_cli & VL_SET_LIBVIRT) && rc->libvirt_version)
        c->libvirt_version = rc->libvirt_version;
    if (!(c->set_by_cli & VL_SET_QEMU) && rc->qemu_version)
        c->qemu_version = rc->qemu_version;

    g_hash_table_iter_init(&it, rc->severity);
    while (g_hash_table_iter_next(&it, &k, &v))
        g_hash_table_insert(c->severity_overrides, g_strdup(k), GINT_TO_POINTER(GPOINTER_TO_INT(v) - 1));

    for (guint i = 0; i < rc->paths->len; i++) {
        const PathSection *p = g_ptr_array_index(rc->paths, i);
        VlWindowsEdition edition = c->os_edition;

        if (fnmatch(p->glob, rel, FNM_PATHNAME) != 0)
            continue;
        if (p->ignore) {
            char **merged = concat(c->ignore, p->ignore);
            g_strfreev(c->ignore);
            c->ignore = merged;
        }
        if (p->os && !(c->set_by_cli & VL_SET_OS))
            vl_guest_parse_os(p->os, &c->os_family, &c->os_windows_version, &edition);
        if (p->edition && !(c->set_by_cli & VL_SET_EDITION))
            vl_guest_parse_edition(p->edition, &edition);
        c->os_edition = edition;
    }
}
