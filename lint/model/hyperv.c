#include "lint/model/hyperv.h"

#include <string.h>

const VlHypervEdge vl_hyperv_edges[] = {
    { "synic", "vpindex" },
    { "stimer", "synic" },
    { "stimer", VL_HV_TIME },
    { "tlbflush", "vpindex" },
    { "ipi", "vpindex" },
    { "evmcs", "vapic" },
    { NULL, NULL },
};

const char *
vl_hyperv_qemu_desc(const char *feature)
{
    static const struct {
        const char *feature, *desc;
    } descs[] = {
        { "relaxed", "relaxed timing (hv-relaxed)" },
        { "vapic", "virtual APIC (hv-vapic)" },
        { VL_HV_TIME, "clocksources (hv-time)" },
        { "vpindex", "VP_INDEX MSR (hv-vpindex)" },
        { "synic", "synthetic interrupt controller (hv-synic)" },
        { "stimer", "synthetic timers (hv-stimer)" },
        { "tlbflush", "paravirtualized TLB flush (hv-tlbflush)" },
        { "ipi", "paravirtualized IPI (hv-ipi)" },
        { "evmcs", "enlightened VMCS (hv-evmcs)" },
        { NULL, NULL },
    };

    for (gsize i = 0; descs[i].feature; i++) {
        if (strcmp(descs[i].feature, feature) == 0)
            return descs[i].desc;
    }
    return feature;
}

bool
vl_hyperv_enabled(const VlModel *m, const char *feature)
{
    if (strcmp(feature, VL_HV_TIME) == 0)
        return vl_model_has_hypervclock(m);
    return vl_model_hyperv_on(m, feature);
}

char *
vl_hyperv_label(const char *feature)
{
    if (strcmp(feature, VL_HV_TIME) == 0)
        return g_strdup("the hypervclock timer");
    return g_strdup_printf("<%s>", feature);
}
