/* Build tool: embeds libvirt's RelaxNG schemas (schemas/RELEASE/NAME.rng)
 * into a C source file, so the verdict of the schema rule never depends on
 * which libvirt happens to be installed where virtlint runs.
 * Usage: embed-schemas OUT.c schemas/RELEASE/NAME.rng...
 *
 * Comments and whitespace-only text are left out (RelaxNG ignores them,
 * except inside <value> and <param>, which keep theirs): they are a third
 * of the bytes libxml2 would parse at every compile.  Each release gets a
 * digest of its files, the identity its cached verdicts are filed under.
 * A schema that is not well-formed fails the build here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "embed.h"

/* Release directories must sort by version: "9.8" < "11.3". */
static int
release_number(const char *release)
{
    unsigned major = 0, minor = 0;

    if (sscanf(release, "%u.%u", &major, &minor) != 2)
        return -1;
    return (int) (major * 1000000u + minor * 1000u);
}

static int
keeps_whitespace(xmlNodePtr node)
{
    return xmlStrEqual(node->name, BAD_CAST "value") || xmlStrEqual(node->name, BAD_CAST "param");
}

static void
strip(xmlNodePtr node)
{
    xmlNodePtr next;

    for (xmlNodePtr n = node->children; n; n = next) {
        next = n->next;
        if (n->type == XML_COMMENT_NODE || (n->type == XML_TEXT_NODE && xmlIsBlankNode(n))) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        } else if (n->type == XML_ELEMENT_NODE && !keeps_whitespace(n)) {
            strip(n);
        }
    }
}

static xmlChar *
stripped_schema(const char *path, int *len)
{
    xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
    xmlChar *text = NULL;

    if (!doc)
        return NULL; /* libxml2 has printed file:line: the error */
    strip((xmlNodePtr) doc);
    xmlDocDumpMemoryEnc(doc, &text, len, "UTF-8");
    xmlFreeDoc(doc);
    return text;
}

int
main(int argc, char **argv)
{
    g_autoptr(GHashTable) digests = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_checksum_free);
    g_autoptr(GPtrArray) releases = g_ptr_array_new();
    FILE *out;

    if (argc < 3) {
        fprintf(stderr, "usage: embed-schemas OUT.c schemas/RELEASE/NAME.rng...\n");
        return 2;
    }
    if (!(out = embed_open(argv[1], "tools/embed_schemas.c from the schemas directory", "lint/schema/schemas.h")))
        return 1;
    for (int i = 2; i < argc; i++) {
        g_autofree char *dir = g_path_get_dirname(argv[i]);
        g_autofree char *release = g_path_get_basename(dir);
        g_autofree char *name = g_path_get_basename(argv[i]);
        GChecksum *sum;
        int len = 0;
        xmlChar *text;

        if (release_number(release) < 0 || !(text = stripped_schema(argv[i], &len))) {
            if (release_number(release) < 0)
                fprintf(stderr, "%s: not under schemas/MAJOR.MINOR/\n", argv[i]);
            return embed_close(out, argv[1], 0);
        }
        if (!(sum = g_hash_table_lookup(digests, release))) {
            sum = g_checksum_new(G_CHECKSUM_SHA256);
            g_hash_table_insert(digests, g_strdup(release), sum);
            g_ptr_array_add(releases, argv[i]);
        }
        g_checksum_update(sum, (const guchar *) name, -1);
        g_checksum_update(sum, text, len);
        embed_bytes(out, "schema", i, text, len);
        xmlFree(text);
    }

    fprintf(out, "const VlEmbeddedSchemaFile vl_embedded_schema_files[] = {\n");
    for (int i = 2; i < argc; i++) {
        g_autofree char *dir = g_path_get_dirname(argv[i]);
        g_autofree char *release = g_path_get_basename(dir);
        g_autofree char *name = g_path_get_basename(argv[i]);

        fprintf(out, "    { \"%s\", \"%s\", schema_%d, sizeof(schema_%d) - 1 },\n", release, name, i, i);
    }
    fprintf(out, "};\nconst unsigned vl_embedded_schema_file_count = %d;\n\n", argc - 2);

    /* the releases, oldest first, whatever order the files came in */
    fprintf(out, "const VlEmbeddedSchemaRelease vl_embedded_schema_releases[] = {\n");
    for (int want = 0, printed = 0; printed < (int) releases->len; want++) {
        int best = -1;
        g_autofree char *best_release = NULL;

        for (guint r = 0; r < releases->len; r++) {
            g_autofree char *dir = g_path_get_dirname(g_ptr_array_index(releases, r));
            g_autofree char *release = g_path_get_basename(dir);
            int number = release_number(release);

            if (number >= want && (best < 0 || number < best)) {
                best = number;
                g_free(best_release);
                best_release = g_strdup(release);
            }
        }
        fprintf(out, "    { \"%s\", %du, \"%s\" },\n", best_release, best,
                g_checksum_get_string(g_hash_table_lookup(digests, best_release)));
        want = best;
        printed++;
    }
    fprintf(out, "};\nconst unsigned vl_embedded_schema_release_count = %u;\n", releases->len);
    return embed_close(out, argv[1], 1);
}
