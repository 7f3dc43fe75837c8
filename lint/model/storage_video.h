/* Helpers shared by the storage-video rules (disk-*, video-*, graphics-*):
 * how libvirt reads a <disk>, a <video> and a <graphics> element when
 * attributes are left out. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

/* The disk's device: its device attribute, libvirt's default "disk". */
const char *sv_disk_device(xmlNodePtr disk);
/* The disk's type: its type attribute, libvirt's default "file". */
const char *sv_disk_type(xmlNodePtr disk);
/* The disk's bus: target/@bus, or what libvirt derives from the target
 * name when it is absent (hd* ide, sd* scsi, vd* virtio, xvd* xen, ubd* uml,
 * fd* and floppies fdc; anything else ide).  NULL without a <target>. */
const char *sv_disk_bus(xmlNodePtr disk);
/* target/@dev, or NULL. */
const char *sv_disk_dev(xmlNodePtr disk);
/* The disk is read-only (<readonly/>). */
bool sv_disk_readonly(xmlNodePtr disk);
/* The index libvirt derives from a target name: the letters after the
 * prefix as a bijective base-26 number (sda 0, sdz 25, sdaa 26).  -1 when
 * the name does not end in lowercase letters after PREFIX. */
int sv_dev_index(const char *dev, const char *prefix);
/* The name PREFIX + letters of INDEX (the inverse of sv_dev_index). */
char *sv_dev_name(const char *prefix, int index);
/* The first target name PREFIX + letters that no disk of M uses and that
 * TAKEN (names already handed out, may be NULL) does not hold; the name is
 * added to TAKEN. */
char *sv_free_dev(const VlModel *m, const char *prefix, GHashTable *taken);

/* <video><model>, or NULL. */
xmlNodePtr sv_video_model(xmlNodePtr video);
/* The video model's type; "default" when absent (libvirt then picks cirrus
 * on x86 when QEMU has it, as libvirt 9.0 does, else VGA). */
const char *sv_video_type(xmlNodePtr video);
/* The primary video device as libvirt sees it: the one with
 * primary='yes', else the first; NULL without video devices. */
xmlNodePtr sv_primary_video(const VlModel *m);
/* The video device has <acceleration accel3d='yes'/>; *accel receives the
 * <acceleration> element. */
bool sv_video_accel3d(xmlNodePtr video, xmlNodePtr *accel);

/* The graphics device renders with OpenGL: spice, sdl or dbus with
 * <gl enable='yes'/>, or egl-headless. */
bool sv_graphics_gl(xmlNodePtr graphics);

/* One of the domain's graphics devices renders with OpenGL. */
bool sv_domain_has_gl(const VlModel *m);

/* A PCI host device that is a graphics card.  With host facts (nodedev
 * XML) its PCI class decides (0x03xxxx); without, a heuristic: function 0
 * of a slot whose function 1 (the HDMI/DP audio controller) is passed
 * through too, in a guest that also hides the hypervisor or is Windows.
 * NULL when nothing matches; *WHY (may be NULL) says which way. */
xmlNodePtr sv_passthrough_gpu(const VlModel *m, const char **why);

/* The x86 family, where libvirt's defaults (cirrus video, lsilogic SCSI)
 * apply: arch absent (the host's, assumed x86_64), x86_64 or i686. */
bool sv_arch_x86(const VlModel *m);

/* Parse a PCI address number written in hex (0x..) or decimal. */
bool sv_pci_number(const char *text, guint64 *out);
