/* libvirt's RelaxNG schema, compiled once per process. */
#pragma once

#include <glib.h>
#include <libxml/relaxng.h>

/* Compile the schema at PATH (once; later calls reuse it).  Returns FALSE
 * with ERROR set when it cannot be read or compiled. */
gboolean vl_schema_prepare(const char *path, GError **error);
/* The compiled schema, or NULL when vl_schema_prepare() has not succeeded. */
xmlRelaxNGPtr vl_schema_current(void);
const char *vl_schema_path(void);
/* domainsnapshot.rng from the same directory, or NULL when there is none. */
xmlRelaxNGPtr vl_schema_snapshot(void);
/* DOC validates against the prepared schema (true when none is prepared). */
gboolean vl_schema_valid(xmlDocPtr doc);
void vl_schema_release(void);

#define VL_SCHEMA_ERROR (vl_schema_error_quark())
GQuark vl_schema_error_quark(void);
