/* Facts about the host a domain will run on: `virsh capabilities`,
 * `virsh domcapabilities` and `virsh nodedev-dumpxml` output, read from
 * files (so a homelab repository can commit them and lint in CI) or from a
 * libvirt connection.  Host-aware rules use them; without them those rules
 * are skipped, and virtlint says so once. */
#pragma once

#include <stdbool.h>
#include <glib.h>

typedef struct {
    char *address;          /* "0000:0f:00.0" */
    guint class_code;       /* 0x030000 for a VGA controller */
    int iommu_group;        /* -1 when unknown */
    GPtrArray *group;       /* addresses in its IOMMU group (char*) */
} VlHostPci;

typedef struct VlHost {
    /* capabilities */
    bool have_caps;
    GHashTable *cpus;       /* host CPU ids (GUINT_TO_POINTER(id + 1)) */
    guint64 largest_cell_kib;
    guint cells;
    GArray *page_sizes_kib; /* guint64: sizes the host offers */
    GPtrArray *emulators;   /* char* */
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

/* "0000:0f:00.0" for a <hostdev> source <address> (NULL when incomplete). */
char *vl_host_pci_address(const char *domain, const char *bus, const char *slot, const char *function);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlHost, vl_host_free)
