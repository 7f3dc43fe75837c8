/* The engine context: what the library compiles once and keeps, owned by
 * one object instead of file-level statics, so that two contexts in one
 * process (a language server's workspaces, a test) work independently.
 *
 * A context owns the compiled RelaxNG schemas (shipped releases and
 * --schema files), the schema verdict cache's state (its directory and the
 * recent verdicts), the compiled fixer stylesheets with the XSLT security
 * preferences they run under, and the compiled PCRE2 patterns of the
 * rules.  Engines (engine.h) refer to one context and choose their own
 * judging schema in it; a context outlives its engines.  A context is not
 * thread-safe: one thread uses it at a time.
 *
 * What stays process-wide, by design: the note handler (notes.h, the
 * embedding program's log sink, set once like a g_log handler) and the
 * --libvirt-check worker (lint/host/libvirtcheck.h: one child process per
 * process, started on first need). */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/schema/schema.h"
#include "lint/schema/schemacache.h"

typedef struct VlContext VlContext;

VlContext *vl_context_new(void);
void vl_context_free(VlContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlContext, vl_context_free)

/* Where CONTEXT keeps schema verdicts: DIR (NULL: $VIRTLINT_CACHE_DIR,
 * else ~/.cache/virtlint), or, with ENABLED false, in memory only.  A new
 * context uses the default directory. */
void vl_context_configure_cache(VlContext *context, const char *dir, bool enabled);

/* A schema the user chose failed to compile in CONTEXT: the run must exit 2. */
gboolean vl_context_schema_failed(const VlContext *context);

/* For the library itself. */
VlSchemaSet *vl_context_schemas(VlContext *context);
VlSchemaCache *vl_context_schema_cache(VlContext *context);
/* The compiled stylesheets (rule id -> xsltStylesheetPtr, owned) and the
 * security preferences they run under (created on first call). */
GHashTable *vl_context_stylesheets(VlContext *context);
void *vl_context_xslt_security(VlContext *context);
/* Compiled patterns: VlPattern* (static, by address) -> pcre2_code*. */
GHashTable *vl_context_patterns(VlContext *context);
