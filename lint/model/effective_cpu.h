/* The CPU the guest gets: libvirt's <cpu>, unless <qemu:commandline>
 * passes -cpu.  QEMU keeps only the last -cpu it is given, whole, and
 * libvirt's comes first, so a pass-through -cpu replaces everything libvirt
 * put in its own: the model, <feature> policies, the hv-* flags of
 * <hyperv>, kvm=off of <kvm><hidden>. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"
#include "lint/model/qemu_cmdline.h"

typedef struct {
    bool has_cpu_element;        /* the domain has a <cpu> */
    const char *mode;            /* <cpu mode>, libvirt's default custom; NULL without <cpu> */
    const char *model;           /* the model the guest gets: -cpu's when overridden, else <cpu><model>'s,
                                  * "host" for host-passthrough; NULL when libvirt picks its default */
    bool model_from_qemu;        /* a qemu:commandline -cpu sets it, replacing libvirt's -cpu */
    const VlQemuOption *qemu_cpu;/* that -cpu, or NULL */
    xmlNodePtr model_node;       /* -cpu's value qemu:arg, <cpu><model>, <cpu>, or NULL */

    bool hypervisor_hidden;      /* the CPUID hypervisor bit is off: <feature policy='disable'
                                  * name='hypervisor'/>, or -cpu ...,-hypervisor / hypervisor=off */
    xmlNodePtr hypervisor_node;  /* the <feature> or the -cpu qemu:arg that hides it */

    /* libvirt generates a -cpu carrying something of the XML, which a
     * qemu:commandline -cpu would drop: a <cpu>, Hyper-V enlightenments,
     * <kvm> features, <pmu>, <apic eoi>.  Without any of these libvirt's -cpu
     * is at most the machine's default model, which QEMU uses anyway. */
    bool libvirt_cpu_matters;
    const char *libvirt_cpu_why; /* "<cpu> is set", "Hyper-V enlightenments are on", ... or NULL */
} VlEffectiveCpu;

VlEffectiveCpu vl_effective_cpu(const VlModel *model);

/* The state -cpu OPTION gives CPU feature FLAG: +flag, flag=on|true|yes
 * and a bare flag are 1; -flag, flag=off|false|no are 0; -1 when the option
 * does not mention it.  The last mention wins, as in QEMU. */
int vl_qemu_cpu_flag(const VlQemuOption *cpu, const char *flag);

/* -cpu OPTION turns Hyper-V feature NAME on: hv-NAME, the old spelling
 * hv_NAME, or hv-passthrough (which passes every one the host has). */
bool vl_qemu_cpu_hv_on(const VlQemuOption *cpu, const char *name);

/* Why a Hyper-V flag missing from a qemu:commandline -cpu matters, for the
 * notes of the rules that say so. */
#define VL_QEMU_CPU_REPLACES_HV                                                                                 \
    "a -cpu in qemu:commandline replaces libvirt's -cpu whole, and with it the hv-* flags libvirt would write " \
    "from the XML: the guest gets only what this -cpu says"
