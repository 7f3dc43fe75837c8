/* libvirt's RelaxNG schema: chosen once, compiled on first need (most
 * runs never need it: see schemacache.h), and the verdicts on documents. */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>

#include "document.h"

/* Use the schema at PATH (later calls with the same path keep it).  Only
 * checks that it can be read: compiling waits for the first document that
 * is not already known to be valid.  EXPLICIT: the user chose it, so a
 * schema that does not compile is an error rather than a note.  Returns
 * FALSE with ERROR set when it cannot be read. */
gboolean vl_schema_prepare(const char *path, gboolean explicit, GError **error);
/* The compiled schema (compiling it now if need be), or NULL when none is
 * prepared or it does not compile (said once on stderr). */
xmlRelaxNGPtr vl_schema_current(void);
const char *vl_schema_path(void);
/* domainsnapshot.rng from the same directory, or NULL when there is none. */
xmlRelaxNGPtr vl_schema_snapshot(void);
/* A schema the user chose failed to compile: the run must exit 2. */
gboolean vl_schema_failed(void);

/* DOC's bytes validated against the prepared schema before (in this
 * process or, through the verdict cache, an earlier one). */
gboolean vl_schema_known_valid(const VlDocument *doc);
void vl_schema_remember_valid(const VlDocument *doc);
/* DOC validates against the prepared schema (true when none is prepared
 * or it does not compile).  Uses and feeds the verdict cache. */
gboolean vl_schema_valid(const VlDocument *doc);
void vl_schema_release(void);

#define VL_SCHEMA_ERROR (vl_schema_error_quark())
GQuark vl_schema_error_quark(void);
