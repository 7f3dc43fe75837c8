#include "lint/cli/help.h"

#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "lint/engine/spelling.h"

/* Sections in the order a new user needs them; an option in none of them
 * is listed under "Other options", so a new one is never lost. */
typedef struct {
    const char *title;
    const char *const *options;
} Section;

static const char *const input_opts[] = { "edit", "lsp", "filter-files", NULL };
static const char *const output_opts[] = { "format", "concise", "show-suggestions", "statistics", "color", "quiet", NULL };
static const char *const rule_opts[] = { "select", "ignore", "fail-on", "list-rules", "explain", NULL };
static const char *const target_opts[] = { "os", "edition", "libvirt-version", "qemu-version", "schema", NULL };
static const char *const fix_opts[] = { "fix", "unsafe-fixes", "diff", "show-fixes", "add-suppressions", NULL };
static const char *const live_opts[] = { "connect", "domain", "all-domains", "define", "libvirt-check", NULL };
static const char *const host_opts[] = { "capabilities", "domcapabilities", "nodedev", "show-pinning", NULL };
static const char *const config_opts[] = { "config", "no-config", "cache-dir", "no-cache", "max-file-size", "version", NULL };

static const Section sections[] = {
    { "Modes and inputs", input_opts },
    { "Output", output_opts },
    { "Rules", rule_opts },
    { "What the guest runs on", target_opts },
    { "Fixes", fix_opts },
    { "Live domains and libvirt's verdict", live_opts },
    { "Host facts for host-aware rules", host_opts },
    { "Configuration and limits", config_opts },
};

static gboolean
listed(const char *name, const char *const *names)
{
    return names && g_strv_contains(names, name);
}

static gboolean
in_any_section(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(sections); i++) {
        if (listed(name, sections[i].options))
            return TRUE;
    }
    return FALSE;
}

static guint
terminal_width(FILE *out)
{
    struct winsize ws;

    if (isatty(fileno(out)) && ioctl(fileno(out), TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 60)
        return MIN(ws.ws_col, 120);
    return 80;
}

/* TEXT wrapped to WIDTH columns, continuation lines indented by INDENT;
 * the first line continues what is already printed up to column AT. */
static void
print_wrapped(FILE *out, const char *text, guint at, guint indent, guint width)
{
    g_auto(GStrv) words = g_strsplit(text, " ", -1);
    guint col = at;
    gboolean first = TRUE;

    for (char **w = words; *w; w++) {
        guint len = (guint) g_utf8_strlen(*w, -1);

        if (!first && col + 1 + len > width) {
            fprintf(out, "\n%*s", (int) indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', out);
            col++;
        }
        fputs(*w, out);
        col += len;
        first = FALSE;
    }
    fputc('\n', out);
}

static void
print_entry(FILE *out, const GOptionEntry *e, guint width)
{
    enum { DESC_COL = 30 };
    g_autoptr(GString) left = g_string_new("  ");
    gboolean takes_arg = e->arg != G_OPTION_ARG_NONE;

    if (e->short_name)
        g_string_append_printf(left, "-%c, ", e->short_name);
    else
        g_string_append(left, "    ");
    g_string_append_printf(left, "--%s", e->long_name);
    if (takes_arg && e->arg_description)
        g_string_append_printf(left, (e->flags & G_OPTION_FLAG_OPTIONAL_ARG) ? "[=%s]" : "=%s", e->arg_description);
    fputs(left->str, out);
    if (left->len + 2 > DESC_COL) {
        fprintf(out, "\n%*s", DESC_COL, "");
    } else {
        fprintf(out, "%*s", (int) (DESC_COL - left->len), "");
    }
    print_wrapped(out, e->description ? e->description : "", DESC_COL, DESC_COL, width);
}

void
vl_help_print(FILE *out, const GOptionEntry *entries, const char *epilogue)
{
    guint width = terminal_width(out);
    gboolean others = FALSE;

    fputs("Usage: virtlint [OPTION]... PATH...\n"
          "       virtlint [OPTION]... --domain NAME... | --all-domains\n"
          "       virtlint --edit NAME|FILE | --lsp | --explain RULE | --list-rules\n"
          "\n",
          out);
    print_wrapped(out,
                  "Lint libvirt domain XML (and networks, pools and the other libvirt documents): what libvirt or "
                  "QEMU will refuse or silently ignore, and what costs the "
                  "guest performance, with the file, line and rule of each finding.",
                  0, 0, width);
    for (gsize i = 0; i < G_N_ELEMENTS(sections); i++) {
        gboolean header = FALSE;

        for (const GOptionEntry *e = entries; e->long_name; e++) {
            if (!listed(e->long_name, sections[i].options) || (e->flags & G_OPTION_FLAG_HIDDEN))
                continue;
            if (!header)
                fprintf(out, "\n%s:\n", sections[i].title);
            header = TRUE;
            print_entry(out, e, width);
        }
    }
    for (const GOptionEntry *e = entries; e->long_name; e++) {
        if (!*e->long_name || in_any_section(e->long_name) || (e->flags & G_OPTION_FLAG_HIDDEN))
            continue;
        if (!others)
            fputs("\nOther options:\n", out);
        others = TRUE;
        print_entry(out, e, width);
    }
    fputs("\n  -h, --help                  Show this help\n\n", out);
    if (epilogue) {
        g_auto(GStrv) paragraphs = g_strsplit(epilogue, "\n", -1);
        for (char **p = paragraphs; *p; p++)
            print_wrapped(out, *p, 0, 0, width);
    }
}

const char *
vl_help_nearest_option(const GOptionEntry *entries, const char *arg)
{
    g_autoptr(GPtrArray) names = g_ptr_array_new();
    g_autofree char *name = NULL;
    const char *eq;

    if (!g_str_has_prefix(arg, "--") || !arg[2])
        return NULL;
    eq = strchr(arg, '=');
    name = eq ? g_strndup(arg + 2, (gsize) (eq - arg - 2)) : g_strdup(arg + 2);
    for (const GOptionEntry *e = entries; e->long_name; e++) {
        if (*e->long_name)
            g_ptr_array_add(names, (gpointer) e->long_name);
    }
    g_ptr_array_add(names, (gpointer) "help");
    g_ptr_array_add(names, NULL);
    return vl_spelling_nearest(name, (const char *const *) names->pdata);
}
