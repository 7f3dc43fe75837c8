/* <qemu:override>: QEMU device properties set through libvirt (from
 * libvirt 8.2 on), and the values libvirt accepts in them. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/engine/version.h"
#include "lint/model/model.h"

/* qemu:override exists from libvirt 8.2 on. */
#define VL_OVERRIDE_LIBVIRT VL_LIBVIRT(8, 2)

/* VALUE is what libvirt accepts in a qemu:property of TYPE (string,
 * signed, unsigned, bool): decimal numbers as strtoll/strtoull read them,
 * booleans exactly true or false. */
bool vl_override_value_valid(const char *type, const char *value);

/* The value libvirt would accept for what VALUE means to QEMU (on -> true,
 * 32M -> 33554432, 0x1000 -> 4096), or NULL.  Mirrors
 * fixers/qemu-override-value.xsl. */
char *vl_override_value_fix(const char *type, const char *value);

/* The <qemu:property> children of the frontends of an override DEVICE. */
GPtrArray *vl_override_properties(xmlNodePtr device);

/* The <qemu:property name=NAME> of the qemu:override device ALIAS, or NULL. */
xmlNodePtr vl_override_property(const VlModel *m, const char *alias, const char *name);
