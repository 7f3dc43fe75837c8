#include "lint/host/connection.h"

VlConnection *
vl_connection_open(const char *uri, char **names, bool all, bool only_present, bool want_host, GError **error)
{
    g_autoptr(VlConnection) c = g_new0(VlConnection, 1);

    if (!(c->live = vl_live_open(uri, error)))
        return NULL;
    if (all) {
        if (!(c->domains = vl_live_list(c->live, error)))
            return NULL;
    } else {
        c->domains = g_ptr_array_new_with_free_func(g_free);
        for (char **n = names; n && *n; n++) {
            if (!only_present || vl_live_has(c->live, *n))
                g_ptr_array_add(c->domains, g_strdup(*n));
        }
    }
    if (want_host) {
        c->host = vl_host_new();
        if (!vl_live_host(c->live, c->host, error)) {
            g_prefix_error(error, "%s: ", uri ? uri : "libvirt's default URI");
            return NULL;
        }
    }
    c->libvirt_version = vl_live_libvirt_version(c->live);
    return g_steal_pointer(&c);
}

void
vl_connection_free(VlConnection *c)
{
    if (!c)
        return;
    vl_live_close(c->live);
    if (c->domains)
        g_ptr_array_unref(c->domains);
    vl_host_free(c->host);
    g_free(c);
}

/* The host part of URI, or NULL (a local URI, or one GLib cannot parse). */
static char *
uri_host(const char *uri)
{
    g_autoptr(GUri) parsed = g_uri_parse(uri, G_URI_FLAGS_NON_DNS | G_URI_FLAGS_ENCODED, NULL);
    const char *host = parsed ? g_uri_get_host(parsed) : NULL;

    return host && *host ? g_strdup(host) : NULL;
}

char **
vl_connection_labels(char **uris)
{
    guint n = uris ? g_strv_length(uris) : 0;
    g_autofree char **hosts = g_new0(char *, n + 1); /* with holes: freed below */
    char **labels = g_new0(char *, n + 1);

    for (guint i = 0; i < n; i++)
        hosts[i] = uri_host(uris[i]);
    for (guint i = 0; i < n; i++) {
        bool shared = false;

        for (guint j = 0; hosts[i] && j < n; j++)
            shared |= j != i && g_strcmp0(hosts[i], hosts[j]) == 0;
        labels[i] = g_strdup(hosts[i] && !shared ? hosts[i] : uris[i]);
    }
    for (guint i = 0; i < n; i++)
        g_free(hosts[i]);
    return labels;
}
