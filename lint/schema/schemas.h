/* The libvirt RelaxNG schemas built into the binary (schemas/RELEASE/,
 * embedded by tools/embed_schemas.c), and the URLs libxml2 reads them by. */
#pragma once

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *release;    /* "11.3": schemas/11.3/ */
    const char *name;       /* "domaincommon.rng" */
    const char *text;
    size_t len;
} VlEmbeddedSchemaFile;

typedef struct {
    const char *release;
    unsigned version;       /* as VL_LIBVIRT(major, minor) */
    const char *digest;     /* SHA-256 of the release's files, as embedded */
} VlEmbeddedSchemaRelease;

extern const VlEmbeddedSchemaFile vl_embedded_schema_files[];
extern const unsigned vl_embedded_schema_file_count;
/* oldest first */
extern const VlEmbeddedSchemaRelease vl_embedded_schema_releases[];
extern const unsigned vl_embedded_schema_release_count;

/* Embedded files are read through the URL "virtlint-schema:/RELEASE/NAME",
 * so that libxml2 resolves <include href="NAME"/> among the same release's
 * files.  Registers the libxml2 input handler for that scheme (once). */
#define VL_SCHEMA_URL_PREFIX "virtlint-schema:/"
void vl_schemas_register(void);

/* The embedded file at URL, or NULL. */
const VlEmbeddedSchemaFile *vl_schemas_lookup(const char *url);
