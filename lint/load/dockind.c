#include "lint/load/dockind.h"

#include <string.h>

#include <glib.h>

/* In VlDocKind's order.  The root elements and schema files are those of
 * libvirt's src/conf/schemas (nwfilter.rng's root is <filter>, nodedev.rng's
 * <device>). */
static const VlDocKindInfo kinds[VL_DOC_KIND_COUNT] = {
    [VL_DOC_DOMAIN] = { "domain", "domain.rng", "domain" },
    [VL_DOC_SNAPSHOT] = { "domainsnapshot", "domainsnapshot.rng", "domain snapshot" },
    [VL_DOC_NETWORK] = { "network", "network.rng", "network" },
    [VL_DOC_NETWORK_PORT] = { "networkport", "networkport.rng", "network port" },
    [VL_DOC_STORAGE_POOL] = { "pool", "storagepool.rng", "storage pool" },
    [VL_DOC_STORAGE_VOLUME] = { "volume", "storagevol.rng", "storage volume" },
    [VL_DOC_NWFILTER] = { "filter", "nwfilter.rng", "network filter" },
    [VL_DOC_NWFILTER_BINDING] = { "filterbinding", "nwfilterbinding.rng", "network filter binding" },
    [VL_DOC_SECRET] = { "secret", "secret.rng", "secret" },
    [VL_DOC_NODE_DEVICE] = { "device", "nodedev.rng", "node device" },
    [VL_DOC_INTERFACE] = { "interface", "interface.rng", "host interface" },
    [VL_DOC_CHECKPOINT] = { "domaincheckpoint", "domaincheckpoint.rng", "domain checkpoint" },
    [VL_DOC_BACKUP] = { "domainbackup", "domainbackup.rng", "domain backup" },
};

const VlDocKindInfo *
vl_document_kind_info(VlDocKind kind)
{
    g_return_val_if_fail(kind < VL_DOC_KIND_COUNT, &kinds[VL_DOC_DOMAIN]);
    return &kinds[kind];
}

bool
vl_document_kind_from_root(const char *name, VlDocKind *kind)
{
    for (int k = 0; k < VL_DOC_KIND_COUNT; k++) {
        if (strcmp(kinds[k].root, name) == 0) {
            *kind = (VlDocKind) k;
            return true;
        }
    }
    return false;
}
