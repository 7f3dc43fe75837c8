/* <sysinfo>; see sysinfo.h. */
#include "lint/model/sysinfo.h"

#include "lint/load/xml.h"

xmlNodePtr
vl_smbios_sysinfo(const VlModel *m)
{
    /* the domain's direct children only: there may be a fwcfg one first */
    for (xmlNodePtr child = m->root ? m->root->children : NULL; child; child = child->next) {
        if (vl_xml_is(child, "sysinfo") && vl_xml_attr_is(child, "type", "smbios"))
            return child;
    }
    return NULL;
}

bool
vl_sysinfo_has_content(xmlNodePtr sysinfo)
{
    for (xmlNodePtr group = sysinfo ? sysinfo->children : NULL; group; group = group->next) {
        if (xmlFirstElementChild(group)) /* NULL for text and comments */
            return true;
    }
    return false;
}
