#include "config.h"

#include "version.h"

void
vl_config_init(VlConfig *config)
{
    *config = (VlConfig) {
        .format = VL_FORMAT_TEXT,
        .fail_on = VL_SEVERITY_WARNING,
        .os_family = VL_GUEST_UNKNOWN,
        .os_edition = VL_EDITION_UNKNOWN,
        .max_file_size = VL_DEFAULT_MAX_FILE_SIZE,
        .libvirt_version = VL_BUILD_LIBVIRT_VERSION,
    };
}

void
vl_config_clear(VlConfig *config)
{
    g_strfreev(config->select);
    g_strfreev(config->ignore);
    g_free(config->schema_path);
    vl_config_init(config);
}
