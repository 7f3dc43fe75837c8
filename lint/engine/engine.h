/* The lint engine: one document in, its findings out. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/engine/config.h"
#include "lint/engine/context.h"
#include "lint/load/document.h"
#include "lint/schema/schema.h"

/* An engine lints with one configuration, in a context (context.h) that
 * it does not own and that outlives it.  Its judging schema is its own:
 * two engines of one context may target different libvirt releases and
 * lint alternately. */
typedef struct VlEngine {
    VlContext *context;
    const VlConfig *config;
    bool *enabled;          /* per registry index */
    VlSchemaChoice schema;  /* judge NULL when neither the schema rule nor fixing needs one */
} VlEngine;

#define VL_ENGINE_ERROR (vl_engine_error_quark())
GQuark vl_engine_error_quark(void);

/* Resolve --select/--ignore and prepare what the enabled rules need (the
 * schema that judges: the shipped release for the target, or --schema),
 * in CONTEXT.  Fails on unknown rule ids or categories, or an unreadable
 * --schema.  ENGINE is to be cleared either way. */
gboolean vl_engine_init(VlEngine *engine, VlContext *context, const VlConfig *config, GError **error);
void vl_engine_clear(VlEngine *engine);

/* DOC passes ENGINE's schema check (true when it has no schema). */
gboolean vl_engine_schema_valid(const VlEngine *engine, const VlDocument *doc);

bool vl_engine_rule_enabled(const VlEngine *engine, const char *id);

/* Lint DOC: the findings, sorted, suppressions applied (VlFinding*, owned). */
GPtrArray *vl_engine_lint(const VlEngine *engine, VlDocument *doc);
/* The same, adding to *HIDDEN (when not NULL) the suggestions (info
 * findings) left out because the configuration does not show them. */
GPtrArray *vl_engine_lint_counted(const VlEngine *engine, VlDocument *doc, guint *hidden);
/* The same; when --libvirt-check could not get libvirt's verdict (libvirt
 * crashed, hung or could not be loaded), ERROR says why: the caller
 * reports it as an input error.  The findings are returned either way. */
GPtrArray *vl_engine_lint_checked(const VlEngine *engine, VlDocument *doc, guint *hidden, GError **error);
