/* libvirt's RelaxNG schemas: which one judges a document, compiled on
 * first need (most runs never need one: see schemacache.h), and the
 * verdicts on documents.
 *
 * virtlint ships the schemas of the libvirt releases people run
 * (schemas/, built into the binary).  A document is judged by the nearest
 * shipped release not older than the libvirt it targets: a construct that
 * release does not know is an error; where the target lies between two
 * shipped releases, what only the newer one knows is reported too, as a
 * warning (it appeared after the older, by the newer).  --schema PATH
 * replaces all of this with one schema file. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/relaxng.h>

#include "lint/load/document.h"

typedef struct VlSchema VlSchema;
/* The compiled schemas of one engine context (lint/engine/context.h): the
 * shipped releases and the --schema files, each compiled on first need and
 * kept until the set is freed. */
typedef struct VlSchemaSet VlSchemaSet;

/* Which schemas judge an engine's documents: chosen once per engine
 * (engines of different .virtlintrc files may target different releases),
 * never switched behind another engine's back. */
typedef struct {
    VlSchema *judge;    /* NULL when the engine needs no schema */
    /* the newest shipped release older than the target, when the target
     * lies strictly between two shipped releases; NULL otherwise */
    VlSchema *older;
    unsigned target;    /* the target release, 0 with a schema file */
    /* what a "passes" verdict depends on (the judge and the older
     * release), computed when chosen; NULL when it cannot be identified */
    char *identity;
} VlSchemaChoice;

#include "lint/schema/schemacache.h"

VlSchemaSet *vl_schema_set_new(void);
void vl_schema_set_free(VlSchemaSet *set);

/* Judge by the schema file at PATH (later calls with the same path in SET
 * keep it).  Only checks that it can be read: compiling waits for the
 * first document that is not already known to be valid.  EXPLICIT: the
 * user chose it, so a schema that does not compile is an error rather than
 * a note.  Returns FALSE with ERROR set when it cannot be read. */
gboolean vl_schema_choose_file(VlSchemaSet *set, VlSchemaChoice *choice, const char *path, gboolean explicit,
                               GError **error);
/* Judge by the shipped schemas, for the libvirt release TARGET (as
 * VL_LIBVIRT(major, minor) + micro). */
void vl_schema_choose_release(VlSchemaSet *set, VlSchemaChoice *choice, unsigned target);
/* Forget CHOICE's schemas (they stay in their set). */
void vl_schema_choice_clear(VlSchemaChoice *choice);

/* The next shipped release after SCHEMA, or NULL (also for a file). */
VlSchema *vl_schema_newer(const VlSchema *schema);
/* The newest shipped release of SCHEMA's set. */
VlSchema *vl_schema_newest(const VlSchema *schema);

/* SCHEMA's grammar for documents of KIND (domain.rng, network.rng, ...),
 * compiled now if need be (each once per set), or NULL when it does not
 * compile (said once, as a note, for domain.rng) or, for a --schema file,
 * has no such file beside it. */
xmlRelaxNGPtr vl_schema_grammar(VlSchema *schema, VlDocKind kind);
xmlRelaxNGPtr vl_schema_domain(VlSchema *schema);
/* "libvirt 9.0's schema" or "the schema /path/domain.rng": what judged. */
const char *vl_schema_label(const VlSchema *schema);
/* "9.0" for a shipped release, NULL for a file. */
const char *vl_schema_release_name(const VlSchema *schema);
/* SCHEMA's grammar for KIND (its file and those it includes) names an
 * element (ATTRIBUTE false) or an attribute called NAME somewhere; always
 * true for a schema file. */
bool vl_schema_knows_name(VlSchema *schema, VlDocKind kind, const char *name, bool attribute);

/* GRAMMAR accepts DOC (libxml2's messages are not wanted). */
bool vl_schema_grammar_accepts(xmlRelaxNGPtr grammar, xmlDocPtr doc);

/* A schema the user chose failed to compile: the run must exit 2. */
gboolean vl_schema_failed(const VlSchemaSet *set);

/* DOC's bytes passed CHOICE's schema check before (in this context or,
 * through the verdict cache CACHE, an earlier process): valid against the
 * judge and, where there is one, the older release. */
gboolean vl_schema_known_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc);
void vl_schema_remember_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc);
/* DOC passes CHOICE's schema check (true when there is no judge or it does
 * not compile).  Uses and feeds the verdict cache. */
gboolean vl_schema_valid(VlSchemaCache *cache, const VlSchemaChoice *choice, const VlDocument *doc);

#define VL_SCHEMA_ERROR (vl_schema_error_quark())
GQuark vl_schema_error_quark(void);
