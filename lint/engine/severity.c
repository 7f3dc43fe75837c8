#include "lint/engine/severity.h"

#include <string.h>

static const char *const severity_names[] = {
    [VL_SEVERITY_INFO] = "info",
    [VL_SEVERITY_WARNING] = "warning",
    [VL_SEVERITY_ERROR] = "error",
};

const char *
vl_severity_name(VlSeverity sev)
{
    return severity_names[sev];
}

int
vl_severity_parse(const char *name, VlSeverity *out)
{
    for (int i = VL_SEVERITY_INFO; i <= VL_SEVERITY_ERROR; i++) {
        if (strcmp(name, severity_names[i]) == 0) {
            *out = (VlSeverity) i;
            return 0;
        }
    }
    return -1;
}
