/* <cpu> as written; see cpu.h. */
#include "lint/model/cpu.h"

#include <string.h>

#include "lint/load/xml.h"

const char *
vl_cpu_mode(const VlModel *m)
{
    const char *mode;

    if (!m->cpu)
        return NULL;
    mode = vl_xml_attr(m->cpu, "mode");
    return mode ? mode : "custom";
}

const char *
vl_cpu_model_name(const VlModel *m, char *buf, gsize size)
{
    /* vl_xml_text gives "" without <model> (a NULL node) */
    const char *name = vl_xml_text(vl_xml_child(m->cpu, "model"), buf, size);

    return *name ? name : NULL;
}

xmlNodePtr
vl_cpu_feature(const VlModel *m, const char *name)
{
    return vl_xml_child_with(m->cpu, "feature", "name", name);
}

bool
vl_cpu_feature_on(const VlModel *m, const char *name)
{
    xmlNodePtr f = vl_cpu_feature(m, name);
    const char *policy = vl_xml_attr(f, "policy");

    return f && (!policy || strcmp(policy, "require") == 0 || strcmp(policy, "force") == 0);
}
