/* libFuzzer harness: the OVMF variable store parser (lint/host/nvram_certs.c)
 * on arbitrary bytes.  The first byte chooses: odd, the bytes as a whole
 * file; even, the rest after a valid firmware volume and authenticated
 * store header, so that the fuzzer spends its time on variables, signature
 * lists and certificates. */
#include <stdint.h>
#include <string.h>

#include "lint/host/nvram_certs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const guint8 store_guid[16] = { 0x78, 0x2c, 0xf3, 0xaa, 0x7b, 0x94, 0x9a, 0x43,
                                           0xa1, 0x80, 0x2e, 0x14, 0x4e, 0xc3, 0x77, 0x92 };
    VlNvramCerts *certs;

    if (size == 0)
        return 0;
    if (data[0] & 1) {
        certs = vl_nvram_certs_parse(data + 1, size - 1, NULL);
    } else {
        gsize len = 72 + 28 + size - 1;
        guint8 *buf = g_malloc0(len);

        memcpy(buf + 40, "_FVH", 4);
        buf[48] = 72;
        memcpy(buf + 72, store_guid, 16);
        buf[72 + 16] = (guint8)((len - 72) & 0xff), buf[72 + 17] = (guint8)((len - 72) >> 8 & 0xff);
        buf[72 + 18] = (guint8)((len - 72) >> 16 & 0xff);
        buf[72 + 20] = 0x5a, buf[72 + 21] = 0xfe;
        memcpy(buf + 100, data + 1, size - 1);
        certs = vl_nvram_certs_parse(buf, len, NULL);
        g_free(buf);
    }
    if (certs) {
        for (guint i = 0; i < certs->kek->len; i++)
            (void)vl_nvram_certs_has(certs->db, g_ptr_array_index(certs->kek, i));
        vl_nvram_certs_free(certs);
    }
    return 0;
}
