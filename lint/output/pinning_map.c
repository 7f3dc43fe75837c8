#include "lint/output/pinning_map.h"

#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/pinning.h"
#include "lint/output/output.h"
#include "lint/output/sgr.h"

#define SGR_VCPU SGR_GREEN
#define SGR_EMULATOR SGR_PLAIN_YELLOW
#define SGR_IOTHREAD SGR_CYAN
#define SGR_FREE SGR_DIM
#define SGR_SHARED SGR_RED
#define SGR_HEAD SGR_BOLD

/* What is pinned to each host CPU: labels, and the colour of the first. */
typedef struct {
    GPtrArray *labels;  /* char* */
    const char *sgr;
    guint vcpus;        /* how many of them are vCPUs */
} Cell;

static void
add_user(GHashTable *cells, guint cpu, char *label, const char *sgr, bool vcpu)
{
    Cell *c = g_hash_table_lookup(cells, GUINT_TO_POINTER(cpu + 1));

    if (!c) {
        c = g_new0(Cell, 1);
        c->labels = g_ptr_array_new_with_free_func(g_free);
        c->sgr = sgr;
        g_hash_table_insert(cells, GUINT_TO_POINTER(cpu + 1), c);
    }
    g_ptr_array_add(c->labels, label);
    c->vcpus += vcpu;
}

static void
cell_free(Cell *c)
{
    g_ptr_array_unref(c->labels);
    g_free(c);
}

static void
add_set(GHashTable *cells, const VlCpuset *set, const char *label, const char *sgr, bool vcpu)
{
    for (guint c = 0; c < set->size; c++) {
        if (vl_cpuset_has(set, c))
            add_user(cells, c, g_strdup(label), sgr, vcpu);
    }
}

/* "vCPU 3", "vCPU 3, emulator", "free" */
static char *
cell_text(const Cell *c)
{
    GString *s = g_string_new(NULL);

    if (!c)
        return g_string_free(s, FALSE);
    for (guint i = 0; i < c->labels->len; i++)
        g_string_append_printf(s, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index(c->labels, i));
    return g_string_free(s, FALSE);
}

static void
size_text(char *buf, gsize len, guint64 kib)
{
    if (kib >= 1024 && kib % 1024 == 0)
        g_snprintf(buf, len, "%" G_GUINT64_FORMAT " MiB", kib / 1024);
    else
        g_snprintf(buf, len, "%" G_GUINT64_FORMAT " KiB", kib);
}

static void
print_core(FILE *out, const VlConfig *config, const VlHost *h, GHashTable *cells, const VlCpuset *core,
           int width, int id_width, bool sockets, guint *shared)
{
    const VlHostCpu *first = NULL;
    char label[64];

    for (guint n = 0; n < core->size && !first; n++) {
        if (vl_cpuset_has(core, n))
            first = vl_host_cpu(h, n);
    }
    if (first && first->core_id >= 0 && sockets && first->socket_id >= 0)
        g_snprintf(label, sizeof(label), "socket %d core %d", first->socket_id, first->core_id);
    else if (first && first->core_id >= 0)
        g_snprintf(label, sizeof(label), "core %d", first->core_id);
    else
        g_snprintf(label, sizeof(label), "core ?");
    fprintf(out, "  %-*s", sockets ? 16 : 8, label);
    for (guint n = 0; n < core->size; n++) {
        const Cell *c;
        g_autofree char *text = NULL;
        bool many, last = true;

        if (!vl_cpuset_has(core, n))
            continue;
        for (guint k = n + 1; k < core->size && last; k++)
            last = !vl_cpuset_has(core, k);
        c = g_hash_table_lookup(cells, GUINT_TO_POINTER(n + 1));
        text = c ? cell_text(c) : g_strdup("free");
        /* a vCPU sharing its CPU; the emulator and iothreads together on
         * housekeeping CPUs is the usual layout, not a problem */
        many = c && c->labels->len > 1 && c->vcpus > 0;
        *shared += many;
        fprintf(out, "  CPU %*u %s%s%s%s", id_width, n, many ? "!" : " ",
                vl_output_color(config, many ? SGR_SHARED : c ? c->sgr : SGR_FREE), text,
                vl_output_color(config, SGR_RESET));
        if (!last)
            fprintf(out, "%*s", width - (int) strlen(text), "");
    }
    /* the last column unpadded: no trailing blanks */
    fprintf(out, "\n");
}

guint
vl_pinning_map_print(FILE *out, const VlConfig *config, const VlHost *h, const VlModel *m, const char *name)
{
    g_autoptr(VlPinning) p = vl_pinning_new(m);
    g_autoptr(GHashTable) cells = g_hash_table_new_full(g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) cell_free);
    g_autoptr(GPtrArray) banks = vl_host_l3_banks(h);
    g_autoptr(GPtrArray) cores = vl_host_cores(h, NULL);
    VlCpuset placed = { 0 }, floating = { 0 }, wide = { 0 };
    int width = 4, id_width = 1;
    guint shared = 0, max_id = 0;
    bool sockets = false;
    char buf[64];

    for (guint v = 0; v < p->vcpus; v++) {
        g_autofree char *label = g_strdup_printf("vCPU %u", v);

        if (!p->vcpu_node[v])
            vl_cpuset_add(&floating, v);
        else if (vl_cpuset_count(&p->vcpu[v]) > 1)
            vl_cpuset_add(&wide, v);
        add_set(cells, &p->vcpu[v], label, SGR_VCPU, true);
    }
    add_set(cells, &p->emulator, "emulator", SGR_EMULATOR, false);
    for (guint i = 0; i < p->iothreads->len; i++) {
        const VlIothreadPin *io = g_ptr_array_index(p->iothreads, i);
        g_autofree char *label = g_strdup_printf("iothread %u", io->id);

        add_set(cells, &io->cpus, label, SGR_IOTHREAD, false);
    }
    /* column widths */
    for (guint i = 0; i < h->topology->len; i++) {
        const VlHostCpu *c = g_ptr_array_index(h->topology, i);
        g_autofree char *text = cell_text(g_hash_table_lookup(cells, GUINT_TO_POINTER(c->id + 1)));

        width = MAX(width, (int) strlen(text));
        max_id = MAX(max_id, c->id);
        sockets = sockets || (c->socket_id > 0);
    }
    g_snprintf(buf, sizeof(buf), "%u", max_id);
    id_width = (int) strlen(buf);

    fprintf(out, "%s%s%s: %u vCPU%s on a host of %u CPUs", vl_output_color(config, SGR_HEAD), name,
            vl_output_color(config, SGR_RESET), p->vcpus, p->vcpus == 1 ? "" : "s", h->topology->len);
    if (vl_host_has_siblings(h))
        fprintf(out, " in %u cores", cores->len);
    else
        fprintf(out, " (cores unknown: no thread siblings in the host facts)");
    if (banks->len)
        fprintf(out, ", %u L3 cache%s\n", banks->len, banks->len == 1 ? "" : "s");
    else
        fprintf(out, ", no L3 cache listed\n");
    for (guint b = 0; b <= banks->len; b++) {
        const VlHostCache *bank = b < banks->len ? g_ptr_array_index(banks, b) : NULL;
        bool any = false;

        for (guint i = 0; i < cores->len; i++) {
            const VlCpuset *core = g_ptr_array_index(cores, i);
            guint first = 0;

            for (; first < core->size && !vl_cpuset_has(core, first); first++)
                ;
            if (bank ? vl_host_l3_bank_of(banks, first) != (int) b : vl_host_l3_bank_of(banks, first) >= 0)
                continue;
            if (!any) {
                if (bank) {
                    g_autofree char *cpus = vl_cpuset_format(&bank->cpus);
                    size_text(buf, sizeof(buf), bank->size_kib);
                    fprintf(out, "L3 cache %u (%s, host CPUs %s)\n", bank->id, buf, cpus);
                } else {
                    fprintf(out, "%s\n", banks->len ? "in no L3 cache listed" : "host CPUs");
                }
                any = true;
            }
            vl_cpuset_union(&placed, core);
            print_core(out, config, h, cells, core, width, id_width, sockets, &shared);
        }
    }
    if (floating.size && vl_cpuset_count(&floating)) {
        g_autofree char *s = vl_cpuset_format(&floating);
        const char *over = vl_xml_attr(m->vcpu, "cpuset");

        fprintf(out, "vCPU%s %s: not pinned, float%s over %s%s\n", vl_cpuset_count(&floating) > 1 ? "s" : "", s,
                vl_cpuset_count(&floating) > 1 ? "" : "s", over ? "<vcpu cpuset> " : "all host CPUs", over ? over : "");
    }
    if (wide.size && vl_cpuset_count(&wide)) {
        g_autofree char *s = vl_cpuset_format(&wide);

        fprintf(out, "vCPU%s %s: pinned to several host CPUs each\n", vl_cpuset_count(&wide) > 1 ? "s" : "", s);
    }
    if (!p->emulator_node)
        fprintf(out, "emulator: not pinned\n");
    if (shared)
        fprintf(out, "%s!%s %u host CPU%s where a vCPU shares its CPU with another of the guest's threads\n",
                vl_output_color(config, SGR_SHARED), vl_output_color(config, SGR_RESET), shared, shared == 1 ? "" : "s");
    vl_cpuset_clear(&placed);
    vl_cpuset_clear(&floating);
    vl_cpuset_clear(&wide);
    return shared;
}
