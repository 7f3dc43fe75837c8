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

/* Judge documents by the schema file at PATH (later calls with the same
 * path keep it).  Only checks that it can be read: compiling waits for the
 * first document that is not already known to be valid.  EXPLICIT: the
 * user chose it, so a schema that does not compile is an error rather than
 * a note.  Returns FALSE with ERROR set when it cannot be read. */
gboolean vl_schema_prepare(const char *path, gboolean explicit, GError **error);
/* Judge documents by the shipped schemas, for the libvirt release TARGET
 * (as VL_LIBVIRT(major, minor) + micro). */
void vl_schema_prepare_release(unsigned target);

/* The schema that judges (NULL when none is prepared). */
VlSchema *vl_schema_judge(void);
/* The newest shipped release older than the target, when the target lies
 * strictly between two shipped releases; NULL otherwise. */
VlSchema *vl_schema_older(void);
/* The next shipped release after SCHEMA, or NULL (also for a file). */
VlSchema *vl_schema_newer(const VlSchema *schema);
/* The newest shipped release. */
VlSchema *vl_schema_newest(void);
/* The target release of vl_schema_prepare_release, 0 with a schema file. */
unsigned vl_schema_target(void);

/* SCHEMA's domain.rng and domainsnapshot.rng compiled (now if need be), or
 * NULL when they do not compile (said once on stderr). */
xmlRelaxNGPtr vl_schema_domain(VlSchema *schema);
xmlRelaxNGPtr vl_schema_snapshot(VlSchema *schema);
/* "libvirt 9.0's schema" or "the schema /path/domain.rng": what judged. */
const char *vl_schema_label(const VlSchema *schema);
/* "9.0" for a shipped release, NULL for a file. */
const char *vl_schema_release_name(const VlSchema *schema);
/* SCHEMA's grammar names an element (ATTRIBUTE false) or an attribute
 * called NAME somewhere; always true for a schema file. */
bool vl_schema_knows_name(VlSchema *schema, const char *name, bool attribute);

/* GRAMMAR accepts DOC (libxml2's messages are not wanted). */
bool vl_schema_grammar_accepts(xmlRelaxNGPtr grammar, xmlDocPtr doc);

/* A schema the user chose failed to compile: the run must exit 2. */
gboolean vl_schema_failed(void);

/* DOC's bytes passed the schema check before (in this process or, through
 * the verdict cache, an earlier one): valid against the judge and, where
 * there is one, the older release. */
gboolean vl_schema_known_valid(const VlDocument *doc);
void vl_schema_remember_valid(const VlDocument *doc);
/* DOC passes the schema check (true when no schema is prepared or it does
 * not compile).  Uses and feeds the verdict cache. */
gboolean vl_schema_valid(const VlDocument *doc);
void vl_schema_release(void);

#define VL_SCHEMA_ERROR (vl_schema_error_quark())
GQuark vl_schema_error_quark(void);
