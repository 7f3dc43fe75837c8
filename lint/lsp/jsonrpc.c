#include "lint/lsp/jsonrpc.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

/* A bound on one message: a client sends whole documents, and the linter
 * refuses documents above 16 MiB by default anyway. */
#define MAX_MESSAGE (64u * 1024u * 1024u)
#define MAX_HEADER_LINE 1024

struct VlRpc {
    int in_fd, out_fd;
    char buf[65536];        /* read ahead */
    gsize start, end;
};

VlRpc *
vl_rpc_new(int in_fd, int out_fd)
{
    VlRpc *rpc = g_new0(VlRpc, 1);

    rpc->in_fd = in_fd;
    rpc->out_fd = out_fd;
    return rpc;
}

void
vl_rpc_free(VlRpc *rpc)
{
    g_free(rpc);
}

/* Refill the read-ahead buffer; false at end of input or on an error. */
static gboolean
fill(VlRpc *rpc)
{
    ssize_t n;

    rpc->start = rpc->end = 0;
    do
        n = read(rpc->in_fd, rpc->buf, sizeof(rpc->buf));
    while (n < 0 && errno == EINTR);
    if (n <= 0)
        return FALSE;
    rpc->end = (gsize) n;
    return TRUE;
}

/* One header line without its "\r\n" (a bare "\n" is accepted too). */
static gboolean
read_line(VlRpc *rpc, GString *line)
{
    g_string_truncate(line, 0);
    for (;;) {
        char c;

        if (rpc->start == rpc->end && !fill(rpc))
            return FALSE;
        c = rpc->buf[rpc->start++];
        if (c == '\n') {
            if (line->len && line->str[line->len - 1] == '\r')
                g_string_truncate(line, line->len - 1);
            return TRUE;
        }
        if (line->len >= MAX_HEADER_LINE)
            return FALSE;
        g_string_append_c(line, c);
    }
}

static gboolean
read_exact(VlRpc *rpc, char *out, gsize n)
{
    while (n) {
        gsize take;

        if (rpc->start == rpc->end && !fill(rpc))
            return FALSE;
        take = MIN(n, rpc->end - rpc->start);
        memcpy(out, rpc->buf + rpc->start, take);
        rpc->start += take;
        out += take;
        n -= take;
    }
    return TRUE;
}

static gboolean
blank(const char *s)
{
    while (g_ascii_isspace(*s))
        s++;
    return !*s;
}

VlRpcRead
vl_rpc_read(VlRpc *rpc, json_object **message)
{
    g_autoptr(GString) line = g_string_new(NULL);
    g_autofree char *body = NULL;
    guint64 length = 0;
    gboolean have_length = FALSE;
    json_tokener *tok;
    enum json_tokener_error jerr;

    *message = NULL;
    for (;;) {
        if (!read_line(rpc, line))
            return VL_RPC_END;
        if (line->len == 0) {
            if (have_length)
                break;
            continue; /* stray blank lines between messages */
        }
        /* header names are case-insensitive; Content-Type is ignored (the
         * protocol has one encoding, utf-8) */
        if (g_ascii_strncasecmp(line->str, "Content-Length:", 15) == 0) {
            char *end;
            const char *v = line->str + 15;

            while (*v == ' ' || *v == '\t')
                v++;
            length = g_ascii_strtoull(v, &end, 10);
            if (end == v || *end || length > MAX_MESSAGE)
                return VL_RPC_END;
            have_length = TRUE;
        }
    }
    body = g_malloc(length + 1);
    if (!read_exact(rpc, body, length))
        return VL_RPC_END;
    body[length] = '\0';

    tok = json_tokener_new();
    *message = json_tokener_parse_ex(tok, body, (int) length);
    jerr = json_tokener_get_error(tok);
    /* bytes after the value, other than white space, are as malformed as a
     * truncated value */
    if (*message && (jerr != json_tokener_success || !blank(body + json_tokener_get_parse_end(tok)))) {
        json_object_put(*message);
        *message = NULL;
    }
    json_tokener_free(tok);
    return *message ? VL_RPC_MESSAGE : VL_RPC_BAD_JSON;
}

static void
write_all(int fd, const char *data, gsize len)
{
    while (len) {
        ssize_t n = write(fd, data, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* the client is gone: the read side will see the end */
        data += n;
        len -= (gsize) n;
    }
}

void
vl_rpc_write(VlRpc *rpc, json_object *message)
{
    size_t len;
    const char *body = json_object_to_json_string_length(message, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &len);
    g_autofree char *header = g_strdup_printf("Content-Length: %zu\r\n\r\n", len);

    write_all(rpc->out_fd, header, strlen(header));
    write_all(rpc->out_fd, body, len);
    json_object_put(message);
}

static json_object *
envelope(void)
{
    json_object *m = json_object_new_object();

    json_object_object_add(m, "jsonrpc", json_object_new_string("2.0"));
    return m;
}

void
vl_rpc_respond(VlRpc *rpc, json_object *id, json_object *result)
{
    json_object *m = envelope();

    json_object_object_add(m, "id", json_object_get(id));
    json_object_object_add(m, "result", result);
    vl_rpc_write(rpc, m);
}

void
vl_rpc_respond_error(VlRpc *rpc, json_object *id, int code, const char *message)
{
    json_object *m = envelope(), *error = json_object_new_object();

    json_object_object_add(error, "code", json_object_new_int(code));
    json_object_object_add(error, "message", json_object_new_string(message));
    json_object_object_add(m, "id", json_object_get(id));
    json_object_object_add(m, "error", error);
    vl_rpc_write(rpc, m);
}

void
vl_rpc_notify(VlRpc *rpc, const char *method, json_object *params)
{
    json_object *m = envelope();

    json_object_object_add(m, "method", json_object_new_string(method));
    json_object_object_add(m, "params", params);
    vl_rpc_write(rpc, m);
}
