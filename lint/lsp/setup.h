/* The configuration each document is linted with, as on the command line:
 * the command line's options, then the .virtlintrc found above the
 * document (or --config's), with the [path GLOB] sections that match it.
 * Each setup (configuration + engine) is made once and reused for every
 * change of the document; all share one VlContext, so nothing is compiled
 * twice.  A .virtlintrc edited while the server runs is read again: its
 * modification time is checked at each lookup. */
#pragma once

#include <glib.h>

#include "lint/engine/config.h"
#include "lint/engine/context.h"
#include "lint/engine/engine.h"

typedef struct {
    VlConfig config;
    VlEngine engine;
    char *error;        /* why this configuration cannot lint (NULL: it can) */
} VlLspSetup;

typedef struct VlLspSetups VlLspSetups;

/* BASE (the command line's) and CONTEXT outlive the result. */
VlLspSetups *vl_lsp_setups_new(VlContext *context, const VlConfig *base);
void vl_lsp_setups_free(VlLspSetups *setups);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlLspSetups, vl_lsp_setups_free)

/* The setup for the file PATH (NULL: a document with no file, which gets
 * the command line's configuration).  Owned by SETUPS; valid until the next
 * lookup (a changed .virtlintrc replaces the setups made from it). */
const VlLspSetup *vl_lsp_setup_for(VlLspSetups *setups, const char *path);
