/* The firmware; see firmware.h. */
#include "lint/model/firmware.h"

#include <string.h>

#include "lint/load/xml.h"

bool
vl_firmware_auto_efi(const VlModel *m)
{
    return vl_xml_attr_is(m->os, "firmware", "efi");
}

const char *
vl_loader_path(const VlModel *m, char *buf, gsize size)
{
    /* vl_xml_text gives "" for a NULL node (no <loader>), never NULL */
    const char *path = vl_xml_text(m->loader, buf, size);

    return *path ? path : NULL;
}

VlFirmwareFeature
vl_firmware_feature(const VlModel *m, const char *name)
{
    xmlNodePtr firmware = vl_xml_child(m->os, "firmware");
    xmlNodePtr feature = vl_xml_child_with(firmware, "feature", "name", name);

    if (!feature)
        return VL_FIRMWARE_FEATURE_ABSENT;
    return vl_xml_attr_is(feature, "enabled", "yes") ? VL_FIRMWARE_FEATURE_YES : VL_FIRMWARE_FEATURE_NO;
}

static const char *
basename_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

bool
vl_path_is_secboot_build(const char *path)
{
    const char *base;

    if (!path)
        return false;
    base = basename_of(path);
    return strstr(base, "secboot") || strstr(base, ".ms.") || strstr(base, "snakeoil") ||
           strstr(base, "secure-code") || strstr(base, "-smm");
}

bool
vl_path_has_enrolled_keys(const char *path)
{
    const char *base;

    if (!path)
        return false;
    base = basename_of(path);
    return strstr(base, "secboot") || strstr(base, ".ms.") || strstr(base, "-ms-") || strstr(base, "snakeoil") ||
           strstr(base, "enrolled") || strstr(base, "-suse-") || strstr(base, "-opensuse-");
}

VlSmm
vl_smm(const VlModel *m, xmlNodePtr *node)
{
    xmlNodePtr smm = vl_xml_child(m->features, "smm");

    if (node)
        *node = smm;
    if (!smm)
        return VL_SMM_DEFAULT;
    /* <smm/> without state means on */
    return vl_xml_attr_is(smm, "state", "off") ? VL_SMM_OFF : VL_SMM_ON;
}

bool
vl_has_acpi(const VlModel *m)
{
    return vl_xml_child(m->features, "acpi") != NULL;
}
