/* What the library has to tell the user outside findings: a schema that
 * does not compile, libvirt's test driver standing in for QEMU's.  The
 * library never prints; it hands each note to the handler its user set
 * (the command line prints them on stderr, a language server would log
 * them), and drops them when none is set. */
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
