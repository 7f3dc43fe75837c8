/* --libvirt-check: the verdict of the libvirt and QEMU installed on this
 * machine, as `virsh define` would give it, without a daemon and without
 * touching the user's libvirt.
 *
 * libvirt runs in a worker process (forked once per run, restarted when it
 * dies) that dlopen()s it and opens the embedded QEMU driver
 * (qemu:///embed?root=DIR) on a root of virtlint's own under the cache
 * directory.  Each document is defined there under a throwaway name, without
 * its <uuid>, and undefined at once.  A crash or a hang inside libvirt costs
 * the worker, never virtlint: that input gets an input error.  Without the
 * QEMU driver, or without a QEMU for the domain, libvirt's test driver
 * (test:///default) answers instead, and the verdict says so; on a machine
 * without KVM, a type='kvm' domain is checked as type='qemu'.
 *
 * Verdicts are deterministic for the document's bytes, libvirt and the QEMU
 * binaries, so both "defined" and refusals are cached on disk (beside the
 * schema verdicts); a cached verdict does not load libvirt at all.
 *
 * For tests/libvirt_check.sh only, VIRTLINT_TEST_LIBVIRT_WORKER makes the
 * worker abort after a define ("abort"), hang ("hang"), exit after a refusal
 * ("die-idle"), act as if the QEMU driver were missing ("no-qemu") or refuse
 every document that contains TEXT ("refuse:TEXT"), and
 * VIRTLINT_TEST_LIBVIRT_TIMEOUT sets the timeout in seconds.
 * VIRTLINT_DEBUG_LIBVIRT keeps libvirt's own log on stderr.
 *
 * The worker is a process-wide singleton, by design, outside the engine
 * context (lint/engine/context.h): one child process per virtlint process,
 * with one embedded root and its lock, started on first need and stopped by
 * vl_libvirt_check_release().  Engines of every context share it; its
 * answers depend only on the document's bytes and the installed libvirt,
 * never on an engine, and nothing reads its state but this file. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/model/model.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"

typedef struct {
    bool refused;
    char *message;      /* libvirt's own error message, when refused */
    char *version;      /* libvirt's version, "9.0.0" */
    /* how it was checked when not as given by QEMU's driver, and why:
     * "checked by libvirt's test driver: ...", "checked as type='qemu': this
     * machine has no KVM (...)"; NULL when it was */
    char *fallback;
} VlLibvirtVerdict;

/* How a fallback verdict's note begins */
#define VL_LIBVIRT_CHECK_BY_TEST_DRIVER "checked by libvirt's test driver"
#define VL_LIBVIRT_CHECK_AS_QEMU "checked as type='qemu'"

void vl_libvirt_verdict_free(VlLibvirtVerdict *verdict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlLibvirtVerdict, vl_libvirt_verdict_free)

/* Where the embedded root and the verdicts live: DIR (--cache-dir), else
 * $VIRTLINT_CACHE_DIR, else ~/.cache/virtlint.  USE_CACHE false (--no-cache):
 * no verdict is read or written and the root is a temporary directory,
 * removed by vl_libvirt_check_release().  Loads nothing. */
void vl_libvirt_check_configure(const char *dir, bool use_cache);

/* libvirt's verdict on the domain XML DATA (LEN bytes) whose root is DOMAIN.
 * NULL with ERROR when libvirt could not give one (it crashed, hung, or
 * could not be loaded): an input error. */
VlLibvirtVerdict *vl_libvirt_check_domain(xmlNodePtr domain, const char *data, gsize len, GError **error);

/* The error of the last check that failed, NULL when none: taken right
 * after the check by whoever cannot receive its GError (the engine, after
 * rules/libvirt/define.c, whose check returns nothing), which returns it as
 * a GError (vl_engine_lint_checked).  Nothing else reads it. */
char *vl_libvirt_check_take_error(void);

/* Stop the worker (undefining nothing is left: each define is undone at
 * once), release the root's lock and remove a temporary root. */
void vl_libvirt_check_release(void);

/* rules/libvirt/define.c: report libvirt's refusal of the document in
 * REPORT, or mark the findings of rules that already report it.  Run by the
 * engine after every other rule, when config->libvirt_check is set. */
extern const VlRule vl_rule_libvirt_define;
void vl_libvirt_define_check(const VlModel *model, VlReport *report);
