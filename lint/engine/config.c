#include "lint/engine/config.h"

#include "lint/engine/version.h"

void
vl_config_init(VlConfig *config)
{
    *config = (VlConfig) {
        .format = VL_FORMAT_TEXT,
        .fail_on = VL_SEVERITY_WARNING,
        .os_family = VL_GUEST_UNKNOWN,
        .os_edition = VL_EDITION_UNKNOWN,
        .max_file_size = VL_DEFAULT_MAX_FILE_SIZE,
        .libvirt_version = vl_version_default_libvirt(),
        .show_suggestions = true,
    };
}

void
vl_config_clear(VlConfig *config)
{
    g_strfreev(config->select);
    g_strfreev(config->ignore);
    g_free(config->schema_path);
    g_free(config->config_path);
    if (config->severity_overrides)
        g_hash_table_unref(config->severity_overrides);
    vl_config_init(config);
}

void
vl_config_copy(VlConfig *dst, const VlConfig *src)
{
    *dst = *src;
    dst->select = g_strdupv(src->select);
    dst->ignore = g_strdupv(src->ignore);
    dst->schema_path = g_strdup(src->schema_path);
    dst->config_path = g_strdup(src->config_path);
    dst->severity_overrides = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    if (src->severity_overrides) {
        GHashTableIter it;
        gpointer k, v;
        g_hash_table_iter_init(&it, src->severity_overrides);
        while (g_hash_table_iter_next(&it, &k, &v))
            g_hash_table_insert(dst->severity_overrides, g_strdup(k), v);
    }
}
