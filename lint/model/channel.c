/* <channel> devices; see channel.h. */
#include "lint/model/channel.h"

#include "lint/load/xml.h"

/* The <channel> whose <target name=NAME>, or NULL. */
xmlNodePtr
vl_channel_named(const VlModel *m, const char *name)
{
    GPtrArray *channels = vl_model_devices(m, "channel");

    for (guint i = 0; i < channels->len; i++) {
        xmlNodePtr ch = g_ptr_array_index(channels, i);
        if (vl_xml_attr_is(vl_xml_child(ch, "target"), "name", name))
            return ch;
    }
    return NULL;
}
