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
 * Returns how many host CPUs a vCPU shares with another of the guest's
 * threads (marked '!' on the map; the emulator and iothreads sharing CPUs
 * no vCPU uses is the usual layout and not marked). */
guint vl_pinning_map_print(FILE *out, const VlConfig *config, const VlHost *host, const VlModel *model,
                           const char *name);
