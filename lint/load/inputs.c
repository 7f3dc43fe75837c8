#include "lint/load/inputs.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static gint
compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

static void
walk_directory(const char *dir, GPtrArray *out, GPtrArray *errors)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GDir) handle = g_dir_open(dir, 0, &err);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    if (!handle) {
        g_ptr_array_add(errors, vl_input_error_new(dir, 0, 0, "cannot read directory: %s", err->message));
        return;
    }
    while ((name = g_dir_read_name(handle)))
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, compare_names);

    for (guint i = 0; i < names->len; i++) {
        const char *entry = g_ptr_array_index(names, i);
        g_autofree char *path = g_build_filename(dir, entry, NULL);
        struct stat st;

        if (entry[0] == '.' || lstat(path, &st) < 0)
            continue;
        /* Symlinked directories are not followed: no cycles, no escapes. */
        if (S_ISDIR(st.st_mode))
            walk_directory(path, out, errors);
        else if (g_str_has_suffix(entry, ".xml") && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode)))
            g_ptr_array_add(out, g_steal_pointer(&path));
    }
}

GPtrArray *
vl_inputs_expand(char **paths, GPtrArray *errors)
{
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

    for (char **p = paths; p && *p; p++) {
        struct stat st;

        if (strcmp(*p, "-") != 0 && stat(*p, &st) == 0 && S_ISDIR(st.st_mode)) {
            guint before = out->len, errors_before = errors->len;

            walk_directory(*p, out, errors);
            /* a directory with nothing to lint is a mistake worth saying */
            if (out->len == before && errors->len == errors_before)
                g_ptr_array_add(errors, vl_input_error_new(*p, 0, 0, "no *.xml files in this directory"));
        } else
            g_ptr_array_add(out, g_strdup(*p));
    }
    return out;
}
