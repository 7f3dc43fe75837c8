/* The guest's memory; see memory.h. */
#include "lint/model/memory.h"

#include <string.h>

#include "lint/load/xml.h"

bool
vl_balloon_active(const VlModel *m, xmlNodePtr *node)
{
    GPtrArray *balloons = vl_model_devices(m, "memballoon");
    xmlNodePtr balloon = balloons->len ? g_ptr_array_index(balloons, 0) : NULL;

    if (node)
        *node = balloon;
    return !vl_xml_attr_is(balloon, "model", "none");
}

char *
vl_format_kib(guint64 kib)
{
    if (kib >= 1024 * 1024) {
        if (kib % (1024 * 1024) == 0)
            return g_strdup_printf("%" G_GUINT64_FORMAT " GiB", kib / (1024 * 1024));
        return g_strdup_printf("%.1f GiB", (double) kib / (1024.0 * 1024.0));
    }
    if (kib % 1024 == 0)
        return g_strdup_printf("%" G_GUINT64_FORMAT " MiB", kib / 1024);
    return g_strdup_printf("%" G_GUINT64_FORMAT " KiB", kib);
}

char *
vl_memory_value(xmlNodePtr element, guint64 kib, const char **unit_out)
{
    /* libvirt's binary units and how many KiB one of them is */
    static const struct {
        const char *unit;
        guint64 kib;
    } binary[] = {
        { "k", 1 }, { "KiB", 1 }, { "M", 1024 }, { "MiB", 1024 },
        { "G", 1024 * 1024 }, { "GiB", 1024 * 1024 }, { "T", 1024ULL * 1024 * 1024 }, { "TiB", 1024ULL * 1024 * 1024 },
    };
    const char *unit = vl_xml_attr(element, "unit");

    *unit_out = NULL;
    if (!unit)
        return g_strdup_printf("%" G_GUINT64_FORMAT, kib);
    for (gsize i = 0; i < G_N_ELEMENTS(binary); i++) {
        if (strcmp(unit, binary[i].unit) != 0)
            continue;
        if (kib % binary[i].kib == 0)
            return g_strdup_printf("%" G_GUINT64_FORMAT, kib / binary[i].kib);
        break;
    }
    /* b, bytes, KB, MB..., or not a whole number of the unit: write KiB instead */
    *unit_out = "KiB";
    return g_strdup_printf("%" G_GUINT64_FORMAT, kib);
}

guint64
vl_total_memory_kib(const VlModel *m)
{
    guint64 total = 0;

    for (guint i = 0; i < m->numa_cells->len; i++) {
        xmlNodePtr cell = g_ptr_array_index(m->numa_cells, i);
        guint64 kib;

        if (!vl_memory_to_kib(vl_xml_attr(cell, "memory"), vl_xml_attr(cell, "unit"), &kib))
            return m->memory_kib;
        total += kib;
    }
    return m->numa_cells->len ? total : m->memory_kib;
}
