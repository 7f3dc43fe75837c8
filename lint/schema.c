#include "schema.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "schemacache.h"

G_DEFINE_QUARK(vl-schema-error, vl_schema_error)

static char *schema_path;
static bool schema_explicit;
static xmlRelaxNGPtr schema;
static bool schema_tried;
static bool schema_failed_explicitly;
/* domainsnapshot.rng beside the domain schema, compiled on first need */
static xmlRelaxNGPtr snapshot_schema;
static bool snapshot_schema_tried;

static void
collect_first_error(void *data, xmlErrorPtr err)
{
    char **first = data;

    if (!*first && err && err->message)
        *first = g_strstrip(g_strdup_printf("%s:%d: %s", err->file ? err->file : "schema", err->line,
                                            err->message));
}

/* Compile PATH; NULL with *FIRST_ERROR set (when libxml2 said why) on failure. */
static xmlRelaxNGPtr
compile(const char *path, char **first_error)
{
    xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewParserCtxt(path);
    xmlRelaxNGPtr compiled;

    xmlRelaxNGSetParserStructuredErrors(ctxt, collect_first_error, first_error);
    compiled = xmlRelaxNGParse(ctxt);
    xmlRelaxNGFreeParserCtxt(ctxt);
    return compiled;
}

gboolean
vl_schema_prepare(const char *path, gboolean explicit, GError **error)
{
    if (schema_path && g_strcmp0(path, schema_path) == 0) {
        schema_explicit = schema_explicit || explicit;
        return TRUE;
    }
    vl_schema_release();

    if (access(path, R_OK) != 0) {
        g_set_error(error, VL_SCHEMA_ERROR, 0, "cannot read schema %s: %s", path, g_strerror(errno));
        return FALSE;
    }
    schema_path = g_strdup(path);
    schema_explicit = explicit;
    return TRUE;
}

xmlRelaxNGPtr
vl_schema_current(void)
{
    g_autofree char *first_error = NULL;

    if (schema || schema_tried || !schema_path)
        return schema;
    schema_tried = true;
    if ((schema = compile(schema_path, &first_error)))
        return schema;

    if (schema_explicit) {
        fprintf(stderr, "virtlint: error: cannot compile schema %s: %s\n", schema_path,
                first_error ? first_error : "not a RelaxNG schema");
        schema_failed_explicitly = true;
    } else {
        fprintf(stderr, "virtlint: note: cannot compile schema %s: %s; the schema rule is skipped "
                "(reinstall libvirt's schemas or pass --schema PATH)\n", schema_path,
                first_error ? first_error : "not a RelaxNG schema");
    }
    return NULL;
}

gboolean
vl_schema_failed(void)
{
    return schema_failed_explicitly;
}

xmlRelaxNGPtr
vl_schema_snapshot(void)
{
    if (!snapshot_schema_tried && schema_path) {
        g_autofree char *dir = g_path_get_dirname(schema_path);
        g_autofree char *path = g_build_filename(dir, "domainsnapshot.rng", NULL);
        g_autofree char *ignored = NULL;

        snapshot_schema_tried = true;
        if (access(path, R_OK) == 0)
            snapshot_schema = compile(path, &ignored);
    }
    return snapshot_schema;
}

const char *
vl_schema_path(void)
{
    return schema_path;
}

gboolean
vl_schema_known_valid(const VlDocument *doc)
{
    return vl_schema_cache_known_valid(schema_path, doc->is_snapshot, doc->data, doc->len);
}

void
vl_schema_remember_valid(const VlDocument *doc)
{
    vl_schema_cache_remember_valid(schema_path, doc->is_snapshot, doc->data, doc->len);
}

static void
ignore_error(void *data G_GNUC_UNUSED, xmlErrorPtr err G_GNUC_UNUSED)
{
}

gboolean
vl_schema_valid(const VlDocument *doc)
{
    xmlRelaxNGPtr against;
    xmlRelaxNGValidCtxtPtr ctxt;
    int rc;

    if (!schema_path || vl_schema_known_valid(doc))
        return TRUE;
    against = doc->is_snapshot ? vl_schema_snapshot() : vl_schema_current();
    if (!against)
        return TRUE;
    ctxt = xmlRelaxNGNewValidCtxt(against);
    xmlRelaxNGSetValidStructuredErrors(ctxt, ignore_error, NULL);
    rc = xmlRelaxNGValidateDoc(ctxt, doc->doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (rc == 0)
        vl_schema_remember_valid(doc);
    return rc == 0;
}

void
vl_schema_release(void)
{
    g_clear_pointer(&schema, xmlRelaxNGFree);
    g_clear_pointer(&schema_path, g_free);
    g_clear_pointer(&snapshot_schema, xmlRelaxNGFree);
    schema_tried = false;
    snapshot_schema_tried = false;
    schema_explicit = false;
}
