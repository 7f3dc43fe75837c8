/* The lint engine: one document in, its findings out. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/engine/config.h"
#include "lint/load/document.h"

typedef struct {
    const VlConfig *config;
    bool *enabled;          /* per registry index */
} VlEngine;

#define VL_ENGINE_ERROR (vl_engine_error_quark())
GQuark vl_engine_error_quark(void);

/* Resolve --select/--ignore and prepare what the enabled rules need (the
 * schema).  Fails on unknown rule ids or categories, or an unreadable
 * --schema. */
gboolean vl_engine_init(VlEngine *engine, const VlConfig *config, GError **error);
/* Make ENGINE's schema the one that judges (the shipped release for its
 * target, or its --schema): engines of different .virtlintrc files may
 * target different releases. */
gboolean vl_engine_use_schema(const VlEngine *engine, GError **error);
void vl_engine_clear(VlEngine *engine);

bool vl_engine_rule_enabled(const VlEngine *engine, const char *id);

/* Lint DOC: the findings, sorted, suppressions applied (VlFinding*, owned). */
GPtrArray *vl_engine_lint(const VlEngine *engine, VlDocument *doc);
/* The same, adding to *HIDDEN (when not NULL) the suggestions (info
 * findings) left out because the configuration does not show them. */
GPtrArray *vl_engine_lint_counted(const VlEngine *engine, VlDocument *doc, guint *hidden);
