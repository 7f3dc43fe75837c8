/* The CPU the guest gets; see effective_cpu.h. */
#include "lint/model/effective_cpu.h"

#include <string.h>

#include "lint/load/xml.h"

int
vl_qemu_cpu_flag(const VlQemuOption *cpu, const char *flag)
{
    int state = -1;

    if (!cpu)
        return -1;
    /* the first item is the model, whatever it holds (QEMU's
     * parse_cpu_option splits the value at the first comma and looks the
     * whole first piece up as a CPU model: "-cpu kvm=off" asks for a model
     * named "kvm=off" and QEMU exits); after it, each item is +flag, -flag,
     * flag=value or a bare flag (on) */
    for (guint i = 0; i < cpu->props->len; i++) {
        VlQemuProp *prop = g_ptr_array_index(cpu->props, i);
        const char *key = prop->key;

        if (i == 0)
            continue;
        if ((key[0] == '+' || key[0] == '-') && !prop->value && strcmp(key + 1, flag) == 0)
            state = key[0] == '+';
        else if (strcmp(key, flag) == 0)
            state = prop->value ? vl_qemu_bool(prop->value) : 1;
    }
    return state;
}

/* What of the XML libvirt puts in its own -cpu, besides <cpu>. */
static const char *
libvirt_cpu_content(const VlModel *m)
{
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");

    if (m->cpu)
        return "<cpu> is set";
    if (m->hyperv) {
        if (!vl_model_hyperv_custom(m))
            return "Hyper-V enlightenments are on";
        for (xmlNodePtr f = m->hyperv->children; f; f = f->next) {
            if (vl_xml_attr_is(f, "state", "on"))
                return "Hyper-V enlightenments are on";
        }
    }
    for (xmlNodePtr f = kvm ? kvm->children : NULL; f; f = f->next) {
        if (vl_xml_attr(f, "state")) /* NULL for text and comment nodes */
            return "<kvm> features are set";
    }
    if (vl_xml_child(m->features, "pmu"))
        return "<pmu> is set";
    if (vl_xml_attr(vl_xml_child(m->features, "apic"), "eoi"))
        return "<apic eoi> is set";
    return NULL;
}

VlEffectiveCpu
vl_effective_cpu(const VlModel *m)
{
    const VlQemuCmdline *c = vl_qemu_cmdline(m);
    VlEffectiveCpu e = { 0 };
    xmlNodePtr model = vl_xml_child(m->cpu, "model");

    e.has_cpu_element = m->cpu != NULL;
    e.libvirt_cpu_why = libvirt_cpu_content(m);
    e.libvirt_cpu_matters = e.libvirt_cpu_why != NULL;
    if (m->cpu) {
        e.mode = vl_xml_attr(m->cpu, "mode");
        if (!e.mode)
            e.mode = "custom";
    }

    if (c->cpu) {
        int hv = vl_qemu_cpu_flag(c->cpu, "hypervisor");

        e.qemu_cpu = c->cpu;
        e.model_from_qemu = true;
        e.model = vl_qemu_option_get(c->cpu, "model", NULL);
        e.model_node = c->cpu->value_arg;
        e.hypervisor_hidden = hv == 0;
        e.hypervisor_node = hv == 0 ? c->cpu->value_arg : NULL;
        return e;
    }

    if (e.mode && (strcmp(e.mode, "host-passthrough") == 0 || strcmp(e.mode, "maximum") == 0)) {
        e.model = strcmp(e.mode, "maximum") == 0 ? "max" : "host";
        e.model_node = m->cpu;
    } else if (model && model->children && model->children->type == XML_TEXT_NODE && model->children->content) {
        e.model = (const char *) model->children->content;
        e.model_node = model;
    } else if (m->cpu) {
        e.model_node = m->cpu;
    }
    for (xmlNodePtr f = m->cpu ? m->cpu->children : NULL; f; f = f->next) {
        if (vl_xml_is(f, "feature") && vl_xml_attr_is(f, "name", "hypervisor")) {
            /* the last <feature> for a name is what libvirt passes */
            e.hypervisor_hidden = vl_xml_attr_is(f, "policy", "disable") || vl_xml_attr_is(f, "policy", "forbid");
            e.hypervisor_node = e.hypervisor_hidden ? f : NULL;
        }
    }
    return e;
}

bool
vl_qemu_cpu_hv_on(const VlQemuOption *cpu, const char *name)
{
    g_autofree char *dash = g_strdup_printf("hv-%s", name), *under = g_strdup_printf("hv_%s", name);

    return vl_qemu_cpu_flag(cpu, dash) == 1 || vl_qemu_cpu_flag(cpu, under) == 1 ||
           vl_qemu_cpu_flag(cpu, "hv-passthrough") == 1;
}
