/* QEMU command-line options, option values and device properties that
 * QEMU has deprecated or removed, as <qemu:commandline> still passes them:
 * one table (docs/about/removed-features.rst and deprecated.rst, checked
 * against the QEMU 7.2, 10.0 and 11.1 binaries of Debian 12, 13 and
 * unstable), matched against the parsed command line (qemu_cmdline.h) and
 * against <qemu:env> names. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/qemu_cmdline.h"

typedef enum {
    VL_QEMU_GONE_OPTION,      /* -OPTION itself */
    VL_QEMU_GONE_TYPE,        /* -OPTION TYPE: the option's first (implied) item is KEY (-device ide-drive) */
    VL_QEMU_GONE_PROPERTY,    /* -OPTION ...,KEY=...; with TYPE set, only when the first item starts with TYPE */
    VL_QEMU_GONE_GLOBAL,      /* -global DRIVER.KEY=...: TYPE prefixes DRIVER */
    VL_QEMU_GONE_HEX_SIZE,    /* any KEY=0x...M: a hexadecimal size with a multiplier suffix */
    VL_QEMU_GONE_SMP_ZERO,    /* -smp with a topology member of 0 */
    VL_QEMU_GONE_SHORT_BOOL,  /* -OPTION ...,KEY with no =VALUE (QemuOpts' short-form boolean) */
    VL_QEMU_GONE_ENV,         /* <qemu:env name='KEY...'> (KEY is a prefix) */
} VlQemuGoneKind;

typedef struct {
    VlQemuGoneKind kind;
    const char *option;       /* without the dash; NULL for ENV and HEX_SIZE */
    const char *type;         /* see the kinds */
    const char *key;          /* see the kinds */
    const char *what;         /* how a message names it: "-no-hpet", "-chardev tty" */
    unsigned deprecated;      /* the QEMU release that deprecated it (VL_LIBVIRT encoding), 0 when not recorded */
    unsigned removed;         /* the release that removed it, 0 when not removed (yet) */
    bool ignored;             /* once removed, QEMU ignores it (else QEMU refuses to start) */
    const char *instead;      /* the replacement: libvirt XML where one exists, else QEMU's */
    const char *section;      /* the section of removed-features.rst (or deprecated.rst) */
} VlQemuGone;

/* One use of a table entry in <qemu:commandline>. */
typedef struct {
    const VlQemuGone *gone;
    xmlNodePtr node;          /* the qemu:arg (or qemu:env) to report on */
    const VlQemuOption *option;  /* NULL for ENV */
    char *detail;             /* what matched, as written ("sockets=0", "nowait"), or NULL */
} VlQemuGoneUse;

/* The whole table, terminated by an entry with what == NULL. */
const VlQemuGone *vl_qemu_gone_table(void);

/* Every use of a table entry (not ENV) on CMDLINE, in command-line order;
 * free with g_ptr_array_unref. */
GPtrArray *vl_qemu_gone_uses(const VlQemuCmdline *cmdline);

/* The OPTION entry for -NAME (without dashes) when QEMU release QEMU (0:
 * unknown) has removed it, or NULL: for rules that would otherwise say
 * something else about the same argument. */
const VlQemuGone *vl_qemu_gone_option_removed(const char *name, unsigned qemu);

/* The ENV entry whose prefix NAME starts with, or NULL. */
const VlQemuGone *vl_qemu_gone_env(const char *name);

/* For a short-form boolean KEY, what QEMU wants instead: "server=on",
 * "wait=off" for nowait, "nodelay=on" for nodelay (owned). */
char *vl_qemu_short_bool_explicit(const char *key);

/* VALUE is a hexadecimal number with a size multiplier suffix (0x20M),
 * which QEMU 8.0 and later refuse. */
bool vl_qemu_hex_size_with_suffix(const char *value);
