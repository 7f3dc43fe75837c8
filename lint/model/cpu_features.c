#include "lint/model/cpu_features.h"

#include <string.h>

#include "lint/load/xml.h"

unsigned
vl_iothread_count(const VlModel *m)
{
    char buf[32];
    guint64 n;

    if (!vl_xml_parse_uint(vl_xml_text(vl_model_top(m, "iothreads"), buf, sizeof(buf)), &n) || n > G_MAXUINT)
        return 0;
    return (unsigned) n;
}

VlCpuset
vl_iothread_ids(const VlModel *m)
{
    xmlNodePtr ids = vl_model_top(m, "iothreadids");
    unsigned count = vl_iothread_count(m);
    VlCpuset set = { 0 };
    guint listed = 0;

    for (xmlNodePtr t = ids ? ids->children : NULL; t; t = t->next) {
        guint64 id;

        if (vl_xml_is(t, "iothread") && vl_xml_parse_uint(vl_xml_attr(t, "id"), &id) && id > 0 &&
            id < VL_CPUSET_MAX) {
            if (!vl_cpuset_has(&set, (guint) id))
                listed++;
            vl_cpuset_add(&set, (guint) id);
        }
    }
    for (guint id = 1; listed < count && id < VL_CPUSET_MAX; id++) {
        if (!vl_cpuset_has(&set, id)) {
            vl_cpuset_add(&set, id);
            listed++;
        }
    }
    return set;
}

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

bool
vl_state_on(xmlNodePtr node)
{
    return vl_xml_attr_is(node, "state", "on"); /* false for NULL */
}

bool
vl_state_off(xmlNodePtr node)
{
    return vl_xml_attr_is(node, "state", "off");
}

char *
vl_join_and(GPtrArray *items)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < items->len; i++) {
        if (i > 0)
            g_string_append(out, i + 1 == items->len ? " and " : ", ");
        g_string_append(out, g_ptr_array_index(items, i));
    }
    return g_string_free(out, FALSE);
}
