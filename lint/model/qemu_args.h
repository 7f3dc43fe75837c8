/* QEMU pass-through arguments (<qemu:commandline><qemu:arg>) one by one:
 * neighbours, -set device.ID.PROP=VALUE, the device ids -device defines,
 * and the libvirt and QEMU versions that decide how libvirt passes -device.
 * <qemu:commandline> read as QEMU reads it is qemu_cmdline.h; qemu:override
 * is qemu_override.h; device aliases are aliases.h. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"
#include "lint/engine/version.h"

/* libvirt passes -device as JSON from 8.1 on, when QEMU is 7.0 or later
 * (QEMU's json-cli-hotplug).  QEMU versions use the same encoding as libvirt's. */
#define VL_JSON_DEVICE_LIBVIRT VL_LIBVIRT(8, 1)
#define VL_JSON_DEVICE_QEMU VL_LIBVIRT(7, 0)

/* "libvirt 9.0.0 with QEMU 7.2.0", or "... with a QEMU of unknown version
 * (assumed 7.0 or later)": the versions a version-aware finding assumed. */
char *vl_assumed_versions(const VlModel *m);

/* The target libvirt passes -device to QEMU as JSON. */
bool vl_json_device(const VlModel *m);

/* VALUE is the QEMU option NAME, written -NAME or --NAME. */
bool vl_qemu_is_option(const char *value, const char *name);

/* The qemu:arg after ARG in the same qemu:commandline, or NULL. */
xmlNodePtr vl_qemu_next_arg(xmlNodePtr arg);

/* The value of a qemu:arg, "" when it has none. */
const char *vl_qemu_arg_value(xmlNodePtr arg);

/* A "-set device.ID.PROP=VALUE" argument split into its parts (owned). */
typedef struct {
    char *id, *prop, *value;
} VlQemuSet;

/* ARG is the value of a -set for a device; fills *OUT. */
bool vl_qemu_parse_set_device(const char *arg, VlQemuSet *out);
void vl_qemu_set_clear(VlQemuSet *set);

/* The qemu:property that says what "-set device.ID.PROP=VALUE" says, for
 * QEMU's JSON -device: *TYPE (static) and *OUT (owned).  Mirrors
 * fixers/qemu-set-device-json.xsl; false when the value cannot be carried
 * over unambiguously (a fraction, a very long hex number, ...). */
bool vl_qemu_property_for_set(const char *prop, const char *value, const char **type, char **out);

/* Ids of devices that qemu:arg -device defines in QEMU's legacy syntax
 * (id=NAME): -set still reaches those. */
GHashTable *vl_qemu_legacy_device_ids(const VlModel *m);

/* Ids of devices that qemu:arg -device defines as JSON ({"id":"NAME",...}):
 * neither -set nor qemu:override reaches those. */
GHashTable *vl_qemu_json_device_ids(const VlModel *m);
