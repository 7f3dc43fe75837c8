#include "lint/cli/edit.h"

#include <errno.h>
#include <stdarg.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "lint/cli/define.h"
#include "lint/cli/rcfile.h"
#include "lint/fix/atomicwrite.h"
#include "lint/fix/fix.h"
#include "lint/fix/udiff.h"
#include "lint/output/output.h"

bool
vl_edit_target_is_file(const char *target)
{
    return g_file_test(target, G_FILE_TEST_EXISTS) || strchr(target, '/') || g_str_has_suffix(target, ".xml");
}

char **
vl_edit_editor_argv(const char *visual, const char *editor, const char *file, GError **error)
{
    const char *command = visual && *visual ? visual : editor && *editor ? editor : "vi";
    g_auto(GStrv) words = NULL;
    GStrvBuilder *argv;
    char **out;

    if (!g_shell_parse_argv(command, NULL, &words, error)) {
        g_prefix_error(error, "cannot run the editor '%s': ", command);
        return NULL;
    }
    argv = g_strv_builder_new();
    g_strv_builder_addv(argv, (const char **) words);
    g_strv_builder_add(argv, file);
    out = g_strv_builder_end(argv);
    g_strv_builder_unref(argv);
    return out;
}

int
vl_edit_parse_answer(const char *line, const char *allowed)
{
    g_autofree char *word = g_strstrip(g_strdup(line));

    if (strlen(word) != 1 || !strchr(allowed, g_ascii_tolower(word[0])))
        return 0;
    return g_ascii_tolower(word[0]);
}

VlEditVerdict *
vl_edit_check(const VlEngine *engine, const char *display, const char *text, gsize len)
{
    VlEditVerdict *v = g_new0(VlEditVerdict, 1);

    v->doc = vl_document_parse(display, g_memdup2(text, len + 1), len, &v->error);
    if (!v->doc)
        return v;
    v->findings = vl_engine_lint_checked(engine, v->doc, NULL, &v->libvirt_error);
    for (guint i = 0; i < v->findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(v->findings, i);

        v->problems += f->severity >= engine->config->fail_on;
        v->fixable += vl_fix_allowed(f, engine->config->unsafe_fixes);
    }
    return v;
}

void
vl_edit_verdict_free(VlEditVerdict *v)
{
    if (!v)
        return;
    /* the findings point into the document */
    g_clear_pointer(&v->findings, g_ptr_array_unref);
    vl_document_free(v->doc);
    vl_input_error_free(v->error);
    g_clear_error(&v->libvirt_error);
    g_free(v);
}

/* One session: what is edited, and where the edited text lives. */
typedef struct {
    VlContext *context;
    VlConfig config;        /* the command line's, with the target's .virtlintrc */
    VlEngine engine;
    VlLive *live;
    FILE *in, *out;
    const char *path;       /* the file edited, or NULL for a domain */
    char *domain;           /* the domain's name, or NULL for a file */
    char *display;          /* what findings and messages name: the path, or "domain NAME" */
    char *original;         /* the definition as read, NUL-terminated */
    gsize original_len;
    char *tmp;              /* the private copy the editor edits */
    char *text;             /* its contents since the editor (or the fixes) last wrote it */
    gsize len;
    VlEditVerdict *verdict; /* the last check of TEXT */
} Session;

/* Letters of the answers, in virsh's spirit: y starts the editor again, n
 * gives up, f forces the save or define; a applies the fixes. */
typedef struct {
    int letter;
    const char *help;
} Choice;

static volatile sig_atomic_t interrupted;

static void
on_interrupt(int sig G_GNUC_UNUSED)
{
    interrupted = 1;
}

/* Ask QUESTION until one of CHOICES is answered; 0 at the end of the input
 * (or on Ctrl-C), which the caller treats as abandoning. */
static int
ask(Session *s, const char *question, const Choice *choices, gsize n)
{
    g_autoptr(GString) letters = g_string_new(NULL);
    struct sigaction sa = { .sa_handler = on_interrupt }, old_int;
    char line[256];
    int c = 0;

    for (gsize i = 0; i < n; i++)
        g_string_append_c(letters, (char) choices[i].letter);
    /* no SA_RESTART: Ctrl-C ends the read, and the session ends as abandoned,
     * naming the file that keeps the edits */
    sigemptyset(&sa.sa_mask);
    interrupted = 0;
    sigaction(SIGINT, &sa, &old_int);
    while (!c) {
        fprintf(s->out, "%s [", question);
        for (gsize i = 0; i < n; i++)
            fprintf(s->out, "%c,", choices[i].letter);
        fprintf(s->out, "?]: ");
        fflush(s->out);
        if (!fgets(line, sizeof(line), s->in) || interrupted) {
            fputc('\n', s->out);
            break;
        }
        /* a terminal has echoed the answer; a script's is shown here, so
         * that a transcript reads as a dialogue */
        if (!isatty(fileno(s->in)))
            fprintf(s->out, "%s%s", line, strchr(line, '\n') ? "" : "\n");
        if (!(c = vl_edit_parse_answer(line, letters->str))) {
            for (gsize i = 0; i < n; i++)
                fprintf(s->out, "%c - %s\n", choices[i].letter, choices[i].help);
            fprintf(s->out, "? - print this help\n");
        }
        /* the rest of a long line is not an answer to the next question */
        while (!strchr(line, '\n') && fgets(line, sizeof(line), s->in))
            ;
    }
    sigaction(SIGINT, &old_int, NULL);
    fflush(s->out);
    return c;
}

/* Run the editor on the private copy and wait for it.  The terminal's
 * Ctrl-C and Ctrl-\ are the editor's while it runs, as git has it: they
 * must not end this process and leave the edits nameless. */
static gboolean
run_editor(Session *s, GError **error)
{
    g_auto(GStrv) argv = vl_edit_editor_argv(g_getenv("VISUAL"), g_getenv("EDITOR"), s->tmp, error);
    struct sigaction ignore = { .sa_handler = SIG_IGN }, old_int, old_quit;
    GPid pid;
    int status;
    pid_t got;

    if (!argv)
        return FALSE;
    fflush(s->out);
    fflush(stderr);
    if (!g_spawn_async(NULL, argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN | G_SPAWN_DO_NOT_REAP_CHILD,
                       NULL, NULL, &pid, error)) {
        g_prefix_error(error, "cannot run the editor: ");
        return FALSE;
    }
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);
    while ((got = waitpid(pid, &status, 0)) < 0 && errno == EINTR)
        ;
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    g_spawn_close_pid(pid);
    if (got < 0) {
        g_set_error(error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "cannot wait for the editor: %s", g_strerror(errno));
        return FALSE;
    }
    if (!g_spawn_check_wait_status(status, error)) {
        g_prefix_error(error, "the editor (%s) failed: ", argv[0]);
        return FALSE;
    }
    return TRUE;
}

/* The private copy's contents into s->text. */
static gboolean
read_back(Session *s, GError **error)
{
    g_autofree char *text = NULL;
    gsize len;

    if (!g_file_get_contents(s->tmp, &text, &len, error))
        return FALSE;
    if (len > s->config.max_file_size) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: larger than the %" G_GSIZE_FORMAT " byte limit",
                    s->tmp, s->config.max_file_size);
        return FALSE;
    }
    g_free(s->text);
    s->text = g_steal_pointer(&text);
    s->len = len;
    return TRUE;
}

static gboolean
write_copy(Session *s, const char *text, gsize len, GError **error)
{
    return g_file_set_contents_full(s->tmp, text, (gssize) len, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* The private copy holds something else than the definition as read (or
 * cannot be read: then it is kept, to be safe). */
static bool
copy_differs(const Session *s)
{
    g_autofree char *text = NULL;
    gsize len;

    if (!g_file_get_contents(s->tmp, &text, &len, NULL))
        return true;
    return len != s->original_len || memcmp(text, s->original, len) != 0;
}

static bool
edited(const Session *s)
{
    return s->text && (s->len != s->original_len || memcmp(s->text, s->original, s->len) != 0);
}

/* A message about the session on stderr, after what OUT has so far: in a
 * transcript, "saved" comes after the diff it follows. */
static void G_GNUC_PRINTF(2, 3)
say(Session *s, const char *fmt, ...)
{
    va_list ap;

    fflush(s->out);
    fprintf(stderr, "%s: ", s->display);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static void
print_input_error(Session *s, const VlInputError *e)
{
    g_autofree char *text = vl_input_error_format(e);

    fflush(s->out);
    fprintf(stderr, "%s\n", text);
}

static void
show_findings(Session *s, VlEditVerdict *v)
{
    VlOutput *output = vl_output_new(&s->config, s->out);
    guint counts[VL_SEVERITY_ERROR + 1] = { 0 };

    vl_output_document(output, v->doc, v->findings);
    vl_output_free(output);
    if (v->libvirt_error)
        say(s, "error: %s\n", v->libvirt_error->message);
    if (!v->problems)
        return;
    for (guint i = 0; i < v->findings->len; i++)
        counts[((const VlFinding *) g_ptr_array_index(v->findings, i))->severity]++;
    fprintf(s->out, "%s: %u problem%s (%u error%s, %u warning%s)", s->display, v->problems,
            v->problems == 1 ? "" : "s", counts[VL_SEVERITY_ERROR], counts[VL_SEVERITY_ERROR] == 1 ? "" : "s",
            counts[VL_SEVERITY_WARNING], counts[VL_SEVERITY_WARNING] == 1 ? "" : "s");
    if (v->fixable)
        fprintf(s->out, ", [*] %u fixable", v->fixable);
    fprintf(s->out, ".\n");
}

typedef enum {
    STEP_EDIT,
    STEP_CHECK,
    STEP_FIX,
    STEP_SAVE,
    STEP_SAVED,
    STEP_UNCHANGED,
    STEP_ABANDON,
    STEP_FAIL,
} Step;

/* After the check: the text is not a domain XML.  Only editing again or
 * giving up make sense. */
static Step
after_input_error(Session *s)
{
    static const Choice choices[] = {
        { 'y', "yes, start the editor again" },
        { 'n', "no, give up (the edits stay in the file named)" },
    };
    return ask(s, "Try again?", choices, G_N_ELEMENTS(choices)) == 'y' ? STEP_EDIT : STEP_ABANDON;
}

/* After the check found problems: the user decides. */
static Step
after_problems(Session *s, const VlEditVerdict *v)
{
    Choice choices[4];
    gsize n = 0;

    choices[n++] = (Choice) { 'y', "yes, start the editor again" };
    choices[n++] = (Choice) { 'n', "no, give up (the edits stay in the file named)" };
    if (v->fixable)
        choices[n++] = (Choice) { 'a', s->config.unsafe_fixes
                                           ? "apply the fixes, unsafe ones included, show them and check again"
                                           : "apply the safe fixes, show them and check again" };
    choices[n++] = (Choice) { 'f', s->domain ? "force, define it with these findings"
                                             : "force, save it with these findings" };
    switch (ask(s, "Try again?", choices, n)) {
    case 'y':
        return STEP_EDIT;
    case 'a':
        return STEP_FIX;
    case 'f':
        return STEP_SAVE;
    default:
        return STEP_ABANDON;
    }
}

/* After a save or define failed: edit again, retry (F), or give up. */
static Step
after_failed_save(Session *s, const char *force_help)
{
    const Choice choices[] = {
        { 'y', "yes, start the editor again" },
        { 'n', "no, give up (the edits stay in the file named)" },
        { 'f', force_help },
    };

    switch (ask(s, "Try again?", choices, G_N_ELEMENTS(choices))) {
    case 'y':
        return STEP_EDIT;
    case 'f':
        return STEP_SAVE;
    default:
        return STEP_ABANDON;
    }
}

/* Apply the allowed fixes to the checked document: show the diff, and put
 * the fixed text in the private copy for the next check (or edit). */
static Step
apply_fixes(Session *s, VlEditVerdict *v)
{
    g_autoptr(VlFixResult) res = vl_fix_document(&s->engine, v->doc, s->config.unsafe_fixes);
    g_autoptr(GString) diff = g_string_new(NULL);
    g_autoptr(GError) error = NULL;
    GHashTableIter it;
    gpointer rule, why;

    g_hash_table_iter_init(&it, res->withheld);
    while (g_hash_table_iter_next(&it, &rule, &why))
        say(s, "%s: fix withheld: %s\n", (const char *) rule, (const char *) why);
    if (!res->changed) {
        say(s, "nothing could be fixed\n");
        return after_problems(s, &(VlEditVerdict) { 0 });
    }
    vl_udiff(diff, s->display, v->doc->data, v->doc->len, res->text, res->len);
    fputs(diff->str, s->out);
    if (!write_copy(s, res->text, res->len, &error)) {
        say(s, "error: %s\n", error->message);
        return STEP_FAIL;
    }
    g_free(s->text);
    s->text = g_memdup2(res->text, res->len + 1);
    s->len = res->len;
    return STEP_CHECK;
}

/* The definition changed since it was read (another editor, a checkout,
 * another `virsh edit`): what is there now, CURRENT, becomes what the
 * session compares with, as virsh edit has it, so that f writes over it
 * knowingly and y edits against it. */
static void
rebase(Session *s, char *current, gsize len)
{
    g_free(s->original);
    s->original = current;
    s->original_len = len;
}

/* Write the file back: atomically, its mode kept, and only over what was
 * read. */
static Step
save_file(Session *s)
{
    g_autoptr(GError) error = NULL;
    char *current;
    gsize len;

    if (vl_write_atomic(s->path, s->text, s->len, s->original, s->original_len, &error)) {
        say(s, "saved\n");
        return STEP_SAVED;
    }
    if (g_error_matches(error, VL_WRITE_ERROR, VL_WRITE_CHANGED) && g_file_get_contents(s->path, &current, &len, NULL)) {
        say(s, "error: the file changed on disk while you edited it; not overwritten\n");
        rebase(s, current, len);
        return after_failed_save(s, "force, save it over the change");
    }
    say(s, "error: %s\n", error->message);
    return after_failed_save(s, "force, try to save again");
}

/* Define the domain, after a backup of its current definition, and only
 * over the definition that was read. */
static Step
define(Session *s)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *name = NULL;
    char *current = vl_live_get_xml_secure(s->live, s->domain, &name, &error);
    gboolean running = FALSE;

    if (!current) {
        say(s, "error: %s\n", error->message);
        return after_failed_save(s, "force, try to define again");
    }
    if (strcmp(current, s->original) != 0) {
        say(s, "error: the definition changed while you edited it (another user or program); not defined\n");
        rebase(s, current, strlen(current));
        return after_failed_save(s, "force, define it over the change");
    }
    g_free(current);
    fflush(s->out);
    if (!vl_define_with_backup(s->live, s->display, s->domain, s->original, s->original_len, s->text, &running,
                               &error)) {
        /* libvirt's own words, as virsh edit shows them */
        say(s, "error: %s\n", error->message);
        return after_failed_save(s, "force, try to define again");
    }
    say(s, "edited definition defined%s\n",
        running ? "; the domain is running: the change applies at its next boot" : "");
    return STEP_SAVED;
}

/* The step after CURRENT. */
static Step
step(Session *s, Step current)
{
    g_autoptr(GError) error = NULL;

    switch (current) {
    case STEP_EDIT:
        if (!run_editor(s, &error) || !read_back(s, &error)) {
            say(s, "error: %s\n", error->message);
            return STEP_FAIL;
        }
        return edited(s) ? STEP_CHECK : STEP_UNCHANGED;
    case STEP_CHECK:
        g_clear_pointer(&s->verdict, vl_edit_verdict_free);
        s->verdict = vl_edit_check(&s->engine, s->display, s->text, s->len);
        if (s->verdict->error) {
            print_input_error(s, s->verdict->error);
            return after_input_error(s);
        }
        show_findings(s, s->verdict);
        return s->verdict->problems ? after_problems(s, s->verdict) : STEP_SAVE;
    case STEP_FIX:
        return apply_fixes(s, s->verdict);
    case STEP_SAVE:
        return s->domain ? define(s) : save_file(s);
    default:
        return current;
    }
}

/* A name for the private copy that tells the user what it is a copy of. */
static char *
copy_template(const char *what)
{
    g_autofree char *base = g_path_get_basename(what);
    char *dot = g_str_has_suffix(base, ".xml") ? strrchr(base, '.') : NULL;

    if (dot)
        *dot = '\0';
    for (char *p = base; *p; p++) {
        if (!g_ascii_isalnum(*p) && *p != '-' && *p != '_' && *p != '.')
            *p = '_';
    }
    return g_strdup_printf("virtlint-%.40s-XXXXXX.xml", base);
}

/* Read the definition, settle the configuration, make the private copy. */
static gboolean
session_open(Session *s, const VlConfig *base, const char *target, GError **error)
{
    const char *where = s->path ? s->path : "./-";    /* a domain takes the working directory's .virtlintrc */
    g_autofree char *rc_path = NULL, *template = NULL;
    int fd;

    vl_config_copy(&s->config, base);
    s->config.format = VL_FORMAT_TEXT;  /* findings are for the person at the terminal */
    s->config.quiet = false;
    if (s->path) {
        if (!g_file_get_contents(s->path, &s->original, &s->original_len, error))
            return FALSE;
        s->display = g_strdup(s->path);
        if (s->original_len > base->max_file_size) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                        "larger than the %" G_GSIZE_FORMAT " byte limit for a domain XML", base->max_file_size);
            return FALSE;
        }
    } else {
        if (!s->live) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "no connection to read domain '%s' from", target);
            return FALSE;
        }
        /* with its secrets, as virsh edit reads it: a definition without
         * them would drop the VNC password when it is defined back */
        if (!(s->original = vl_live_get_xml_secure(s->live, target, &s->domain, error)))
            return FALSE;
        s->original_len = strlen(s->original);
        s->display = g_strdup_printf("domain %s", s->domain);
    }
    if (!base->no_config && (rc_path = base->config_path ? g_strdup(base->config_path) : vl_rcfile_find(where))) {
        g_autoptr(VlRcFile) rc = vl_rcfile_load(rc_path, error);

        if (!rc)
            return FALSE;
        vl_rcfile_apply(rc, where, &s->config);
    }
    if (!vl_engine_init(&s->engine, s->context, &s->config, error))
        return FALSE;

    template = copy_template(s->path ? s->path : s->domain);
    if ((fd = g_file_open_tmp(template, &s->tmp, error)) < 0)
        return FALSE;
    close(fd);
    return write_copy(s, s->original, s->original_len, error);
}

static void
session_close(Session *s)
{
    vl_edit_verdict_free(s->verdict);
    vl_engine_clear(&s->engine);
    vl_config_clear(&s->config);
    g_free(s->domain);
    g_free(s->display);
    g_free(s->original);
    g_free(s->tmp);
    g_free(s->text);
}

VlEditStatus
vl_edit_run(VlContext *context, const VlConfig *base, VlLive *live, const char *target, FILE *in, FILE *out)
{
    Session s = { .context = context, .live = live, .in = in, .out = out };
    g_autoptr(GError) error = NULL;
    Step current = STEP_EDIT;
    VlEditStatus status;

    if (vl_edit_target_is_file(target))
        s.path = target;
    if (!session_open(&s, base, target, &error)) {
        fprintf(stderr, "%s: error: %s\n", s.display ? s.display : target, error->message);
        if (s.tmp)
            g_unlink(s.tmp);
        session_close(&s);
        return VL_EDIT_FAILED;
    }
    while (current < STEP_SAVED)
        current = step(&s, current);

    switch (current) {
    case STEP_SAVED:
        status = VL_EDIT_SAVED;
        break;
    case STEP_UNCHANGED:
        say(&s, "not changed\n");
        status = VL_EDIT_SAVED;
        break;
    case STEP_ABANDON:
        status = VL_EDIT_ABANDONED;
        break;
    default:
        status = VL_EDIT_FAILED;
        break;
    }
    if (status == VL_EDIT_SAVED || !copy_differs(&s)) {
        g_unlink(s.tmp);
    } else {
        say(&s, "nothing %s; your edits are kept in %s\n", s.domain ? "defined" : "saved",
                s.tmp);
    }
    session_close(&s);
    return status;
}
