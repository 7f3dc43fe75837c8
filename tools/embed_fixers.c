/* Build tool: embeds fixers/NAME.xsl files into a C source file, so the
 * virtlint binary carries its stylesheets and finds them without a path.
 * Usage: embed-fixers OUT.c FILE.xsl...
 *
 * Each stylesheet is embedded without its comments and without the
 * whitespace-only text that XSLT strips from a stylesheet anyway (all but
 * inside <xsl:text>): the comments document the fixers for their readers,
 * and parsing them again at every --fix costs time.  A stylesheet that is
 * not well-formed fails the build here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "embed.h"

#define XSLT_NS "http://www.w3.org/1999/XSL/Transform"

static const char *
base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static int
is_xsl_text(xmlNodePtr node)
{
    return node->type == XML_ELEMENT_NODE && node->ns && xmlStrEqual(node->ns->href, BAD_CAST XSLT_NS) &&
           xmlStrEqual(node->name, BAD_CAST "text");
}

/* Strips NODE's descendants, but not inside <xsl:text> (never entered);
 * false when one asks for xml:space, which would make whitespace
 * significant (no fixer does). */
static int
strip(xmlNodePtr node)
{
    xmlNodePtr next;

    for (xmlNodePtr n = node->children; n; n = next) {
        next = n->next;
        if (n->type == XML_COMMENT_NODE || (n->type == XML_TEXT_NODE && xmlIsBlankNode(n))) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE) {
            if (xmlHasNsProp(n, BAD_CAST "space", XML_XML_NAMESPACE))
                return 0;
            if (!is_xsl_text(n) && !strip(n))
                return 0;
        }
    }
    return 1;
}

/* FILE's stylesheet, stripped, as text; NULL (after a message) on error. */
static xmlChar *
stripped_stylesheet(const char *path, int *len)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    xmlChar *text = NULL;

    if (!doc)
        return NULL; /* libxml2 has printed file:line: the error */
    if (!strip((xmlNodePtr) doc)) {
        fprintf(stderr, "%s: xml:space is not supported by embed-fixers\n", path);
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlDocDumpMemoryEnc(doc, &text, len, "UTF-8");
    xmlFreeDoc(doc);
    return text;
}

int
main(int argc, char **argv)
{
    FILE *out;

    if (argc < 2) {
        fprintf(stderr, "usage: embed-fixers OUT.c FILE.xsl...\n");
        return 2;
    }
    if (!(out = embed_open(argv[1], "tools/embed_fixers.c from the fixers directory", "lint/fix/fixers.h")))
        return 1;
    for (int i = 2; i < argc; i++) {
        int len = 0;
        xmlChar *text = stripped_stylesheet(argv[i], &len);

        if (!text)
            return embed_close(out, argv[1], 0);
        embed_bytes(out, "fixer", i, text, len);
        xmlFree(text);
    }
    fprintf(out, "const VlEmbeddedFixer vl_embedded_fixers[] = {\n");
    for (int i = 2; i < argc; i++) {
        const char *name = base_name(argv[i]);
        int len = (int) (strlen(name) - strlen(".xsl"));
        fprintf(out, "    { \"%.*s\", fixer_%d, sizeof(fixer_%d) - 1 },\n", len, name, i, i);
    }
    fprintf(out, "};\nconst unsigned vl_embedded_fixer_count = %d;\n", argc - 2);
    return embed_close(out, argv[1], 1);
}
