/* Which versioned x86 machine types (pc-i440fx-X.Y, pc-q35-X.Y) a QEMU
 * release has, and which it marks deprecated, for the QEMU releases virtlint
 * knows from their binaries (see machine_types.c for how the tables were
 * derived).  QEMU deprecates a versioned machine type after 3 years and
 * deletes it after 6 (docs/about/deprecated.rst, from QEMU 9.1 on). */
#pragma once

#include <stdbool.h>

#include "lint/model/model.h"

typedef enum {
    VL_MACHINE_TYPE_NOT_JUDGED, /* not a versioned x86 type, or newer than the table */
    VL_MACHINE_TYPE_PRESENT,
    VL_MACHINE_TYPE_DEPRECATED, /* listed with "(deprecated)" */
    VL_MACHINE_TYPE_DELETED,    /* older than the oldest the release has */
} VlMachineTypeState;

/* One QEMU release's versioned x86 machine types: every release from the
 * oldest to the QEMU's own, for each family. */
typedef struct {
    unsigned qemu;               /* VL_LIBVIRT(11, 1) */
    const char *distribution;    /* "Debian unstable" */
    unsigned oldest_i440fx;      /* pc-i440fx-5.2 */
    unsigned oldest_q35;         /* pc-q35-5.2 */
    unsigned deprecated_through; /* the newest it marks deprecated (both families); 0: none */
    bool q35_4_0_1;              /* it has pc-q35-4.0.1 */
} VlQemuMachineTypes;

/* The table that judges the target QEMU TARGET: its own when it is a known
 * release (*exact set), else the newest known release older than TARGET
 * (what that one has deleted is gone from TARGET too: QEMU never brings a
 * machine type back), and with TARGET 0 (unknown) the newest known.  NULL
 * when TARGET is older than every known release. */
const VlQemuMachineTypes *vl_machine_types_for(unsigned target, bool *exact);
/* The newest known release's table. */
const VlQemuMachineTypes *vl_machine_types_newest(void);

/* MACHINE is a versioned x86 type: pc-i440fx-X.Y, pc-q35-X.Y, pc-q35-4.0.1,
 * or the older i440fx names pc-0.NN and pc-1.N; sets its family and the
 * QEMU release of its name (VL_LIBVIRT(X, Y, Z)).  False for aliases
 * (pc, q35), distribution types (pc-q35-jammy) and names no QEMU release
 * had (pc-q35-4.5). */
bool vl_machine_type_versioned(const char *machine, VlMachineFamily *family, unsigned *version);
/* What the release of TABLE says of MACHINE. */
VlMachineTypeState vl_machine_type_state(const VlQemuMachineTypes *table, const char *machine);
/* The newest versioned type of FAMILY (Q35 or I440FX) TABLE's release has,
 * written into BUF: "pc-q35-11.1". */
const char *vl_machine_type_newest(const VlQemuMachineTypes *table, VlMachineFamily family, char *buf,
                                   unsigned size);
/* MACHINE is a machine type only Ubuntu's QEMU has: its release-named
 * types (pc-i440fx-focal, pc-q35-jammy, pc-q35-noble-v2, pc-i440fx-bionic-hpb)
 * and the alias "ubuntu". */
bool vl_machine_type_ubuntu_only(const char *machine);
