/* The machine the guest runs on: libvirt driver, architecture and machine
 * type, as libvirt reads them when attributes are left out. */
#pragma once

#include <stdbool.h>

#include "lint/model/model.h"

/* A domain of libvirt's QEMU driver (type kvm or qemu), whose checks
 * (qemu_validate.c) the refusal rules mirror. */
bool vl_is_qemu(const VlModel *m);
/* The guest is x86, the family where libvirt's x86 defaults (cirrus video,
 * lsilogic SCSI, i440fx) apply: arch absent (the host's, assumed x86_64),
 * x86_64 or i686. */
bool vl_is_x86(const VlModel *m);
/* The machine is q35.  An absent machine is libvirt's default for x86,
 * which is i440fx ('pc', checked with libvirt 9.0 and QEMU 7.2). */
bool vl_is_q35(const VlModel *m);
/* A short name for the machine, for messages: "pc-i440fx-7.2", or
 * "the default machine (i440fx)". */
const char *vl_machine_name(const VlModel *m);
