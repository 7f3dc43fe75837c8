#include "output.h"

#include <json-c/json.h>

#include "fix.h"
#include "report.h"
#include "rule.h"
#include "severity.h"

struct VlOutput {
    const VlConfig *config;
    FILE *out;
    bool first_json;
};

VlOutput *
vl_output_new(const VlConfig *config, FILE *out)
{
    VlOutput *o = g_new0(VlOutput, 1);

    o->config = config;
    o->out = out;
    o->first_json = true;
    if (config->format == VL_FORMAT_JSON)
        fputs("[", out);
    return o;
}

const char *
vl_output_color(const VlConfig *config, const char *sgr)
{
    return config->color ? sgr : "";
}

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DIM "\033[2m"
#define SGR_RED "\033[1;31m"
#define SGR_YELLOW "\033[1;33m"
#define SGR_BLUE "\033[1;34m"

static const char *
severity_color(VlSeverity sev)
{
    switch (sev) {
    case VL_SEVERITY_ERROR:
        return SGR_RED;
    case VL_SEVERITY_WARNING:
        return SGR_YELLOW;
    case VL_SEVERITY_INFO:
    default:
        return SGR_BLUE;
    }
}

static void
write_text(VlOutput *o, const char *path, const VlFinding *f)
{
    const VlConfig *c = o->config;

    fprintf(o->out, "%s%s:%d:", vl_output_color(c, SGR_BOLD), path, f->line);
    if (f->column > 0)
        fprintf(o->out, "%d:", f->column);
    fprintf(o->out, "%s %s%s%s: %s%s %s[%s]%s\n", vl_output_color(c, SGR_RESET),
            vl_output_color(c, severity_color(f->severity)), vl_severity_name(f->severity),
            vl_output_color(c, SGR_RESET), vl_fix_allowed(f, c->unsafe_fixes) ? "[*] " : "", f->message,
            vl_output_color(c, SGR_DIM), f->rule->id, vl_output_color(c, SGR_RESET));
}

static json_object *
position_json(int line, int column)
{
    json_object *pos = json_object_new_object();

    json_object_object_add(pos, "line", json_object_new_int(line));
    json_object_object_add(pos, "column", json_object_new_int(column));
    return pos;
}

static json_object *
fix_json(const VlFinding *f)
{
    json_object *fix = json_object_new_object();
    json_object *edits = json_object_new_array();

    json_object_object_add(fix, "applicability", json_object_new_string(vl_fix_name(f->rule->fix)));
    json_object_object_add(fix, "description", json_object_new_string(f->fix->description));
    for (guint i = 0; f->fix->edits && i < f->fix->edits->len; i++) {
        const VlFixEdit *e = g_ptr_array_index(f->fix->edits, i);
        json_object *edit = json_object_new_object();

        json_object_object_add(edit, "content", json_object_new_string(e->content));
        json_object_object_add(edit, "location", position_json(e->line, e->column));
        json_object_object_add(edit, "end_location", position_json(e->end_line, e->end_column));
        json_object_array_add(edits, edit);
    }
    json_object_object_add(fix, "edits", edits);
    return fix;
}

static void
write_json(VlOutput *o, const char *path, const VlFinding *f)
{
    json_object *obj = json_object_new_object();

    json_object_object_add(obj, "file", json_object_new_string(path));
    json_object_object_add(obj, "line", f->line > 0 ? json_object_new_int(f->line) : NULL);
    json_object_object_add(obj, "column", f->column > 0 ? json_object_new_int(f->column) : NULL);
    json_object_object_add(obj, "rule", json_object_new_string(f->rule->id));
    json_object_object_add(obj, "severity", json_object_new_string(vl_severity_name(f->severity)));
    json_object_object_add(obj, "message", json_object_new_string(f->message));
    json_object_object_add(obj, "fix", vl_fix_allowed(f, o->config->unsafe_fixes) ? fix_json(f) : NULL);

    fprintf(o->out, "%s\n  %s", o->first_json ? "" : ",",
            json_object_to_json_string_ext(obj, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
    o->first_json = false;
    json_object_put(obj);
}

void
vl_output_document(VlOutput *o, const char *path, GPtrArray *findings)
{
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);

        if (o->config->format == VL_FORMAT_JSON)
            write_json(o, path, f);
        else
            write_text(o, path, f);
    }
}

static void
write_summary(VlOutput *o, const VlStats *s, guint input_errors)
{
    guint total = s->findings[VL_SEVERITY_ERROR] + s->findings[VL_SEVERITY_WARNING] + s->findings[VL_SEVERITY_INFO];
    g_autofree char *unreadable = input_errors
        ? g_strdup_printf("; %u input%s could not be linted", input_errors, input_errors == 1 ? "" : "s")
        : g_strdup("");

    if (s->fixed)
        fprintf(o->out, "Fixed %u problem%s in %u file%s.\n", s->fixed, s->fixed == 1 ? "" : "s", s->fixed_files,
                s->fixed_files == 1 ? "" : "s");
    if (total == 0) {
        fprintf(o->out, "No problems %sfound in %u file%s%s.\n", s->fixed ? "left " : "", s->files,
                s->files == 1 ? "" : "s", unreadable);
        return;
    }
    fprintf(o->out, "Found %u problem%s (%u error%s, %u warning%s, %u info) in %u file%s%s.\n", total,
            total == 1 ? "" : "s", s->findings[VL_SEVERITY_ERROR], s->findings[VL_SEVERITY_ERROR] == 1 ? "" : "s",
            s->findings[VL_SEVERITY_WARNING], s->findings[VL_SEVERITY_WARNING] == 1 ? "" : "s",
            s->findings[VL_SEVERITY_INFO], s->files, s->files == 1 ? "" : "s", unreadable);
    if (s->fixable)
        fprintf(o->out, "[*] %u fixable with --fix%s.\n", s->fixable, o->config->unsafe_fixes ? " --unsafe-fixes" : "");
    if (s->fixable_unsafe)
        fprintf(o->out, "%u more fixable with --fix --unsafe-fixes (they change hardware the guest sees).\n",
                s->fixable_unsafe);
}

void
vl_output_finish(VlOutput *o, const VlStats *stats, guint input_errors)
{
    if (o->config->format == VL_FORMAT_JSON)
        fputs(o->first_json ? "]\n" : "\n]\n", o->out);
    else if (!o->config->quiet)
        write_summary(o, stats, input_errors);
    fflush(o->out);
}

void
vl_output_free(VlOutput *o)
{
    g_free(o);
}
