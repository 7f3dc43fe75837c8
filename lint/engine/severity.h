/* Finding severities and their names. */
#pragma once

typedef enum {
    VL_SEVERITY_INFO = 0,
    VL_SEVERITY_WARNING = 1,
    VL_SEVERITY_ERROR = 2,
} VlSeverity;

const char *vl_severity_name(VlSeverity sev);
/* Returns 0 on success, -1 when NAME is not a severity. */
int vl_severity_parse(const char *name, VlSeverity *out);
