#include "lint/fix/textedit.h"

#include <string.h>

VlEdit *
vl_edit_new(gsize start, gsize end, const char *text)
{
    VlEdit *e = g_new0(VlEdit, 1);

    e->start = start;
    e->end = end;
    e->text = g_strdup(text);
    return e;
}

void
vl_edit_free(VlEdit *edit)
{
    if (!edit)
        return;
    g_free(edit->text);
    g_free(edit);
}

static gint
compare_edits(gconstpointer a, gconstpointer b)
{
    const VlEdit *ea = *(const VlEdit *const *) a, *eb = *(const VlEdit *const *) b;

    if (ea->start != eb->start)
        return ea->start < eb->start ? -1 : 1;
    return ea->seq < eb->seq ? -1 : ea->seq > eb->seq;
}

char *
vl_edits_apply(const char *text, gsize len, GPtrArray *edits, gsize *out_len)
{
    g_autoptr(GPtrArray) sorted = g_ptr_array_sized_new(edits->len);
    GString *out = g_string_sized_new(len + 256);
    gsize pos = 0;

    /* Sort by start offset; edits at the same place keep the order they
     * were made in. */
    for (guint i = 0; i < edits->len; i++) {
        VlEdit *e = g_ptr_array_index(edits, i);
        e->seq = i;
        g_ptr_array_add(sorted, e);
    }
    g_ptr_array_sort(sorted, compare_edits);

    for (guint i = 0; i < sorted->len; i++) {
        const VlEdit *e = g_ptr_array_index(sorted, i);

        if (e->start < pos || e->end < e->start || e->end > len) {
            g_string_free(out, TRUE); /* overlapping edits: a fixer bug */
            return NULL;
        }
        g_string_append_len(out, text + pos, (gssize) (e->start - pos));
        g_string_append(out, e->text);
        pos = e->end;
    }
    g_string_append_len(out, text + pos, (gssize) (len - pos));
    *out_len = out->len;
    return g_string_free(out, FALSE);
}

gsize
vl_text_line_start(const char *text, gsize offset)
{
    while (offset > 0 && text[offset - 1] != '\n')
        offset--;
    return offset;
}

gsize
vl_text_line_end(const char *text, gsize len, gsize offset)
{
    while (offset < len && text[offset] != '\n')
        offset++;
    return offset;
}

char *
vl_text_indent_at(const char *text, gsize offset)
{
    gsize start = vl_text_line_start(text, offset);

    for (gsize i = start; i < offset; i++) {
        if (text[i] != ' ' && text[i] != '\t')
            return NULL;
    }
    return g_strndup(text + start, offset - start);
}

void
vl_text_style_detect(VlTextStyle *style, const char *text, gsize len)
{
    gsize single = 0, dbl = 0;
    const char *first_child = NULL;

    for (gsize i = 0; i + 1 < len; i++) {
        if (text[i] == '=' && text[i + 1] == '\'')
            single++;
        else if (text[i] == '=' && text[i + 1] == '"')
            dbl++;
    }
    /* virsh writes single quotes: prefer them on a tie */
    style->quote = dbl > single ? '"' : '\'';
    style->newline = g_strstr_len(text, (gssize) len, "\r\n") ? "\r\n" : "\n";

    /* The indentation of the first indented start tag is one level. */
    for (const char *p = text; p && p < text + len; p = memchr(p, '\n', (gsize) (text + len - p))) {
        const char *q;
        if (*p == '\n')
            p++;
        for (q = p; q < text + len && (*q == ' ' || *q == '\t'); q++)
            ;
        if (q > p && q + 1 < text + len && q[0] == '<' && q[1] != '/' && q[1] != '!' && q[1] != '?') {
            first_child = p;
            style->indent_unit = g_strndup(p, (gsize) (q - p));
            break;
        }
        if (p >= text + len)
            break;
    }
    if (!first_child)
        style->indent_unit = g_strdup("  ");
}

void
vl_text_style_clear(VlTextStyle *style)
{
    g_clear_pointer(&style->indent_unit, g_free);
}
