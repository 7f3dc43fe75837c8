/* Helpers shared by the io-passthrough rules (input, channel, rng, usb,
 * watchdog, pm, hostdev, mdev, interface, shmem, panic, lifecycle).
 * Header-only: every function is static inline. */
#pragma once

#include <string.h>

#include "lint/model/model.h"
#include "lint/load/xml.h"

/* The port SPICE's folder sharing (WebDAV) uses. */
#define IOP_SPICE_WEBDAV "org.spice-space.webdav.0"

/* The guest is x86 (or the arch is not written: the host's, assumed x86_64). */
static inline bool
iop_is_x86(const VlModel *m)
{
    return !m->arch || strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0;
}

/* The first <graphics type=TYPE>, or NULL. */
static inline xmlNodePtr
iop_graphics(const VlModel *m, const char *type)
{
    GPtrArray *graphics = vl_model_devices(m, "graphics");

    for (guint i = 0; i < graphics->len; i++) {
        xmlNodePtr g = g_ptr_array_index(graphics, i);
        if (!type || vl_xml_attr_is(g, "type", type))
            return g;
    }
    return NULL;
}

/* The <channel> whose <target name=NAME>, or NULL. */
static inline xmlNodePtr
iop_channel_named(const VlModel *m, const char *name)
{
    GPtrArray *channels = vl_model_devices(m, "channel");

    for (guint i = 0; i < channels->len; i++) {
        xmlNodePtr ch = g_ptr_array_index(channels, i);
        if (vl_xml_attr_is(vl_xml_child(ch, "target"), "name", name))
            return ch;
    }
    return NULL;
}

/* A PCI device passed through with VFIO: <hostdev mode='subsystem' type='pci'>. */
static inline bool
iop_is_pci_hostdev(xmlNodePtr dev)
{
    const char *mode = vl_xml_attr(dev, "mode");
    return vl_xml_attr_is(dev, "type", "pci") && (!mode || strcmp(mode, "subsystem") == 0);
}

/* A mediated device: <hostdev mode='subsystem' type='mdev'>. */
static inline bool
iop_is_mdev(xmlNodePtr dev)
{
    const char *mode = vl_xml_attr(dev, "mode");
    return vl_xml_attr_is(dev, "type", "mdev") && (!mode || strcmp(mode, "subsystem") == 0);
}

/* The QEMU alias of hostdev DEV: its user alias (<alias name='ua-...'/>), or
 * the hostdevN libvirt gives it, N counting every <hostdev> in document order
 * (checked with libvirt 9.0: usb, pci and mdev hostdevs share the counter).
 * Interfaces of type hostdev take hostdevN aliases too; with one of them in
 * the domain the numbering is not known and NULL is returned.  Free it. */
static inline char *
iop_hostdev_alias(const VlModel *m, xmlNodePtr dev)
{
    xmlNodePtr alias = vl_xml_child(dev, "alias");
    const char *name = vl_xml_attr(alias, "name");

    if (name)
        return g_strdup(name);
    for (guint i = 0; i < m->interfaces->len; i++) {
        if (vl_xml_attr_is(g_ptr_array_index(m->interfaces, i), "type", "hostdev"))
            return NULL;
    }
    /* mutate: skip[rel:<=] — DEV is always an element of m->hostdevs (both callers take it from that array), so the loop returns at DEV's index before i reaches len */
    for (guint i = 0; i < m->hostdevs->len; i++) {
        if (g_ptr_array_index(m->hostdevs, i) == dev)
            return g_strdup_printf("hostdev%u", i);
    }
    return NULL;
}

/* The <qemu:property name=NAME> of the qemu:override device ALIAS, or NULL. */
static inline xmlNodePtr
iop_override_property(const VlModel *m, const char *alias, const char *name)
{
    if (!alias)
        return NULL;
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);

        if (!vl_xml_attr_is(dev, "alias", alias))
            continue;
        for (xmlNodePtr fe = dev->children; fe; fe = fe->next) {
            if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
                continue;
            for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
                if (vl_xml_is_ns(prop, VL_NS_QEMU, "property") && vl_xml_attr_is(prop, "name", name))
                    return prop;
            }
        }
    }
    return NULL;
}

/* "Windows guest (libosinfo id ...)" style evidence for messages. */
static inline const char *
iop_evidence(const VlModel *m)
{
    return m->guest.evidence ? m->guest.evidence : "--os";
}
