/* What a <domainsnapshot> asks for, shared by the snapshot-* rules. */
#include "lint/model/snapshot_modes.h"

#include <string.h>

#include "lint/load/xml.h"

/* The snapshot's memory mode: internal, external or no. */
const char *
vl_snapshot_memory_mode(const VlModel *m)
{
    xmlNodePtr memory = vl_xml_child(m->snapshot, "memory");
    const char *mode = vl_xml_attr(memory, "snapshot");
    char state[32];

    if (mode)
        return mode;
    /* without <memory>, a snapshot of a running guest saves its memory inside */
    vl_xml_text(vl_xml_child(m->snapshot, "state"), state, sizeof(state));
    return strcmp(state, "running") == 0 || strcmp(state, "paused") == 0 ? "internal" : "no";
}

bool
vl_snapshot_was_running(const VlModel *m)
{
    char state[32];

    vl_xml_text(vl_xml_child(m->snapshot, "state"), state, sizeof(state));
    return strcmp(state, "running") == 0 || strcmp(state, "paused") == 0;
}

/* The snapshot mode of the domain disk DISK: its <disks><disk> entry, or the
 * memory mode's default. */
const char *
vl_snapshot_disk_mode(const VlModel *m, xmlNodePtr disk, xmlNodePtr *entry)
{
    const char *dev = vl_xml_attr(vl_xml_child(disk, "target"), "dev");
    const char *mode;

    /* libvirt refuses a snapshot that names a disk twice */
    *entry = dev ? vl_xml_child_with(vl_xml_child(m->snapshot, "disks"), "disk", "name", dev) : NULL;
    if ((mode = vl_xml_attr(*entry, "snapshot")))
        return mode;
    if (!vl_xml_attr_is(disk, "device", "disk") && vl_xml_attr(disk, "device"))
        return "no"; /* cdroms and floppies are not snapshotted */
    return strcmp(vl_snapshot_memory_mode(m), "external") == 0 ? "external" : "internal";
}
