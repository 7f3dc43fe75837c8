/* Rule documentation from rule metadata: --list-rules, --explain and
 * rules.md all come from here, so they cannot drift apart. */
#pragma once

#include <stdio.h>

#include "lint/engine/config.h"
#include "lint/engine/rule.h"

const char *vl_refused_by_name(VlRefusedBy who);
void vl_ruledoc_list_text(FILE *out, const VlConfig *config);
void vl_ruledoc_list_json(FILE *out);
/* One rule's section, in Markdown (what --explain prints).  VERIFIED: the
 * libvirt releases the rule was verified on ("9.0 11.3 12.8"), or NULL. */
void vl_ruledoc_section(FILE *out, const VlRule *rule, const char *verified);
/* The whole of rules.md.  VERIFIED: rule id -> releases, from the release
 * tests (corpus/verified-releases.tsv); NULL when there are none. */
void vl_ruledoc_markdown(FILE *out, GHashTable *verified);
