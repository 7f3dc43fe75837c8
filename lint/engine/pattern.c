#define PCRE2_CODE_UNIT_WIDTH 8
#include "lint/engine/pattern.h"

#include <string.h>
#include <glib.h>
#include <pcre2.h>

bool
vl_pattern_match(VlPattern *pattern, const char *subject)
{
    pcre2_match_data *match;
    int rc;

    if (!pattern->code) {
        int errcode;
        PCRE2_SIZE erroffset;

        pattern->code = pcre2_compile((PCRE2_SPTR) pattern->source, PCRE2_ZERO_TERMINATED, PCRE2_UTF,
                                      &errcode, &erroffset, NULL);
        if (!pattern->code)
            g_error("invalid built-in pattern %s at offset %zu", pattern->source, (size_t) erroffset);
    }
    match = pcre2_match_data_create_from_pattern(pattern->code, NULL);
    rc = pcre2_match(pattern->code, (PCRE2_SPTR) subject, strlen(subject), 0, 0, match, NULL);
    pcre2_match_data_free(match);
    return rc >= 0;
}
