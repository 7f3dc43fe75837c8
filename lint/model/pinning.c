#include "lint/model/pinning.h"

#include "lint/load/xml.h"

static void
iothread_pin_free(VlIothreadPin *p)
{
    vl_cpuset_clear(&p->cpus);
    g_free(p);
}

VlPinning *
vl_pinning_new(const VlModel *m)
{
    VlPinning *p = g_new0(VlPinning, 1);
    xmlNodePtr cputune = vl_model_top(m, "cputune");

    p->vcpus = MIN(m->vcpus, VL_CPUSET_MAX);
    p->vcpu = g_new0(VlCpuset, p->vcpus);
    p->vcpu_node = g_new0(xmlNodePtr, p->vcpus);
    p->iothreads = g_ptr_array_new_with_free_func((GDestroyNotify) iothread_pin_free);
    for (xmlNodePtr el = cputune ? cputune->children : NULL; el; el = el->next) {
        guint64 id;
        VlCpuset set;

        if (!vl_cpuset_parse(vl_xml_attr(el, "cpuset"), &set))
            continue;
        if (vl_xml_is(el, "vcpupin") && vl_xml_parse_uint(vl_xml_attr(el, "vcpu"), &id) && id < p->vcpus &&
            !p->vcpu_node[id]) {
            p->vcpu[id] = set;
            p->vcpu_node[id] = el;
            p->pinned++;
        } else if (vl_xml_is(el, "emulatorpin") && !p->emulator_node) {
            p->emulator = set;
            p->emulator_node = el;
        } else if (vl_xml_is(el, "iothreadpin") && vl_xml_parse_uint(vl_xml_attr(el, "iothread"), &id) &&
                   id <= G_MAXUINT) {
            VlIothreadPin *io = g_new0(VlIothreadPin, 1);

            io->id = (guint) id;
            io->cpus = set;
            io->node = el;
            g_ptr_array_add(p->iothreads, io);
        } else {
            vl_cpuset_clear(&set);
        }
    }
    return p;
}

void
vl_pinning_free(VlPinning *p)
{
    if (!p)
        return;
    for (guint i = 0; i < p->vcpus; i++)
        vl_cpuset_clear(&p->vcpu[i]);
    g_free(p->vcpu);
    g_free(p->vcpu_node);
    vl_cpuset_clear(&p->emulator);
    g_ptr_array_unref(p->iothreads);
    g_free(p);
}

int
vl_pinning_single(const VlPinning *p, guint n)
{
    guint cpu;

    if (n >= p->vcpus || vl_cpuset_count(&p->vcpu[n]) != 1 || !vl_cpuset_max(&p->vcpu[n], &cpu))
        return -1;
    return (int) cpu;
}

VlCpuset
vl_pinning_vcpu_hosts(const VlPinning *p)
{
    VlCpuset all = { 0 };

    for (guint i = 0; i < p->vcpus; i++)
        vl_cpuset_union(&all, &p->vcpu[i]);
    return all;
}
