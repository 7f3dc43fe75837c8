/* One libvirt connection of a run (--connect, repeatable): the domains to
 * lint there and what they are linted with, the host's facts and libvirt
 * release, so that a fleet is linted from one place, each host judged as
 * itself. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/host/host.h"
#include "lint/host/live.h"

typedef struct {
    VlLive *live;
    GPtrArray *domains;         /* names (char*) to lint */
    VlHost *host;               /* its facts; NULL when not asked for */
    unsigned libvirt_version;   /* the daemon's release; 0 when unknown */
} VlConnection;

/* Connect to URI (NULL: libvirt's default) and list the domains to lint:
 * NAMES (NULL-terminated, names or UUIDs), or every persistent one when ALL;
 * with ONLY_PRESENT, those of NAMES this connection has (a fleet's domains
 * live on one host each); with WANT_HOST, read the host's facts too. */
VlConnection *vl_connection_open(const char *uri, char **names, bool all, bool only_present, bool want_host,
                                 GError **error);
void vl_connection_free(VlConnection *connection);

/* What names each of URIS (NULL-terminated) before its domains in findings
 * ("HOST: domain NAME"): the URI's host when it has one (without the user),
 * else the whole URI (qemu:///system and qemu:///session, or two test:///
 * files, are distinct); whole URIs for every connection whose host another
 * shares.  NULL-terminated, one per URI. */
char **vl_connection_labels(char **uris);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlConnection, vl_connection_free)
