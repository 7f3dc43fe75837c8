/* Versions: virtlint's own, and the libvirt and QEMU releases it targets. */
#pragma once

#include <glib.h>

#define VL_VERSION "0.9.0"

#define VL_LIBVIRT(major, minor) ((major) * 1000000u + (minor) * 1000u)

/* The newest libvirt release virtlint knows (its newest shipped schema). */
#define VL_LIBVIRT_NEWEST_KNOWN VL_LIBVIRT(12, 8)

/* The libvirt installed on this machine, from the name of its library
 * (found where the dynamic loader looks, without loading it); 0 when none
 * is found. */
unsigned vl_version_installed_libvirt(void);
/* What findings target when nobody says: the installed libvirt, else the
 * newest release virtlint knows.  Looked up once per process. */
unsigned vl_version_default_libvirt(void);
/* The QEMU that ships beside libvirt release LIBVIRT in a Debian release
 * (9.0 -> 7.2, 11.3 -> 10.0, 12.8 -> 11.1), or 0 when not one of those. */
unsigned vl_version_paired_qemu(unsigned libvirt);

/* Parse "9.8" or "9.8.1" into *VERSION; false when it is neither. */
gboolean vl_version_parse(const char *text, unsigned *version);

/* "9.0.0" for 9000000; returns BUF. */
const char *vl_version_format(unsigned version, char *buf, gsize size);
