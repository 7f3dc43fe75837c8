/* The clock offset the guest's RTC actually gets: libvirt's <clock offset>
 * (its default UTC without one), unless <qemu:commandline> passes -rtc
 * base=: libvirt writes its own -rtc first and QEMU merges repeated -rtc
 * options with later keys winning, so a pass-through base= decides. */
#pragma once

#include <stdbool.h>
#include <libxml/tree.h>

#include "lint/model/model.h"

typedef enum {
    VL_CLOCK_UTC,
    VL_CLOCK_LOCALTIME,
    VL_CLOCK_TIMEZONE,   /* offset='timezone': a named zone's local time */
    VL_CLOCK_VARIABLE,   /* offset='variable': basis plus adjustment */
    VL_CLOCK_ABSOLUTE,   /* offset='absolute', or -rtc base=DATE: a fixed start */
} VlClockOffsetKind;

typedef struct {
    VlClockOffsetKind kind;
    const char *basis;       /* VL_CLOCK_VARIABLE: basis= (NULL: libvirt's default utc) */
    const char *adjustment;  /* VL_CLOCK_VARIABLE: adjustment= or NULL */
    bool from_qemu;          /* -rtc base= of qemu:commandline decided it */
    xmlNodePtr node;         /* the qemu:arg with base=, else <clock>; NULL for libvirt's default */
    const char *why;         /* for messages: "offset='utc'", "no <clock>, libvirt's default",
                              * "<clock> without offset", "-rtc base=localtime in qemu:commandline" */
} VlClockOffset;

VlClockOffset vl_clock_offset(const VlModel *model);

/* The RTC starts in UTC: kind UTC, or variable on a UTC basis with no
 * adjustment (UTC under another name). */
bool vl_clock_offset_is_utc(const VlClockOffset *offset);
