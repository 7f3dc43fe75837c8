/* Unit tests for lint/host/nvram_certs.c on variable stores built here:
 * a firmware volume with an authenticated variable store whose KEK and db
 * hold EFI_SIGNATURE_LISTs of minimal DER certificates. */
#include "check_util.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "lint/engine/config.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/host/host.h"
#include "lint/host/nvram_certs.h"

static const guint8 AUTH_STORE_GUID[16] = { 0x78, 0x2c, 0xf3, 0xaa, 0x7b, 0x94, 0x9a, 0x43,
                                            0xa1, 0x80, 0x2e, 0x14, 0x4e, 0xc3, 0x77, 0x92 };
static const guint8 PLAIN_STORE_GUID[16] = { 0x16, 0x36, 0xcf, 0xdd, 0x75, 0x32, 0x64, 0x41,
                                             0x98, 0xb6, 0xfe, 0x85, 0x70, 0x7f, 0xfe, 0x7d };
static const guint8 GLOBAL_GUID[16] = { 0x61, 0xdf, 0xe4, 0x8b, 0xca, 0x93, 0xd2, 0x11,
                                        0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c };
static const guint8 DB_GUID[16] = { 0xcb, 0xb2, 0x19, 0xd7, 0x3a, 0x3d, 0x96, 0x45,
                                    0xa3, 0xbc, 0xda, 0xd0, 0x0e, 0x67, 0x65, 0x6f };
static const guint8 X509_GUID[16] = { 0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a,
                                      0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0, 0x72 };
static const guint8 SHA256_GUID[16] = { 0x26, 0x16, 0xc4, 0xc1, 0x4c, 0x50, 0x92, 0x40,
                                        0xac, 0xa9, 0x41, 0xf9, 0x36, 0x93, 0x43, 0x28 };

static void
put32(GByteArray *b, guint32 v)
{
    guint8 x[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff, v >> 24 };
    g_byte_array_append(b, x, 4);
}

/* a DER TLV; CONTENT is consumed */
static GByteArray *
der(guint8 tag, GByteArray *content)
{
    GByteArray *b = g_byte_array_new();
    guint8 h[4] = { tag };
    guint n = content->len;

    if (n < 0x80) {
        h[1] = n;
        g_byte_array_append(b, h, 2);
    } else {
        h[1] = 0x82, h[2] = n >> 8, h[3] = n & 0xff;
        g_byte_array_append(b, h, 4);
    }
    g_byte_array_append(b, content->data, content->len);
    g_byte_array_unref(content);
    return b;
}

static GByteArray *
bytes(const void *p, gsize n)
{
    GByteArray *b = g_byte_array_new();
    g_byte_array_append(b, p, n);
    return b;
}

static GByteArray *
cat(GByteArray *a, GByteArray *b)
{
    g_byte_array_append(a, b->data, b->len);
    g_byte_array_unref(b);
    return a;
}

/* a certificate whose subject has O=Example and, unless NULL, CN=CN (as
 * a PrintableString when PRINTABLE); with a padding extension past 128
 * bytes so lengths take the long form */
static GByteArray *
cert(const char *cn, bool printable)
{
    static const guint8 oid_o[] = { 0x55, 0x04, 0x0a }, oid_cn[] = { 0x55, 0x04, 0x03 };
    GByteArray *o = der(0x31, der(0x30, cat(der(0x06, bytes(oid_o, 3)), der(0x0c, bytes("Example", 7)))));
    GByteArray *subject = o;

    if (cn)
        subject = cat(subject, der(0x31, der(0x30, cat(der(0x06, bytes(oid_cn, 3)),
                                                       der(printable ? 0x13 : 0x0c, bytes(cn, strlen(cn)))))));
    guint8 two = 2, one = 1;
    GByteArray *tbs = der(0xa0, der(0x02, bytes(&two, 1)));
    tbs = cat(tbs, der(0x02, bytes(&one, 1)));              /* serial */
    tbs = cat(tbs, der(0x30, g_byte_array_new()));          /* signature */
    tbs = cat(tbs, der(0x30, bytes("\x31\x00", 2)));       /* issuer */
    tbs = cat(tbs, der(0x30, g_byte_array_new()));          /* validity */
    tbs = cat(tbs, der(0x30, subject));
    GByteArray *pad = g_byte_array_new();
    g_byte_array_set_size(pad, 200);
    memset(pad->data, 0, 200);
    tbs = cat(tbs, der(0xa3, der(0x04, pad)));
    return der(0x30, cat(cat(der(0x30, tbs), der(0x30, g_byte_array_new())), der(0x03, bytes("\0", 1))));
}

/* one EFI_SIGNATURE_LIST of TYPE holding SIG (consumed) */
static GByteArray *
esl(const guint8 *type, GByteArray *sig)
{
    GByteArray *b = bytes(type, 16);

    put32(b, 28 + 16 + sig->len);
    put32(b, 0);
    put32(b, 16 + sig->len);
    g_byte_array_append(b, (const guint8 *)"owner-guid-bytes", 16);
    return cat(b, sig);
}

/* appends an authenticated variable NAME/GUID in STATE holding DATA (consumed) */
static void
var(GByteArray *store, const char *name, const guint8 *guid, guint8 state, GByteArray *data)
{
    guint8 head[4] = { 0xaa, 0x55, state, 0 };
    guint32 name_size = (strlen(name) + 1) * 2;

    g_byte_array_append(store, head, 4);
    put32(store, 0x27);                                     /* attributes */
    for (int i = 0; i < 8 + 16 + 4; i++)                    /* count, time stamp, key index */
        g_byte_array_append(store, (const guint8 *)"", 1);
    put32(store, name_size);
    put32(store, data->len);
    g_byte_array_append(store, guid, 16);
    for (const char *c = name;; c++) {
        guint8 u[2] = { (guint8)*c, 0 };
        g_byte_array_append(store, u, 2);
        if (!*c)
            break;
    }
    cat(store, data);
    while (store->len % 4)
        g_byte_array_append(store, (const guint8 *)"\xff", 1);
}

/* a firmware volume around the variables in VARS (consumed) */
static GByteArray *
volume(const guint8 *store_guid, GByteArray *vars)
{
    GByteArray *b = g_byte_array_new();

    g_byte_array_set_size(b, 72);
    memset(b->data, 0, 72);
    memcpy(b->data + 40, "_FVH", 4);
    b->data[48] = 72;
    g_byte_array_append(b, store_guid, 16);
    put32(b, 28 + vars->len + 64);
    g_byte_array_append(b, (const guint8 *)"\x5a\xfe\0\0\0\0\0\0", 8);
    cat(b, vars);
    for (int i = 0; i < 64; i++)
        g_byte_array_append(b, (const guint8 *)"\xff", 1);
    return b;
}

static VlNvramCerts *
parse(GByteArray *fv, GError **error)
{
    VlNvramCerts *c = vl_nvram_certs_parse(fv->data, fv->len, error);

    g_byte_array_unref(fv);
    return c;
}

START_TEST(test_kek_and_db_subjects)
{
    GByteArray *vars = g_byte_array_new();
    var(vars, "PK", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("Platform Key", false)));
    var(vars, "KEK", GLOBAL_GUID, 0x3f,
        cat(esl(X509_GUID, cert("Vendor KEK", false)), esl(X509_GUID, cert("Microsoft Corporation KEK CA 2011", true))));
    var(vars, "db", DB_GUID, 0x3f,
        cat(cat(esl(X509_GUID, cert("Windows UEFI CA 2023", false)), esl(SHA256_GUID, bytes("0123456789abcdef0123456789abcdef", 32))),
            esl(X509_GUID, cert(NULL, false))));
    g_autoptr(GError) error = NULL;
    g_autoptr(VlNvramCerts) c = parse(volume(AUTH_STORE_GUID, vars), &error);

    ck_assert_msg(c != NULL, "%s", error ? error->message : "?");
    ck_assert(c->have_kek && c->have_db);
    ck_assert_uint_eq(c->kek->len, 2);
    ck_assert_str_eq(g_ptr_array_index(c->kek, 0), "Vendor KEK");
    ck_assert_str_eq(g_ptr_array_index(c->kek, 1), "Microsoft Corporation KEK CA 2011");
    ck_assert_uint_eq(c->db->len, 2); /* the SHA-256 list holds no certificate */
    ck_assert_str_eq(g_ptr_array_index(c->db, 0), "Windows UEFI CA 2023");
    ck_assert_str_eq(g_ptr_array_index(c->db, 1), ""); /* no CN */
    ck_assert(vl_nvram_certs_has(c->kek, "Microsoft Corporation KEK CA 2011"));
    ck_assert(!vl_nvram_certs_has(c->kek, "Microsoft Corporation KEK CA"));
    ck_assert(!vl_nvram_certs_has(c->db, "Platform Key"));
    ck_assert(!vl_nvram_certs_has(NULL, "x"));
}
END_TEST

START_TEST(test_live_copy_wins)
{
    GByteArray *vars = g_byte_array_new();
    /* a deleted KEK, the live one, a db only in deleted transition, and a
     * variable named KEK under another GUID */
    var(vars, "KEK", GLOBAL_GUID, 0x3c, esl(X509_GUID, cert("Old KEK", false)));
    var(vars, "KEK", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("New KEK", false)));
    var(vars, "KEK", DB_GUID, 0x3f, esl(X509_GUID, cert("Not the KEK", false)));
    var(vars, "db", DB_GUID, 0x3e, esl(X509_GUID, cert("Pending db", false)));
    var(vars, "db", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("Not the db", false)));
    var(vars, "dbx", DB_GUID, 0x3f, esl(X509_GUID, cert("Revoked", false)));
    g_autoptr(VlNvramCerts) c = parse(volume(AUTH_STORE_GUID, vars), NULL);

    ck_assert(c != NULL);
    ck_assert_uint_eq(c->kek->len, 1);
    ck_assert_str_eq(g_ptr_array_index(c->kek, 0), "New KEK");
    ck_assert_uint_eq(c->db->len, 1);
    ck_assert_str_eq(g_ptr_array_index(c->db, 0), "Pending db");

    /* once a live db follows, the one in transition is no longer used */
    vars = g_byte_array_new();
    var(vars, "db", DB_GUID, 0x3e, esl(X509_GUID, cert("Pending db", false)));
    var(vars, "db", DB_GUID, 0x3f, esl(X509_GUID, cert("Live db", false)));
    g_autoptr(VlNvramCerts) d = parse(volume(AUTH_STORE_GUID, vars), NULL);
    ck_assert(d != NULL && !d->have_kek && d->have_db);
    ck_assert_uint_eq(d->db->len, 1);
    ck_assert_str_eq(g_ptr_array_index(d->db, 0), "Live db");
}
END_TEST

START_TEST(test_no_keys)
{
    GByteArray *vars = g_byte_array_new();
    var(vars, "BootOrder", GLOBAL_GUID, 0x3f, bytes("\0\0", 2));
    g_autoptr(VlNvramCerts) c = parse(volume(AUTH_STORE_GUID, vars), NULL);

    ck_assert(c != NULL && !c->have_kek && !c->have_db);
    ck_assert_uint_eq(c->kek->len + c->db->len, 0);
    /* an empty store */
    g_autoptr(VlNvramCerts) e = parse(volume(AUTH_STORE_GUID, g_byte_array_new()), NULL);
    ck_assert(e != NULL && !e->have_kek);
}
END_TEST

START_TEST(test_refused)
{
    g_autoptr(GError) error = NULL;

    ck_assert(vl_nvram_certs_parse((const guint8 *)"QFI\xfb", 4, &error) == NULL);
    ck_assert_str_eq(error->message, "not a firmware volume");
    g_clear_error(&error);

    GByteArray *vars = g_byte_array_new();
    var(vars, "KEK", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("A", false)));
    ck_assert(parse(volume(PLAIN_STORE_GUID, vars), &error) == NULL);
    ck_assert_str_eq(error->message, "no authenticated variable store");
    g_clear_error(&error);

    /* a certificate that is not DER */
    vars = g_byte_array_new();
    var(vars, "KEK", GLOBAL_GUID, 0x3f, esl(X509_GUID, bytes("\x30\x05garbage", 9)));
    ck_assert(parse(volume(AUTH_STORE_GUID, vars), &error) == NULL);
    ck_assert_str_eq(error->message, "malformed X.509 certificate");
    g_clear_error(&error);

    /* a signature list whose size runs past the variable */
    vars = g_byte_array_new();
    GByteArray *list = esl(X509_GUID, cert("A", false));
    list->data[16] = 0xff, list->data[17] = 0xff;
    var(vars, "db", DB_GUID, 0x3f, list);
    ck_assert(parse(volume(AUTH_STORE_GUID, vars), &error) == NULL);
    ck_assert_str_eq(error->message, "malformed EFI_SIGNATURE_LIST");
    g_clear_error(&error);

    /* a variable whose data runs past the store */
    vars = g_byte_array_new();
    var(vars, "KEK", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("A", false)));
    vars->data[40] = 0xff, vars->data[41] = 0xff, vars->data[42] = 0xff;
    ck_assert(parse(volume(AUTH_STORE_GUID, vars), &error) == NULL);
    ck_assert_str_eq(error->message, "a variable runs past the store");
}
END_TEST

START_TEST(test_read_file)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("nvram-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "t_VARS.fd", NULL);
    GByteArray *vars = g_byte_array_new();

    ck_assert(vl_nvram_certs_read(path, &error) == NULL); /* missing */
    g_clear_error(&error);
    var(vars, "KEK", GLOBAL_GUID, 0x3f, esl(X509_GUID, cert("A", false)));
    GByteArray *fv = volume(AUTH_STORE_GUID, vars);
    ck_assert(g_file_set_contents(path, (const char *)fv->data, fv->len, NULL));
    g_byte_array_unref(fv);
    g_autoptr(VlNvramCerts) c = vl_nvram_certs_read(path, &error);
    ck_assert(c != NULL);
    ck_assert_str_eq(g_ptr_array_index(c->kek, 0), "A");
    g_unlink(path);
    g_rmdir(dir);
}
END_TEST


/* ---- the rule firmware-secureboot-2023-certs on stores written to a
 * temporary directory ---- */

static char *rule_dir;

static void
write_store(const char *name, const char *kek_csv, const char *db_csv)
{
    GByteArray *vars = g_byte_array_new();
    const char *csv[2] = { kek_csv, db_csv };

    for (int v = 0; v < 2; v++) {
        if (!csv[v])
            continue;
        g_auto(GStrv) cns = g_strsplit(csv[v], ",", -1);
        GByteArray *lists = g_byte_array_new();
        for (int i = 0; cns[i]; i++)
            if (*cns[i])
                cat(lists, esl(X509_GUID, cert(cns[i], false)));
        var(vars, v == 0 ? "KEK" : "db", v == 0 ? GLOBAL_GUID : DB_GUID, 0x3f, lists);
    }
    GByteArray *fv = volume(AUTH_STORE_GUID, vars);
    g_autofree char *path = g_build_filename(rule_dir, name, NULL);
    ck_assert(g_file_set_contents(path, (const char *)fv->data, fv->len, NULL));
    g_byte_array_unref(fv);
}

#define OLD_KEK "Microsoft Corporation KEK CA 2011"
#define NEW_KEK OLD_KEK ",Microsoft Corporation KEK 2K CA 2023"
#define OLD_DB "Microsoft Windows Production PCA 2011,Microsoft Corporation UEFI CA 2011"
#define NEW_DB OLD_DB ",Windows UEFI CA 2023,Microsoft UEFI CA 2023,Microsoft Option ROM UEFI CA 2023"

static void
rule_setup(void)
{
    rule_dir = g_dir_make_tmp("nvram-rule-XXXXXX", NULL);
    write_store("old.fd", OLD_KEK, OLD_DB);
    write_store("new.fd", NEW_KEK, NEW_DB);
    write_store("kek-only.fd", NEW_KEK, OLD_DB);
    write_store("db-only.fd", OLD_KEK, NEW_DB);
    write_store("windows-only.fd", NEW_KEK, "Microsoft Windows Production PCA 2011,Windows UEFI CA 2023");
    write_store("third-party-only.fd", NEW_KEK, "Microsoft Corporation UEFI CA 2011,Microsoft UEFI CA 2023,Microsoft Option ROM UEFI CA 2023");
    write_store("no-option-rom.fd", NEW_KEK, OLD_DB ",Windows UEFI CA 2023,Microsoft UEFI CA 2023");
    write_store("own.fd", "My KEK", "My db");
    write_store("empty.fd", NULL, NULL);
    g_autofree char *q = g_build_filename(rule_dir, "q.fd", NULL);
    ck_assert(g_file_set_contents(q, "QFI\xfb", 4, NULL));
    g_autofree char *d = g_build_filename(rule_dir, "dir.fd", NULL);
    ck_assert(g_mkdir(d, 0700) == 0);
}

static void
rule_teardown(void)
{
    static const char *const names[] = { "old.fd", "new.fd", "kek-only.fd", "db-only.fd", "windows-only.fd",
                                         "third-party-only.fd", "no-option-rom.fd", "own.fd", "empty.fd", "q.fd",
                                         "dir.fd" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *p = g_build_filename(rule_dir, names[i], NULL);
        g_remove(p);
    }
    g_rmdir(rule_dir);
    g_clear_pointer(&rule_dir, g_free);
}

/* The findings' text (headline, help, notes joined) of the rule on a
 * domain whose <os> holds OS_BODY (@ stands for the temporary directory);
 * WINDOWS: libosinfo says Windows 11; HOST: host facts are given.  NULL
 * when there is no finding. */
static char *
run_rule_named(const char *name, const char *os_body, bool windows, bool host_facts)
{
    const VlRule *rule = vl_registry_find("firmware-secureboot-2023-certs");
    g_autoptr(VlHost) host = vl_host_new();
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) parts = g_strsplit(os_body, "@", -1);
    g_autofree char *body = g_strjoinv(rule_dir, parts);
    g_autofree char *xml = g_strdup_printf(
        "<domain type='kvm'>%s%s%s%s<memory unit='GiB'>8</memory><vcpu>2</vcpu>"
        "<os><type arch='x86_64' machine='q35'>hvm</type>%s</os><features><acpi/><smm state='on'/></features>"
        "</domain>",
        name ? "<name>" : "", name ? name : "", name ? "</name>" : "",
        windows ? "<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                  "<libosinfo:os id='http://microsoft.com/win/11'/></libosinfo:libosinfo></metadata>"
                : "<metadata><libosinfo:libosinfo xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'>"
                  "<libosinfo:os id='http://debian.org/debian/12'/></libosinfo:libosinfo></metadata>",
        body);
    VlInputError *perror = NULL;
    VlConfig config;
    VlReport report;

    ck_assert_ptr_nonnull(rule);
    ck_assert(rule->needs_host);
    vl_config_init(&config);
    if (host_facts) {
        ck_assert(vl_host_add_capabilities(
            host, "<capabilities><host><cpu><arch>x86_64</arch></cpu></host></capabilities>", "caps", &error));
        config.host = host;
    }
    VlDocument *doc = vl_document_parse("t.xml", g_strdup(xml), strlen(xml), &perror);
    ck_assert_msg(doc != NULL, "parse failed: %s", perror ? perror->message : "?");
    VlModel *model = vl_model_build(doc, &config);
    vl_report_init(&report, doc);
    report.rule = rule;
    if (host_facts) /* the engine runs host rules only with facts */
        rule->check(model, &report);
    char *text = NULL;
    ck_assert_uint_le(report.findings->len, 1);
    if (report.findings->len) {
        VlFinding *f = g_ptr_array_index(report.findings, 0);
        GString *s = g_string_new(f->message);
        g_string_append_printf(s, "\nhelp: %s", f->help ? f->help : "");
        for (guint i = 0; f->notes && i < f->notes->len; i++)
            g_string_append_printf(s, "\nnote: %s", (char *)g_ptr_array_index(f->notes, i));
        text = g_string_free(s, FALSE);
    }
    vl_report_clear(&report);
    vl_model_free(model);
    vl_document_free(doc);
    return text;
}

/* the same for a domain named virtlint-check-PID, a name no host has */
static char *
run_rule(const char *os_body, bool windows, bool host_facts)
{
    g_autofree char *name = g_strdup_printf("virtlint-check-%d", (int)getpid());

    return run_rule_named(name, os_body, windows, host_facts);
}

#define LOADER "<loader readonly='yes' secure='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.ms.fd</loader>"

static void
assert_finding(const char *os_body, const char *want)
{
    g_autofree char *text = run_rule(os_body, true, true);

    ck_assert_msg(text != NULL, "no finding for %s", os_body);
    g_auto(GStrv) parts = g_strsplit(want, "@", -1);
    g_autofree char *expected = g_strjoinv(rule_dir, parts);
    ck_assert_msg(strstr(text, expected) != NULL, "%s: '%s' not in:\n%s", os_body, expected, text);
}

static void
assert_silent(const char *os_body)
{
    g_autofree char *text = run_rule(os_body, true, true);

    ck_assert_msg(text == NULL, "finding for %s:\n%s", os_body, text);
}

START_TEST(test_rule_reads_the_file)
{
    assert_finding(LOADER "<nvram>@/old.fd</nvram>",
                   "the NVRAM file @/old.fd lacks Microsoft Corporation KEK 2K CA 2023 (KEK), Windows UEFI CA 2023 "
                   "(db), Microsoft UEFI CA 2023 (db), Microsoft Option ROM UEFI CA 2023 (db)");
    assert_finding(LOADER "<nvram>@/old.fd</nvram>",
                   "<nvram>: Secure Boot trusts only Microsoft's 2011 certificates, which expire in 2026");
    assert_finding(LOADER "<nvram>@/old.fd</nvram>", "AvailableUpdates set to 0x5944");
    assert_finding(LOADER "<nvram>@/old.fd</nvram>", "June 24, 2026");
    assert_finding(LOADER "<nvram>@/old.fd</nvram>", "taken for Windows");
    assert_finding(LOADER "<nvram>@/kek-only.fd</nvram>",
                   "@/kek-only.fd lacks Windows UEFI CA 2023 (db), Microsoft UEFI CA 2023 (db), Microsoft Option "
                   "ROM UEFI CA 2023 (db)");
    assert_finding(LOADER "<nvram>@/db-only.fd</nvram>", "@/db-only.fd lacks Microsoft Corporation KEK 2K CA 2023 (KEK)\n");
    assert_finding(LOADER "<nvram>@/no-option-rom.fd</nvram>", "lacks Microsoft Option ROM UEFI CA 2023 (db)\n");
    assert_finding(LOADER "<nvram type='file'><source file='@/old.fd'/></nvram>", "the NVRAM file @/old.fd lacks");
    assert_silent(LOADER "<nvram>@/new.fd</nvram>");
    assert_silent(LOADER "<nvram template='@/old.fd'>@/new.fd</nvram>");
    assert_silent(LOADER "<nvram>@/windows-only.fd</nvram>");
    assert_silent(LOADER "<nvram>@/third-party-only.fd</nvram>");
    assert_silent(LOADER "<nvram>@/own.fd</nvram>");
    assert_silent(LOADER "<nvram>@/empty.fd</nvram>");
}
END_TEST

START_TEST(test_rule_template)
{
    assert_finding(LOADER "<nvram template='@/old.fd'>@/absent.fd</nvram>", "the NVRAM template @/old.fd lacks");
    /* libvirt's default path for this name does not exist: the template */
    assert_finding(LOADER "<nvram template='@/old.fd'/>", "the NVRAM template @/old.fd lacks");
    assert_silent(LOADER "<nvram template='@/new.fd'>@/absent.fd</nvram>");
    assert_silent(LOADER "<nvram>@/absent.fd</nvram>");
    assert_silent(LOADER "<nvram template='relative.fd'>@/absent.fd</nvram>");
    assert_silent(LOADER "<nvram template='@/old.fd'>relative.fd</nvram>");
    /* relative paths are not read even where they would resolve */
    g_autofree char *cwd = g_get_current_dir();
    ck_assert(g_chdir(rule_dir) == 0);
    assert_silent(LOADER "<nvram template='old.fd'>@/absent.fd</nvram>");
    assert_silent(LOADER "<nvram template='@/old.fd'>old.fd</nvram>");
    ck_assert(g_chdir(cwd) == 0);
    /* a template alone and no usable name: no default path, nothing read */
    static const char *const names[] = { NULL, "", "../x" };
    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        g_autofree char *text = run_rule_named(names[i], LOADER "<nvram template='@/old.fd'/>", true, true);
        ck_assert_msg(text == NULL, "finding for the name %s", names[i] ? names[i] : "(none)");
    }
}
END_TEST

START_TEST(test_rule_no_verdict)
{
    /* qcow2, unreadable, a network NVRAM: nothing read, not even the template */
    assert_silent(LOADER "<nvram template='@/old.fd'>@/q.fd</nvram>");
    assert_silent(LOADER "<nvram template='@/old.fd'>@/dir.fd</nvram>");
    assert_silent(LOADER "<nvram template='@/old.fd' type='network'><source protocol='iscsi' "
                         "name='iqn.2013-07.com.example:iscsi-nopool/0'><host name='example.com' port='3260'/>"
                         "</source></nvram>");
    /* Secure Boot off */
    assert_silent("<loader readonly='yes' secure='no' type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>"
                  "<nvram>@/old.fd</nvram>");
    assert_silent("<firmware><feature enabled='no' name='secure-boot'/></firmware><nvram>@/old.fd</nvram>");
    assert_finding("<firmware><feature enabled='yes' name='secure-boot'/></firmware><nvram>@/old.fd</nvram>",
                   "@/old.fd lacks");
    /* no <nvram>, no Windows, no host facts */
    assert_silent(LOADER);
    g_autofree char *linux_guest = run_rule(LOADER "<nvram>@/old.fd</nvram>", false, true);
    ck_assert_ptr_null(linux_guest);
    g_autofree char *no_host = run_rule(LOADER "<nvram>@/old.fd</nvram>", true, false);
    ck_assert_ptr_null(no_host);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("nvram_certs");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_kek_and_db_subjects);
    tcase_add_test(tc, test_live_copy_wins);
    tcase_add_test(tc, test_no_keys);
    tcase_add_test(tc, test_refused);
    tcase_add_test(tc, test_read_file);
    suite_add_tcase(s, tc);
    TCase *rule = tcase_create("rule");
    tcase_add_checked_fixture(rule, rule_setup, rule_teardown);
    tcase_add_test(rule, test_rule_reads_the_file);
    tcase_add_test(rule, test_rule_template);
    tcase_add_test(rule, test_rule_no_verdict);
    suite_add_tcase(s, rule);
    return vl_check_run(s);
}
