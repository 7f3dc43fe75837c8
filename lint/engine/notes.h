/* What the library has to tell the user outside findings: a schema that
 * does not compile, libvirt's test driver standing in for QEMU's.  The
 * library never prints; it hands each note to the handler its user set
 * (the command line prints them on stderr, a language server would log
 * them), and drops them when none is set.
 *
 * The handler is process-wide, not part of the engine context (context.h):
 * it is the embedding program's log sink, set once at start like a g_log
 * handler, and notes come from places that hold no context (the
 * --libvirt-check worker, shared by every context).  A note is about the
 * process's run, not about one context's results, which travel as findings
 * and GErrors. */
#pragma once

#include <glib.h>

typedef enum {
    VL_NOTE_INFO,   /* "virtlint: note: ..." */
    VL_NOTE_ERROR,  /* "virtlint: error: ...": the run cannot be trusted */
} VlNoteLevel;

typedef void (*VlNoteHandler)(VlNoteLevel level, const char *message, gpointer data);

/* Send notes to HANDLER (NULL: drop them). */
void vl_notes_set_handler(VlNoteHandler handler, gpointer data);
void vl_note(VlNoteLevel level, const char *fmt, ...) G_GNUC_PRINTF(2, 3);
