/* A loaded input: its bytes, its parsed tree and the name findings use.
 * Loading is safe by construction: no network, no DTD, no entities. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/engine/config.h"
#include "lint/load/dockind.h"

typedef struct {
    char *path;          /* as the user named it; "<stdin>" for standard input */
    char *data;          /* the raw bytes, kept for columns and (later) minimal edits */
    gsize len;
    xmlDocPtr doc;
    GArray *line_starts; /* byte offset of each line, built on first use */
    VlDocKind kind;      /* told by the root element */
    bool is_snapshot;    /* kind is VL_DOC_SNAPSHOT: a <domainsnapshot> with its <domain> inside */
} VlDocument;

/* What kind of problem kept an input from being linted: callers treat a
 * file that is XML but no libvirt document (skipped in a directory walk)
 * apart from one that is broken. */
typedef enum {
    VL_INPUT_ERROR_UNREADABLE,    /* cannot be opened or read, not a regular file, too large */
    VL_INPUT_ERROR_MALFORMED,     /* empty, not text, not well-formed XML, a DOCTYPE */
    VL_INPUT_ERROR_NOT_LIBVIRT,   /* well-formed XML whose root is no libvirt document's */
    VL_INPUT_ERROR_INCOMPLETE,    /* a libvirt document lacking what linting needs (a snapshot without its domain) */
    VL_INPUT_ERROR_NO_INPUTS,     /* a directory with no *.xml file to lint */
    VL_INPUT_ERROR_UNAVAILABLE,   /* a live domain libvirt did not give */
} VlInputErrorKind;

/* Why an input could not be linted.  line/column are 0 when unknown. */
typedef struct {
    VlInputErrorKind kind;
    char *path;
    int line;
    int column;
    char *message;
} VlInputError;

VlDocument *vl_document_load_file(const char *path, const VlConfig *config, VlInputError **error);
VlDocument *vl_document_load_stdin(const VlConfig *config, VlInputError **error);
/* Takes ownership of DATA (allocated with g_malloc, LEN bytes followed by a
 * NUL that LEN does not count). */
VlDocument *vl_document_parse(const char *path, char *data, gsize len, VlInputError **error);
void vl_document_free(VlDocument *doc);

/* 1-based column of NODE's start tag, counted in characters, or 0 when it
 * cannot be told from the source line. */
int vl_document_column(VlDocument *doc, xmlNodePtr node);

/* The first byte of 1-based LINE of DOC's text, or NULL past the end. */
const char *vl_document_line_start(VlDocument *doc, int line);
/* 1-based line and column (in characters) of byte OFFSET of DOC's text. */
void vl_document_position(VlDocument *doc, gsize offset, int *line, int *column);

VlInputError *vl_input_error_new(VlInputErrorKind kind, const char *path, int line, int column, const char *fmt, ...)
    G_GNUC_PRINTF(5, 6);
void vl_input_error_free(VlInputError *error);
/* "PATH:LINE:COLUMN: error: MESSAGE" (without what is unknown), as a
 * compiler says it. */
char *vl_input_error_format(const VlInputError *error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlDocument, vl_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlInputError, vl_input_error_free)
