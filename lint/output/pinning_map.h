/* --show-pinning: the host's CPUs grouped by L3 cache bank, core and
 * thread, with what the domain pins to each (vCPU n, emulator, iothread n)
 * or free.  Text for a terminal: aligned columns, coloured when the
 * configuration says so (--color, NO_COLOR, a terminal). */
#pragma once

#include <stdio.h>

#include "lint/engine/config.h"
#include "lint/host/host.h"
#include "lint/model/model.h"

/* Draw MODEL's pins on HOST, headed by NAME (the domain's name or file).
 * Returns how many host CPUs more than one of the guest's threads are
 * pinned to (marked '!' on the map). */
guint vl_pinning_map_print(FILE *out, const VlConfig *config, const VlHost *host, const VlModel *model,
                           const char *name);
