#include "version.h"

const char *
vl_version_format(unsigned version, char *buf, gsize size)
{
    g_snprintf(buf, size, "%u.%u.%u", version / 1000000u, version / 1000u % 1000u, version % 1000u);
    return buf;
}
