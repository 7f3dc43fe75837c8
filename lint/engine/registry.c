#include "lint/engine/registry.h"

#include <string.h>

/* Generated from the rule files (tools/gen-registry.sh): a rule is
 * registered by defining a `const VlRule vl_rule_NAME` in rules/CATEGORY/. */
extern const VlRule *const vl_registered_rules[];
extern const gsize vl_registered_rule_count;

const VlRule *const *
vl_registry_rules(gsize *count)
{
    *count = vl_registered_rule_count;
    return vl_registered_rules;
}

const VlRule *
vl_registry_find(const char *id)
{
    for (gsize i = 0; i < vl_registered_rule_count; i++) {
        if (strcmp(vl_registered_rules[i]->id, id) == 0)
            return vl_registered_rules[i];
    }
    return NULL;
}

gsize
vl_registry_index(const VlRule *rule)
{
    for (gsize i = 0; i < vl_registered_rule_count; i++) {
        if (vl_registered_rules[i] == rule)
            return i;
    }
    g_assert_not_reached();
}

bool
vl_registry_is_category(const char *name)
{
    for (gsize i = 0; i < vl_registered_rule_count; i++) {
        if (strcmp(vl_registered_rules[i]->category, name) == 0)
            return true;
    }
    return false;
}
