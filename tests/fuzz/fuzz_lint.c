/* libFuzzer harness: load + model + every rule on arbitrary bytes.  The
 * schema is libvirt's when installed (as virtlint uses it). */
#include <stdint.h>
#include <string.h>

#include "lint/document.h"
#include "lint/engine.h"
#include "lint/schemacache.h"

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
    VlDocument *doc;
    GPtrArray *findings;

    if (!ready) {
        vl_config_init(&config);
        config.quiet = true; /* no notes on stderr */
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
    findings = vl_engine_lint(&engine, doc);
    g_ptr_array_unref(findings);
    vl_document_free(doc);
    return 0;
}
