#include "lint/engine/notes.h"
#include "lint/schema/schema.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "lint/schema/schemacache.h"
#include "lint/load/xml.h"
#include "lint/schema/schemas.h"
#include "lint/engine/version.h"

G_DEFINE_QUARK(vl-schema-error, vl_schema_error)

struct VlSchema {
    VlSchemaSet *set;
    int shipped;            /* index into vl_embedded_schema_releases, -1 for a file */
    char *url;              /* of domain.rng: virtlint-schema:/9.0/domain.rng, or the path */
    char *label;
    bool explicit;          /* a file the user chose */
    /* per document kind, compiled when a document of that kind is first
     * judged: most runs meet domains only */
    xmlRelaxNGPtr grammar[VL_DOC_KIND_COUNT];
    bool tried[VL_DOC_KIND_COUNT];
    /* "e:NAME" / "a:NAME" the grammar of a kind defines; shipped only.
     * Domains and snapshots share VL_DOC_DOMAIN's. */
    GHashTable *names[VL_DOC_KIND_COUNT];
};

struct VlSchemaSet {
    VlSchema *shipped;      /* one per embedded release, compiled on demand */
    GHashTable *files;      /* --schema path -> VlSchema* */
    bool failed_explicitly;
};

static void
collect_first_error(void *data, VlXmlError err)
{
    char **first = data;

    if (!*first && err && err->message)
        *first = g_strstrip(g_strdup_printf("%s:%d: %s", err->file ? err->file : "schema", err->line,
                                            err->message));
}

static void
schema_free(VlSchema *s)
{
    for (int k = 0; k < VL_DOC_KIND_COUNT; k++) {
        g_clear_pointer(&s->grammar[k], xmlRelaxNGFree);
        g_clear_pointer(&s->names[k], g_hash_table_unref);
    }
    g_clear_pointer(&s->url, g_free);
    g_clear_pointer(&s->label, g_free);
}

static void
file_schema_free(VlSchema *s)
{
    schema_free(s);
    g_free(s);
}

VlSchemaSet *
vl_schema_set_new(void)
{
    VlSchemaSet *set = g_new0(VlSchemaSet, 1);

    set->files = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) file_schema_free);
    return set;
}

void
vl_schema_set_free(VlSchemaSet *set)
{
    if (!set)
        return;
    for (unsigned i = 0; set->shipped && i < vl_embedded_schema_release_count; i++)
        schema_free(&set->shipped[i]);
    g_free(set->shipped);
    g_hash_table_unref(set->files);
    g_free(set);
}

static void
ensure_shipped(VlSchemaSet *set)
{
    if (set->shipped)
        return;
    vl_schemas_register();
    set->shipped = g_new0(VlSchema, vl_embedded_schema_release_count);
    for (unsigned i = 0; i < vl_embedded_schema_release_count; i++) {
        set->shipped[i].set = set;
        set->shipped[i].shipped = (int) i;
        set->shipped[i].url = g_strdup_printf(VL_SCHEMA_URL_PREFIX "%s/domain.rng",
                                              vl_embedded_schema_releases[i].release);
        set->shipped[i].label = g_strdup_printf("libvirt %s's schema", vl_embedded_schema_releases[i].release);
    }
}

static char *verdict_identity(VlSchema *judge, VlSchema *older);

static void
choose(VlSchemaChoice *choice, VlSchema *judge, VlSchema *older, unsigned target)
{
    vl_schema_choice_clear(choice);
    choice->judge = judge;
    choice->older = older;
    choice->target = target;
    choice->identity = verdict_identity(judge, older);
}

void
vl_schema_choice_clear(VlSchemaChoice *choice)
{
    g_clear_pointer(&choice->identity, g_free);
    choice->judge = choice->older = NULL;
    choice->target = 0;
}

gboolean
vl_schema_choose_file(VlSchemaSet *set, VlSchemaChoice *choice, const char *path, gboolean explicit,
                      GError **error)
{
    VlSchema *file = g_hash_table_lookup(set->files, path);

    if (file) {
        file->explicit = file->explicit || explicit;
        choose(choice, file, NULL, 0);
        return TRUE;
    }
    if (access(path, R_OK) != 0) {
        g_set_error(error, VL_SCHEMA_ERROR, 0, "cannot read schema %s: %s", path, g_strerror(errno));
        return FALSE;
    }
    file = g_new0(VlSchema, 1);
    file->set = set;
    file->shipped = -1;
    file->url = g_strdup(path);
    file->label = g_strdup_printf("the schema %s", path);
    file->explicit = explicit;
    g_hash_table_insert(set->files, file->url, file);
    choose(choice, file, NULL, 0);
    return TRUE;
}

void
vl_schema_choose_release(VlSchemaSet *set, VlSchemaChoice *choice, unsigned want)
{
    unsigned n = vl_embedded_schema_release_count;
    unsigned i = 0;
    VlSchema *older = NULL;

    ensure_shipped(set);
    /* the nearest release not older than the target: a false error costs
     * more trust than a miss; past the newest, the newest */
    while (i + 1 < n && vl_embedded_schema_releases[i].version < VL_LIBVIRT(want / 1000000u, want / 1000u % 1000u))
        i++;
    if (i > 0 && vl_embedded_schema_releases[i].version > want)
        older = &set->shipped[i - 1];
    choose(choice, &set->shipped[i], older, want);
}

VlSchema *
vl_schema_newer(const VlSchema *schema)
{
    if (!schema || schema->shipped < 0 || (unsigned) schema->shipped + 1 >= vl_embedded_schema_release_count)
        return NULL;
    return &schema->set->shipped[schema->shipped + 1];
}

VlSchema *
vl_schema_newest(const VlSchema *schema)
{
    ensure_shipped(schema->set);
    return &schema->set->shipped[vl_embedded_schema_release_count - 1];
}

const char *
vl_schema_label(const VlSchema *schema)
{
    return schema->label;
}

const char *
vl_schema_release_name(const VlSchema *schema)
{
    return schema->shipped < 0 ? NULL : vl_embedded_schema_releases[schema->shipped].release;
}

static xmlRelaxNGPtr
compile(VlSchema *s, const char *name, bool quiet)
{
    g_autofree char *dir = g_path_get_dirname(s->url);
    g_autofree char *url = NULL;
    g_autofree char *first_error = NULL;
    xmlRelaxNGParserCtxtPtr ctxt;
    xmlRelaxNGPtr compiled;

    /* g_build_filename would squash the scheme's "//" */
    url = g_strcmp0(name, "domain.rng") == 0 ? g_strdup(s->url) : g_strdup_printf("%s/%s", dir, name);
    if (s->shipped < 0 && g_strcmp0(name, "domain.rng") != 0 && access(url, R_OK) != 0)
        return NULL;
    ctxt = xmlRelaxNGNewParserCtxt(url);
    xmlRelaxNGSetParserStructuredErrors(ctxt, collect_first_error, &first_error);
    compiled = xmlRelaxNGParse(ctxt);
    xmlRelaxNGFreeParserCtxt(ctxt);
    if (compiled || quiet)
        return compiled;

    if (s->explicit) {
        vl_note(VL_NOTE_ERROR, "cannot compile schema %s: %s", url, first_error ? first_error : "not a RelaxNG schema");
        s->set->failed_explicitly = true;
    } else {
        vl_note(VL_NOTE_INFO, "cannot compile schema %s: %s; the schema rule is skipped (pass --schema PATH)", url,
                first_error ? first_error : "not a RelaxNG schema");
    }
    return NULL;
}

xmlRelaxNGPtr
vl_schema_grammar(VlSchema *s, VlDocKind kind)
{
    if (s && !s->tried[kind]) {
        s->tried[kind] = true;
        /* only domain.rng failing is worth a note: a --schema file's
         * directory need not have the others */
        s->grammar[kind] = compile(s, vl_document_kind_info(kind)->schema, kind != VL_DOC_DOMAIN);
        /* a --schema file judges domains; say once what else it leaves unjudged */
        if (!s->grammar[kind] && s->shipped < 0 && kind != VL_DOC_DOMAIN && kind != VL_DOC_SNAPSHOT)
            vl_note(VL_NOTE_INFO, "%s beside the schema %s is missing or does not compile: %s documents are "
                    "not checked against a schema", vl_document_kind_info(kind)->schema, s->url,
                    vl_document_kind_info(kind)->what);
    }
    return s ? s->grammar[kind] : NULL;
}

xmlRelaxNGPtr
vl_schema_domain(VlSchema *s)
{
    return vl_schema_grammar(s, VL_DOC_DOMAIN);
}

/* Collect the names after `<element name="` and `<attribute name="` in the
 * release's files (as embedded: libxml2 wrote them with double quotes). */
static void
collect_names(GHashTable *names, const char *text, size_t len, const char *opener, char kind)
{
    size_t olen = strlen(opener);
    const char *p = text, *end = text + len;

    while ((p = g_strstr_len(p, end - p, opener))) {
        const char *start = p + olen, *quote = memchr(start, '"', end - start);

        if (!quote)
            break;
        g_hash_table_add(names, g_strdup_printf("%c:%.*s", kind, (int) (quote - start), start));
        p = quote;
    }
}

/* Add to NAMES those of the release's file NAME and of the files it
 * includes (each once: SEEN). */
static void
collect_closure(GHashTable *names, GHashTable *seen, const char *release, const char *name)
{
    static const char opener[] = "<include href=\"";
    const VlEmbeddedSchemaFile *f = NULL;
    const char *p, *end;

    if (!g_hash_table_add(seen, g_strdup(name)))
        return;
    for (unsigned i = 0; i < vl_embedded_schema_file_count && !f; i++)
        if (strcmp(vl_embedded_schema_files[i].release, release) == 0 &&
            strcmp(vl_embedded_schema_files[i].name, name) == 0)
            f = &vl_embedded_schema_files[i];
    if (!f)
        return;
    collect_names(names, f->text, f->len, "<element name=\"", 'e');
    collect_names(names, f->text, f->len, "<attribute name=\"", 'a');
    end = f->text + f->len;
    for (p = f->text; (p = g_strstr_len(p, end - p, opener)); ) {
        const char *start = p + strlen(opener), *quote = memchr(start, '"', end - start);
        g_autofree char *included = NULL;

        if (!quote)
            break;
        included = g_strndup(start, (gsize) (quote - start));
        collect_closure(names, seen, release, included);
        p = quote;
    }
}

bool
vl_schema_knows_name(VlSchema *s, VlDocKind kind, const char *name, bool attribute)
{
    g_autofree char *key = NULL;

    if (s->shipped < 0)
        return true;
    if (kind == VL_DOC_SNAPSHOT)
        kind = VL_DOC_DOMAIN;
    if (!s->names[kind]) {
        const char *release = vl_embedded_schema_releases[s->shipped].release;
        g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

        s->names[kind] = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
        collect_closure(s->names[kind], seen, release, vl_document_kind_info(kind)->schema);
        /* a snapshot's names count for a domain's parts too, as they did
         * when those two were all the files shipped */
        if (kind == VL_DOC_DOMAIN)
            collect_closure(s->names[kind], seen, release, "domainsnapshot.rng");
    }
    key = g_strdup_printf("%c:%s", attribute ? 'a' : 'e', name);
    return g_hash_table_contains(s->names[kind], key);
}

gboolean
vl_schema_failed(const VlSchemaSet *set)
{
    return set->failed_explicitly;
}

/* What a "passes" verdict depends on: the judge and the older release.
 * Computed once per choice: a file schema's identity costs a stat of every
 * .rng beside it. */
static char *
verdict_identity(VlSchema *judge, VlSchema *older)
{
    GString *id = g_string_new(NULL);
    VlSchema *parts[] = { judge, older };

    for (gsize i = 0; i < G_N_ELEMENTS(parts); i++) {
        VlSchema *s = parts[i];

        if (!s)
            continue;
        if (s->shipped >= 0) {
            g_string_append_printf(id, "embedded %s %s\n", vl_embedded_schema_releases[s->shipped].release,
                                   vl_embedded_schema_releases[s->shipped].digest);
        } else {
            g_autofree char *files = vl_schema_cache_file_identity(s->url);

            if (!files) {
                g_string_free(id, TRUE);
                return NULL;
            }
            g_string_append_printf(id, "file %s\n", files);
        }
    }
    if (!id->len) {
        g_string_free(id, TRUE);
        return NULL;
    }
    return g_string_free(id, FALSE);
}

gboolean
vl_schema_known_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc)
{
    return vl_schema_cache_known_valid(cache, choice->identity, vl_document_kind_info(doc->kind)->root, doc->data,
                                       doc->len);
}

void
vl_schema_remember_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc)
{
    vl_schema_cache_remember_valid(cache, choice->identity, vl_document_kind_info(doc->kind)->root, doc->data,
                                   doc->len);
}

static void
ignore_error(void *data G_GNUC_UNUSED, VlXmlError err G_GNUC_UNUSED)
{
}

bool
vl_schema_grammar_accepts(xmlRelaxNGPtr grammar, xmlDocPtr doc)
{
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(grammar);
    int rc;

    xmlRelaxNGSetValidStructuredErrors(ctxt, ignore_error, NULL);
    rc = xmlRelaxNGValidateDoc(ctxt, doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    return rc == 0;
}

static bool
valid_against(VlSchema *s, const VlDocument *doc)
{
    xmlRelaxNGPtr against = vl_schema_grammar(s, doc->kind);

    return !against || vl_schema_grammar_accepts(against, doc->doc);
}

gboolean
vl_schema_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc)
{
    if (!choice->judge || vl_schema_known_valid(cache, choice, doc))
        return TRUE;
    if (!valid_against(choice->judge, doc) || (choice->older && !valid_against(choice->older, doc)))
        return FALSE;
    vl_schema_remember_valid(cache, choice, doc);
    return TRUE;
}
