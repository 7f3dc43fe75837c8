/* The libvirt release a note quotes.  A behaviour checked on some releases
 * (libvirt 9.0 on this machine, 11.3 by its test suite's expected errors)
 * is quoted for the target when the target lies between the first and the
 * last release checked, and for the nearest release checked otherwise, so
 * that a note never names 9.0 for a file judged for 11.3, nor a release the
 * behaviour was not seen in. */
#pragma once

#include <glib.h>

#include "lint/model/model.h"

/* "11.3.0" for a target of 11.3 with FIRST 9.0 and LAST 11.3; "9.0.0" for a
 * target of 8.0; "11.3.0" for 12.8.  Returns BUF. */
const char *vl_checked_release(const VlModel *model, unsigned first, unsigned last, char *buf, gsize size);
