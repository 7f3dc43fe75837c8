#include "lint/schema/schemas.h"

#include <string.h>

#include <glib.h>
#include <libxml/xmlIO.h>

typedef struct {
    const VlEmbeddedSchemaFile *file;
    size_t pos;
} Reader;

const VlEmbeddedSchemaFile *
vl_schemas_lookup(const char *url)
{
    const char *rest, *slash;

    if (!url || !g_str_has_prefix(url, VL_SCHEMA_URL_PREFIX))
        return NULL;
    rest = url + strlen(VL_SCHEMA_URL_PREFIX);
    if (!(slash = strchr(rest, '/')))
        return NULL;
    for (unsigned i = 0; i < vl_embedded_schema_file_count; i++) {
        const VlEmbeddedSchemaFile *f = &vl_embedded_schema_files[i];

        if (strlen(f->release) == (size_t) (slash - rest) && strncmp(f->release, rest, slash - rest) == 0 &&
            strcmp(f->name, slash + 1) == 0)
            return f;
    }
    return NULL;
}

/* Every URL of the scheme is ours, known or not: an unknown name fails to
 * open rather than falling through to the file system. */
static int
match(const char *url)
{
    return url && g_str_has_prefix(url, VL_SCHEMA_URL_PREFIX);
}

static void *
open_url(const char *url)
{
    const VlEmbeddedSchemaFile *f = vl_schemas_lookup(url);
    Reader *r;

    if (!f)
        return NULL;
    r = g_new0(Reader, 1);
    r->file = f;
    return r;
}

static int
read_url(void *context, char *buffer, int len)
{
    Reader *r = context;
    size_t n = MIN((size_t) len, r->file->len - r->pos);

    memcpy(buffer, r->file->text + r->pos, n);
    r->pos += n;
    return (int) n;
}

static int
close_url(void *context)
{
    g_free(context);
    return 0;
}

void
vl_schemas_register(void)
{
    static gsize done;

    if (g_once_init_enter(&done)) {
        xmlRegisterInputCallbacks(match, open_url, read_url, close_url);
        g_once_init_leave(&done, 1);
    }
}
