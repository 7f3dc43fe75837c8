/* libFuzzer harness: load + model + every rule on arbitrary bytes. */
#include "harness.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const VlEngine *engine = harness_engine(false);
    VlDocument *doc = harness_parse("fuzz.xml", data, size);

    if (doc) {
        g_ptr_array_unref(vl_engine_lint(engine, doc));
        vl_document_free(doc);
    }
    return 0;
}
