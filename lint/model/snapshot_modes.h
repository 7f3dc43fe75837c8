/* What a <domainsnapshot> asks for, shared by the snapshot-* rules that read
 * it (snapshot-uefi-internal, snapshot-raw-internal, snapshot-memory-blocked).
 * They read the model only; for a domain XML (no snapshot) the snapshot is
 * taken as of a guest that is not running. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The snapshot's memory mode: internal, external or no.  Without <memory>,
 * a snapshot of a running (or paused) guest saves its memory inside. */
const char *vl_snapshot_memory_mode(const VlModel *m);
/* The snapshot was taken of a running or paused guest (<state>). */
bool vl_snapshot_was_running(const VlModel *m);
/* The snapshot mode of the domain disk DISK: its <disks><disk> entry's
 * (returned in *ENTRY, else NULL), or the memory mode's default. */
const char *vl_snapshot_disk_mode(const VlModel *m, xmlNodePtr disk, xmlNodePtr *entry);
