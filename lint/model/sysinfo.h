/* <sysinfo>: the SMBIOS tables libvirt gives the guest. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The <sysinfo type='smbios'> element of the domain, or NULL. */
xmlNodePtr vl_smbios_sysinfo(const VlModel *m);

/* Whether a <sysinfo> element carries anything (entries or OEM strings). */
bool vl_sysinfo_has_content(xmlNodePtr sysinfo);
