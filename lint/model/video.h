/* How libvirt reads <video> and <graphics> when attributes are left out:
 * the video model and the primary device, 3D acceleration, OpenGL
 * displays. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* <video><model>, or NULL. */
xmlNodePtr vl_video_model(xmlNodePtr video);
/* The video model's type; "default" when absent (libvirt then picks cirrus
 * on x86 when QEMU has it, as libvirt 9.0 does, else VGA). */
const char *vl_video_type(xmlNodePtr video);
/* The primary video device as libvirt sees it: the one with
 * primary='yes', else the first; NULL without video devices. */
xmlNodePtr vl_primary_video(const VlModel *m);
/* The video device has <acceleration accel3d='yes'/>; *accel receives the
 * <acceleration> element. */
bool vl_video_accel3d(xmlNodePtr video, xmlNodePtr *accel);

/* The graphics device renders with OpenGL: spice, sdl or dbus with
 * <gl enable='yes'/>, or egl-headless. */
bool vl_graphics_gl(xmlNodePtr graphics);

/* One of the domain's graphics devices renders with OpenGL. */
bool vl_domain_has_gl(const VlModel *m);

/* The first <graphics type=TYPE> (any type for NULL), or NULL. */
xmlNodePtr vl_graphics(const VlModel *m, const char *type);
