#include "lint/host/live.h"

#include "lint/host/host.h"

#include <dlfcn.h>
#include <string.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

G_DEFINE_QUARK(vl-live-error, vl_live_error)

/* The libvirt functions used, resolved at run time. */
typedef struct {
    void *handle;
    virConnectPtr (*connect_open)(const char *);
    int (*connect_close)(virConnectPtr);
    int (*list_all)(virConnectPtr, virDomainPtr **, unsigned int);
    virDomainPtr (*lookup_name)(virConnectPtr, const char *);
    virDomainPtr (*lookup_uuid)(virConnectPtr, const char *);
    const char *(*get_name)(virDomainPtr);
    char *(*get_xml)(virDomainPtr, unsigned int);
    int (*is_active)(virDomainPtr);
    virDomainPtr (*define_xml)(virConnectPtr, const char *);
    int (*domain_free)(virDomainPtr);
    const char *(*last_error)(void);
    char *(*get_capabilities)(virConnectPtr);
    char *(*get_domcapabilities)(virConnectPtr, const char *, const char *, const char *, const char *, unsigned int);
    int (*list_nodedevs)(virConnectPtr, virNodeDevicePtr **, unsigned int);
    char *(*nodedev_xml)(virNodeDevicePtr, unsigned int);
    int (*nodedev_free)(virNodeDevicePtr);
    void (*set_error_func)(void *, virErrorFunc);
    int (*get_lib_version)(virConnectPtr, unsigned long *);
} Api;

struct VlLive {
    Api api;
    virConnectPtr conn;
};

static void
quiet(void *data G_GNUC_UNUSED, virErrorPtr err G_GNUC_UNUSED)
{
    /* errors are reported through GError with virGetLastErrorMessage() */
}

static gboolean
load(Api *api, GError **error)
{
    struct {
        const char *name;
        void **slot;
    } symbols[] = {
        { "virConnectOpen", (void **) &api->connect_open },
        { "virConnectClose", (void **) &api->connect_close },
        { "virConnectListAllDomains", (void **) &api->list_all },
        { "virDomainLookupByName", (void **) &api->lookup_name },
        { "virDomainLookupByUUIDString", (void **) &api->lookup_uuid },
        { "virDomainGetName", (void **) &api->get_name },
        { "virDomainGetXMLDesc", (void **) &api->get_xml },
        { "virDomainIsActive", (void **) &api->is_active },
        { "virDomainDefineXML", (void **) &api->define_xml },
        { "virDomainFree", (void **) &api->domain_free },
        { "virGetLastErrorMessage", (void **) &api->last_error },
        { "virSetErrorFunc", (void **) &api->set_error_func },
        { "virConnectGetLibVersion", (void **) &api->get_lib_version },
        { "virConnectGetCapabilities", (void **) &api->get_capabilities },
        { "virConnectGetDomainCapabilities", (void **) &api->get_domcapabilities },
        { "virConnectListAllNodeDevices", (void **) &api->list_nodedevs },
        { "virNodeDeviceGetXMLDesc", (void **) &api->nodedev_xml },
        { "virNodeDeviceFree", (void **) &api->nodedev_free },
    };

    if (!(api->handle = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL))) {
        g_set_error(error, VL_LIVE_ERROR, 0, "cannot load libvirt (libvirt.so.0): %s", dlerror());
        return FALSE;
    }
    for (gsize i = 0; i < G_N_ELEMENTS(symbols); i++) {
        if (!(*symbols[i].slot = dlsym(api->handle, symbols[i].name))) {
            g_set_error(error, VL_LIVE_ERROR, 0, "libvirt lacks %s", symbols[i].name);
            return FALSE;
        }
    }
    api->set_error_func(NULL, quiet);
    return TRUE;
}

static gboolean
libvirt_error(VlLive *live, GError **error, const char *what)
{
    g_set_error(error, VL_LIVE_ERROR, 0, "%s: %s", what, live->api.last_error());
    return FALSE;
}

VlLive *
vl_live_open(const char *uri, GError **error)
{
    g_autoptr(VlLive) live = g_new0(VlLive, 1);

    if (!load(&live->api, error))
        return NULL;
    if (!(live->conn = live->api.connect_open(uri))) {
        g_autofree char *what = g_strdup_printf("cannot connect to %s", uri ? uri : "libvirt's default URI");
        libvirt_error(live, error, what);
        return NULL;
    }
    return g_steal_pointer(&live);
}

unsigned
vl_live_libvirt_version(VlLive *live)
{
    unsigned long version = 0;

    /* libvirt's own encoding, major * 1000000 + minor * 1000 + micro, is
     * virtlint's too */
    if (live->api.get_lib_version(live->conn, &version) < 0 || version > G_MAXUINT)
        return 0;
    return (unsigned) version;
}

void
vl_live_close(VlLive *live)
{
    if (!live)
        return;
    if (live->conn)
        live->api.connect_close(live->conn);
    /* libvirt is left loaded: its threads may outlive the connection */
    g_free(live);
}

GPtrArray *
vl_live_list(VlLive *live, GError **error)
{
    virDomainPtr *domains = NULL;
    GPtrArray *names;
    int n = live->api.list_all(live->conn, &domains, VIR_CONNECT_LIST_DOMAINS_PERSISTENT);

    if (n < 0) {
        libvirt_error(live, error, "cannot list domains");
        return NULL;
    }
    names = g_ptr_array_new_with_free_func(g_free);
    for (int i = 0; i < n; i++) {
        g_ptr_array_add(names, g_strdup(live->api.get_name(domains[i])));
        live->api.domain_free(domains[i]);
    }
    free(domains);
    g_ptr_array_sort(names, (GCompareFunc) g_ascii_strcasecmp);
    return names;
}

static virDomainPtr
lookup(VlLive *live, const char *name, GError **error)
{
    virDomainPtr dom = live->api.lookup_name(live->conn, name);

    if (!dom && strlen(name) == 36)
        dom = live->api.lookup_uuid(live->conn, name);
    if (!dom) {
        g_autofree char *what = g_strdup_printf("no domain '%s'", name);
        libvirt_error(live, error, what);
    }
    return dom;
}

bool
vl_live_has(VlLive *live, const char *name)
{
    virDomainPtr dom = live->api.lookup_name(live->conn, name);

    if (!dom && strlen(name) == 36)
        dom = live->api.lookup_uuid(live->conn, name);
    if (dom)
        live->api.domain_free(dom);
    return dom != NULL;
}

static char *
get_xml(VlLive *live, const char *name, unsigned int flags, char **name_out, GError **error)
{
    virDomainPtr dom = lookup(live, name, error);
    char *xml, *copy;

    if (!dom)
        return NULL;
    xml = live->api.get_xml(dom, flags);
    *name_out = g_strdup(live->api.get_name(dom));
    live->api.domain_free(dom);
    if (!xml) {
        g_autofree char *what = g_strdup_printf("cannot read the definition of '%s'", name);
        g_clear_pointer(name_out, g_free);
        libvirt_error(live, error, what);
        return NULL;
    }
    copy = g_strdup(xml); /* g_free-able */
    free(xml);
    return copy;
}

char *
vl_live_get_xml(VlLive *live, const char *name, char **name_out, GError **error)
{
    return get_xml(live, name, VIR_DOMAIN_XML_INACTIVE, name_out, error);
}

char *
vl_live_get_xml_secure(VlLive *live, const char *name, char **name_out, GError **error)
{
    return get_xml(live, name, VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_SECURE, name_out, error);
}

gboolean
vl_live_define(VlLive *live, const char *name, const char *xml, gboolean *running, GError **error)
{
    virDomainPtr dom = live->api.define_xml(live->conn, xml);

    if (!dom) {
        g_autofree char *what = g_strdup_printf("libvirt refused the new definition of '%s'", name);
        return libvirt_error(live, error, what);
    }
    *running = live->api.is_active(dom) == 1;
    live->api.domain_free(dom);
    return TRUE;
}

gboolean
vl_live_host(VlLive *live, VlHost *host, GError **error)
{
    char *caps = live->api.get_capabilities(live->conn);
    char *domcaps;
    virNodeDevicePtr *devs = NULL;
    int n;
    gboolean ok;

    if (!caps)
        return libvirt_error(live, error, "cannot read the host's capabilities");
    ok = vl_host_add_capabilities(host, caps, "capabilities", error);
    free(caps);
    if (!ok)
        return FALSE;
    /* the default emulator, arch, machine and virt type; drivers without
     * domain capabilities (test:///) simply add none */
    if ((domcaps = live->api.get_domcapabilities(live->conn, NULL, NULL, NULL, NULL, 0))) {
        ok = vl_host_add_domcapabilities(host, domcaps, "domcapabilities", error);
        free(domcaps);
        if (!ok)
            return FALSE;
    }
    n = live->api.list_nodedevs(live->conn, &devs, VIR_CONNECT_LIST_NODE_DEVICES_CAP_PCI_DEV);
    for (int i = 0; i < n; i++) {
        char *xml = live->api.nodedev_xml(devs[i], 0);
        if (xml && ok)
            ok = vl_host_add_nodedev(host, xml, "nodedev", error);
        free(xml);
        live->api.nodedev_free(devs[i]);
    }
    free(devs);
    return ok;
}
