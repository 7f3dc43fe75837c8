/* Facts about the host a domain will run on: `virsh capabilities`,
 * `virsh domcapabilities` and `virsh nodedev-dumpxml` output, read from
 * files (so a homelab repository can commit them and lint in CI) or from a
 * libvirt connection.  Host-aware rules use them; without them those rules
 * are skipped, and virtlint says so once. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/model/cpuset.h"

typedef struct {
    char *address;          /* "0000:0f:00.0" */
    guint class_code;       /* 0x030000 for a VGA controller */
    int iommu_group;        /* -1 when unknown */
    GPtrArray *group;       /* addresses in its IOMMU group (char*) */
} VlHostPci;

/* One host CPU of <topology><cells><cell><cpus><cpu>: its place in the
 * host's topology.  capability.rng has socket_id, die_id, core_id and
 * siblings as one optional group (libvirt 9.0), and cluster_id in it too in
 * 11.3 and 12.8 (not needed here); older libvirt writes no die_id (as
 * libvirt's tests/vircaps2xmldata/vircaps-x86_64-caches.xml).  Each is -1
 * (the siblings an empty set) when absent. */
typedef struct {
    guint id;
    int cell;               /* NUMA cell id, -1 when unknown */
    int socket_id, die_id, core_id;
    VlCpuset siblings;      /* the CPUs of its core, itself included */
} VlHostCpu;

/* One <cache><bank> of the host (capability.rng: id, level, type both |
 * code | data, size, unit, cpus): libvirt lists the caches it finds in the
 * kernel's sysfs cache information; a host (or VM) without it has no
 * <cache>, and then nothing is known about L3 domains. */
typedef struct {
    guint id, level;
    char *type;             /* both, code, data */
    guint64 size_kib;
    VlCpuset cpus;
} VlHostCache;

typedef struct VlHost {
    /* capabilities */
    bool have_caps;
    GHashTable *cpus;       /* host CPU ids (GUINT_TO_POINTER(id + 1)) */
    guint64 largest_cell_kib;
    guint cells;
    GArray *page_sizes_kib; /* guint64: sizes the host offers */
    GPtrArray *emulators;   /* char* */
    GPtrArray *topology;    /* VlHostCpu*, by CPU id; those with no id left out */
    GPtrArray *caches;      /* VlHostCache*, as listed */
    /* domcapabilities */
    bool have_domcaps;
    GPtrArray *loaders;     /* firmware images QEMU can use */
    bool efi;               /* firmware='efi' auto-selection possible */
    GPtrArray *tpm_models, *video_models;
    /* node devices */
    bool have_nodedev;
    GHashTable *pci;        /* address -> VlHostPci* */
} VlHost;

#define VL_HOST_ERROR (vl_host_error_quark())
GQuark vl_host_error_quark(void);

VlHost *vl_host_new(void);
void vl_host_free(VlHost *host);
bool vl_host_empty(const VlHost *host);

/* Each takes XML text; a bad document is an error naming WHAT. */
gboolean vl_host_add_capabilities(VlHost *host, const char *xml, const char *what, GError **error);
gboolean vl_host_add_domcapabilities(VlHost *host, const char *xml, const char *what, GError **error);
gboolean vl_host_add_nodedev(VlHost *host, const char *xml, const char *what, GError **error);
/* Every *.xml in DIR as nodedev-dumpxml output. */
gboolean vl_host_add_nodedev_dir(VlHost *host, const char *dir, GError **error);

/* The host CPU with ID from <topology>, or NULL. */
const VlHostCpu *vl_host_cpu(const VlHost *host, guint id);
/* Whether every host CPU in <topology> comes with its siblings (libvirt
 * leaves them out when it cannot read the host's sysfs topology). */
bool vl_host_has_siblings(const VlHost *host);
/* Whether host CPUs A and B are threads of one core (A == B included);
 * false when the siblings are unknown. */
bool vl_host_siblings(const VlHost *host, guint a, guint b);
/* The level-3 cache banks (VlHostCache*, in the order listed, unified or
 * data); an empty array when the host reports none. */
GPtrArray *vl_host_l3_banks(const VlHost *host);
/* The index in vl_host_l3_banks() of the bank holding CPU, or -1. */
int vl_host_l3_bank_of(GPtrArray *banks, guint cpu);

/* The host's cores: each a VlCpuset* of sibling CPUs (a CPU without
 * known siblings is a core of its own), ordered by their lowest CPU.  When
 * WITHIN is not NULL, only cores all of whose CPUs are in it.  Free with
 * g_ptr_array_unref. */
GPtrArray *vl_host_cores(const VlHost *host, const VlCpuset *within);

/* "0000:0f:00.0" for a <hostdev> source <address> (NULL when incomplete). */
char *vl_host_pci_address(const char *domain, const char *bus, const char *slot, const char *function);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlHost, vl_host_free)
