/* Remembered schema verdicts: which documents are already known to
 * validate against which schema.
 *
 * Compiling libvirt's RelaxNG schema costs about 20 ms, five times the parse
 * of a typical domain XML, and libxml2 cannot save a compiled schema.  A
 * pre-commit hook or `virtlint --fix` before each boot lints the same files
 * again and again, so virtlint remembers, per document content, that it
 * validated: an empty file named by a hash of the schema's identity and the
 * document's bytes, under the user's cache directory.  Only "valid" is
 * remembered (an invalid document is validated again, to find its culprits),
 * and only after a real validation said so. */
#pragma once

#include <stdbool.h>
#include <glib.h>

/* The verdict cache's state: where verdicts go, and the recent verdicts
 * of this process.  One per engine context (lint/engine/context.h). */
typedef struct VlSchemaCache VlSchemaCache;

/* A cache that keeps verdicts in the default directory (as configured
 * with DIR NULL and ENABLED true). */
VlSchemaCache *vl_schema_cache_new(void);
void vl_schema_cache_free(VlSchemaCache *cache);

/* Keep verdicts on disk in DIR; NULL means $VIRTLINT_CACHE_DIR, else
 * $XDG_CACHE_HOME/virtlint (~/.cache/virtlint).  ENABLED false keeps them
 * for this cache only (--no-cache).  Call before the first lookup. */
void vl_schema_cache_configure(VlSchemaCache *cache, const char *dir, bool enabled);

/* DATA (LEN bytes) passed the schema check before against the schemas
 * IDENTITY names (ROOT: as a document of that root element).  A NULL identity
 * (schemas that cannot be identified) knows nothing. */
bool vl_schema_cache_known_valid(VlSchemaCache *cache, const char *identity, const char *root, const char *data,
                                 gsize len);

/* Remember that it did.  Failure to write the cache is not an error: the
 * cache only saves time. */
void vl_schema_cache_remember_valid(VlSchemaCache *cache, const char *identity, const char *root, const char *data,
                                    gsize len);

/* The identity of the schema file at SCHEMA_PATH: its real path and every
 * *.rng beside it (domain.rng includes its siblings), by name, size,
 * modification time and inode, so that a libvirt upgrade changes it.  NULL
 * when the schema cannot be found. */
char *vl_schema_cache_file_identity(const char *schema_path);

/* The directory verdicts go to, or NULL when on-disk caching is off. */
const char *vl_schema_cache_dir(VlSchemaCache *cache);

