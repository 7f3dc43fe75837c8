/* JSON helpers shared by the JSON and SARIF outputs. */
#pragma once

#include <stdbool.h>
#include <stdio.h>
#include <json-c/json.h>

#include "lint/engine/report.h"

json_object *vl_output_fix_json(const VlFinding *finding);
void vl_output_print_json(FILE *out, json_object *obj, bool pretty);
