#include "lint/load/document.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "lint/load/xml.h"

/* Parser options: keep entity references unexpanded (no XML_PARSE_NOENT),
 * never touch the network, never load or validate against a DTD, and keep
 * line numbers past 65535.  Internal subsets are refused outright by
 * on_internal_subset(), so no entity declaration is ever processed.
 * XML_PARSE_COMPACT keeps short text (most of a domain XML's) inside its
 * node: fewer allocations to make and free (as xmllint does by default). */
#define VL_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_COMPACT | XML_PARSE_NOWARNING | XML_PARSE_NOERROR)

typedef struct {
    int line;
    int column;
    char *message;
} ParseFailure;

VlInputError *
vl_input_error_new(VlInputErrorKind kind, const char *path, int line, int column, const char *fmt, ...)
{
    VlInputError *error = g_new0(VlInputError, 1);
    va_list ap;

    error->kind = kind;
    error->path = g_strdup(path);
    error->line = line;
    error->column = column;
    va_start(ap, fmt);
    error->message = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    return error;
}

void
vl_input_error_free(VlInputError *error)
{
    if (!error)
        return;
    g_free(error->path);
    g_free(error->message);
    g_free(error);
}

char *
vl_input_error_format(const VlInputError *error)
{
    if (error->line > 0 && error->column > 0)
        return g_strdup_printf("%s:%d:%d: error: %s", error->path, error->line, error->column, error->message);
    if (error->line > 0)
        return g_strdup_printf("%s:%d: error: %s", error->path, error->line, error->message);
    return g_strdup_printf("%s: error: %s", error->path, error->message);
}

static void
record_failure(ParseFailure *failure, int line, int column, const char *message)
{
    if (failure->message)
        return; /* the first fatal problem is the one worth reporting */
    failure->line = line;
    failure->column = column;
    failure->message = g_strstrip(g_strdup(message));
}

static void
on_structured_error(void *user_data, VlXmlError err)
{
    xmlParserCtxtPtr ctxt = user_data;
    ParseFailure *failure = ctxt->_private;

    /* Namespace problems (an undeclared qemu: prefix) leave the document
     * well-formed; the qemu-namespace rule reports them with advice. */
    if (err->domain == XML_FROM_NAMESPACE || err->level < XML_ERR_ERROR)
        return;
    record_failure(failure, err->line, err->int2, err->message ? err->message : "parse error");
}

static void
on_internal_subset(void *user_data, const xmlChar *name G_GNUC_UNUSED,
                   const xmlChar *external_id G_GNUC_UNUSED, const xmlChar *system_id G_GNUC_UNUSED)
{
    xmlParserCtxtPtr ctxt = user_data;

    record_failure(ctxt->_private, xmlSAX2GetLineNumber(ctxt), xmlSAX2GetColumnNumber(ctxt),
                   "DOCTYPE declarations are not allowed in domain XML "
                   "(refused so that no entity is expanded and no DTD is loaded)");
    xmlStopParser(ctxt);
}

VlDocument *
vl_document_parse(const char *path, char *data, gsize len, VlInputError **error)
{
    g_autoptr(VlDocument) doc = g_new0(VlDocument, 1);
    ParseFailure failure = { 0 };
    xmlParserCtxtPtr ctxt;
    xmlNodePtr root;

    doc->path = g_strdup(path);
    doc->data = data;
    doc->len = len;

    if (len == 0) {
        *error = vl_input_error_new(VL_INPUT_ERROR_MALFORMED, path, 0, 0, "file is empty");
        return NULL;
    }
    if (len > INT_MAX) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "file is too large to parse");
        return NULL;
    }
    if (memchr(data, '\0', len)) {
        const char *nul = memchr(data, '\0', len);
        int line = 1;
        for (const char *p = data; p < nul; p++)
            line += *p == '\n';
        /* UTF-16 (with a byte order mark or without: '<' beside a NUL) is
         * XML, but every byte offset, edit and diff here assumes an
         * encoding whose markup is ASCII */
        if (len >= 2 && ((guchar) data[0] == 0xff || (guchar) data[0] == 0xfe || !data[0] || !data[1]))
            *error = vl_input_error_new(VL_INPUT_ERROR_MALFORMED, path, 1, 0, "UTF-16 input is not supported: convert the file to UTF-8 "
                                        "(iconv -f UTF-16 -t UTF-8)");
        else
            *error = vl_input_error_new(VL_INPUT_ERROR_MALFORMED, path, line, 0, "NUL byte in input: not an XML text file");
        return NULL;
    }

    if (!(ctxt = xmlNewParserCtxt())) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "out of memory");
        return NULL;
    }
    ctxt->_private = &failure;
    ctxt->sax->serror = on_structured_error;
    ctxt->sax->internalSubset = on_internal_subset;
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;

    doc->doc = xmlCtxtReadMemory(ctxt, data, (int) len, path, NULL, VL_PARSE_OPTIONS);
    if (!ctxt->wellFormed || failure.message) {
        g_clear_pointer(&doc->doc, xmlFreeDoc);
    }
    xmlFreeParserCtxt(ctxt);

    if (!doc->doc) {
        *error = vl_input_error_new(VL_INPUT_ERROR_MALFORMED, path, failure.line, failure.column, "%s",
                                    failure.message ? failure.message : "not well-formed XML");
        g_free(failure.message);
        return NULL;
    }

    root = xmlDocGetRootElement(doc->doc);
    /* libvirt's documents have no namespace on their root */
    if (!root || root->ns || !vl_document_kind_from_root((const char *) root->name, &doc->kind)) {
        *error = vl_input_error_new(VL_INPUT_ERROR_NOT_LIBVIRT, path, root ? (int) xmlGetLineNo(root) : 0, 0,
                                    "<%s%s%s> is not a libvirt document", root && root->ns && root->ns->prefix
                                    ? (const char *) root->ns->prefix : "", root && root->ns && root->ns->prefix
                                    ? ":" : "", root ? (const char *) root->name : "");
        return NULL;
    }
    if (doc->kind == VL_DOC_SNAPSHOT) {
        /* virsh snapshot-dumpxml: the snapshot, with the domain inside */
        doc->is_snapshot = true;
        for (xmlNodePtr c = root->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && !c->ns && xmlStrEqual(c->name, BAD_CAST "domain"))
                return g_steal_pointer(&doc);
        }
        *error = vl_input_error_new(VL_INPUT_ERROR_INCOMPLETE, path, (int) xmlGetLineNo(root), 0,
                                    "<domainsnapshot> without the <domain> it was taken of "
                                    "(virsh snapshot-dumpxml writes it; --no-domain leaves it out)");
        return NULL;
    }
    return g_steal_pointer(&doc);
}

/* All of FD, NUL-terminated.  EXPECTED is its size when known (a regular
 * file's), else 0: the buffer is sized for it, plus the byte that lets the
 * read finding the end happen without growing it.  (A fixed 64 KiB start
 * cost more than the read itself for a typical 4 KiB domain: freeing a
 * chunk that large makes glibc consolidate its free lists.) */
static char *
read_fd(int fd, const char *path, gsize limit, gsize expected, gsize *len_out, VlInputError **error)
{
    gsize cap = expected ? expected + 1 : 65536, len = 0;
    g_autofree char *buf = g_malloc(cap + 1);

    for (;;) {
        ssize_t n;

        if (len == cap) {
            cap *= 2;
            buf = g_realloc(buf, cap + 1);
        }
        n = read(fd, buf + len, cap - len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "cannot read: %s", g_strerror(errno));
            return NULL;
        }
        if (n == 0)
            break;
        len += (gsize) n;
        if (len > limit) {
            *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0,
                                        "larger than the %" G_GSIZE_FORMAT " byte limit for a domain XML",
                                        limit);
            return NULL;
        }
    }
    buf[len] = '\0';
    *len_out = len;
    return g_steal_pointer(&buf);
}

VlDocument *
vl_document_load_file(const char *path, const VlConfig *config, VlInputError **error)
{
    struct stat st;
    char *data;
    gsize len;
    int fd;

    /* O_NONBLOCK so that opening a FIFO cannot hang; it is refused below. */
    fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "cannot open: %s", g_strerror(errno));
        return NULL;
    }
    if (fstat(fd, &st) < 0) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "cannot stat: %s", g_strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0, "not a regular file");
        close(fd);
        return NULL;
    }
    if ((guint64) st.st_size > config->max_file_size) {
        *error = vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, path, 0, 0,
                                    "%lld bytes: larger than the %" G_GSIZE_FORMAT " byte limit for a domain XML",
                                    (long long) st.st_size, config->max_file_size);
        close(fd);
        return NULL;
    }
    data = read_fd(fd, path, config->max_file_size, (gsize) st.st_size, &len, error);
    close(fd);
    if (!data)
        return NULL;
    return vl_document_parse(path, data, len, error);
}

VlDocument *
vl_document_load_stdin(const VlConfig *config, VlInputError **error)
{
    gsize len;
    char *data = read_fd(STDIN_FILENO, "<stdin>", config->max_file_size, 0, &len, error);

    if (!data)
        return NULL;
    return vl_document_parse("<stdin>", data, len, error);
}

void
vl_document_free(VlDocument *doc)
{
    if (!doc)
        return;
    if (doc->doc)
        xmlFreeDoc(doc->doc);
    if (doc->line_starts)
        g_array_unref(doc->line_starts);
    g_free(doc->data);
    g_free(doc->path);
    g_free(doc);
}

static void
build_line_starts(VlDocument *doc)
{
    gsize zero = 0;

    const char *end = doc->data + doc->len;

    doc->line_starts = g_array_sized_new(FALSE, FALSE, sizeof(gsize), (guint) (doc->len / 32 + 1));
    g_array_append_val(doc->line_starts, zero);
    for (const char *nl = doc->data; (nl = memchr(nl, '\n', (gsize) (end - nl))); nl++) {
        gsize next = (gsize) (nl - doc->data) + 1;
        g_array_append_val(doc->line_starts, next);
    }
}

const char *
vl_document_line_start(VlDocument *doc, int line)
{
    if (!doc->line_starts)
        build_line_starts(doc);
    if (line < 1 || (guint) line > doc->line_starts->len)
        return NULL;
    return doc->data + g_array_index(doc->line_starts, gsize, line - 1);
}

void
vl_document_position(VlDocument *doc, gsize offset, int *line, int *column)
{
    guint lo = 0, hi;

    if (!doc->line_starts)
        build_line_starts(doc);
    /* the last line start at or before OFFSET */
    hi = doc->line_starts->len;
    while (hi - lo > 1) {
        guint mid = (lo + hi) / 2;
        if (g_array_index(doc->line_starts, gsize, mid) <= offset)
            lo = mid;
        else
            hi = mid;
    }
    *line = (int) lo + 1;
    *column = (int) g_utf8_strlen(doc->data + g_array_index(doc->line_starts, gsize, lo),
                                  (gssize) (offset - g_array_index(doc->line_starts, gsize, lo))) + 1;
}

/* How many elements named like NODE start on NODE's line before it: they are
 * earlier siblings (and their descendants) on the same line, or ancestors. */
static int
count_same_name_before(xmlNodePtr node, long line, const xmlChar *name, const xmlChar *prefix)
{
    int count = 0;

    for (xmlNodePtr cur = node; cur && cur->type == XML_ELEMENT_NODE; cur = cur->parent) {
        for (xmlNodePtr prev = cur->prev; prev; prev = prev->prev) {
            if (prev->type != XML_ELEMENT_NODE)
                continue;
            if (xmlGetLineNo(prev) != line)
                break;
            /* only direct siblings matter for the common one-line case */
            if (xmlStrEqual(prev->name, name) &&
                ((!prev->ns && !prefix) || (prev->ns && prefix && xmlStrEqual(prev->ns->prefix, prefix))))
                count++;
        }
        if (cur->parent && cur->parent->type == XML_ELEMENT_NODE && xmlGetLineNo(cur->parent) != line)
            break;
        if (cur != node && xmlStrEqual(cur->name, name))
            count++;
    }
    return count;
}

int
vl_document_column(VlDocument *doc, xmlNodePtr node)
{
    long line;
    const char *start, *end, *p;
    g_autofree char *needle = NULL;
    const xmlChar *prefix;
    gsize nlen;
    int skip;

    if (!node || node->type != XML_ELEMENT_NODE)
        return 0;
    line = xmlGetLineNo(node);
    if (line <= 0)
        return 0;
    if (!doc->line_starts)
        build_line_starts(doc);
    if ((guint) line > doc->line_starts->len)
        return 0;

    start = doc->data + g_array_index(doc->line_starts, gsize, line - 1);
    end = (guint) line < doc->line_starts->len
        ? doc->data + g_array_index(doc->line_starts, gsize, line)
        : doc->data + doc->len;
    prefix = node->ns ? node->ns->prefix : NULL;
    needle = prefix ? g_strdup_printf("<%s:%s", prefix, node->name) : g_strdup_printf("<%s", node->name);
    skip = count_same_name_before(node, line, node->name, prefix);

    nlen = strlen(needle);
    for (p = start; (p = memchr(p, '<', (gsize) (end - p))); p++) {
        char after;

        if ((gsize) (end - p) <= nlen || memcmp(p, needle, nlen) != 0)
            continue;
        after = p[nlen];
        if (!(after == ' ' || after == '>' || after == '/' || after == '\t' || after == '\r' || after == '\n'))
            continue;
        if (skip-- > 0)
            continue;
        return (int) g_utf8_strlen(start, p - start) + 1;
    }
    return 0;
}
