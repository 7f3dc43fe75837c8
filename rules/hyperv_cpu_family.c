#include "hyperv_cpu_family.h"

#include <string.h>

#include "lint/xml.h"

static void
grow(VlCpuset *set, guint size)
{
    if (size <= set->size)
        return;
    set->member = g_realloc(set->member, size);
    memset(set->member + set->size, 0, size - set->size);
    set->size = size;
}

void
vl_cpuset_add(VlCpuset *set, guint n)
{
    grow(set, n + 1);
    set->member[n] = 1;
}

void
vl_cpuset_clear(VlCpuset *set)
{
    g_clear_pointer(&set->member, g_free);
    set->size = 0;
}

bool
vl_cpuset_has(const VlCpuset *set, guint n)
{
    return n < set->size && set->member[n];
}

guint
vl_cpuset_count(const VlCpuset *set)
{
    guint count = 0;

    for (guint i = 0; i < set->size; i++)
        count += set->member[i] != 0;
    return count;
}

bool
vl_cpuset_max(const VlCpuset *set, guint *n)
{
    for (guint i = set->size; i > 0; i--) {
        if (set->member[i - 1]) {
            *n = i - 1;
            return true;
        }
    }
    return false;
}

void
vl_cpuset_union(VlCpuset *into, const VlCpuset *from)
{
    for (guint i = 0; i < from->size; i++) {
        if (from->member[i])
            vl_cpuset_add(into, i);
    }
}

VlCpuset
vl_cpuset_intersection(const VlCpuset *a, const VlCpuset *b)
{
    VlCpuset out = { 0 };

    for (guint i = 0; i < MIN(a->size, b->size); i++) {
        if (a->member[i] && b->member[i])
            vl_cpuset_add(&out, i);
    }
    return out;
}

char *
vl_cpuset_format(const VlCpuset *set)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < set->size; i++) {
        guint j = i;

        if (!set->member[i])
            continue;
        while (j + 1 < set->size && set->member[j + 1])
            j++;
        if (out->len)
            g_string_append_c(out, ',');
        if (j == i)
            g_string_append_printf(out, "%u", i);
        else
            g_string_append_printf(out, "%u-%u", i, j);
        i = j;
    }
    return g_string_free(out, FALSE);
}

/* A decimal number at *P (blanks before it allowed); advances *P. */
static bool
parse_number(const char **p, guint *out)
{
    guint64 value = 0;
    const char *s = *p;

    while (*s == ' ' || *s == '\t')
        s++;
    if (!g_ascii_isdigit(*s))
        return false;
    while (g_ascii_isdigit(*s)) {
        value = value * 10 + (guint64) (*s - '0');
        if (value >= VL_CPUSET_MAX)
            return false;
        s++;
    }
    while (*s == ' ' || *s == '\t')
        s++;
    *out = (guint) value;
    *p = s;
    return true;
}

static bool
parse(const char *text, bool negation, VlCpuset *out)
{
    const char *p = text;

    *out = (VlCpuset) { 0 };
    if (!text)
        return false;
    for (;;) {
        bool remove = false;
        guint first, last;

        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '^' && negation) {
            remove = true;
            p++;
        }
        if (!parse_number(&p, &first))
            goto error;
        last = first;
        if (*p == '-') {
            p++;
            if (!parse_number(&p, &last) || last < first)
                goto error;
        }
        for (guint i = first; i <= last; i++) {
            if (remove) {
                if (i < out->size)
                    out->member[i] = 0;
            } else {
                vl_cpuset_add(out, i);
            }
        }
        if (*p == '\0')
            break;
        if (*p != ',')
            goto error;
        p++;
    }
    return true;

error:
    vl_cpuset_clear(out);
    return false;
}

bool
vl_cpuset_parse(const char *text, VlCpuset *out)
{
    return parse(text, true, out);
}

bool
vl_cpuset_parse_plain(const char *text, VlCpuset *out)
{
    return parse(text, false, out);
}

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
    xmlNodePtr model = vl_xml_child(m->cpu, "model");
    const char *name;

    if (!model)
        return NULL;
    name = vl_xml_text(model, buf, size);
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
    return node && vl_xml_attr_is(node, "state", "on");
}

bool
vl_state_off(xmlNodePtr node)
{
    return node && vl_xml_attr_is(node, "state", "off");
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
