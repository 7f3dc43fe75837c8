/* PCI host devices that are probably graphics cards: those known to be
 * (gpu.h), and function 0 of a host slot whose function 1 is passed
 * through too, wherever the guest puts the two.  virt-manager gives each
 * hostdev its own root port, so a GPU and its HDMI/DP audio rarely share a
 * guest slot as gpu.h's layout wants; the host slot pair is the sign left.
 * Host address 0000:00:02.0 is Intel's integrated GPU (GVT-d/IGD guides).
 * A dual-port NIC shows the same pair, so only hints (info findings, no
 * fix) may read this; a rule that changes a device reads gpu.h. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* HOSTDEV is known to be a GPU, or likely one; *WHY (may be NULL) receives
 * a phrase for messages.  False when host facts give another class. */
bool vl_hostdev_likely_gpu(const VlModel *model, xmlNodePtr hostdev, const char **why);

/* The GPU a guest most likely displays on: the first PCI hostdev known to
 * be a GPU; failing that, in a guest that runs Windows or hides the
 * hypervisor (<kvm><hidden>, a Hyper-V vendor_id, the hypervisor CPUID bit
 * off), where a host slot's function pair means GPU passthrough rather
 * than a dual-port NIC, the first likely one.  NULL when none; *WHY as
 * above. */
xmlNodePtr vl_display_gpu(const VlModel *model, const char **why);
