/* The model: everything rules need to know about one domain, derived in a
 * single walk of the document (vl_model_build).  Rules read it; they never
 * search the whole document again. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/engine/config.h"
#include "lint/load/document.h"
#include "lint/model/guest.h"

#define VL_NS_QEMU "http://libvirt.org/schemas/domain/qemu/1.0"
#define VL_NS_LIBOSINFO "http://libosinfo.org/xmlns/libvirt/domain/1.0"
#define VL_NS_VIRTLINT "http://virtlint.org/xmlns/domain/1.0"

struct VlQemuCmdline; /* lint/model/qemu_cmdline.h */

typedef enum {
    VL_MACHINE_UNKNOWN, /* no machine attribute: the hypervisor's default */
    VL_MACHINE_Q35,
    VL_MACHINE_I440FX,
    VL_MACHINE_OTHER,
} VlMachineFamily;

/* The CPU topology the guest sees.  node is NULL when <topology> is absent:
 * libvirt then gives every vCPU its own socket. */
typedef struct {
    unsigned sockets, dies, clusters, cores, threads;
    xmlNodePtr node;
} VlTopology;

struct VlEngine;

typedef struct {
    const VlConfig *config;
    /* the engine that lints (set by vl_engine_lint, NULL outside it): its
     * context (compiled schemas, patterns) and its judging schema */
    const struct VlEngine *engine;
    VlDocument *doc;
    xmlNodePtr root;                 /* <domain> (inside <domainsnapshot> for snapshots) */
    xmlNodePtr snapshot;             /* <domainsnapshot>, or NULL for a domain XML */

    const char *domain_type;         /* kvm, qemu, ... */

    /* <os> and firmware */
    xmlNodePtr os, os_type, loader, nvram;
    const char *arch;                /* NULL: the host's */
    const char *machine;             /* NULL: the hypervisor's default */
    VlMachineFamily machine_family;
    char *machine_version;           /* "9.2" of pc-q35-9.2; NULL when unversioned */
    unsigned machine_qemu;           /* the QEMU release that added it (VL_LIBVIRT(9, 2)); 0 */
    bool uefi;
    bool secure_boot;
    bool pflash_nvram;               /* UEFI whose variables live in a pflash NVRAM */

    /* CPUs */
    xmlNodePtr vcpu;
    unsigned vcpus;                  /* the maximum count, libvirt's default 1 */
    xmlNodePtr cpu;
    VlTopology topology;
    GPtrArray *numa_cells;           /* cpu/numa/cell */

    /* memory */
    xmlNodePtr memory, current_memory, memory_backing;
    guint64 memory_kib, current_memory_kib;
    bool memory_access_shared;       /* memoryBacking/access mode='shared' */

    /* features and clock */
    xmlNodePtr features, hyperv, clock;
    const char *hyperv_mode;         /* custom, passthrough, host-model */
    GPtrArray *timers;

    /* devices */
    xmlNodePtr devices;
    GPtrArray *disks, *hostdevs, *filesystems, *interfaces;
    GHashTable *devices_by_name;     /* element name -> GPtrArray of <devices> children */
    GHashTable *top_by_name;         /* element name -> first un-namespaced child of <domain> */

    /* QEMU namespace */
    GPtrArray *qemu_blocks;          /* commandline/override/capabilities/deprecation
                                      * under <domain>, whatever their namespace */
    GPtrArray *qemu_args;            /* qemu:commandline/qemu:arg, correctly bound */
    GPtrArray *qemu_override_devices;/* qemu:override/qemu:device, correctly bound */
    struct VlQemuCmdline *qemu_cmdline; /* qemu_args read as QEMU reads them: vl_qemu_cmdline() */

    /* metadata */
    xmlNodePtr metadata;
    xmlNodePtr virtlint_meta;        /* <virtlint:lint> in virtlint's namespace */
    char *osinfo_id;

    VlGuest guest;
} VlModel;

VlModel *vl_model_build(VlDocument *doc, const VlConfig *config);
void vl_model_free(VlModel *model);

/* The QEMU release findings target: --qemu-version, else the QEMU that
 * ships beside the target libvirt in a Debian release; 0 when unknown. */
unsigned vl_model_target_qemu(const VlModel *model);
/* The machine type is versioned, and by a QEMU newer than the target: the
 * file was written for a newer QEMU (and libvirt) than the one targeted. */
bool vl_model_machine_newer_than_target(const VlModel *model);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlModel, vl_model_free)

/* The devices named NAME (video, controller, tpm, ...), in document order;
 * an empty array when there are none.  Never NULL. */
GPtrArray *vl_model_devices(const VlModel *model, const char *name);
/* The first child of <domain> named NAME (cputune, pm, sysinfo, ...), or NULL. */
xmlNodePtr vl_model_top(const VlModel *model, const char *name);

/* The Hyper-V enlightenment element NAME (relaxed, stimer, ...), or NULL. */
xmlNodePtr vl_model_hyperv_feature(const VlModel *model, const char *name);
/* The enlightenment is enabled (state='on') in custom mode. */
bool vl_model_hyperv_on(const VlModel *model, const char *name);
/* <hyperv> lists features one by one (mode custom, libvirt's default). */
bool vl_model_hyperv_custom(const VlModel *model);
/* The <clock><timer name='NAME'> element, or NULL. */
xmlNodePtr vl_model_timer(const VlModel *model, const char *name);
/* The hypervclock timer is present='yes' (QEMU's hv-time). */
bool vl_model_has_hypervclock(const VlModel *model);
/* vCPUs in the effective topology (its product). */
guint64 vl_topology_product(const VlTopology *topology);

/* Parse a libvirt memory amount with unit (KiB default) into KiB. */
bool vl_memory_to_kib(const char *value, const char *unit, guint64 *kib);
/* The same for an amount already parsed. */
bool vl_memory_to_kib_unit(guint64 amount, const char *unit, guint64 *kib);

/* The guest is Windows 11 (libosinfo id, virtlint metadata or --os). */
bool vl_is_win11(const VlModel *m);
/* "Windows guest (libosinfo id ...)" style evidence for messages: how the
 * guest's OS is known, "--os" when the command line said it. */
const char *vl_guest_evidence(const VlModel *m);
