/* <channel> devices: the named ports guest agents and SPICE use. */
#pragma once

#include <libxml/tree.h>

#include "lint/model/model.h"

/* The port SPICE's folder sharing (WebDAV) uses. */
#define VL_SPICE_WEBDAV "org.spice-space.webdav.0"

/* The <channel> whose <target name=NAME>, or NULL. */
xmlNodePtr vl_channel_named(const VlModel *m, const char *name);
