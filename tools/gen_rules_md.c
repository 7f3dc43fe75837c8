/* Writes rules.md from the rules' metadata (make rules.md).
 * Usage: gen-rules-md [VERIFIED.tsv]
 *
 * VERIFIED.tsv (corpus/verified-releases.tsv) says on which libvirt
 * releases each rule was verified: tests/libvirt_releases.py writes it
 * with --update and fails when it no longer matches what the releases do. */
#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "lint/output/ruledoc.h"

static GHashTable *
read_verified(const char *path)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GError) error = NULL;
    GHashTable *verified = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);

    if (!g_file_get_contents(path, &text, NULL, &error)) {
        fprintf(stderr, "gen-rules-md: %s\n", error->message);
        g_hash_table_unref(verified);
        return NULL;
    }
    lines = g_strsplit(text, "\n", -1);
    for (guint i = 0; lines[i]; i++) {
        char *tab = strchr(lines[i], '\t');

        if (lines[i][0] == '#' || !tab)
            continue;
        *tab = '\0';
        g_hash_table_insert(verified, g_strdup(lines[i]), g_strdup(g_strstrip(tab + 1)));
    }
    return verified;
}

int
main(int argc, char **argv)
{
    g_autoptr(GHashTable) verified = NULL;

    if (argc > 1 && !(verified = read_verified(argv[1])))
        return 1;
    vl_ruledoc_markdown(stdout, verified);
    return 0;
}
