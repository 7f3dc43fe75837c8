/* Helpers shared by the memory-firmware family of rules (memory-*,
 * firmware-*, tpm-*, boot-*).  They read the model only. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

typedef enum {
    MF_SMM_DEFAULT, /* no <smm>: QEMU's default, on wherever the accelerator has SMM */
    MF_SMM_ON,
    MF_SMM_OFF,
} MfSmm;

typedef enum {
    MF_FEATURE_ABSENT, /* compared by name only: the values carry no meaning */
    MF_FEATURE_NO,
    MF_FEATURE_YES,
} MfFeature;

/* A domain of libvirt's QEMU driver (type kvm or qemu), whose checks
 * (qemu_validate.c) the refusal rules mirror. */
bool mf_is_qemu(const VlModel *m);
/* The guest is x86 (an absent arch means the host's, assumed x86_64). */
bool mf_is_x86(const VlModel *m);
/* The machine is q35.  An absent machine is libvirt's default for x86,
 * which is i440fx ('pc', checked with libvirt 9.0 and QEMU 7.2). */
bool mf_is_q35(const VlModel *m);
/* A short name for the machine, for messages: "pc-i440fx-7.2", or
 * "the default machine (i440fx)". */
const char *mf_machine_name(const VlModel *m);
/* <os firmware='efi'>: libvirt picks the firmware from its descriptors. */
bool mf_firmware_auto_efi(const VlModel *m);
/* The text of <loader> (a path), or NULL when it has none or is empty. */
const char *mf_loader_path(const VlModel *m, char *buf, gsize size);
/* The state of <os><firmware><feature name=NAME>. */
MfFeature mf_firmware_feature(const VlModel *m, const char *name);
/* The path names a build of OVMF/edk2 with Secure Boot compiled in (and
 * therefore SMM required): *.secboot.*, *.ms.*, *.snakeoil.*,
 * edk2-*-secure-code.fd, SUSE's ovmf-x86_64-ms/-smm images. */
bool mf_path_is_secboot_build(const char *path); /* false for NULL */
/* The NVRAM template path names a variable store with enrolled keys. */
bool mf_path_has_enrolled_keys(const char *path); /* false for NULL */
MfSmm mf_smm(const VlModel *m, xmlNodePtr *node);
/* <features><acpi/> is present. */
bool mf_has_acpi(const VlModel *m);
/* The guest is Windows 11 (libosinfo id, virtlint metadata or --os). */
bool mf_is_win11(const VlModel *m);
/* The memory balloon the guest gets: *node is the <memballoon> element or
 * NULL when libvirt adds the default virtio one.  False for model='none'. */
bool mf_balloon_active(const VlModel *m, xmlNodePtr *node);
/* "4 GiB", "1.5 GiB", "512 MiB" for KIB. */
char *mf_format_kib(guint64 kib);
/* KIB written in the unit of ELEMENT (its unit attribute, KiB by default)
 * when that is a whole number of a binary unit; otherwise in KiB, and
 * *UNIT_OUT is set to "KiB" (the unit attribute must change).  *UNIT_OUT is
 * NULL when the unit stays. */
char *mf_memory_value(xmlNodePtr element, guint64 kib, const char **unit_out);
/* The guest's RAM in KiB: the sum of its NUMA cells when it has any (libvirt
 * then ignores <memory>), else <memory>.  0 when unknown. */
guint64 mf_total_memory_kib(const VlModel *m);
