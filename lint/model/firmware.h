/* The firmware the guest boots: <os firmware>, <loader>, NVRAM templates,
 * firmware features, and the platform features firmware depends on (SMM,
 * ACPI). */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

typedef enum {
    VL_SMM_DEFAULT, /* no <smm>: QEMU's default, on wherever the accelerator has SMM */
    VL_SMM_ON,
    VL_SMM_OFF,
} VlSmm;

typedef enum {
    VL_FIRMWARE_FEATURE_ABSENT, /* compared by name only: the values carry no meaning */
    VL_FIRMWARE_FEATURE_NO,
    VL_FIRMWARE_FEATURE_YES,
} VlFirmwareFeature;

/* <os firmware='efi'>: libvirt picks the firmware from its descriptors. */
bool vl_firmware_auto_efi(const VlModel *m);
/* The text of <loader> (a path), or NULL when it has none or is empty. */
const char *vl_loader_path(const VlModel *m, char *buf, gsize size);
/* The state of <os><firmware><feature name=NAME>. */
VlFirmwareFeature vl_firmware_feature(const VlModel *m, const char *name);
/* The path names a build of OVMF/edk2 with Secure Boot compiled in (and
 * therefore SMM required): *.secboot.*, *.ms.*, *.snakeoil.*,
 * edk2-*-secure-code.fd, SUSE's ovmf-x86_64-ms/-smm images. */
bool vl_path_is_secboot_build(const char *path); /* false for NULL */
/* The NVRAM template path names a variable store with enrolled keys. */
bool vl_path_has_enrolled_keys(const char *path); /* false for NULL */
/* The <smm> feature (*NODE, may be NULL) as libvirt reads it. */
VlSmm vl_smm(const VlModel *m, xmlNodePtr *node);
/* <features><acpi/> is present. */
bool vl_has_acpi(const VlModel *m);
