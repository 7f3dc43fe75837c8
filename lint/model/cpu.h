/* libvirt's <cpu> as written: mode, model and features.  What the guest
 * finally gets (a -cpu passed through included) is effective_cpu.h. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The CPU mode libvirt applies: "custom" when <cpu> has no mode attribute;
 * NULL when there is no <cpu> at all (libvirt then uses QEMU's default
 * model, qemu64 on x86). */
const char *vl_cpu_mode(const VlModel *model);
/* The text of <cpu><model>, or NULL. */
const char *vl_cpu_model_name(const VlModel *model, char *buf, gsize size);
/* The <cpu><feature name=NAME> element, or NULL. */
xmlNodePtr vl_cpu_feature(const VlModel *model, const char *name);
/* The feature is required or forced on (policy require/force; libvirt's
 * default policy is require). */
bool vl_cpu_feature_on(const VlModel *model, const char *name);
