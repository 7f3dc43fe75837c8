/* Helpers shared by the hyperv-cpu family of rules (hyperv-*, clock-*,
 * timer-* and cpu-* rules added with it): libvirt's cpuset syntax, the
 * iothread ids libvirt derives, and a few small predicates. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model.h"

/* libvirt refuses CPU numbers this large in a cpuset; so do we. */
#define VL_CPUSET_MAX 65536u

/* A set of CPU (or vCPU, or iothread) numbers. */
typedef struct {
    guint8 *member;   /* member[i] != 0: i is in the set */
    guint size;       /* entries of member: one past the largest number seen */
} VlCpuset;

/* Parse libvirt's cpuset syntax: numbers and ranges "a-b" separated by
 * commas, "^n" or "^a-b" removing what an earlier item added, blanks around
 * items allowed ("0-3,^2,8").  Returns false (and an empty set) when TEXT is
 * NULL, empty or not of that form, or names a CPU >= VL_CPUSET_MAX. */
bool vl_cpuset_parse(const char *text, VlCpuset *out);
/* The same without "^" items: the syntax of <numa><cell cpus=...>, which
 * libvirt parses without negation. */
bool vl_cpuset_parse_plain(const char *text, VlCpuset *out);
void vl_cpuset_clear(VlCpuset *set);
bool vl_cpuset_has(const VlCpuset *set, guint n);
void vl_cpuset_add(VlCpuset *set, guint n);
guint vl_cpuset_count(const VlCpuset *set);
/* The largest member; false when the set is empty. */
bool vl_cpuset_max(const VlCpuset *set, guint *n);
/* Add every member of FROM to INTO. */
void vl_cpuset_union(VlCpuset *into, const VlCpuset *from);
/* The members of both, as a new set. */
VlCpuset vl_cpuset_intersection(const VlCpuset *a, const VlCpuset *b);
/* "0-3,8,10-11"; "" for an empty set. */
char *vl_cpuset_format(const VlCpuset *set);

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
