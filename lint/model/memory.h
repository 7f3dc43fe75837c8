/* The guest's memory: its size (NUMA cells included), the balloon, and how
 * amounts are written in messages and in fixes. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The memory balloon the guest gets: *node is the <memballoon> element or
 * NULL when libvirt adds the default virtio one.  False for model='none'. */
bool vl_balloon_active(const VlModel *m, xmlNodePtr *node);
/* "4 GiB", "1.5 GiB", "512 MiB" for KIB. */
char *vl_format_kib(guint64 kib);
/* KIB written in the unit of ELEMENT (its unit attribute, KiB by default)
 * when that is a whole number of a binary unit; otherwise in KiB, and
 * *UNIT_OUT is set to "KiB" (the unit attribute must change).  *UNIT_OUT is
 * NULL when the unit stays. */
char *vl_memory_value(xmlNodePtr element, guint64 kib, const char **unit_out);
/* The guest's RAM in KiB: the sum of its NUMA cells when it has any (libvirt
 * then ignores <memory>), else <memory>.  0 when unknown. */
guint64 vl_total_memory_kib(const VlModel *m);
