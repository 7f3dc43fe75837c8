#include "lint/lsp/setup.h"

#include <string.h>
#include <sys/stat.h>

#include "lint/cli/rcfile.h"

typedef struct {
    VlRcFile *rc;       /* NULL when it failed to load */
    char *error;
    struct timespec mtime;
    off_t size;
} RcEntry;

struct VlLspSetups {
    VlContext *context;
    const VlConfig *base;
    VlLspSetup *base_setup;     /* made on first need */
    GHashTable *rcfiles;        /* .virtlintrc path -> RcEntry* */
    GHashTable *setups;         /* .virtlintrc path "\n" document path -> VlLspSetup* */
};

static void
rc_entry_free(RcEntry *e)
{
    if (e->rc)
        vl_rcfile_free(e->rc);
    g_free(e->error);
    g_free(e);
}

static void
setup_free(VlLspSetup *s)
{
    vl_engine_clear(&s->engine);
    vl_config_clear(&s->config);
    g_free(s->error);
    g_free(s);
}

VlLspSetups *
vl_lsp_setups_new(VlContext *context, const VlConfig *base)
{
    VlLspSetups *setups = g_new0(VlLspSetups, 1);

    setups->context = context;
    setups->base = base;
    setups->rcfiles = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) rc_entry_free);
    setups->setups = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, (GDestroyNotify) setup_free);
    return setups;
}

void
vl_lsp_setups_free(VlLspSetups *setups)
{
    if (!setups)
        return;
    if (setups->base_setup)
        setup_free(setups->base_setup);
    g_hash_table_unref(setups->rcfiles);
    g_hash_table_unref(setups->setups);
    g_free(setups);
}

/* CONFIG (owned by the new setup) with its engine made in CONTEXT. */
static VlLspSetup *
setup_new(VlContext *context, VlConfig *config, const char *rc_error)
{
    VlLspSetup *s = g_new0(VlLspSetup, 1);
    g_autoptr(GError) error = NULL;

    s->config = *config;
    if (rc_error)
        s->error = g_strdup(rc_error);
    else if (!vl_engine_init(&s->engine, context, &s->config, &error))
        s->error = g_strdup(error->message);
    return s;
}

static const VlLspSetup *
base_setup(VlLspSetups *setups)
{
    if (!setups->base_setup) {
        VlConfig config;

        vl_config_copy(&config, setups->base);
        setups->base_setup = setup_new(setups->context, &config, NULL);
    }
    return setups->base_setup;
}

/* Forget the setups made from RC_PATH: the file changed. */
static void
drop_setups_of(VlLspSetups *setups, const char *rc_path)
{
    g_autofree char *prefix = g_strconcat(rc_path, "\n", NULL);
    GHashTableIter it;
    gpointer key;

    g_hash_table_iter_init(&it, setups->setups);
    while (g_hash_table_iter_next(&it, &key, NULL)) {
        if (g_str_has_prefix(key, prefix))
            g_hash_table_iter_remove(&it);
    }
}

/* RC_PATH loaded, or loaded again when it changed since. */
static const RcEntry *
rc_entry(VlLspSetups *setups, const char *rc_path)
{
    RcEntry *e = g_hash_table_lookup(setups->rcfiles, rc_path);
    struct stat st = { 0 };
    g_autoptr(GError) error = NULL;

    stat(rc_path, &st); /* a vanished file fails to load below */
    if (e && e->size == st.st_size && e->mtime.tv_sec == st.st_mtim.tv_sec &&
        e->mtime.tv_nsec == st.st_mtim.tv_nsec)
        return e;
    drop_setups_of(setups, rc_path);
    e = g_new0(RcEntry, 1);
    e->mtime = st.st_mtim;
    e->size = st.st_size;
    if (!(e->rc = vl_rcfile_load(rc_path, &error)))
        e->error = g_strdup(error->message);
    g_hash_table_replace(setups->rcfiles, g_strdup(rc_path), e);
    return e;
}

const VlLspSetup *
vl_lsp_setup_for(VlLspSetups *setups, const char *path)
{
    g_autofree char *rc_path = NULL, *key = NULL;
    const RcEntry *rc;
    VlLspSetup *s;
    VlConfig config;

    if (!path || setups->base->no_config)
        return base_setup(setups);
    rc_path = setups->base->config_path ? g_strdup(setups->base->config_path) : vl_rcfile_find(path);
    if (!rc_path)
        return base_setup(setups);
    rc = rc_entry(setups, rc_path);
    key = g_strconcat(rc_path, "\n", path, NULL);
    if ((s = g_hash_table_lookup(setups->setups, key)))
        return s;
    vl_config_copy(&config, setups->base);
    if (rc->rc)
        vl_rcfile_apply(rc->rc, path, &config);
    s = setup_new(setups->context, &config, rc->error);
    g_hash_table_insert(setups->setups, g_steal_pointer(&key), s);
    return s;
}
