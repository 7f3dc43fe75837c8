/* The kinds of libvirt document virtlint lints, told by the root element:
 * a domain (and a snapshot with its domain) gets every rule; the others
 * (what `virsh net-dumpxml`, `pool-dumpxml`, ... write) are judged by
 * their own schema only. */
#pragma once

#include <stdbool.h>

typedef enum {
    VL_DOC_DOMAIN,
    VL_DOC_SNAPSHOT,        /* <domainsnapshot>, with the <domain> it was taken of */
    VL_DOC_NETWORK,
    VL_DOC_NETWORK_PORT,
    VL_DOC_STORAGE_POOL,
    VL_DOC_STORAGE_VOLUME,
    VL_DOC_NWFILTER,
    VL_DOC_NWFILTER_BINDING,
    VL_DOC_SECRET,
    VL_DOC_NODE_DEVICE,
    VL_DOC_INTERFACE,
    VL_DOC_CHECKPOINT,
    VL_DOC_BACKUP,
    VL_DOC_KIND_COUNT
} VlDocKind;

/* Sets of kinds, as rules declare them (lint/engine/rule.h). */
#define VL_DOC_BIT(kind) (1u << (kind))
#define VL_DOCS_DOMAIN (VL_DOC_BIT(VL_DOC_DOMAIN) | VL_DOC_BIT(VL_DOC_SNAPSHOT))
#define VL_DOCS_ALL ((1u << VL_DOC_KIND_COUNT) - 1u)

typedef struct {
    const char *root;       /* the root element's name: "network" */
    const char *schema;     /* its schema in libvirt's schemas directory: "network.rng" */
    const char *what;       /* for messages: "network" */
} VlDocKindInfo;

const VlDocKindInfo *vl_document_kind_info(VlDocKind kind);
/* The kind whose root element is called NAME (no namespace); false when
 * no libvirt document has that root. */
bool vl_document_kind_from_root(const char *name, VlDocKind *kind);
