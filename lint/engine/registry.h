/* The one list of rules (generated from the rule files in rules/CATEGORY/) and lookups in it. */
#pragma once

#include <stdbool.h>
#include <glib.h>

#include "lint/engine/rule.h"

/* All rules, in registration order; *count receives their number. */
const VlRule *const *vl_registry_rules(gsize *count);
const VlRule *vl_registry_find(const char *id);
/* Index of RULE in the registry (for per-rule flags). */
gsize vl_registry_index(const VlRule *rule);
bool vl_registry_is_category(const char *name);

/* The rule that reports suppressions naming rules that do not exist. */
extern const VlRule vl_rule_suppression_unknown_rule;
/* The rule whose finding lists the consequences of the configuration
 * (rules with .consequence), merged by the engine. */
extern const VlRule vl_rule_domain_limitations;
/* libvirt's schema, whose errors the engine merges into a refusal another
 * rule reports on the same element. */
extern const VlRule vl_rule_schema;
