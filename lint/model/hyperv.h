/* QEMU's Hyper-V dependency graph, shared by the hyperv-* rules.
 * Source: QEMU target/i386/kvm/kvm.c (kvm_hyperv_properties[].dependencies
 * and the separate SynIC -> VP_INDEX check) and docs/system/i386/hyperv.rst. */
#pragma once

#include <stdbool.h>

#include "lint/model/model.h"

/* The pseudo-feature for the hypervclock timer, QEMU's hv-time. */
#define VL_HV_TIME "hypervclock"

typedef struct {
    const char *feature;       /* libvirt element under <hyperv> */
    const char *requires;      /* libvirt element, or VL_HV_TIME */
} VlHypervEdge;

/* Ends with an edge whose feature is NULL. */
extern const VlHypervEdge vl_hyperv_edges[];

/* QEMU's description of a feature, as in its error messages. */
const char *vl_hyperv_qemu_desc(const char *feature);
/* How messages name a feature: "<synic>", or "the hypervclock timer". */
char *vl_hyperv_label(const char *feature);
/* The feature (or the hypervclock timer) is enabled in MODEL. */
bool vl_hyperv_enabled(const VlModel *model, const char *feature);
