/* Small, allocation-free accessors for libxml2 trees.  Elements in libvirt's
 * core schema have no namespace; these helpers only match such elements. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

/* What libxml2 passes a structured error handler: libxml2 2.12 (Debian 13
 * and later) made it const, and newer compilers refuse the old type. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *VlXmlError;
#else
typedef xmlError *VlXmlError;
#endif

/* NODE is an element without namespace named NAME. */
bool vl_xml_is(xmlNodePtr node, const char *name);
/* NODE is an element in namespace URI named NAME. */
bool vl_xml_is_ns(xmlNodePtr node, const char *uri, const char *name);
/* The value of NODE's un-namespaced attribute NAME, or NULL. Points into the tree. */
const char *vl_xml_attr(xmlNodePtr node, const char *name);
/* NODE has attribute NAME equal to VALUE. */
bool vl_xml_attr_is(xmlNodePtr node, const char *name, const char *value);
/* First child element without namespace named NAME, or NULL. */
xmlNodePtr vl_xml_child(xmlNodePtr node, const char *name);
/* First child element with that name whose attribute ATTR equals VALUE. */
xmlNodePtr vl_xml_child_with(xmlNodePtr node, const char *name, const char *attr, const char *value);
/* The text of a simple element such as <vcpu>4</vcpu>, stripped into BUF. */
const char *vl_xml_text(xmlNodePtr node, char *buf, gsize size);
/* Parse a non-negative decimal integer (surrounding blanks allowed). */
bool vl_xml_parse_uint(const char *text, guint64 *out);
/* The element's line in its file (libxml2 keeps it for every element). */
int vl_xml_line(xmlNodePtr node);

/* A state attribute ('on'/'off') reads as on. */
bool vl_state_on(xmlNodePtr node);
/* A state attribute reads as explicitly off. */
bool vl_state_off(xmlNodePtr node);
