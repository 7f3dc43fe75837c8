/* Which PCI host devices are known to be graphics cards.  A <hostdev
 * type='pci'> is any PCI function (a NIC, an NVMe drive, a USB or SATA
 * controller); rules about GPUs (ROM BAR, x-vga, vendor_id, the hypervisor
 * CPUID bit) must only speak of the ones something shows to be a GPU, and
 * say what. */
#pragma once

#include <stdbool.h>
#include <glib.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

typedef enum {
    VL_GPU_UNKNOWN,          /* nothing shows it is a GPU (it may still be one) */
    VL_GPU_NOT,              /* host facts give it a class other than display controller */
    VL_GPU_HOST_CLASS,       /* host facts (nodedev XML): PCI class 0x03xxxx */
    VL_GPU_ROM_FILE,         /* <rom file=...>: a video BIOS dump, which GPU passthrough guides supply */
    VL_GPU_X_VGA,            /* x-vga=on set for it (qemu:override, -set device.ALIAS.x-vga, -global vfio-pci.x-vga) */
    VL_GPU_AUDIO_COMPANION,  /* function 0 of a host slot whose function 1 goes to the same guest slot
                              * (multifunction='on'), the layout of a GPU and its HDMI/DP audio */
} VlGpuReason;

/* PCI passthrough: <hostdev mode='subsystem' type='pci'>. */
bool vl_hostdev_is_pci(xmlNodePtr hostdev);

/* A mediated device (a vGPU or another mdev): <hostdev mode='subsystem'
 * type='mdev'>. */
bool vl_hostdev_is_mdev(xmlNodePtr hostdev);

/* Whether HOSTDEV is known to be a GPU and why; *WHY (may be NULL)
 * receives a phrase for messages ("the host facts give it PCI class
 * 0x030000", "it has a ROM file", ...), NULL for UNKNOWN and NOT. */
VlGpuReason vl_hostdev_gpu(const VlModel *model, xmlNodePtr hostdev, const char **why);

/* HOSTDEV is known to be a GPU (a reason other than UNKNOWN and NOT). */
bool vl_hostdev_known_gpu(const VlModel *model, xmlNodePtr hostdev, const char **why);

/* The PCI hostdevs known to be GPUs, in document order (free the array). */
GPtrArray *vl_known_gpus(const VlModel *model);

