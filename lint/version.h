/* Versions: virtlint's own, and the libvirt it was built against. */
#pragma once

#include <glib.h>

#define VL_VERSION "0.1.0"

/* Set by the Makefile from `pkg-config --modversion libvirt`, so that no
 * libvirt library has to be loaded (or connected to) to know it. */
#ifndef VL_BUILD_LIBVIRT_VERSION
#error "VL_BUILD_LIBVIRT_VERSION must be defined by the build"
#endif

#define VL_LIBVIRT(major, minor) ((major) * 1000000u + (minor) * 1000u)

/* Parse "9.8" or "9.8.1" into *VERSION; false when it is neither. */
gboolean vl_version_parse(const char *text, unsigned *version);

/* "9.0.0" for 9000000; returns BUF. */
const char *vl_version_format(unsigned version, char *buf, gsize size);
