/* IOThreads: which ids the domain defines (vl_iothread_ids), and who uses
 * which.  Disks (<driver iothread='N'> and, from libvirt 10.0,
 * <driver><iothreads><iothread id='N'>) and virtio-scsi controllers
 * (<driver iothread='N'>) name IOThreads by id. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/cpuset.h"
#include "lint/model/model.h"

typedef struct {
    xmlNodePtr device;   /* <disk> or <controller> */
    xmlNodePtr node;     /* the element holding the id: <driver> or <iothread> */
    guint64 id;          /* as written (0 included: libvirt refuses it for disks) */
} VlIothreadUse;

/* Every reference to an IOThread, in document order.  Free with
 * g_ptr_array_unref. */
GPtrArray *vl_iothread_uses(const VlModel *model);

/* The devices that use IOThread ID (each once), in document order.  Free
 * with g_ptr_array_unref. */
GPtrArray *vl_iothread_users(const VlModel *model, guint64 id);

/* USE is by a SCSI controller that nothing can sit on: no SCSI disk or
 * SCSI <hostdev> names it in <address type='drive' controller='N'>, and
 * none goes without an address (libvirt would choose its controller).  Its
 * IOThread then has no I/O to run. */
bool vl_iothread_use_idle(const VlModel *model, const VlIothreadUse *use);

/* The iothread ids the domain defines, as libvirt derives them: every
 * <iothreadids><iothread id=N>, then, while fewer than <iothreads> are
 * listed, the smallest unused positive ids. */
VlCpuset vl_iothread_ids(const VlModel *model);
/* The <iothreads> count (0 when absent or not a number). */
unsigned vl_iothread_count(const VlModel *model);
