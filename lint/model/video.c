/* <video> and <graphics>; see video.h. */
#include "lint/model/video.h"

#include <string.h>

#include "lint/load/xml.h"

xmlNodePtr
vl_video_model(xmlNodePtr video)
{
    return vl_xml_child(video, "model");
}

const char *
vl_video_type(xmlNodePtr video)
{
    const char *type = vl_xml_attr(vl_video_model(video), "type");
    return type ? type : "default";
}

xmlNodePtr
vl_primary_video(const VlModel *m)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        if (vl_xml_attr_is(vl_video_model(video), "primary", "yes"))
            return video;
    }
    return videos->len ? g_ptr_array_index(videos, 0) : NULL;
}

bool
vl_video_accel3d(xmlNodePtr video, xmlNodePtr *accel)
{
    xmlNodePtr a = vl_xml_child(vl_video_model(video), "acceleration");

    if (accel)
        *accel = a;
    return vl_xml_attr_is(a, "accel3d", "yes");
}

bool
vl_graphics_gl(xmlNodePtr graphics)
{
    const char *type = vl_xml_attr(graphics, "type");

    if (!type)
        return false;
    if (strcmp(type, "egl-headless") == 0)
        return true;
    if (strcmp(type, "spice") == 0 || strcmp(type, "sdl") == 0 || strcmp(type, "dbus") == 0)
        return vl_xml_attr_is(vl_xml_child(graphics, "gl"), "enable", "yes");
    return false;
}

bool
vl_domain_has_gl(const VlModel *m)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        if (vl_graphics_gl(g_ptr_array_index(graphics, i)))
            return true;
    }
    return false;
}

/* The first <graphics type=TYPE>, or NULL. */
xmlNodePtr
vl_graphics(const VlModel *m, const char *type)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        if (!type || vl_xml_attr_is(g, "type", type))
            return g;
    }
    return NULL;
}
