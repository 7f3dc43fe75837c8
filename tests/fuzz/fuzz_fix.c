/* libFuzzer harness: every fix (unsafe ones too) applied to arbitrary
 * bytes.  Whatever the input, a fixed text must parse again, and fixing it
 * once more must be possible without a crash. */
#include <stdint.h>
#include <string.h>

#include "lint/document.h"
#include "lint/engine.h"
#include "lint/schemacache.h"
#include "lint/fix.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The loader's contract: text followed by a NUL, as files are read. */
static char *
copy_text(const uint8_t *data, size_t size)
{
    char *text = g_malloc(size + 1);

    memcpy(text, data, size);
    text[size] = '\0';
    return text;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static VlConfig config;
    static VlEngine engine;
    static int ready;
    VlInputError *error = NULL;
    VlDocument *doc, *fixed;
    VlFixResult *res, *again;

    if (!ready) {
        vl_config_init(&config);
        config.quiet = true;
        config.fix = true;
        /* millions of inputs: verdicts stay in memory, never in ~/.cache */
        vl_schema_cache_configure(NULL, false);
        if (!vl_engine_init(&engine, &config, NULL))
            __builtin_trap();
        ready = 1;
    }
    doc = vl_document_parse("fuzz.xml", copy_text(data, size), size, &error);
    if (!doc) {
        vl_input_error_free(error);
        return 0;
    }
    res = vl_fix_document(&engine, doc, true);
    if (res->changed) {
        fixed = vl_document_parse("fixed.xml", g_memdup2(res->text, res->len + 1), res->len, &error);
        if (!fixed)
            __builtin_trap(); /* a fix produced text that does not parse */
        again = vl_fix_document(&engine, fixed, true);
        vl_fix_result_free(again);
        vl_document_free(fixed);
    }
    vl_fix_result_free(res);
    vl_document_free(doc);
    return 0;
}
