/* Command-line parsing into a VlConfig and what to do. */
#pragma once

#include <glib.h>

#include "lint/engine/config.h"

typedef enum {
    VL_MODE_LINT,
    VL_MODE_LIST_RULES,
    VL_MODE_EXPLAIN,
    VL_MODE_VERSION,
    VL_MODE_LSP,        /* --lsp: a language server on stdin/stdout */
    VL_MODE_SHOW_PINNING, /* --show-pinning: the host's CPUs and what each domain pins there */
} VlMode;

typedef struct {
    VlMode mode;
    char *explain;      /* rule id for --explain */
    char **paths;       /* inputs, NULL-terminated */
    char **connects;    /* --connect URI (repeatable), NULL-terminated */
    char **domains;     /* --domain NAME|UUID, NULL-terminated */
    gboolean all_domains;
    char *capabilities;     /* --capabilities FILE */
    char *domcapabilities;  /* --domcapabilities FILE */
    char *nodedev;          /* --nodedev DIR */
    char *cache_dir;        /* --cache-dir DIR: where schema verdicts are kept */
    gboolean no_cache;      /* --no-cache */
    gboolean add_suppressions;  /* --add-suppressions[=REASON] */
    char *suppress_reason;      /* its REASON, or NULL */
    char *edit;             /* --edit NAME|FILE (lint/cli/edit.h) */
    /* --filter-files: named files are treated like those found in a
     * directory (excludes apply, non-libvirt XML is skipped) */
    gboolean filter_files;
} VlCli;

#define VL_CLI_ERROR (vl_cli_error_quark())
GQuark vl_cli_error_quark(void);

/* Parse ARGV into CONFIG and CLI.  --help prints and exits 0. */
gboolean vl_cli_parse(int argc, char **argv, VlConfig *config, VlCli *cli, GError **error);
void vl_cli_clear(VlCli *cli);
