/* The release a note quotes; see checked_release.h. */
#include "lint/model/checked_release.h"

#include "lint/engine/version.h"

const char *
vl_checked_release(const VlModel *m, unsigned first, unsigned last, char *buf, gsize size)
{
    unsigned v = m->config->libvirt_version;

    if (v < first)
        v = first;
    else if (v > last)
        v = last;
    return vl_version_format(v, buf, size);
}
