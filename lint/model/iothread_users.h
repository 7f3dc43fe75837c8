/* Who uses which IOThread.  Disks (<driver iothread='N'> and, from libvirt
 * 10.0, <driver><iothreads><iothread id='N'>), virtio-scsi controllers
 * (<driver iothread='N'>) name IOThreads by id; vl_iothread_ids
 * (cpu_features.h) says which ids exist. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

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
