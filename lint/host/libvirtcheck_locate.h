/* Where in a domain a libvirt error message points.
 *
 * libvirt's messages carry no line numbers, but they name what they refuse:
 * a PCI, USB or CCW address, an attr='value' pair, a disk target or device
 * alias, an element or attribute name, a model or type value.  This finds
 * the element that names, so that a --libvirt-check refusal is reported at
 * the offending line instead of at <domain>. */
#pragma once

#include <libxml/tree.h>

/* The element of DOMAIN (a <domain> element) that MESSAGE (libvirt's
 * error message) concerns; DOMAIN itself when nothing more precise matches. */
xmlNodePtr vl_libvirt_check_locate(xmlNodePtr domain, const char *message);
