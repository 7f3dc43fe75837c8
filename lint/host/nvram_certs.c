/* Parses the authenticated variable store of an edk2 firmware volume
 * (EFI_FIRMWARE_VOLUME_HEADER, VARIABLE_STORE_HEADER with
 * gEfiAuthenticatedVariableGuid, AUTHENTICATED_VARIABLE_HEADERs) and the
 * EFI_SIGNATURE_LISTs of type EFI_CERT_X509_GUID in its KEK and db
 * variables, down to each certificate's subject CN (a minimal DER walk). */
#include "lint/host/nvram_certs.h"

#include <string.h>

G_DEFINE_QUARK(vl-nvram-error-quark, vl_nvram_error)

/* GUIDs as they are stored (the first three fields little-endian) */
static const guint8 AUTH_STORE_GUID[16] = { 0x78, 0x2c, 0xf3, 0xaa, 0x7b, 0x94, 0x9a, 0x43,
                                            0xa1, 0x80, 0x2e, 0x14, 0x4e, 0xc3, 0x77, 0x92 };
static const guint8 GLOBAL_VARIABLE_GUID[16] = { 0x61, 0xdf, 0xe4, 0x8b, 0xca, 0x93, 0xd2, 0x11,
                                                 0xaa, 0x0d, 0x00, 0xe0, 0x98, 0x03, 0x2b, 0x8c };
static const guint8 IMAGE_SECURITY_DATABASE_GUID[16] = { 0xcb, 0xb2, 0x19, 0xd7, 0x3a, 0x3d, 0x96, 0x45,
                                                         0xa3, 0xbc, 0xda, 0xd0, 0x0e, 0x67, 0x65, 0x6f };
static const guint8 CERT_X509_GUID[16] = { 0xa1, 0x59, 0xc0, 0xa5, 0xe4, 0x94, 0xa7, 0x4a,
                                           0x87, 0xb5, 0xab, 0x15, 0x5c, 0x2b, 0xf0, 0x72 };

#define FV_SIGNATURE_OFFSET 40
#define FV_HEADER_LENGTH_OFFSET 48
#define STORE_HEADER_SIZE 28
#define VAR_HEADER_SIZE 60
#define VAR_START_ID 0x55aa
#define VAR_ADDED 0x3f
#define VAR_ADDED_IN_DELETED_TRANSITION 0x3e

static guint32
le32(const guint8 *p)
{
    return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

static guint16
le16(const guint8 *p)
{
    return (guint16)(p[0] | p[1] << 8);
}

/* One DER TLV at P (END bounds it): its tag, and its contents in
 * [*body, *body + *len).  FALSE when malformed. */
static gboolean
der_next(const guint8 *p, const guint8 *end, guint8 *tag, const guint8 **body, gsize *len)
{
    if (end - p < 2)
        return FALSE;
    *tag = p[0];
    gsize l = p[1];
    const guint8 *q = p + 2;

    if (l & 0x80) {
        guint n = l & 0x7f;

        if (n == 0 || n > 4 || (gsize)(end - q) < n)
            return FALSE;
        l = 0;
        for (guint i = 0; i < n; i++)
            l = l << 8 | *q++;
    }
    if ((gsize)(end - q) < l)
        return FALSE;
    *body = q;
    *len = l;
    return TRUE;
}

/* The subject CN of the DER certificate [p, end): NULL when malformed, ""
 * when the subject has no CN. */
static char *
cert_cn(const guint8 *p, const guint8 *end)
{
    guint8 tag;
    const guint8 *body;
    gsize len;

    if (!der_next(p, end, &tag, &body, &len) || tag != 0x30) /* Certificate */
        return NULL;
    if (!der_next(body, body + len, &tag, &body, &len) || tag != 0x30) /* tbsCertificate */
        return NULL;
    const guint8 *q = body, *tend = body + len;
    /* [0] version (optional), serialNumber, signature, issuer, validity, subject */
    guint skip = 4;
    for (guint i = 0;; i++) {
        if (!der_next(q, tend, &tag, &body, &len))
            return NULL;
        if (i == 0 && tag == 0xa0) {
            q = body + len;
            i--;
            continue;
        }
        if (skip-- == 0)
            break;
        q = body + len;
    }
    if (tag != 0x30)
        return NULL;
    /* subject: SEQUENCE OF SET OF SEQUENCE { OID, value } */
    const guint8 *s = body, *send = body + len;
    while (s < send) {
        const guint8 *set, *atv;
        gsize set_len, atv_len;

        if (!der_next(s, send, &tag, &set, &set_len) || tag != 0x31)
            return NULL;
        s = set + set_len;
        for (const guint8 *a = set; a < set + set_len; a = atv + atv_len) {
            const guint8 *oid, *val;
            gsize oid_len, val_len;

            if (!der_next(a, set + set_len, &tag, &atv, &atv_len) || tag != 0x30)
                return NULL;
            if (!der_next(atv, atv + atv_len, &tag, &oid, &oid_len) || tag != 0x06)
                return NULL;
            if (!der_next(oid + oid_len, atv + atv_len, &tag, &val, &val_len))
                return NULL;
            static const guint8 CN_OID[3] = { 0x55, 0x04, 0x03 };
            /* UTF8String, PrintableString, T61String, IA5String */
            if (oid_len == 3 && memcmp(oid, CN_OID, 3) == 0 &&
                (tag == 0x0c || tag == 0x13 || tag == 0x14 || tag == 0x16))
                return g_strndup((const char *)val, val_len);
        }
    }
    return g_strdup("");
}

/* The X.509 certificates of the signature lists in [p, end) into OUT. */
static gboolean
parse_esls(const guint8 *p, const guint8 *end, GPtrArray *out, GError **error)
{
    while (p < end) {
        if (end - p < 28)
            return g_set_error(error, VL_NVRAM_ERROR, 0, "truncated EFI_SIGNATURE_LIST"), FALSE;
        guint32 list_size = le32(p + 16), header_size = le32(p + 20), sig_size = le32(p + 24);

        if (list_size < 28 || list_size > (gsize)(end - p) || header_size > list_size - 28 ||
            (sig_size != 0 && sig_size < 16))
            return g_set_error(error, VL_NVRAM_ERROR, 0, "malformed EFI_SIGNATURE_LIST"), FALSE;
        if (memcmp(p, CERT_X509_GUID, 16) == 0 && sig_size) {
            const guint8 *lend = p + list_size;

            for (const guint8 *s = p + 28 + header_size; (gsize)(lend - s) >= sig_size; s += sig_size) {
                char *cn = cert_cn(s + 16, s + sig_size);

                if (!cn)
                    return g_set_error(error, VL_NVRAM_ERROR, 0, "malformed X.509 certificate"), FALSE;
                g_ptr_array_add(out, cn);
            }
        }
        p += list_size;
    }
    return TRUE;
}

void
vl_nvram_certs_free(VlNvramCerts *certs)
{
    if (!certs)
        return;
    g_ptr_array_unref(certs->kek);
    g_ptr_array_unref(certs->db);
    g_free(certs);
}

static bool
name_is(const guint8 *name, guint32 size, const char *ascii)
{
    gsize n = strlen(ascii);

    if (size != (n + 1) * 2)
        return false;
    for (gsize i = 0; i <= n; i++)
        if (le16(name + 2 * i) != (guint8)ascii[i])
            return false;
    return true;
}

VlNvramCerts *
vl_nvram_certs_parse(const guint8 *data, gsize len, GError **error)
{
    if (len < FV_HEADER_LENGTH_OFFSET + 2 || memcmp(data + FV_SIGNATURE_OFFSET, "_FVH", 4) != 0) {
        g_set_error(error, VL_NVRAM_ERROR, 0, "not a firmware volume");
        return NULL;
    }
    gsize store = le16(data + FV_HEADER_LENGTH_OFFSET);

    if (store > len || len - store < STORE_HEADER_SIZE || memcmp(data + store, AUTH_STORE_GUID, 16) != 0) {
        g_set_error(error, VL_NVRAM_ERROR, 0, "no authenticated variable store");
        return NULL;
    }
    gsize end = store + le32(data + store + 16);
    if (end > len || end < store + STORE_HEADER_SIZE)
        end = len;

    /* the live copy of KEK and db: VAR_ADDED, else one in deleted transition
     * (edk2 keeps using that one when the write that replaced it never
     * completed) */
    const guint8 *kek[2] = { NULL, NULL }, *db[2] = { NULL, NULL };
    gsize kek_len[2] = { 0, 0 }, db_len[2] = { 0, 0 };

    for (gsize o = store + STORE_HEADER_SIZE; end - o >= VAR_HEADER_SIZE;) {
        const guint8 *v = data + o;

        if (le16(v) != VAR_START_ID)
            break;
        guint8 state = v[2];
        guint32 name_size = le32(v + 36), data_size = le32(v + 40);

        if (name_size > end - o - VAR_HEADER_SIZE || data_size > end - o - VAR_HEADER_SIZE - name_size) {
            g_set_error(error, VL_NVRAM_ERROR, 0, "a variable runs past the store");
            return NULL;
        }
        const guint8 *name = v + VAR_HEADER_SIZE, *value = name + name_size;
        int slot = state == VAR_ADDED ? 0 : state == VAR_ADDED_IN_DELETED_TRANSITION ? 1 : -1;

        if (slot >= 0 && name_is(name, name_size, "KEK") && memcmp(v + 44, GLOBAL_VARIABLE_GUID, 16) == 0) {
            kek[slot] = value;
            kek_len[slot] = data_size;
        } else if (slot >= 0 && name_is(name, name_size, "db") &&
                   memcmp(v + 44, IMAGE_SECURITY_DATABASE_GUID, 16) == 0) {
            db[slot] = value;
            db_len[slot] = data_size;
        }
        o += VAR_HEADER_SIZE + name_size + data_size;
        o = (o + 3) & ~(gsize)3;
        if (o > end)
            break;
    }

    g_autoptr(VlNvramCerts) certs = g_new0(VlNvramCerts, 1);
    certs->kek = g_ptr_array_new_with_free_func(g_free);
    certs->db = g_ptr_array_new_with_free_func(g_free);
    int k = kek[0] ? 0 : 1, d = db[0] ? 0 : 1;

    certs->have_kek = kek[k] != NULL;
    certs->have_db = db[d] != NULL;
    if (kek[k] && !parse_esls(kek[k], kek[k] + kek_len[k], certs->kek, error))
        return NULL;
    if (db[d] && !parse_esls(db[d], db[d] + db_len[d], certs->db, error))
        return NULL;
    return g_steal_pointer(&certs);
}

VlNvramCerts *
vl_nvram_certs_read(const char *path, GError **error)
{
    g_autofree char *data = NULL;
    gsize len;

    if (!g_file_get_contents(path, &data, &len, error))
        return NULL;
    if (len > 64 * 1024 * 1024) {
        g_set_error(error, VL_NVRAM_ERROR, 0, "%s: larger than any variable store", path);
        return NULL;
    }
    return vl_nvram_certs_parse((const guint8 *)data, len, error);
}

bool
vl_nvram_certs_has(const GPtrArray *list, const char *cn)
{
    for (guint i = 0; list && i < list->len; i++)
        if (strcmp(g_ptr_array_index(list, i), cn) == 0)
            return true;
    return false;
}
