/* Helpers shared by the hyperv-cpu family of rules (hyperv-*, clock-*,
 * timer-* and cpu-* rules added with it): the iothread ids libvirt derives,
 * and a few small predicates.  Cpusets live in lint/model/cpuset.h. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/cpuset.h"
#include "lint/model/model.h"

/* The iothread ids the domain defines, as libvirt derives them: every
 * <iothreadids><iothread id=N>, then, while fewer than <iothreads> are
 * listed, the smallest unused positive ids. */
VlCpuset vl_iothread_ids(const VlModel *model);
/* The <iothreads> count (0 when absent or not a number). */
unsigned vl_iothread_count(const VlModel *model);

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

/* A state attribute ('on'/'off') reads as on. */
bool vl_state_on(xmlNodePtr node);
/* A state attribute reads as explicitly off. */
bool vl_state_off(xmlNodePtr node);

/* "a, b and c" from an array of strings. */
char *vl_join_and(GPtrArray *items);
