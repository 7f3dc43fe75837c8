/* What the user asked for: the options every module reads. Filled by the
 * CLI (cli.c); rules see it read-only through the model. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "severity.h"
#include "guest.h"

typedef enum {
    VL_FORMAT_TEXT,
    VL_FORMAT_JSON,
    VL_FORMAT_SARIF,
    VL_FORMAT_GITHUB,
    VL_FORMAT_JUNIT,
} VlFormat;

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
    /* Rule ids or categories; NULL-terminated, NULL when not given. */
    char **select;
    char **ignore;
    /* Guest OS the user declared with --os / --edition (fallbacks, see guest.c). */
    VlGuestFamily os_family;
    unsigned os_windows_version;
    VlWindowsEdition os_edition;
    /* RelaxNG schema for the `schema` rule; NULL means libvirt's installed one. */
    char *schema_path;
    /* The libvirt release findings and fixes target, as major*1000000 +
     * minor*1000 + micro; defaults to the libvirt virtlint was built against. */
    unsigned libvirt_version;
    /* The QEMU release, in the same form; 0 when not known (rules then
     * assume a current QEMU and say so). */
    unsigned qemu_version;
    /* Refuse inputs larger than this many bytes. */
    gsize max_file_size;
} VlConfig;

#define VL_DEFAULT_SCHEMA "/usr/share/libvirt/schemas/domain.rng"
#define VL_DEFAULT_MAX_FILE_SIZE (16u * 1024u * 1024u)

void vl_config_init(VlConfig *config);
void vl_config_clear(VlConfig *config);
