/* Where the domain's threads are pinned: each vCPU's <vcpupin>, the
 * <emulatorpin> and each <iothreadpin>, as host CPU sets.  What the
 * host-aware pinning rules and --show-pinning compare with the host's
 * topology (lint/host/host.h). */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/model/cpuset.h"
#include "lint/model/model.h"

typedef struct {
    guint id;               /* iothread id */
    VlCpuset cpus;
    xmlNodePtr node;
} VlIothreadPin;

typedef struct {
    guint vcpus;            /* the guest's vCPUs (<vcpu>) */
    VlCpuset *vcpu;         /* per vCPU: its <vcpupin> cpuset, empty when unpinned (the first pin wins) */
    xmlNodePtr *vcpu_node;  /* per vCPU: its <vcpupin>, NULL when unpinned */
    guint pinned;           /* vCPUs with a <vcpupin> */
    VlCpuset emulator;      /* <emulatorpin>'s cpuset, empty when absent */
    xmlNodePtr emulator_node;
    GPtrArray *iothreads;   /* VlIothreadPin*, in document order */
} VlPinning;

VlPinning *vl_pinning_new(const VlModel *model);
void vl_pinning_free(VlPinning *pinning);
/* The host CPU vCPU N is pinned to when its <vcpupin> names exactly one, or -1. */
int vl_pinning_single(const VlPinning *pinning, guint n);
/* The host CPUs of every <vcpupin>. */
VlCpuset vl_pinning_vcpu_hosts(const VlPinning *pinning);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlPinning, vl_pinning_free)
