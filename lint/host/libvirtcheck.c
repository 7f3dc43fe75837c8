/* memmem() */
#define _GNU_SOURCE
#include "lint/engine/notes.h"
#include "lint/host/libvirtcheck.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>
#include <libxml/tree.h>

#include "lint/engine/version.h"
#include "lint/load/xml.h"

static GQuark vl_libvirt_check_error_quark(void);
G_DEFINE_QUARK(vl-libvirt-check-error, vl_libvirt_check_error)
#define VL_LIBVIRT_CHECK_ERROR (vl_libvirt_check_error_quark())

/* Throwaway domains are named NAME_PREFIX<pid>-<n>; a worker undefines any
 * left by an earlier one that was killed between define and undefine. */
#define NAME_PREFIX "virtlint-check-"
#define BY_TEST_DRIVER VL_LIBVIRT_CHECK_BY_TEST_DRIVER
#define AS_QEMU VL_LIBVIRT_CHECK_AS_QEMU
/* The first answer of a worker includes QEMU's capability probe (seconds). */
#define FIRST_TIMEOUT_MS 60000
#define TIMEOUT_MS 20000

enum {
    ANSWER_DEFINED = 0,
    ANSWER_REFUSED = 1,
    ANSWER_FAILED = 2,  /* the worker could not ask libvirt at all */
};

typedef struct {
    bool configured;
    char *base;         /* the cache directory */
    bool use_cache;
    char *root;         /* the embedded driver's root, once chosen */
    bool root_is_temp;
    int lock_fd;        /* flock on <root>/virtlint.lock; -1 when none */
    pid_t pid;          /* the worker, 0 when none */
    int sock;
    bool answered;      /* the worker answered once: its probe is done */
    char *version;      /* libvirt's, from the worker's greeting */
    char *identity;     /* libvirt's and QEMU's files, for verdict keys */
    char *pending_error;
    bool noted_driver, noted_emulator, noted_kvm; /* each kind of fallback is said once */
    guint counter;
} State;

static State lc = { .lock_fd = -1, .sock = -1 };

void
vl_libvirt_verdict_free(VlLibvirtVerdict *verdict)
{
    if (!verdict)
        return;
    g_free(verdict->message);
    g_free(verdict->version);
    g_free(verdict->fallback);
    g_free(verdict);
}

void
vl_libvirt_check_configure(const char *dir, bool use_cache)
{
    const char *env = g_getenv("VIRTLINT_CACHE_DIR");

    vl_libvirt_check_release();
    lc.configured = true;
    lc.use_cache = use_cache;
    if (dir)
        lc.base = g_strdup(dir);
    else if (env && *env)
        lc.base = g_strdup(env);
    else
        lc.base = g_build_filename(g_get_user_cache_dir(), "virtlint", NULL);
}

char *
vl_libvirt_check_take_error(void)
{
    return g_steal_pointer(&lc.pending_error);
}

/* ---- the verdict cache ------------------------------------------------ */

static void
add_file(GChecksum *sum, const char *path)
{
    g_autofree char *real = realpath(path, NULL);
    g_autofree char *line = NULL;
    struct stat st;

    if (!real || stat(real, &st) != 0) {
        line = g_strdup_printf("%s absent\n", path);
    } else {
        line = g_strdup_printf("%s %s %lld %lld.%09ld %llu\n", path, real, (long long) st.st_size,
                               (long long) st.st_mtim.tv_sec, st.st_mtim.tv_nsec, (unsigned long long) st.st_ino);
    }
    g_checksum_update(sum, (const guchar *) line, -1);
}

static gint
compare_strings(gconstpointer a, gconstpointer b)
{
    return strcmp(*(const char *const *) a, *(const char *const *) b);
}

/* Files in DIR whose names start with PREFIX, sorted, into OUT. */
static void
list_prefixed(GPtrArray *out, const char *dir, const char *prefix)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func(g_free);
    const char *name;

    while (d && (name = g_dir_read_name(d)))
        if (g_str_has_prefix(name, prefix))
            g_ptr_array_add(found, g_build_filename(dir, name, NULL));
    g_ptr_array_sort(found, compare_strings);
    for (guint i = 0; i < found->len; i++)
        g_ptr_array_add(out, g_strdup(g_ptr_array_index(found, i)));
}

/* What a verdict depends on besides the document: libvirt's library and
 * QEMU driver (an upgrade changes them), every QEMU system emulator, swtpm
 * and the firmware descriptors, by path, size, time and inode.  The emulators the domain may use are a
 * subset, so a verdict is never kept past a change of the one it used.
 * Computed from file metadata only: libvirt is not loaded to compute it. */
static const char *
identity(void)
{
    g_autoptr(GChecksum) sum = NULL;
    g_autoptr(GPtrArray) files = NULL;
    g_autoptr(GPtrArray) libdirs = NULL;
    const char *ld = g_getenv("LD_LIBRARY_PATH");
    static const char *const fixed_libdirs[] = { "/usr/local/lib64", "/usr/local/lib", "/usr/lib64", "/usr/lib" };

    if (lc.identity)
        return lc.identity;
    sum = g_checksum_new(G_CHECKSUM_SHA256);
    files = g_ptr_array_new_with_free_func(g_free);
    libdirs = g_ptr_array_new_with_free_func(g_free);
    if (ld) {
        g_auto(GStrv) parts = g_strsplit(ld, ":", -1);
        for (char **p = parts; *p; p++)
            if (**p)
                g_ptr_array_add(libdirs, g_strdup(*p));
    }
    for (gsize i = 0; i < G_N_ELEMENTS(fixed_libdirs); i++)
        g_ptr_array_add(libdirs, g_strdup(fixed_libdirs[i]));
    list_prefixed(libdirs, "/usr/lib", "x86_64-linux");   /* Debian's multiarch directories */
    list_prefixed(libdirs, "/usr/lib", "aarch64-linux");
    for (guint i = 0; i < libdirs->len; i++) {
        const char *dir = g_ptr_array_index(libdirs, i);
        g_autofree char *lib = g_build_filename(dir, "libvirt.so.0", NULL);

        if (!g_file_test(lib, G_FILE_TEST_EXISTS))
            continue;
        g_ptr_array_add(files, g_steal_pointer(&lib));
        g_ptr_array_add(files, g_build_filename(dir, "libvirt", "connection-driver", "libvirt_driver_qemu.so", NULL));
    }
    /* rewritten by ldconfig whenever a library is installed or upgraded:
     * covers a libvirt outside the directories above */
    g_ptr_array_add(files, g_strdup("/etc/ld.so.cache"));
    list_prefixed(files, "/usr/bin", "qemu-system-");
    list_prefixed(files, "/usr/local/bin", "qemu-system-");
    g_ptr_array_add(files, g_strdup("/usr/libexec/qemu-kvm"));
    /* what else the QEMU driver consults: swtpm for TPM emulators (its
     * probe decides which TPM versions are supported), firmware descriptors */
    g_ptr_array_add(files, g_strdup("/usr/bin/swtpm"));
    g_ptr_array_add(files, g_strdup("/usr/bin/swtpm_setup"));
    list_prefixed(files, "/usr/share/qemu/firmware", "");
    list_prefixed(files, "/etc/qemu/firmware", "");

    g_checksum_update(sum, (const guchar *) "virtlint " VL_VERSION " libvirt-check 1\n", -1);
    for (guint i = 0; i < files->len; i++)
        add_file(sum, g_ptr_array_index(files, i));
    lc.identity = g_strdup(g_checksum_get_string(sum));
    return lc.identity;
}

/* The key of the verdict on DATA: the identity, the domain's own
 * <emulator> (which may be anywhere) and the bytes. */
static char *
verdict_key(xmlNodePtr domain, const char *data, gsize len)
{
    g_autoptr(GChecksum) sum = g_checksum_new(G_CHECKSUM_SHA256);
    xmlNodePtr emulator = vl_xml_child(vl_xml_child(domain, "devices"), "emulator");
    char buf[4096];

    g_checksum_update(sum, (const guchar *) identity(), -1);
    if (emulator && *vl_xml_text(emulator, buf, sizeof(buf)))
        add_file(sum, buf);
    g_checksum_update(sum, (const guchar *) "\n", 1);
    g_checksum_update(sum, (const guchar *) data, (gssize) len);
    return g_strdup(g_checksum_get_string(sum));
}

static char *
entry_path(const char *key)
{
    return g_build_filename(lc.base, "libvirt-verdicts", key, NULL);
}

/* An entry: "defined" or "refused", libvirt's version, the fallback note
 * (an empty line when none), then libvirt's message to the end. */
static VlLibvirtVerdict *
cache_lookup(const char *key)
{
    g_autofree char *path = NULL, *text = NULL;
    g_auto(GStrv) parts = NULL;
    VlLibvirtVerdict *v;

    if (!lc.use_cache)
        return NULL;
    path = entry_path(key);
    if (!g_file_get_contents(path, &text, NULL, NULL))
        return NULL;
    parts = g_strsplit(text, "\n", 4);
    if (g_strv_length(parts) != 4 || (strcmp(parts[0], "defined") != 0 && strcmp(parts[0], "refused") != 0) ||
        !*parts[1])
        return NULL;
    v = g_new0(VlLibvirtVerdict, 1);
    v->refused = strcmp(parts[0], "refused") == 0;
    v->version = g_strdup(parts[1]);
    v->fallback = *parts[2] ? g_strdup(parts[2]) : NULL;
    v->message = v->refused ? g_strdup(parts[3]) : NULL;
    return v;
}

static void
cache_store(const char *key, const VlLibvirtVerdict *v)
{
    g_autofree char *path = NULL, *dir = NULL, *text = NULL, *fallback = NULL;

    if (!lc.use_cache)
        return;
    path = entry_path(key);
    dir = g_path_get_dirname(path);
    if (g_mkdir_with_parents(dir, 0700) != 0)
        return;
    /* the note is one line of the entry */
    fallback = g_strdelimit(g_strdup(v->fallback ? v->fallback : ""), "\n", ' ');
    text = g_strdup_printf("%s\n%s\n%s\n%s", v->refused ? "refused" : "defined", v->version, fallback,
                           v->message ? v->message : "");
    /* written to a temporary file and renamed: never half an entry */
    (void) g_file_set_contents(path, text, -1, NULL);
}

/* ---- the wire: length-prefixed strings over a socket pair ------------- */

static bool
send_all(int fd, const void *buf, gsize len)
{
    const char *p = buf;

    while (len) {
        /* MSG_NOSIGNAL: a dead worker is an error, not a SIGPIPE */
        ssize_t n = send(fd, p, len, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (gsize) n;
    }
    return true;
}

static bool
send_string(int fd, const char *s)
{
    uint32_t len = s ? (uint32_t) strlen(s) : 0;

    return send_all(fd, &len, sizeof(len)) && send_all(fd, s ? s : "", len);
}

static gint64
now_ms(void)
{
    return g_get_monotonic_time() / 1000;
}

/* Read LEN bytes before DEADLINE (monotonic ms; 0: wait forever).
 * *TIMED_OUT tells a timeout from the end of the stream. */
static bool
recv_all(int fd, void *buf, gsize len, gint64 deadline, bool *timed_out)
{
    char *p = buf;

    while (len) {
        if (deadline) {
            struct pollfd pfd = { .fd = fd, .events = POLLIN };
            gint64 left = deadline - now_ms();
            int r;

            if (left <= 0) {
                *timed_out = true;
                return false;
            }
            r = poll(&pfd, 1, (int) MIN(left, G_MAXINT));
            if (r < 0 && errno == EINTR)
                continue;
            if (r == 0) {
                *timed_out = true;
                return false;
            }
            if (r < 0)
                return false;
        }
        ssize_t n = recv(fd, p, len, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (gsize) n;
    }
    return true;
}

static bool
recv_string(int fd, char **out, gint64 deadline, bool *timed_out)
{
    uint32_t len;
    g_autofree char *s = NULL;

    if (!recv_all(fd, &len, sizeof(len), deadline, timed_out) || len > 64u * 1024 * 1024)
        return false;
    s = g_malloc(len + 1);
    if (!recv_all(fd, s, len, deadline, timed_out))
        return false;
    s[len] = '\0';
    *out = g_steal_pointer(&s);
    return true;
}

/* ---- the worker: the only process that loads libvirt ------------------ */

typedef struct {
    void *handle;
    int (*get_version)(unsigned long *, const char *, unsigned long *);
    int (*event_register)(void);
    int (*event_run)(void);
    virConnectPtr (*open)(const char *);
    int (*list_all)(virConnectPtr, virDomainPtr **, unsigned int);
    const char *(*get_name)(virDomainPtr);
    virDomainPtr (*define)(virConnectPtr, const char *);
    int (*undefine)(virDomainPtr, unsigned int);
    int (*domain_free)(virDomainPtr);
    const char *(*last_error)(void);
    void (*set_error_func)(void *, virErrorFunc);
} Api;

static void
quiet(void *data G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
    /* the message goes back to virtlint, not to stderr */
}

static char *
load(Api *api)
{
    struct {
        const char *name;
        void **slot;
    } symbols[] = {
        { "virGetVersion", (void **) &api->get_version },
        { "virEventRegisterDefaultImpl", (void **) &api->event_register },
        { "virEventRunDefaultImpl", (void **) &api->event_run },
        { "virConnectOpen", (void **) &api->open },
        { "virConnectListAllDomains", (void **) &api->list_all },
        { "virDomainGetName", (void **) &api->get_name },
        { "virDomainDefineXML", (void **) &api->define },
        { "virDomainUndefineFlags", (void **) &api->undefine },
        { "virDomainFree", (void **) &api->domain_free },
        { "virGetLastErrorMessage", (void **) &api->last_error },
        { "virSetErrorFunc", (void **) &api->set_error_func },
    };

    if (!(api->handle = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL)))
        return g_strdup_printf("cannot load libvirt (libvirt.so.0): %s", dlerror());
    for (gsize i = 0; i < G_N_ELEMENTS(symbols); i++)
        if (!(*symbols[i].slot = dlsym(api->handle, symbols[i].name)))
            return g_strdup_printf("libvirt lacks %s", symbols[i].name);
    api->set_error_func(NULL, quiet);
    return NULL;
}

static gpointer
event_loop(gpointer data)
{
    Api *api = data;

    for (;;)
        if (api->event_run() < 0)
            g_usleep(10000);
    return NULL;
}

/* The domain could not be checked by QEMU's driver because this machine has
 * no QEMU for it: libvirt's test driver is the next best judge. */
static bool
no_emulator(const char *message)
{
    return strstr(message, "Cannot check QEMU binary") || strstr(message, "No emulator found for arch") ||
           strstr(message, "could not find capabilities for") || strstr(message, "Cannot find suitable emulator");
}

/* On a machine without KVM (a CI runner, a nested guest) libvirt refuses
 * every type='kvm' domain, which says nothing about the document: it is
 * checked again as type='qemu', which libvirt validates the same way but
 * for what only KVM has. */
static bool
no_kvm(const char *message)
{
    return strstr(message, "does not support virt type 'kvm'") != NULL;
}

static char *
as_qemu(const char *xml)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int) strlen(xml), NULL, NULL, XML_PARSE_NONET);
    xmlChar *text = NULL;
    int size = 0;
    char *out;

    if (!doc || !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlSetProp(xmlDocGetRootElement(doc), BAD_CAST "type", BAD_CAST "qemu");
    xmlDocDumpMemory(doc, &text, &size);
    out = g_strndup((const char *) text, (gsize) size);
    xmlFree(text);
    xmlFreeDoc(doc);
    return out;
}

static void
undefine_leftovers(Api *api, virConnectPtr conn)
{
    virDomainPtr *doms = NULL;
    int n = api->list_all(conn, &doms, VIR_CONNECT_LIST_DOMAINS_PERSISTENT);

    for (int i = 0; i < n; i++) {
        if (g_str_has_prefix(api->get_name(doms[i]), NAME_PREFIX))
            api->undefine(doms[i], VIR_DOMAIN_UNDEFINE_NVRAM);
        api->domain_free(doms[i]);
    }
    free(doms);
}

static void
worker_answer(int sock, int status, const char *fallback, const char *message)
{
    uint8_t s = (uint8_t) status;

    if (!send_all(sock, &s, 1) || !send_string(sock, fallback) || !send_string(sock, message))
        _exit(1);
}

G_GNUC_NORETURN static void
worker_main(int sock, const char *root)
{
    Api api = { 0 };
    g_autofree char *failure = load(&api);
    g_autofree char *uri = g_strdup_printf("qemu:///embed?root=%s", root);
    g_autofree char *qemu_note = NULL;
    g_autofree char *version = NULL;
    const char *hook = g_getenv("VIRTLINT_TEST_LIBVIRT_WORKER");
    virConnectPtr qemu = NULL, test = NULL;
    unsigned long v = 0;
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);

    if (devnull >= 0) {
        dup2(devnull, STDIN_FILENO);
        dup2(devnull, STDOUT_FILENO); /* stdout carries virtlint's findings */
        /* libvirt logs warnings there; its errors come back as verdicts */
        if (!g_getenv("VIRTLINT_DEBUG_LIBVIRT"))
            dup2(devnull, STDERR_FILENO);
    }
    if (failure) {
        worker_answer(sock, ANSWER_FAILED, NULL, failure);
        _exit(0);
    }
    /* the embedded driver needs an event loop, and someone to run it */
    api.event_register();
    g_thread_unref(g_thread_new("virtlint-events", event_loop, &api));
    api.get_version(&v, NULL, NULL);
    version = g_strdup_printf("%lu.%lu.%lu", v / 1000000, v / 1000 % 1000, v % 1000);
    if (g_strcmp0(hook, "no-qemu") == 0) /* tests: as if the QEMU driver were missing */
        qemu_note = g_strdup("libvirt's QEMU driver is not usable here (simulated)");
    else if ((qemu = api.open(uri)))
        undefine_leftovers(&api, qemu);
    else
        qemu_note = g_strdup_printf("libvirt's QEMU driver is not usable here (%s)", api.last_error());
    worker_answer(sock, ANSWER_DEFINED, qemu_note, version);

    for (;;) {
        g_autofree char *name = NULL, *xml = NULL, *fallback = NULL;
        bool timed_out = false;
        virDomainPtr dom = NULL;

        if (!recv_string(sock, &name, 0, &timed_out) || !*name || !recv_string(sock, &xml, 0, &timed_out))
            _exit(0);
        if (g_strcmp0(hook, "hang") == 0)
            pause();
        if (hook && g_str_has_prefix(hook, "refuse:") && strstr(xml, hook + strlen("refuse:"))) {
            /* tests: libvirt refusing what contains a given text */
            worker_answer(sock, ANSWER_REFUSED, NULL, "simulated refusal (VIRTLINT_TEST_LIBVIRT_WORKER)");
            continue;
        }
        if (!qemu)
            fallback = g_strdup_printf(BY_TEST_DRIVER ": %s", qemu_note);
        if (qemu) {
            dom = api.define(qemu, xml);
            if (!dom && no_kvm(api.last_error())) {
                g_autofree char *tcg = as_qemu(xml);

                fallback = g_strdup_printf(AS_QEMU ": this machine has no KVM (%s)", api.last_error());
                dom = tcg ? api.define(qemu, tcg) : NULL;
            }
            if (!dom && no_emulator(api.last_error())) {
                g_free(fallback);
                fallback = g_strdup_printf(BY_TEST_DRIVER ": there is no QEMU for it here (%s)", api.last_error());
            }
        }
        if (fallback && g_str_has_prefix(fallback, BY_TEST_DRIVER)) {
            if (!test && !(test = api.open("test:///default"))) {
                worker_answer(sock, ANSWER_FAILED, NULL, api.last_error());
                continue;
            }
            dom = api.define(test, xml);
        }
        if (!dom) {
            worker_answer(sock, ANSWER_REFUSED, fallback, api.last_error());
            if (g_strcmp0(hook, "die-idle") == 0)
                _exit(1); /* tests: a worker that dies between two documents */
            continue;
        }
        if (g_strcmp0(hook, "abort") == 0)
            abort(); /* tests: a crash with a domain defined */
        if (api.undefine(dom, VIR_DOMAIN_UNDEFINE_NVRAM) < 0)
            api.undefine(dom, 0);
        api.domain_free(dom);
        worker_answer(sock, ANSWER_DEFINED, fallback, NULL);
    }
}

/* ---- the root and the worker's life ----------------------------------- */

static bool
remove_tree(const char *path)
{
    struct stat st;

    if (lstat(path, &st) != 0)
        return errno == ENOENT;
    if (S_ISDIR(st.st_mode)) {
        g_autoptr(GDir) d = g_dir_open(path, 0, NULL);
        const char *name;

        while (d && (name = g_dir_read_name(d))) {
            g_autofree char *child = g_build_filename(path, name, NULL);
            remove_tree(child);
        }
        return rmdir(path) == 0;
    }
    return unlink(path) == 0;
}

/* libvirt fsync()s every definition it saves, and on a disk that is most of
 * a check's cost (9 ms per document here, 3.5 ms on tmpfs), for a file that
 * lives a few milliseconds.  So the root's etc/ (the definitions) is a
 * link to a private directory on /dev/shm, while QEMU's probe results stay
 * under the cache directory, where they survive a reboot.  Anything odd
 * about /dev/shm and the definitions simply stay on disk. */
static void
definitions_in_memory(const char *root)
{
    g_autofree char *sum = g_compute_checksum_for_string(G_CHECKSUM_SHA256, root, -1);
    g_autofree char *shm = g_strdup_printf("/dev/shm/virtlint-%u-%.16s", (unsigned) getuid(), sum);
    g_autofree char *etc = g_build_filename(root, "etc", NULL);
    g_autofree char *target = NULL;
    struct stat st;

    if (mkdir(shm, 0700) != 0 && errno != EEXIST)
        return;
    /* someone else's directory, or a link planted there: not ours to use */
    if (lstat(shm, &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid() || (st.st_mode & 077))
        return;
    if (lstat(etc, &st) == 0) {
        if (S_ISLNK(st.st_mode) && (target = g_file_read_link(etc, NULL)) && strcmp(target, shm) == 0)
            return;
        /* an older root's definitions: only throwaway ones, undefined */
        if (!remove_tree(etc))
            return;
    }
    (void) symlink(shm, etc);
}

/* A private root while another virtlint holds the shared one: QEMU's probe
 * results are copied over, so that it does not probe again (2.5 s here).
 * libvirt replaces those files by rename, so a copy is never half of one. */
static void
copy_probe_results(const char *from_root, const char *to_root)
{
    g_autofree char *from = g_build_filename(from_root, "cache", "qemu", "capabilities", NULL);
    g_autofree char *to = g_build_filename(to_root, "cache", "qemu", "capabilities", NULL);
    g_autoptr(GDir) d = g_dir_open(from, 0, NULL);
    const char *name;

    if (!d || g_mkdir_with_parents(to, 0700) != 0)
        return;
    while ((name = g_dir_read_name(d))) {
        g_autofree char *src = g_build_filename(from, name, NULL);
        g_autofree char *dst = g_build_filename(to, name, NULL);
        g_autofree char *text = NULL;
        gsize len;

        if (g_str_has_suffix(name, ".xml") && g_file_get_contents(src, &text, &len, NULL))
            (void) g_file_set_contents(dst, text, (gssize) len, NULL);
    }
}

/* The root: <cache>/libvirt-root, locked for this run; a private temporary
 * one with --no-cache or while another virtlint holds it. */
static bool
choose_root(GError **error)
{
    g_autofree char *root = NULL, *lock = NULL;

    if (lc.root)
        return true;
    if (lc.use_cache) {
        root = g_build_filename(lc.base, "libvirt-root", NULL);
        lock = g_build_filename(root, "virtlint.lock", NULL);
        if (g_mkdir_with_parents(root, 0700) == 0 &&
            (lc.lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600)) >= 0) {
            if (flock(lc.lock_fd, LOCK_EX | LOCK_NB) == 0) {
                definitions_in_memory(root);
                lc.root = g_steal_pointer(&root);
                return true;
            }
            close(lc.lock_fd);
            lc.lock_fd = -1;
        }
    }
    if (!(lc.root = g_dir_make_tmp("virtlint-libvirt-XXXXXX", error)))
        return false;
    lc.root_is_temp = true;
    if (root)
        copy_probe_results(root, lc.root);
    return true;
}

static int
timeout_ms(void)
{
    const char *env = g_getenv("VIRTLINT_TEST_LIBVIRT_TIMEOUT"); /* seconds, for tests */

    if (env && *env)
        return atoi(env) * 1000;
    return lc.answered ? TIMEOUT_MS : FIRST_TIMEOUT_MS;
}

/* After a worker died or was killed while defining NAME: what it may have
 * left in the root. */
static void
remove_leftovers(const char *name)
{
    static const char *const patterns[][2] = {
        { "etc/qemu", ".xml" },
        { "etc/qemu/autostart", ".xml" },
        { "lib/qemu/nvram", "_VARS.fd" },
    };

    for (gsize i = 0; name && lc.root && i < G_N_ELEMENTS(patterns); i++) {
        g_autofree char *file = g_strconcat(name, patterns[i][1], NULL);
        g_autofree char *path = g_build_filename(lc.root, patterns[i][0], file, NULL);
        unlink(path);
    }
}

/* A worker killed while probing QEMU leaves the probe's directory
 * (lib/qemu/qmp-XXXXXX) and perhaps its QEMU, known by the pid file there.
 * The root is this run's (locked, or private), so no probe of someone else
 * can be under way in it. */
static void
remove_probe_leftovers(void)
{
    g_autofree char *lib = g_build_filename(lc.root, "lib", "qemu", NULL);
    g_autoptr(GDir) d = g_dir_open(lib, 0, NULL);
    const char *name;

    while (d && (name = g_dir_read_name(d))) {
        g_autofree char *dir = NULL, *pidfile = NULL, *text = NULL, *proc = NULL, *cmdline = NULL;
        gsize len = 0;
        long pid;

        if (!g_str_has_prefix(name, "qmp-"))
            continue;
        dir = g_build_filename(lib, name, NULL);
        pidfile = g_build_filename(dir, "qmp.pid", NULL);
        if (g_file_get_contents(pidfile, &text, NULL, NULL) && (pid = strtol(text, NULL, 10)) > 1) {
            proc = g_strdup_printf("/proc/%ld/cmdline", pid);
            /* only the QEMU that names this directory, never a recycled pid */
            if (g_file_get_contents(proc, &cmdline, &len, NULL) && memmem(cmdline, len, dir, strlen(dir)))
                kill((pid_t) pid, SIGKILL);
        }
        remove_tree(dir);
    }
}

/* Kill the worker: between requests it holds nothing worth a goodbye (each
 * define was undone before it answered), and in the middle of one it is
 * crashed or hung.  NAME: the domain it was defining, if any; *HOW: how it
 * ended. */
static void
stop_worker(const char *name, char **how)
{
    int status = 0;

    if (!lc.pid)
        return;
    if (lc.sock >= 0) {
        close(lc.sock);
        lc.sock = -1;
    }
    kill(lc.pid, SIGKILL);
    while (waitpid(lc.pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (how && WIFSIGNALED(status))
        *how = g_strdup_printf("was killed by signal %d, %s", WTERMSIG(status), strsignal(WTERMSIG(status)));
    else if (how)
        *how = g_strdup_printf("exited with status %d", WEXITSTATUS(status));
    lc.pid = 0;
    lc.answered = false;
    remove_leftovers(name);
    if (lc.root)
        remove_probe_leftovers();
}

static bool
start_worker(GError **error)
{
    int sv[2];
    pid_t parent = getpid();
    g_autofree char *greeting = NULL, *note = NULL;
    bool timed_out = false;
    uint8_t status;
    gint64 deadline;

    /* a worker that died between two documents is no one's input error */
    if (lc.pid && waitpid(lc.pid, NULL, WNOHANG) == lc.pid) {
        close(lc.sock);
        lc.sock = -1;
        lc.pid = 0;
        lc.answered = false;
    }
    if (lc.pid)
        return true;
    if (!choose_root(error))
        return false;
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0) {
        g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "cannot start libvirt's worker: %s", g_strerror(errno));
        return false;
    }
    fflush(stdout);
    fflush(stderr);
    if ((lc.pid = fork()) < 0) {
        lc.pid = 0;
        close(sv[0]);
        close(sv[1]);
        g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "cannot start libvirt's worker: %s", g_strerror(errno));
        return false;
    }
    if (lc.pid == 0) {
        struct rlimit no_core = { 0, 0 };

        close(sv[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive virtlint */
        if (getppid() != parent)
            _exit(1);
        setrlimit(RLIMIT_CORE, &no_core); /* a crash leaves no core file in the user's tree */
        signal(SIGPIPE, SIG_IGN);         /* as in virsh: a QEMU gone mid-probe is an error, not a death */
        worker_main(sv[1], lc.root);
    }
    close(sv[1]);
    lc.sock = sv[0];
    deadline = now_ms() + timeout_ms();
    if (!recv_all(lc.sock, &status, 1, deadline, &timed_out) || !recv_string(lc.sock, &note, deadline, &timed_out) ||
        !recv_string(lc.sock, &greeting, deadline, &timed_out)) {
        g_autofree char *how = NULL;
        stop_worker(NULL, &how);
        g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "libvirt %s while starting", timed_out ? "hung" : how);
        return false;
    }
    if (status == ANSWER_FAILED) {
        stop_worker(NULL, NULL);
        g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "--libvirt-check: %s", greeting);
        return false;
    }
    g_free(lc.version);
    lc.version = g_steal_pointer(&greeting);
    if (*note && !lc.noted_driver) {
        vl_note(VL_NOTE_INFO, "%s; libvirt's test driver checks the documents instead", note);
        lc.noted_driver = true;
    }
    return true;
}

/* A copy of the domain under a throwaway name.  Its <uuid> stays: libvirt
 * checks it (its form, and that <sysinfo>'s matches it), and nothing can
 * collide with it in a root of virtlint's own where every definition is
 * undone at once and leftovers are undefined when a worker starts. */
static char *
throwaway_copy(xmlNodePtr domain, const char *name)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr root = xmlDocCopyNode(domain, doc, 1);
    xmlNodePtr child, next;
    xmlChar *text = NULL;
    int size = 0;
    char *out;

    xmlDocSetRootElement(doc, root);
    for (child = root->children; child; child = next) {
        next = child->next;
        if (vl_xml_is(child, "name")) {
            xmlNodeSetContent(child, BAD_CAST name);
        }
    }
    xmlDocDumpMemory(doc, &text, &size);
    out = g_strndup((const char *) text, (gsize) size);
    xmlFree(text);
    xmlFreeDoc(doc);
    return out;
}

/* libvirt names the domain in some messages: give it its own name back. */
static char *
original_names(const char *message, const char *throwaway, xmlNodePtr domain)
{
    char buf[1024];
    const char *name = vl_xml_text(vl_xml_child(domain, "name"), buf, sizeof(buf));
    g_auto(GStrv) parts = g_strsplit(message, throwaway, -1);

    return g_strjoinv(name, parts);
}

static VlLibvirtVerdict *
ask_worker(xmlNodePtr domain, GError **error)
{
    g_autofree char *name = g_strdup_printf(NAME_PREFIX "%ld-%u", (long) getpid(), ++lc.counter);
    g_autofree char *xml = throwaway_copy(domain, name);
    g_autofree char *fallback = NULL, *message = NULL, *how = NULL;
    g_autoptr(VlLibvirtVerdict) v = NULL;
    bool timed_out = false;
    uint8_t status;
    gint64 deadline;

    /* A worker that dies without an answer is asked once more in a new
     * worker: it may have died idle, just before this document came (a
     * crash in one of libvirt's threads).  A document that crashes libvirt
     * twice is the culprit. */
    for (int attempt = 0;; attempt++) {
        if (!start_worker(error))
            return NULL;
        deadline = now_ms() + timeout_ms();
        if (send_string(lc.sock, name) && send_string(lc.sock, xml) &&
            recv_all(lc.sock, &status, 1, deadline, &timed_out) &&
            recv_string(lc.sock, &fallback, deadline, &timed_out) && recv_string(lc.sock, &message, deadline, &timed_out))
            break;
        if (timed_out || attempt == 1)
            break;
        stop_worker(name, NULL);
        g_clear_pointer(&fallback, g_free);
    }
    if (!message) {
        int seconds = timeout_ms() / 1000;

        stop_worker(name, &how);
        if (timed_out)
            g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0,
                        "libvirt did not answer within %d s while defining this domain (its worker was killed)", seconds);
        else
            g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "libvirt crashed while defining this domain: its worker %s",
                        how);
        return NULL;
    }
    lc.answered = true;
    if (status == ANSWER_FAILED) {
        g_set_error(error, VL_LIBVIRT_CHECK_ERROR, 0, "--libvirt-check: %s", message);
        return NULL;
    }
    v = g_new0(VlLibvirtVerdict, 1);
    v->refused = status == ANSWER_REFUSED;
    v->version = g_strdup(lc.version);
    v->fallback = *fallback ? original_names(fallback, name, domain) : NULL;
    v->message = v->refused ? original_names(message, name, domain) : NULL;
    return g_steal_pointer(&v);
}

/* Say once, as a note, that a kind of fallback happened (the QEMU driver
 * missing was said when the worker started). */
static void
note_fallback(const char *fallback)
{
    bool *noted = !fallback                                  ? NULL
                  : g_str_has_prefix(fallback, AS_QEMU)      ? &lc.noted_kvm
                  : strstr(fallback, "QEMU driver is not usable") ? &lc.noted_driver
                                                             : &lc.noted_emulator;

    if (!noted || *noted)
        return;
    vl_note(VL_NOTE_INFO, "a document was %s", fallback);
    *noted = true;
}

VlLibvirtVerdict *
vl_libvirt_check_domain(xmlNodePtr domain, const char *data, gsize len, GError **error)
{
    g_autofree char *key = NULL;
    g_autoptr(GError) local = NULL;
    VlLibvirtVerdict *v;

    if (!lc.configured)
        vl_libvirt_check_configure(NULL, true);
    key = verdict_key(domain, data, len);
    if ((v = cache_lookup(key)))
        return v;
    if (!(v = ask_worker(domain, &local))) {
        g_free(lc.pending_error);
        lc.pending_error = g_strdup(local->message);
        g_propagate_error(error, g_steal_pointer(&local));
        return NULL;
    }
    note_fallback(v->fallback);
    cache_store(key, v);
    return v;
}

void
vl_libvirt_check_release(void)
{
    stop_worker(NULL, NULL);
    if (lc.root && lc.root_is_temp)
        remove_tree(lc.root);
    if (lc.lock_fd >= 0)
        close(lc.lock_fd); /* releases the flock */
    g_free(lc.base);
    g_free(lc.root);
    g_free(lc.version);
    g_free(lc.identity);
    g_free(lc.pending_error);
    lc = (State) { .lock_fd = -1, .sock = -1 };
}
