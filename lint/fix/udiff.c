#include "lint/fix/udiff.h"

#include <stdbool.h>
#include <string.h>

#define CONTEXT 3

typedef struct {
    const char *start;
    gsize len;          /* including its newline, when it has one */
    guint hash;
} Line;

static GArray *
split_lines(const char *text, gsize len)
{
    GArray *lines = g_array_new(FALSE, FALSE, sizeof(Line));
    gsize pos = 0;

    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        gsize end = nl ? (gsize) (nl - text) + 1 : len;
        Line l = { .start = text + pos, .len = end - pos, .hash = 5381 };

        for (gsize i = 0; i < l.len; i++)
            l.hash = l.hash * 33 + (guchar) l.start[i];
        g_array_append_val(lines, l);
        pos = end;
    }
    return lines;
}

static bool
same(const Line *a, const Line *b)
{
    return a->hash == b->hash && a->len == b->len && memcmp(a->start, b->start, a->len) == 0;
}

typedef enum { OP_KEEP, OP_DEL, OP_ADD } Op;

/* Myers' O(ND) shortest edit script; returns the ops in order. */
static GArray *
edit_script(GArray *a, GArray *b)
{
    gint n = (gint) a->len, m = (gint) b->len, max = n + m;
    gint offset = max + 1;
    g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func(g_free);
    gint *v = g_new0(gint, 2 * (gsize) max + 3);
    GArray *ops = g_array_new(FALSE, FALSE, sizeof(Op));
    gint d, x = 0, y = 0;

    for (d = 0; d <= max; d++) {
        bool done = false;

        g_ptr_array_add(trace, g_memdup2(v, sizeof(gint) * (2 * (gsize) max + 3)));
        for (gint k = -d; k <= d; k += 2) {
            if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                x = v[offset + k + 1];
            else
                x = v[offset + k - 1] + 1;
            y = x - k;
            while (x < n && y < m && same(&g_array_index(a, Line, x), &g_array_index(b, Line, y)))
                x++, y++;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        if (done)
            break;
    }
    g_free(v);

    /* Walk the trace back from (n, m). */
    x = n;
    y = m;
    for (; d > 0; d--) {
        gint *pv = g_ptr_array_index(trace, d);
        gint k = x - y, prev_k, prev_x, prev_y;

        if (k == -d || (k != d && pv[offset + k - 1] < pv[offset + k + 1]))
            prev_k = k + 1;
        else
            prev_k = k - 1;
        prev_x = pv[offset + prev_k];
        prev_y = prev_x - prev_k;
        while (x > prev_x && y > prev_y) {
            Op op = OP_KEEP;
            g_array_prepend_val(ops, op);
            x--, y--;
        }
        {
            Op op = x == prev_x ? OP_ADD : OP_DEL;
            g_array_prepend_val(ops, op);
        }
        x = prev_x;
        y = prev_y;
    }
    while (x > 0 && y > 0) {
        Op op = OP_KEEP;
        g_array_prepend_val(ops, op);
        x--, y--;
    }
    return ops;
}

static void
emit_line(GString *out, char mark, const Line *l)
{
    g_string_append_c(out, mark);
    g_string_append_len(out, l->start, (gssize) l->len);
    if (l->len == 0 || l->start[l->len - 1] != '\n')
        g_string_append(out, "\n\\ No newline at end of file\n");
}

void
vl_udiff(GString *out, const char *path, const char *old, gsize old_len, const char *new_text, gsize new_len)
{
    g_autoptr(GArray) a = split_lines(old, old_len);
    g_autoptr(GArray) b = split_lines(new_text, new_len);
    g_autoptr(GArray) ops = edit_script(a, b);
    bool header = false;
    guint i = 0;

    while (i < ops->len) {
        guint start, end, ai, bi, ctx_start;
        GString *hunk;
        guint a_count = 0, b_count = 0, a_first, b_first;

        if (g_array_index(ops, Op, i) == OP_KEEP) {
            i++;
            continue;
        }
        /* A hunk: from CONTEXT lines before this change to CONTEXT lines
         * after the last change closer than 2*CONTEXT to the previous. */
        start = i;
        end = i;
        for (guint j = i; j < ops->len; j++) {
            if (g_array_index(ops, Op, j) != OP_KEEP)
                end = j + 1;
            else if (j - end >= 2 * CONTEXT)
                break;
        }
        ctx_start = start >= CONTEXT ? start - CONTEXT : 0;
        end = MIN(end + CONTEXT, ops->len);

        /* line numbers where the hunk starts */
        ai = bi = 0;
        for (guint j = 0; j < ctx_start; j++) {
            Op op = g_array_index(ops, Op, j);
            ai += op != OP_ADD;
            bi += op != OP_DEL;
        }
        a_first = ai;
        b_first = bi;
        hunk = g_string_new(NULL);
        for (guint j = ctx_start; j < end; j++) {
            Op op = g_array_index(ops, Op, j);
            if (op == OP_KEEP) {
                emit_line(hunk, ' ', &g_array_index(a, Line, ai));
                ai++, bi++, a_count++, b_count++;
            } else if (op == OP_DEL) {
                emit_line(hunk, '-', &g_array_index(a, Line, ai));
                ai++, a_count++;
            } else {
                emit_line(hunk, '+', &g_array_index(b, Line, bi));
                bi++, b_count++;
            }
        }
        if (!header) {
            /* a/ and b/ prefixes as git writes them; the path as the user gave
             * it, without a leading "./" or "/" */
            while (g_str_has_prefix(path, "./"))
                path += 2;
            while (*path == '/')
                path++;
            g_string_append_printf(out, "--- a/%s\n+++ b/%s\n", path, path);
            header = true;
        }
        g_string_append_printf(out, "@@ -%u,%u +%u,%u @@\n", a_count ? a_first + 1 : a_first, a_count,
                               b_count ? b_first + 1 : b_first, b_count);
        g_string_append_len(out, hunk->str, (gssize) hunk->len);
        g_string_free(hunk, TRUE);
        i = end;
    }
}
