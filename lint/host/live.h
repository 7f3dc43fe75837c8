/* Live domains over libvirt: their persistent definitions to lint, and the
 * fixed definition written back.  libvirt is loaded (dlopen) only here, so
 * linting files never pays for it. */
#pragma once

#include <stdbool.h>
#include <glib.h>

struct VlHost;

typedef struct VlLive VlLive;

#define VL_LIVE_ERROR (vl_live_error_quark())
GQuark vl_live_error_quark(void);

/* Connect to URI (NULL: libvirt's default, LIBVIRT_DEFAULT_URI). */
VlLive *vl_live_open(const char *uri, GError **error);
void vl_live_close(VlLive *live);

/* The release of the libvirt on the other end of the connection (the
 * daemon's, for a remote one); 0 when it cannot be asked. */
unsigned vl_live_libvirt_version(VlLive *live);

/* Names of the persistent domains, sorted. */
GPtrArray *vl_live_list(VlLive *live, GError **error);
/* The connection has a domain named NAME (or with UUID NAME). */
bool vl_live_has(VlLive *live, const char *name);
/* The persistent (inactive) XML of the domain named NAME (or with UUID NAME);
 * *name_out receives its name.  Secrets (VNC and SPICE passwords) are left
 * out, as virsh dumpxml --inactive leaves them. */
char *vl_live_get_xml(VlLive *live, const char *name, char **name_out, GError **error);
/* The same with its secrets (virsh dumpxml --inactive --security-info): the
 * XML to edit or fix and define back, which would otherwise lose them.  The
 * connection must be allowed to read them (not read-only). */
char *vl_live_get_xml_secure(VlLive *live, const char *name, char **name_out, GError **error);
/* Define XML as NAME's new persistent definition.  *running tells whether
 * the domain runs (the change then applies at its next boot). */
gboolean vl_live_define(VlLive *live, const char *name, const char *xml, gboolean *running, GError **error);

/* Add the connection's host facts (capabilities, domain capabilities, PCI
 * node devices) to HOST. */
gboolean vl_live_host(VlLive *live, struct VlHost *host, GError **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC(VlLive, vl_live_close)
