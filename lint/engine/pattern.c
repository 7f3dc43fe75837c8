#define PCRE2_CODE_UNIT_WIDTH 8
#include "lint/engine/pattern.h"

#include <string.h>
#include <glib.h>
#include <pcre2.h>

#include "lint/engine/context.h"
#include "lint/engine/notes.h"

bool
vl_pattern_match(VlContext *context, const VlPattern *pattern, const char *subject)
{
    GHashTable *compiled = vl_context_patterns(context);
    pcre2_code *code;
    pcre2_match_data *match;
    int rc;

    if (!g_hash_table_lookup_extended(compiled, pattern, NULL, (gpointer *) &code)) {
        int errcode;
        PCRE2_SIZE erroffset;

        code = pcre2_compile((PCRE2_SPTR) pattern->source, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &errcode, &erroffset,
                             NULL);
        if (!code)
            vl_note(VL_NOTE_ERROR, "invalid built-in pattern %s at offset %zu", pattern->source, (size_t) erroffset);
        /* a NULL is kept too: said once */
        g_hash_table_insert(compiled, (gpointer) pattern, code);
    }
    if (!code)
        return false;
    match = pcre2_match_data_create_from_pattern(code, NULL);
    rc = pcre2_match(code, (PCRE2_SPTR) subject, strlen(subject), 0, 0, match, NULL);
    pcre2_match_data_free(match);
    return rc >= 0;
}
