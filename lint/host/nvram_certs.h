/* The certificates enrolled in an OVMF/edk2 variable store (a guest's
 * NVRAM file, or the template libvirt copies it from): the subjects' common
 * names of the X.509 certificates in the KEK and db variables.  Read from a
 * local file only; the parser takes the bytes, so tests build stores in
 * memory. */
#pragma once

#include <stdbool.h>
#include <glib.h>

typedef struct {
    GPtrArray *kek; /* char*: each X.509 certificate's subject CN ("" without one) */
    GPtrArray *db;
    bool have_kek;  /* the variable exists (keys are enrolled) */
    bool have_db;
} VlNvramCerts;

#define VL_NVRAM_ERROR (vl_nvram_error_quark())
GQuark vl_nvram_error_quark(void);

/* DATA is a firmware volume holding an authenticated variable store (the
 * format of OVMF_VARS*.fd and of libvirt's raw NVRAM files); anything else
 * (a qcow2 NVRAM, a non-authenticated store) is an error. */
VlNvramCerts *vl_nvram_certs_parse(const guint8 *data, gsize len, GError **error);
/* The file at PATH (at most 64 MiB), parsed. */
VlNvramCerts *vl_nvram_certs_read(const char *path, GError **error);
void vl_nvram_certs_free(VlNvramCerts *certs);
/* LIST holds a certificate whose CN is CN. */
bool vl_nvram_certs_has(const GPtrArray *list, const char *cn);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlNvramCerts, vl_nvram_certs_free)
