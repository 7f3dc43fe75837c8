/* What both libFuzzer harnesses share: the engine, made once per process,
 * and the document, parsed from the fuzzer's bytes. */
#pragma once

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "lint/load/document.h"
#include "lint/engine/engine.h"
#include "lint/engine/context.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* An engine with every rule (the built-in schema of the libvirt installed
 * here, as virtlint uses it); FIX: configured for fixing. */
static const VlEngine *
harness_engine(bool fix)
{
    static VlConfig config;
    static VlEngine engine;
    static VlContext *context;
    static bool ready;

    if (!ready) {
        context = vl_context_new();
        vl_config_init(&config);
        config.quiet = true; /* no notes on stderr */
        config.fix = fix;
        /* millions of inputs: verdicts stay in memory, never in ~/.cache */
        vl_context_configure_cache(context, NULL, false);
        if (!vl_engine_init(&engine, context, &config, NULL))
            __builtin_trap();
        ready = true;
    }
    return &engine;
}

/* DATA as a document, or NULL when the loader refuses it.  The loader's
 * contract is text followed by a NUL, as files are read. */
static VlDocument *
harness_parse(const char *name, const uint8_t *data, size_t size)
{
    char *text = g_malloc(size + 1);
    VlInputError *error = NULL;
    VlDocument *doc;

    memcpy(text, data, size);
    text[size] = '\0';
    doc = vl_document_parse(name, text, size, &error);
    vl_input_error_free(error);
    return doc;
}
