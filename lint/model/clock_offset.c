/* The clock offset the guest gets; see clock_offset.h. */
#include "lint/model/clock_offset.h"

#include <string.h>

#include "lint/load/xml.h"
#include "lint/model/qemu_cmdline.h"

VlClockOffset
vl_clock_offset(const VlModel *m)
{
    const VlQemuCmdline *c = vl_qemu_cmdline(m);
    const char *offset = vl_xml_attr(m->clock, "offset");
    VlClockOffset o = { .kind = VL_CLOCK_UTC, .node = m->clock };

    if (c->rtc_base.value) {
        const char *base = c->rtc_base.value;

        o.from_qemu = true;
        o.node = c->rtc_base.option->value_arg;
        /* QEMU's configure_rtc: utc, localtime, or a start date */
        if (strcmp(base, "utc") == 0) {
            o.why = "-rtc base=utc in qemu:commandline";
        } else if (strcmp(base, "localtime") == 0) {
            o.kind = VL_CLOCK_LOCALTIME;
            o.why = "-rtc base=localtime in qemu:commandline";
        } else {
            o.kind = VL_CLOCK_ABSOLUTE;
            o.why = "-rtc base=DATE in qemu:commandline";
        }
        return o;
    }
    if (!m->clock) {
        o.why = "no <clock>, libvirt's default";
    } else if (!offset) {
        o.why = "<clock> without offset";
    } else if (strcmp(offset, "localtime") == 0) {
        o.kind = VL_CLOCK_LOCALTIME;
        o.why = "offset='localtime'";
    } else if (strcmp(offset, "timezone") == 0) {
        o.kind = VL_CLOCK_TIMEZONE;
        o.why = "offset='timezone'";
    } else if (strcmp(offset, "variable") == 0) {
        o.kind = VL_CLOCK_VARIABLE;
        o.basis = vl_xml_attr(m->clock, "basis");
        o.adjustment = vl_xml_attr(m->clock, "adjustment");
        o.why = "offset='variable'";
    } else if (strcmp(offset, "absolute") == 0) {
        o.kind = VL_CLOCK_ABSOLUTE;
        o.why = "offset='absolute'";
    } else {
        o.why = "offset='utc'";
    }
    return o;
}

bool
vl_clock_offset_is_utc(const VlClockOffset *o)
{
    if (o->kind == VL_CLOCK_UTC)
        return true;
    return o->kind == VL_CLOCK_VARIABLE && (!o->basis || strcmp(o->basis, "utc") == 0) &&
           (!o->adjustment || strcmp(o->adjustment, "0") == 0);
}
