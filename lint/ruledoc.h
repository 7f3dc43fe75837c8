/* Rule documentation from rule metadata: --list-rules, --explain and
 * rules.md all come from here, so they cannot drift apart. */
#pragma once

#include <stdio.h>

#include "config.h"
#include "rule.h"

const char *vl_refused_by_name(VlRefusedBy who);
void vl_ruledoc_list_text(FILE *out, const VlConfig *config);
void vl_ruledoc_list_json(FILE *out);
/* One rule's section, in Markdown (what --explain prints). */
void vl_ruledoc_section(FILE *out, const VlRule *rule);
/* The whole of rules.md. */
void vl_ruledoc_markdown(FILE *out);
