#include "lint/schema/schemacache.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "lint/engine/version.h"

/* Marks the directory as a cache for backup tools (https://bford.info/cachedir/). */
#define CACHEDIR_TAG                                                 \
    "Signature: 8a477f597d28d172789f06886806bc55\n"                  \
    "# This file is a cache directory tag created by virtlint.\n"    \
    "# It holds schema verdicts only; it is safe to delete.\n"

/* The last few keys validated, whatever the disk cache does: fixing
 * validates a result and then lints it again.  Bounded, so a fuzzer's
 * millions of inputs cost nothing. */
#define RECENT 16

struct VlSchemaCache {
    bool configured;
    char *entries_dir;      /* <cache>/schema-valid, NULL when off */
    bool entries_dir_ready;
    char recent[RECENT][65];
    guint recent_next;
};

VlSchemaCache *
vl_schema_cache_new(void)
{
    return g_new0(VlSchemaCache, 1);
}

static void
cache_reset(VlSchemaCache *c)
{
    g_clear_pointer(&c->entries_dir, g_free);
    memset(c->recent, 0, sizeof(c->recent));
    c->recent_next = 0;
    c->entries_dir_ready = false;
    c->configured = false;
}

void
vl_schema_cache_free(VlSchemaCache *c)
{
    if (!c)
        return;
    cache_reset(c);
    g_free(c);
}

void
vl_schema_cache_configure(VlSchemaCache *c, const char *dir, bool enabled)
{
    const char *env = g_getenv("VIRTLINT_CACHE_DIR");
    g_autofree char *base = NULL;

    cache_reset(c);
    c->configured = true;
    if (!enabled)
        return;
    if (dir)
        base = g_strdup(dir);
    else if (env && *env)
        base = g_strdup(env);
    else
        base = g_build_filename(g_get_user_cache_dir(), "virtlint", NULL);
    c->entries_dir = g_build_filename(base, "schema-valid", NULL);
}

const char *
vl_schema_cache_dir(VlSchemaCache *c)
{
    if (!c->configured)
        vl_schema_cache_configure(c, NULL, true);
    return c->entries_dir;
}

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

char *
vl_schema_cache_file_identity(const char *schema_path)
{
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    g_autofree char *real = realpath(schema_path, NULL);
    g_autofree char *dir = NULL;
    g_autofree char *header = NULL;
    const char *name;
    GDir *d;

    if (!real)
        return NULL;
    dir = g_path_get_dirname(real);
    if (!(d = g_dir_open(dir, 0, NULL)))
        return NULL;
    while ((name = g_dir_read_name(d)))
        if (g_str_has_suffix(name, ".rng"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    g_ptr_array_sort(names, compare_names);

    header = g_strdup_printf("%s\n", real);
    g_checksum_update(sum, (const guchar *) header, -1);
    for (guint i = 0; i < names->len; i++) {
        g_autofree char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        g_autofree char *line = NULL;
        struct stat st;

        if (stat(path, &st) != 0)
            return NULL;
        line = g_strdup_printf("%s %lld %lld.%09ld %llu %llu\n", (const char *) g_ptr_array_index(names, i),
                               (long long) st.st_size, (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
                               (unsigned long long) st.st_ino, (unsigned long long) st.st_dev);
        g_checksum_update(sum, (const guchar *) line, -1);
    }
    return g_strdup(g_checksum_get_string(sum));
}

/* The key of DATA's verdict against the schemas of IDENTITY, or NULL when
 * there is none.  Verdicts also depend on the libxml2 that validates and
 * on virtlint's own parse options (its version). */
static char *
verdict_key(const char *identity, const char *root, const char *data, gsize len)
{
    g_autoptr(GChecksum) sum = NULL;
    g_autofree char *header = NULL;

    if (!identity)
        return NULL;
    header = g_strdup_printf("virtlint %s\nlibxml2 %s\n", VL_VERSION, xmlParserVersion);
    sum = g_checksum_new(G_CHECKSUM_SHA256);
    g_checksum_update(sum, (const guchar *) header, -1);
    g_checksum_update(sum, (const guchar *) identity, -1);
    /* the document's kind, by its root element: "\ndomain\n" as it always was */
    g_checksum_update(sum, (const guchar *) "\n", 1);
    g_checksum_update(sum, (const guchar *) root, -1);
    g_checksum_update(sum, (const guchar *) "\n", 1);
    g_checksum_update(sum, (const guchar *) data, (gssize) len);
    return g_strdup(g_checksum_get_string(sum));
}

bool
vl_schema_cache_known_valid(VlSchemaCache *c, const char *identity, const char *root, const char *data,
                            gsize len)
{
    g_autofree char *key = verdict_key(identity, root, data, len);
    const char *dir = vl_schema_cache_dir(c);
    g_autofree char *path = NULL;
    struct stat st;

    if (!key)
        return false;
    for (guint i = 0; i < RECENT; i++)
        if (strcmp(c->recent[i], key) == 0)
            return true;
    if (!dir)
        return false;
    path = g_build_filename(dir, key, NULL);
    return lstat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The directory, private to the user, tagged once when first made. */
static bool
prepare_entries_dir(VlSchemaCache *c)
{
    g_autofree char *base = NULL;
    g_autofree char *tag = NULL;

    if (c->entries_dir_ready)
        return true;
    if (g_mkdir_with_parents(c->entries_dir, 0700) != 0)
        return false;
    base = g_path_get_dirname(c->entries_dir);
    tag = g_build_filename(base, "CACHEDIR.TAG", NULL);
    if (!g_file_test(tag, G_FILE_TEST_EXISTS))
        (void) g_file_set_contents(tag, CACHEDIR_TAG, -1, NULL);
    c->entries_dir_ready = true;
    return true;
}

void
vl_schema_cache_remember_valid(VlSchemaCache *c, const char *identity, const char *root, const char *data,
                               gsize len)
{
    g_autofree char *key = verdict_key(identity, root, data, len);
    const char *dir = vl_schema_cache_dir(c);
    g_autofree char *path = NULL;
    int fd;

    if (!key)
        return;
    g_strlcpy(c->recent[c->recent_next], key, sizeof(c->recent[0]));
    c->recent_next = (c->recent_next + 1) % RECENT;
    if (!dir || !prepare_entries_dir(c))
        return;

    /* An empty file is the whole entry: it cannot be half-written. */
    path = g_build_filename(dir, key, NULL);
    fd = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd >= 0)
        close(fd);
}
