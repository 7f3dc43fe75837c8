/* Helpers shared by the memory-firmware family of rules. */
#include "lint/model/memory_firmware.h"

#include <string.h>

#include "lint/load/xml.h"

/* The domain runs on libvirt's QEMU driver: KVM, TCG, or macOS's
 * Hypervisor.framework (type='hvf', QEMU driver since libvirt 8.1). */
bool
mf_is_qemu(const VlModel *m)
{
    return m->domain_type && (strcmp(m->domain_type, "kvm") == 0 || strcmp(m->domain_type, "qemu") == 0 ||
                              strcmp(m->domain_type, "hvf") == 0);
}

bool
mf_is_x86(const VlModel *m)
{
    return !m->arch || strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0;
}

bool
mf_is_q35(const VlModel *m)
{
    return m->machine_family == VL_MACHINE_Q35;
}

const char *
mf_machine_name(const VlModel *m)
{
    return m->machine ? m->machine : "the default machine type (i440fx)";
}

bool
mf_firmware_auto_efi(const VlModel *m)
{
    return vl_xml_attr_is(m->os, "firmware", "efi");
}

const char *
mf_loader_path(const VlModel *m, char *buf, gsize size)
{
    /* vl_xml_text gives "" for a NULL node (no <loader>), never NULL */
    const char *path = vl_xml_text(m->loader, buf, size);

    return *path ? path : NULL;
}

MfFeature
mf_firmware_feature(const VlModel *m, const char *name)
{
    xmlNodePtr firmware = vl_xml_child(m->os, "firmware");
    xmlNodePtr feature = vl_xml_child_with(firmware, "feature", "name", name);

    if (!feature)
        return MF_FEATURE_ABSENT;
    return vl_xml_attr_is(feature, "enabled", "yes") ? MF_FEATURE_YES : MF_FEATURE_NO;
}

static const char *
basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool
mf_path_is_secboot_build(const char *path)
{
    const char *base;

    if (!path)
        return false;
    base = basename_of(path);
    return strstr(base, "secboot") || strstr(base, ".ms.") || strstr(base, "snakeoil") ||
           strstr(base, "secure-code") || strstr(base, "-smm");
}

bool
mf_path_has_enrolled_keys(const char *path)
{
    const char *base;

    if (!path)
        return false;
    base = basename_of(path);
    return strstr(base, "secboot") || strstr(base, ".ms.") || strstr(base, "-ms-") || strstr(base, "snakeoil") ||
           strstr(base, "enrolled") || strstr(base, "-suse-") || strstr(base, "-opensuse-");
}

MfSmm
mf_smm(const VlModel *m, xmlNodePtr *node)
{
    xmlNodePtr smm = vl_xml_child(m->features, "smm");

    if (node)
        *node = smm;
    if (!smm)
        return MF_SMM_DEFAULT;
    /* <smm/> without state means on */
    return vl_xml_attr_is(smm, "state", "off") ? MF_SMM_OFF : MF_SMM_ON;
}

bool
mf_has_acpi(const VlModel *m)
{
    return vl_xml_child(m->features, "acpi") != NULL;
}

bool
mf_is_win11(const VlModel *m)
{
    /* windows_version is 0 unless the guest is Windows (lint/model/guest.h) */
    return m->guest.windows_version == 11;
}

bool
mf_balloon_active(const VlModel *m, xmlNodePtr *node)
{
    GPtrArray *balloons = vl_model_devices(m, "memballoon");
    xmlNodePtr balloon = balloons->len ? g_ptr_array_index(balloons, 0) : NULL;

    if (node)
        *node = balloon;
    return !vl_xml_attr_is(balloon, "model", "none");
}

char *
mf_format_kib(guint64 kib)
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
mf_memory_value(xmlNodePtr element, guint64 kib, const char **unit_out)
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
mf_total_memory_kib(const VlModel *m)
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
