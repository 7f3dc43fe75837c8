#include "lint/engine/notes.h"

static VlNoteHandler handler;
static gpointer handler_data;

void
vl_notes_set_handler(VlNoteHandler h, gpointer data)
{
    handler = h;
    handler_data = data;
}

void
vl_note(VlNoteLevel level, const char *fmt, ...)
{
    g_autofree char *message = NULL;
    va_list ap;

    if (!handler)
        return;
    va_start(ap, fmt);
    message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    handler(level, message, handler_data);
}
