/* libvirt's cpuset syntax ("0-3,^2,8"), and sets of CPU, vCPU or iothread
 * numbers: what pinning, NUMA and host-aware rules compare. */
#pragma once

#include <stdbool.h>
#include <glib.h>

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
