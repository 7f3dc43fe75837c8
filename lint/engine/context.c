#define PCRE2_CODE_UNIT_WIDTH 8
#include "lint/engine/context.h"

#include <pcre2.h>
#include <libxslt/security.h>
#include <libxslt/xsltInternals.h>

struct VlContext {
    VlSchemaSet *schemas;
    VlSchemaCache *cache;
    GHashTable *stylesheets;            /* rule id -> xsltStylesheetPtr, compiled on first use */
    xsltSecurityPrefsPtr security;
    GHashTable *patterns;               /* VlPattern* -> pcre2_code* */
};

static void
free_code(gpointer code)
{
    pcre2_code_free(code);
}

VlContext *
vl_context_new(void)
{
    VlContext *c = g_new0(VlContext, 1);

    c->schemas = vl_schema_set_new();
    c->cache = vl_schema_cache_new();
    c->stylesheets = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) xsltFreeStylesheet);
    c->patterns = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, free_code);
    return c;
}

void
vl_context_free(VlContext *c)
{
    if (!c)
        return;
    vl_schema_set_free(c->schemas);
    vl_schema_cache_free(c->cache);
    g_hash_table_unref(c->stylesheets);
    g_clear_pointer(&c->security, xsltFreeSecurityPrefs);
    g_hash_table_unref(c->patterns);
    g_free(c);
}

void
vl_context_configure_cache(VlContext *c, const char *dir, bool enabled)
{
    vl_schema_cache_configure(c->cache, dir, enabled);
}

gboolean
vl_context_schema_failed(const VlContext *c)
{
    return vl_schema_failed(c->schemas);
}

VlSchemaSet *
vl_context_schemas(VlContext *c)
{
    return c->schemas;
}

VlSchemaCache *
vl_context_schema_cache(VlContext *c)
{
    return c->cache;
}

GHashTable *
vl_context_stylesheets(VlContext *c)
{
    return c->stylesheets;
}

/* File and network access stay closed to every stylesheet. */
void *
vl_context_xslt_security(VlContext *c)
{
    if (!c->security) {
        c->security = xsltNewSecurityPrefs();
        xsltSetSecurityPrefs(c->security, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(c->security, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
        xsltSetSecurityPrefs(c->security, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
        xsltSetSecurityPrefs(c->security, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
        xsltSetSecurityPrefs(c->security, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    }
    return c->security;
}

GHashTable *
vl_context_patterns(VlContext *c)
{
    return c->patterns;
}
