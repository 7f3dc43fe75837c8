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
add_input(GPtrArray *out, char *path, bool walked)
{
    VlInput *input = g_new0(VlInput, 1);

    input->path = path;
    input->walked = walked;
    g_ptr_array_add(out, input);
}

static bool
excluded(const VlInputOptions *options, const char *path)
{
    return options->excluded && options->excluded(path, options->data);
}

/* Adds to *EXCLUDED_COUNT what was left out, so that a directory whose
 * files are all excluded is not mistaken for an empty one. */
static void
walk_directory(const char *dir, const VlInputOptions *options, GPtrArray *out, GPtrArray *errors,
               guint *excluded_count)
{
    g_autoptr(GError) err = NULL;
    g_autoptr(GDir) handle = g_dir_open(dir, 0, &err);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    if (!handle) {
        g_ptr_array_add(errors, vl_input_error_new(VL_INPUT_ERROR_UNREADABLE, dir, 0, 0,
                                                   "cannot read directory: %s", err->message));
        return;
    }
    while ((name = g_dir_read_name(handle)))
        g_ptr_array_add(names, g_strdup(name));
    g_ptr_array_sort(names, compare_names);

    for (guint i = 0; i < names->len; i++) {
        const char *entry = g_ptr_array_index(names, i);
        g_autofree char *path = g_build_filename(dir, entry, NULL);
        struct stat st;
        bool dir_entry, xml_entry;

        if (entry[0] == '.' || lstat(path, &st) < 0)
            continue;
        /* Symlinked directories are not followed: no cycles, no escapes. */
        dir_entry = S_ISDIR(st.st_mode);
        xml_entry = g_str_has_suffix(entry, ".xml") && (S_ISREG(st.st_mode) || S_ISLNK(st.st_mode));
        if (!dir_entry && !xml_entry)
            continue;
        if (excluded(options, path)) {
            (*excluded_count)++;
            continue;
        }
        if (dir_entry)
            walk_directory(path, options, out, errors, excluded_count);
        else
            add_input(out, g_steal_pointer(&path), true);
    }
}

GPtrArray *
vl_inputs_collect(char **paths, const VlInputOptions *options, GPtrArray *errors)
{
    static const VlInputOptions none = { 0 };
    GPtrArray *out = g_ptr_array_new_with_free_func((GDestroyNotify) vl_input_free);

    if (!options)
        options = &none;
    for (char **p = paths; p && *p; p++) {
        struct stat st;

        if (strcmp(*p, "-") != 0 && stat(*p, &st) == 0 && S_ISDIR(st.st_mode)) {
            guint before = out->len, errors_before = errors->len, excluded_count = 0;

            walk_directory(*p, options, out, errors, &excluded_count);
            /* a directory with nothing to lint is a mistake worth saying */
            if (out->len == before && errors->len == errors_before && !excluded_count)
                g_ptr_array_add(errors, vl_input_error_new(VL_INPUT_ERROR_NO_INPUTS, *p, 0, 0,
                                                           "no *.xml files in this directory"));
        } else if (options->named_as_walked && strcmp(*p, "-") != 0) {
            if (!excluded(options, *p))
                add_input(out, g_strdup(*p), true);
        } else {
            add_input(out, g_strdup(*p), false);
        }
    }
    return out;
}

void
vl_input_free(VlInput *input)
{
    if (!input)
        return;
    g_free(input->path);
    g_free(input);
}

GPtrArray *
vl_inputs_expand(char **paths, GPtrArray *errors)
{
    g_autoptr(GPtrArray) inputs = vl_inputs_collect(paths, NULL, errors);
    GPtrArray *out = g_ptr_array_new_full(inputs->len, g_free);

    for (guint i = 0; i < inputs->len; i++) {
        VlInput *input = g_ptr_array_index(inputs, i);

        g_ptr_array_add(out, g_steal_pointer(&input->path));
    }
    return out;
}
