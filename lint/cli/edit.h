/* --edit NAME|FILE: `virsh edit`, checked.  The definition is opened in
 * the user's editor ($VISUAL, else $EDITOR, else vi, as virsh has it); when
 * the editor exits, the text is linted, its findings are shown, and the
 * user chooses on standard input: edit again, apply the safe fixes, save
 * (or define) anyway, or abandon.  Only what the user accepted is written:
 * a file atomically with its mode kept, a domain through
 * vl_define_with_backup.  The edited text lives in a private temporary file
 * that is removed only once it is saved or unchanged; any other end names
 * it, so edits are never lost.
 *
 * (Not to be confused with VlEdit, lint/fix/textedit.h: a fix's text
 * replacement.) */
#pragma once

#include <stdbool.h>
#include <stdio.h>
#include <glib.h>

#include "lint/engine/config.h"
#include "lint/engine/context.h"
#include "lint/engine/engine.h"
#include "lint/host/live.h"
#include "lint/load/document.h"

/* The exit status of a session, as the man page documents it. */
typedef enum {
    VL_EDIT_SAVED = 0,      /* saved or defined, or left unchanged */
    VL_EDIT_ABANDONED = 1,  /* nothing written; the edits are in the file named */
    VL_EDIT_FAILED = 2,     /* the definition could not be read, the editor not run, the copy not written */
} VlEditStatus;

/* Whether TARGET names a file rather than a domain: an existing file, or
 * anything that looks like a path (a '/' in it, or ending in .xml).  Domain
 * names rarely have either; a domain named so is reached by its UUID. */
bool vl_edit_target_is_file(const char *target);

/* The command that opens FILE in the user's editor: VISUAL, else EDITOR
 * (NULL or empty: unset), else vi, split into words as the shell would
 * ("code --wait" runs code with --wait), then FILE.  NULL, with ERROR, when
 * the value cannot be split (an unmatched quote) or is only blanks. */
char **vl_edit_editor_argv(const char *visual, const char *editor, const char *file, GError **error);

/* The choice a line typed at a prompt makes: its one letter (any case,
 * blanks around it ignored) when that is in ALLOWED, lower-cased; 0
 * otherwise. */
int vl_edit_parse_answer(const char *line, const char *allowed);

/* What linting an edited text found. */
typedef struct {
    VlDocument *doc;            /* NULL when the text is not a well-formed domain XML */
    VlInputError *error;        /* why not, then, with its line */
    GPtrArray *findings;        /* those the configuration shows (VlFinding*, pointing into DOC) */
    guint problems;             /* findings at or above --fail-on: these make the user choose */
    guint fixable;              /* findings the allowed fixes cover */
    GError *libvirt_error;      /* --libvirt-check could not get libvirt's verdict */
} VlEditVerdict;

/* Lint TEXT (LEN bytes) as the document DISPLAY (the name findings show)
 * with ENGINE. */
VlEditVerdict *vl_edit_check(const VlEngine *engine, const char *display, const char *text, gsize len);
void vl_edit_verdict_free(VlEditVerdict *verdict);

/* Run one session on TARGET (a domain of LIVE, or a file: see
 * vl_edit_target_is_file) with the command line's configuration BASE and
 * the .virtlintrc that applies to the target, reading answers from IN and
 * writing findings, diffs and prompts to OUT (messages go to stderr).
 * LIVE may be NULL for a file. */
VlEditStatus vl_edit_run(VlContext *context, const VlConfig *base, VlLive *live, const char *target, FILE *in,
                         FILE *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlEditVerdict, vl_edit_verdict_free)
