#include "lint/host/host.h"

#include <string.h>

#include <libxml/parser.h>

#include "lint/model/model.h"
#include "lint/load/xml.h"

G_DEFINE_QUARK(vl-host-error, vl_host_error)

static void
pci_free(VlHostPci *p)
{
    g_free(p->address);
    g_ptr_array_unref(p->group);
    g_free(p);
}

static void
host_cpu_free(VlHostCpu *c)
{
    vl_cpuset_clear(&c->siblings);
    g_free(c);
}

static void
cache_free(VlHostCache *c)
{
    g_free(c->type);
    vl_cpuset_clear(&c->cpus);
    g_free(c);
}

static gint
host_cpu_cmp(gconstpointer a, gconstpointer b)
{
    const VlHostCpu *x = *(VlHostCpu *const *) a, *y = *(VlHostCpu *const *) b;

    /* mutate: skip[rel:<=,rel:>=] — equivalent: ids are equal only for one CPU listed twice, whose two
     * entries then sort next to each other in either order and vl_host_cpu() may find either: no order is promised */
    return x->id < y->id ? -1 : x->id > y->id;
}

VlHost *
vl_host_new(void)
{
    VlHost *h = g_new0(VlHost, 1);

    h->cpus = g_hash_table_new(g_direct_hash, g_direct_equal);
    h->page_sizes_kib = g_array_new(FALSE, FALSE, sizeof(guint64));
    h->emulators = g_ptr_array_new_with_free_func(g_free);
    h->topology = g_ptr_array_new_with_free_func((GDestroyNotify) host_cpu_free);
    h->caches = g_ptr_array_new_with_free_func((GDestroyNotify) cache_free);
    h->loaders = g_ptr_array_new_with_free_func(g_free);
    h->tpm_models = g_ptr_array_new_with_free_func(g_free);
    h->video_models = g_ptr_array_new_with_free_func(g_free);
    h->pci = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify) pci_free);
    return h;
}

void
vl_host_free(VlHost *h)
{
    if (!h)
        return;
    g_hash_table_unref(h->cpus);
    g_array_unref(h->page_sizes_kib);
    g_ptr_array_unref(h->emulators);
    g_ptr_array_unref(h->topology);
    g_ptr_array_unref(h->caches);
    g_ptr_array_unref(h->loaders);
    g_ptr_array_unref(h->tpm_models);
    g_ptr_array_unref(h->video_models);
    g_hash_table_unref(h->pci);
    g_free(h);
}

bool
vl_host_empty(const VlHost *h)
{
    return !h || (!h->have_caps && !h->have_domcaps && !h->have_nodedev);
}

/* Parse XML safely (no network, no entities): the root, or NULL. */
static xmlDocPtr
parse(const char *xml, const char *root_name, const char *what, GError **error)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int) strlen(xml), what, NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;

    /* mutate: skip[drop-or@9] — equivalent: vl_xml_is(NULL, ...) is false, so the next operand covers a missing root */
    if (!root || !vl_xml_is(root, root_name)) {
        g_set_error(error, VL_HOST_ERROR, 0, "%s: not %s XML (expected <%s>)", what,
                    strcmp(root_name, "device") == 0 ? "nodedev-dumpxml" : root_name, root_name);
        if (doc)
            xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

static void
values(xmlNodePtr enum_node, GPtrArray *out)
{
    char buf[512];

    for (xmlNodePtr v = enum_node ? enum_node->children : NULL; v; v = v->next) {
        if (vl_xml_is(v, "value"))
            g_ptr_array_add(out, g_strdup(vl_xml_text(v, buf, sizeof(buf))));
    }
}

/* An optional unsigned attribute: -1 when absent or not a number. */
static int
optional_id(xmlNodePtr node, const char *name)
{
    guint64 v;

    return vl_xml_parse_uint(vl_xml_attr(node, name), &v) && v <= G_MAXINT ? (int) v : -1;
}

static void
add_topology(VlHost *h, xmlNodePtr cell, xmlNodePtr cpu, guint id)
{
    VlHostCpu *c = g_new0(VlHostCpu, 1);

    c->id = id;
    c->cell = optional_id(cell, "id");
    c->socket_id = optional_id(cpu, "socket_id");
    c->die_id = optional_id(cpu, "die_id");
    c->core_id = optional_id(cpu, "core_id");
    if (!vl_cpuset_parse(vl_xml_attr(cpu, "siblings"), &c->siblings))
        c->siblings = (VlCpuset) { 0 };
    g_ptr_array_add(h->topology, c);
}

const VlHostCpu *
vl_host_cpu(const VlHost *h, guint id)
{
    guint lo = 0, hi = h->topology->len;

    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        const VlHostCpu *c = g_ptr_array_index(h->topology, mid);

        if (c->id == id)
            return c;
        /* mutate: skip[rel:<=] — equivalent: c->id == id returned just above */
        if (c->id < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

bool
vl_host_has_siblings(const VlHost *h)
{
    if (h->topology->len == 0)
        return false;
    for (guint i = 0; i < h->topology->len; i++) {
        const VlHostCpu *c = g_ptr_array_index(h->topology, i);

        if (!vl_cpuset_has(&c->siblings, c->id))
            return false;
    }
    return true;
}

bool
vl_host_siblings(const VlHost *h, guint a, guint b)
{
    const VlHostCpu *c = vl_host_cpu(h, a);

    return c && vl_cpuset_has(&c->siblings, b);
}

static void
cpuset_free(VlCpuset *set)
{
    vl_cpuset_clear(set);
    g_free(set);
}

GPtrArray *
vl_host_cores(const VlHost *h, const VlCpuset *within)
{
    GPtrArray *cores = g_ptr_array_new_with_free_func((GDestroyNotify) cpuset_free);
    VlCpuset seen = { 0 };

    /* h->topology is sorted by id: a core comes up at its lowest CPU */
    for (guint i = 0; i < h->topology->len; i++) {
        const VlHostCpu *c = g_ptr_array_index(h->topology, i);
        VlCpuset *core;
        bool inside = true;

        if (vl_cpuset_has(&seen, c->id))
            continue;
        core = g_new0(VlCpuset, 1);
        if (vl_cpuset_has(&c->siblings, c->id))
            vl_cpuset_union(core, &c->siblings);
        else
            vl_cpuset_add(core, c->id);
        vl_cpuset_union(&seen, core);
        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has(core, core->size) is false */
        for (guint n = 0; within && n < core->size; n++)
            inside = inside && (!vl_cpuset_has(core, n) || vl_cpuset_has(within, n));
        if (inside)
            g_ptr_array_add(cores, core);
        else
            cpuset_free(core);
    }
    vl_cpuset_clear(&seen);
    return cores;
}

GPtrArray *
vl_host_l3_banks(const VlHost *h)
{
    GPtrArray *banks = g_ptr_array_new();

    for (guint i = 0; i < h->caches->len; i++) {
        VlHostCache *c = g_ptr_array_index(h->caches, i);

        /* with code/data prioritisation a bank may be listed as code and data: its CPUs once */
        if (c->level == 3 && g_strcmp0(c->type, "code") != 0)
            g_ptr_array_add(banks, c);
    }
    return banks;
}

int
vl_host_l3_bank_of(GPtrArray *banks, guint cpu)
{
    for (guint i = 0; i < banks->len; i++) {
        const VlHostCache *c = g_ptr_array_index(banks, i);

        if (vl_cpuset_has(&c->cpus, cpu))
            return (int) i;
    }
    return -1;
}

gboolean
vl_host_add_capabilities(VlHost *h, const char *xml, const char *what, GError **error)
{
    xmlDocPtr doc = parse(xml, "capabilities", what, error);
    xmlNodePtr host, root;
    char buf[512];

    if (!doc)
        return FALSE;
    root = xmlDocGetRootElement(doc);
    host = vl_xml_child(root, "host");
    for (xmlNodePtr p = vl_xml_child(vl_xml_child(host, "cpu"), "pages"); p; p = p->next) {
        guint64 size, kib;
        if (vl_xml_is(p, "pages") && vl_xml_parse_uint(vl_xml_attr(p, "size"), &size) &&
            vl_memory_to_kib_unit(size, vl_xml_attr(p, "unit"), &kib))
            g_array_append_val(h->page_sizes_kib, kib);
    }
    for (xmlNodePtr cell = vl_xml_child(vl_xml_child(vl_xml_child(host, "topology"), "cells"), "cell"); cell;
         cell = cell->next) {
        /* mutate: skip[const+1@23] — equivalent: kib is only read after vl_memory_to_kib_unit() has set it */
        guint64 kib = 0, amount;
        xmlNodePtr mem;

        if (!vl_xml_is(cell, "cell"))
            continue;
        h->cells++;
        mem = vl_xml_child(cell, "memory");
        /* mutate: skip[drop-and@13] — equivalent: the text of a NULL node is empty, which vl_xml_parse_uint() refuses */
        if (mem && vl_xml_parse_uint(vl_xml_text(mem, buf, sizeof(buf)), &amount) &&
            vl_memory_to_kib_unit(amount, vl_xml_attr(mem, "unit"), &kib))
            h->largest_cell_kib = MAX(h->largest_cell_kib, kib);
        for (xmlNodePtr cpu = vl_xml_child(vl_xml_child(cell, "cpus"), "cpu"); cpu; cpu = cpu->next) {
            guint64 id;
            if (vl_xml_is(cpu, "cpu") && vl_xml_parse_uint(vl_xml_attr(cpu, "id"), &id) && id < VL_CPUSET_MAX) {
                g_hash_table_add(h->cpus, GUINT_TO_POINTER((guint) id + 1));
                add_topology(h, cell, cpu, (guint) id);
            }
        }
    }
    g_ptr_array_sort(h->topology, host_cpu_cmp);
    for (xmlNodePtr bank = vl_xml_child(vl_xml_child(host, "cache"), "bank"); bank; bank = bank->next) {
        guint64 id, level, size, kib;
        VlHostCache *c;

        if (!vl_xml_is(bank, "bank") || !vl_xml_parse_uint(vl_xml_attr(bank, "id"), &id) ||
            !vl_xml_parse_uint(vl_xml_attr(bank, "level"), &level) ||
            !vl_xml_parse_uint(vl_xml_attr(bank, "size"), &size) ||
            !vl_memory_to_kib_unit(size, vl_xml_attr(bank, "unit"), &kib))
            continue;
        c = g_new0(VlHostCache, 1);
        if (!vl_cpuset_parse(vl_xml_attr(bank, "cpus"), &c->cpus)) {
            cache_free(c);
            continue;
        }
        c->id = (guint) id;
        c->level = (guint) level;
        c->type = g_strdup(vl_xml_attr(bank, "type"));
        c->size_kib = kib;
        g_ptr_array_add(h->caches, c);
    }
    for (xmlNodePtr guest = root->children; guest; guest = guest->next) {
        xmlNodePtr arch = vl_xml_child(guest, "arch");
        if (!vl_xml_is(guest, "guest"))
            continue;
        for (xmlNodePtr e = arch ? arch->children : NULL; e; e = e->next) {
            if (vl_xml_is(e, "emulator"))
                g_ptr_array_add(h->emulators, g_strdup(vl_xml_text(e, buf, sizeof(buf))));
            else if (vl_xml_is(e, "domain") && vl_xml_child(e, "emulator"))
                g_ptr_array_add(h->emulators, g_strdup(vl_xml_text(vl_xml_child(e, "emulator"), buf, sizeof(buf))));
        }
    }
    h->have_caps = true;
    xmlFreeDoc(doc);
    return TRUE;
}

gboolean
vl_host_add_domcapabilities(VlHost *h, const char *xml, const char *what, GError **error)
{
    xmlDocPtr doc = parse(xml, "domainCapabilities", what, error);
    xmlNodePtr root, os, devices;
    char buf[512];

    if (!doc)
        return FALSE;
    root = xmlDocGetRootElement(doc);
    os = vl_xml_child(root, "os");
    for (xmlNodePtr v = vl_xml_child(os, "loader") ? vl_xml_child(os, "loader")->children : NULL; v; v = v->next) {
        if (vl_xml_is(v, "value"))
            g_ptr_array_add(h->loaders, g_strdup(vl_xml_text(v, buf, sizeof(buf))));
    }
    {
        g_autoptr(GPtrArray) fw = g_ptr_array_new_with_free_func(g_free);
        values(vl_xml_child_with(os, "enum", "name", "firmware"), fw);
        h->efi = g_ptr_array_find_with_equal_func(fw, "efi", g_str_equal, NULL);
    }
    devices = vl_xml_child(root, "devices");
    values(vl_xml_child_with(vl_xml_child(devices, "tpm"), "enum", "name", "model"), h->tpm_models);
    values(vl_xml_child_with(vl_xml_child(devices, "video"), "enum", "name", "modelType"), h->video_models);
    h->have_domcaps = true;
    xmlFreeDoc(doc);
    return TRUE;
}

char *
vl_host_pci_address(const char *domain, const char *bus, const char *slot, const char *function)
{
    guint64 d = 0, b, s, f;

    if (!bus || !slot || !function)
        return NULL;
    if ((domain && !g_ascii_string_to_unsigned(g_str_has_prefix(domain, "0x") ? domain + 2 : domain, 16, 0, 0xffff, &d, NULL)) ||
        !g_ascii_string_to_unsigned(g_str_has_prefix(bus, "0x") ? bus + 2 : bus, 16, 0, 0xff, &b, NULL) ||
        !g_ascii_string_to_unsigned(g_str_has_prefix(slot, "0x") ? slot + 2 : slot, 16, 0, 0x1f, &s, NULL) ||
        !g_ascii_string_to_unsigned(g_str_has_prefix(function, "0x") ? function + 2 : function, 16, 0, 7, &f, NULL))
        return NULL;
    return g_strdup_printf("%04x:%02x:%02x.%x", (guint) d, (guint) b, (guint) s, (guint) f);
}

gboolean
vl_host_add_nodedev(VlHost *h, const char *xml, const char *what, GError **error)
{
    xmlDocPtr doc = parse(xml, "device", what, error);
    xmlNodePtr cap;
    char buf[64];

    if (!doc)
        return FALSE;
    h->have_nodedev = true;
    cap = vl_xml_child_with(xmlDocGetRootElement(doc), "capability", "type", "pci");
    if (cap) {
        VlHostPci *p = g_new0(VlHostPci, 1);
        /* nodedev writes decimal numbers here */
        /* mutate: skip[const+1@51] — equivalent: cls is assigned before it is read */
        guint64 d = 0, b = 0, s = 0, f = 0, cls = 0;
        xmlNodePtr group = vl_xml_child(cap, "iommuGroup");

        vl_xml_parse_uint(vl_xml_text(vl_xml_child(cap, "domain"), buf, sizeof(buf)), &d);
        vl_xml_parse_uint(vl_xml_text(vl_xml_child(cap, "bus"), buf, sizeof(buf)), &b);
        vl_xml_parse_uint(vl_xml_text(vl_xml_child(cap, "slot"), buf, sizeof(buf)), &s);
        vl_xml_parse_uint(vl_xml_text(vl_xml_child(cap, "function"), buf, sizeof(buf)), &f);
        vl_xml_text(vl_xml_child(cap, "class"), buf, sizeof(buf));
        cls = g_ascii_strtoull(g_str_has_prefix(buf, "0x") ? buf + 2 : buf, NULL, 16);
        p->address = g_strdup_printf("%04x:%02x:%02x.%x", (guint) d, (guint) b, (guint) s, (guint) f);
        p->class_code = (guint) cls;
        p->iommu_group = -1;
        p->group = g_ptr_array_new_with_free_func(g_free);
        if (group) {
            guint64 n;
            if (vl_xml_parse_uint(vl_xml_attr(group, "number"), &n))
                p->iommu_group = (int) n;
            for (xmlNodePtr a = group->children; a; a = a->next) {
                char *addr;
                if (vl_xml_is(a, "address") &&
                    (addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"),
                                                vl_xml_attr(a, "slot"), vl_xml_attr(a, "function"))))
                    g_ptr_array_add(p->group, addr);
            }
        }
        g_hash_table_replace(h->pci, p->address, p);
    }
    xmlFreeDoc(doc);
    return TRUE;
}

gboolean
vl_host_add_nodedev_dir(VlHost *h, const char *dir, GError **error)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, error);
    const char *name;

    if (!d)
        return FALSE;
    while ((name = g_dir_read_name(d))) {
        g_autofree char *path = g_build_filename(dir, name, NULL);
        g_autofree char *xml = NULL;

        if (!g_str_has_suffix(name, ".xml"))
            continue;
        if (!g_file_get_contents(path, &xml, NULL, error) || !vl_host_add_nodedev(h, xml, path, error))
            return FALSE;
    }
    h->have_nodedev = true;
    return TRUE;
}
