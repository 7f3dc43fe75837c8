/* What the user asked for: the options every module reads. Filled by the
 * CLI (cli.c); rules see it read-only through the model. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/engine/severity.h"
#include "lint/model/guest.h"

typedef enum {
    VL_FORMAT_TEXT,
    VL_FORMAT_JSON,
    VL_FORMAT_SARIF,
    VL_FORMAT_GITHUB,
    VL_FORMAT_JUNIT,
} VlFormat;

/* Options the command line set, which a .virtlintrc must not override. */
typedef enum {
    VL_SET_SELECT = 1 << 0,
    VL_SET_IGNORE = 1 << 1,
    VL_SET_FAIL_ON = 1 << 2,
    VL_SET_OS = 1 << 3,
    VL_SET_EDITION = 1 << 4,
    VL_SET_SCHEMA = 1 << 5,
    VL_SET_UNSAFE = 1 << 6,
    VL_SET_LIBVIRT = 1 << 7,
    VL_SET_QEMU = 1 << 8,
    VL_SET_LIBVIRT_CHECK = 1 << 9,
    VL_SET_SUGGESTIONS = 1 << 10,
} VlSetByCli;

typedef struct {
    VlFormat format;
    VlSeverity fail_on;
    bool quiet;
    bool color;
    bool concise;           /* text: one line per finding, no source excerpt */
    bool statistics;        /* text: counts per rule after the findings */
    /* Fixing: --fix writes, --diff shows, --unsafe-fixes widens both (and
     * shows unsafe fixes in the output), --show-fixes lists what was done. */
    bool fix;
    bool diff;
    bool unsafe_fixes;
    bool show_fixes;
    bool define;            /* --fix on live domains defines the result */
    /* Info findings are suggestions: reported (and fixed) only when this is
     * set.  The library sees them all (vl_config_init); the command line
     * hides them unless --show-suggestions, show-suggestions = yes or
     * --fail-on info asks for them. */
    bool show_suggestions;
    /* Rule ids, categories or severities (error, warning, info: findings
     * reported with that severity); NULL-terminated, NULL when not given. */
    char **select;
    char **ignore;
    /* Guest OS the user declared with --os / --edition (fallbacks, see guest.c). */
    VlGuestFamily os_family;
    unsigned os_windows_version;
    VlWindowsEdition os_edition;
    /* RelaxNG schema for the `schema` rule; NULL means the built-in one of
     * the target release (lint/schema/schema.h). */
    char *schema_path;
    /* The libvirt release findings and fixes target, as major*1000000 +
     * minor*1000 + micro; defaults to the libvirt installed on the machine
     * (vl_version_default_libvirt). */
    unsigned libvirt_version;
    /* The QEMU release, in the same form; 0 when not known (rules then
     * assume a current QEMU and say so). */
    unsigned qemu_version;
    /* Refuse inputs larger than this many bytes. */
    gsize max_file_size;
    /* rule id -> severity (VlSeverity, or -1 for off), from a .virtlintrc */
    GHashTable *severity_overrides;
    /* .virtlintrc: the one to use (--config), or none at all (--no-config) */
    char *config_path;
    bool no_config;
    guint set_by_cli;       /* VlSetByCli */
    /* --libvirt-check: define each document with the libvirt installed here
     * (lint/host/libvirtcheck.h) */
    bool libvirt_check;
    /* Facts about the host, for host-aware rules; NULL when none given. */
    const struct VlHost *host;
} VlConfig;

#define VL_DEFAULT_MAX_FILE_SIZE (16u * 1024u * 1024u)

void vl_config_init(VlConfig *config);
void vl_config_clear(VlConfig *config);
/* A deep copy of SRC, to adjust for one input. */
void vl_config_copy(VlConfig *dst, const VlConfig *src);
