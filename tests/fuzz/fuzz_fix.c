/* libFuzzer harness: every fix (unsafe ones too) applied to arbitrary
 * bytes.  Whatever the input, a fixed text must parse again, and fixing it
 * once more must be possible without a crash. */
#include "harness.h"

#include "lint/fix/fix.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const VlEngine *engine = harness_engine(true);
    VlDocument *doc = harness_parse("fuzz.xml", data, size);
    VlFixResult *res;

    if (!doc)
        return 0;
    res = vl_fix_document(engine, doc, true);
    if (res->changed) {
        VlDocument *fixed = harness_parse("fixed.xml", (const uint8_t *) res->text, res->len);

        if (!fixed)
            __builtin_trap(); /* a fix produced text that does not parse */
        vl_fix_result_free(vl_fix_document(engine, fixed, true));
        vl_document_free(fixed);
    }
    vl_fix_result_free(res);
    vl_document_free(doc);
    return 0;
}
