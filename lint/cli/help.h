/* --help: the options in sections, wrapped to the terminal, and "did you
 * mean" for a misspelt option. */
#pragma once

#include <stdio.h>
#include <glib.h>

/* Print the usage, ENTRIES (GOption's table, G_OPTION_REMAINING and the
 * terminator skipped) grouped by section, and EPILOGUE. */
void vl_help_print(FILE *out, const GOptionEntry *entries, const char *epilogue);

/* The long option nearest to the unknown "--NAME[=...]" ARG, or NULL. */
const char *vl_help_nearest_option(const GOptionEntry *entries, const char *arg);
