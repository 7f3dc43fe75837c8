#include "schema.h"

#include <errno.h>
#include <stdbool.h>
#include <unistd.h>

G_DEFINE_QUARK(vl-schema-error, vl_schema_error)

static xmlRelaxNGPtr schema;
static char *schema_path;
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

gboolean
vl_schema_prepare(const char *path, GError **error)
{
    xmlRelaxNGParserCtxtPtr ctxt;
    g_autofree char *first_error = NULL;

    if (schema && g_strcmp0(path, schema_path) == 0)
        return TRUE;
    vl_schema_release();

    if (access(path, R_OK) != 0) {
        g_set_error(error, VL_SCHEMA_ERROR, 0, "cannot read schema %s: %s", path, g_strerror(errno));
        return FALSE;
    }
    ctxt = xmlRelaxNGNewParserCtxt(path);
    xmlRelaxNGSetParserStructuredErrors(ctxt, collect_first_error, &first_error);
    schema = xmlRelaxNGParse(ctxt);
    xmlRelaxNGFreeParserCtxt(ctxt);
    if (!schema) {
        g_set_error(error, VL_SCHEMA_ERROR, 0, "cannot compile schema %s: %s", path,
                    first_error ? first_error : "not a RelaxNG schema");
        return FALSE;
    }
    schema_path = g_strdup(path);
    return TRUE;
}

xmlRelaxNGPtr
vl_schema_current(void)
{
    return schema;
}

static xmlRelaxNGPtr
compile_quietly(const char *path)
{
    g_autofree char *ignored = NULL;
    xmlRelaxNGParserCtxtPtr ctxt;
    xmlRelaxNGPtr compiled;

    if (access(path, R_OK) != 0)
        return NULL;
    ctxt = xmlRelaxNGNewParserCtxt(path);
    xmlRelaxNGSetParserStructuredErrors(ctxt, collect_first_error, &ignored);
    compiled = xmlRelaxNGParse(ctxt);
    xmlRelaxNGFreeParserCtxt(ctxt);
    return compiled;
}

xmlRelaxNGPtr
vl_schema_snapshot(void)
{
    if (!snapshot_schema_tried && schema_path) {
        g_autofree char *dir = g_path_get_dirname(schema_path);
        g_autofree char *path = g_build_filename(dir, "domainsnapshot.rng", NULL);

        snapshot_schema_tried = true;
        snapshot_schema = compile_quietly(path);
    }
    return snapshot_schema;
}

const char *
vl_schema_path(void)
{
    return schema_path;
}

static void
ignore_error(void *data G_GNUC_UNUSED, xmlErrorPtr err G_GNUC_UNUSED)
{
}

gboolean
vl_schema_valid(xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    bool snapshot = root && xmlStrEqual(root->name, BAD_CAST "domainsnapshot");
    xmlRelaxNGPtr against = snapshot ? vl_schema_snapshot() : schema;
    xmlRelaxNGValidCtxtPtr ctxt;
    int rc;

    if (!against)
        return TRUE;
    ctxt = xmlRelaxNGNewValidCtxt(against);
    xmlRelaxNGSetValidStructuredErrors(ctxt, ignore_error, NULL);
    rc = xmlRelaxNGValidateDoc(ctxt, doc);
    xmlRelaxNGFreeValidCtxt(ctxt);
    return rc == 0;
}

void
vl_schema_release(void)
{
    g_clear_pointer(&schema, xmlRelaxNGFree);
    g_clear_pointer(&schema_path, g_free);
    g_clear_pointer(&snapshot_schema, xmlRelaxNGFree);
    snapshot_schema_tried = false;
}
