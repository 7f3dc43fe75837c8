/* Helpers shared by the qemu-snapshot-misc rules: QEMU pass-through
 * arguments, qemu:override properties, device aliases and the versions a
 * finding assumes. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"
#include "lint/engine/version.h"

/* libvirt passes -device as JSON from 8.1 on, when QEMU is 7.0 or later
 * (QEMU's json-cli-hotplug); qemu:override exists from libvirt 8.2 on.
 * QEMU versions use the same encoding as libvirt's. */
#define QSM_JSON_DEVICE_LIBVIRT VL_LIBVIRT(8, 1)
#define QSM_JSON_DEVICE_QEMU VL_LIBVIRT(7, 0)
#define QSM_OVERRIDE_LIBVIRT VL_LIBVIRT(8, 2)

/* "libvirt 9.0.0 with QEMU 7.2.0", or "... with a QEMU of unknown version
 * (assumed 7.0 or later)": the versions a version-aware finding assumed. */
char *qsm_versions(const VlModel *m);

/* The target libvirt passes -device to QEMU as JSON. */
bool qsm_json_device(const VlModel *m);

/* VALUE is the QEMU option NAME, written -NAME or --NAME. */
bool qsm_is_option(const char *value, const char *name);

/* The qemu:arg after (before) ARG in the same qemu:commandline, or NULL. */
xmlNodePtr qsm_next_arg(xmlNodePtr arg);
xmlNodePtr qsm_prev_arg(xmlNodePtr arg);

/* The value of a qemu:arg, "" when it has none. */
const char *qsm_arg_value(xmlNodePtr arg);

/* A "-set device.ID.PROP=VALUE" argument split into its parts (owned). */
typedef struct {
    char *id, *prop, *value;
} QsmSet;

/* ARG is the value of a -set for a device; fills *OUT. */
bool qsm_parse_set_device(const char *arg, QsmSet *out);
void qsm_set_clear(QsmSet *set);

/* The qemu:property that says what "-set device.ID.PROP=VALUE" says, for
 * QEMU's JSON -device: *TYPE (static) and *OUT (owned).  Mirrors
 * fixers/qemu-set-device-json.xsl; false when the value cannot be carried
 * over unambiguously (a fraction, a very long hex number, ...). */
bool qsm_property_for_set(const char *prop, const char *value, const char **type, char **out);

/* Ids of devices that qemu:arg -device defines in QEMU's legacy syntax
 * (id=NAME): -set still reaches those. */
GHashTable *qsm_legacy_device_ids(const VlModel *m);

/* Ids of devices that qemu:arg -device defines as JSON ({"id":"NAME",...}):
 * neither -set nor qemu:override reaches those. */
GHashTable *qsm_json_device_ids(const VlModel *m);

/* The user aliases (<alias name='ua-...'/>) of the devices: name -> device. */
GHashTable *qsm_user_aliases(const VlModel *m);

/* The device carrying <alias name='NAME'/> (any prefix), or NULL. */
xmlNodePtr qsm_device_with_alias(const VlModel *m, const char *name);

/* Whether NAME has the form of an alias libvirt generates at start
 * (hostdev0, virtio-disk1, net0, ...); *DEVICE is then a device of the
 * domain it plausibly names, or NULL when the domain has none. */
bool qsm_generated_alias(const VlModel *m, const char *name, xmlNodePtr *device, bool *implicit);

/* VALUE is what libvirt accepts in a qemu:property of TYPE (string,
 * signed, unsigned, bool): decimal numbers as strtoll/strtoull read them,
 * booleans exactly true or false. */
bool qsm_override_value_valid(const char *type, const char *value);

/* The value libvirt would accept for what VALUE means to QEMU (on -> true,
 * 32M -> 33554432, 0x1000 -> 4096), or NULL.  Mirrors
 * fixers/qemu-override-value.xsl. */
char *qsm_override_value_fix(const char *type, const char *value);

/* The <qemu:property> children of the frontends of an override DEVICE. */
GPtrArray *qsm_override_properties(xmlNodePtr device);

/* The <sysinfo type='smbios'> element of the domain, or NULL. */
xmlNodePtr qsm_smbios_sysinfo(const VlModel *m);

/* Whether a <sysinfo> element carries anything (entries or OEM strings). */
bool qsm_sysinfo_has_content(xmlNodePtr sysinfo);
