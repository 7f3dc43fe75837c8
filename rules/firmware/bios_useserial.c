/* firmware-bios-useserial: BIOS serial output needs a serial port. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

/* libvirt turns a console whose target is a serial port (the default on
 * x86) into a serial device, which then counts. */
static bool
has_serial(const VlModel *m)
{
    GPtrArray *consoles = vl_model_devices(m, "console");

    if (vl_model_devices(m, "serial")->len)
        return true;
    for (guint i = 0; i < consoles->len; i++) {
        xmlNodePtr target = vl_xml_child(g_ptr_array_index(consoles, i), "target");
        const char *type = vl_xml_attr(target, "type");
        if (!type || g_str_equal(type, "serial"))
            return true;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr bios = vl_xml_child(m->os, "bios");
    VlFinding *f;

    if (!vl_is_qemu(m) || !vl_xml_attr_is(bios, "useserial", "yes"))
        return;
    if (!vl_is_x86(m)) {
        f = vl_report(report, bios, "<bios useserial='yes'>: on a %s guest, not x86", m->arch);
        vl_finding_help(f, "remove the attribute");
        vl_finding_note(f, "libvirt refuses the domain: \"BIOS serial console only supported on x86 "
                           "architectures\"");
        return;
    }
    if (has_serial(m))
        return;
    f = vl_report(report, bios, "<bios useserial='yes'>: without a serial port");
    vl_finding_help(f, "add <serial type='pty'/> to <devices>");
    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"need at least one serial port to use BIOS serial "
                       "output\"");
    if (m->devices)
        vl_finding_set_fix(f, "add a serial port: <serial type='pty'/>", NULL);
}

const VlRule vl_rule_firmware_bios_useserial = {
    .id = "firmware-bios-useserial",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "BIOS serial output asked for without a serial port",
    .rationale =
        "<os><bios useserial='yes'/> makes SeaBIOS print to the first serial port, so libvirt "
        "requires one and refuses the domain otherwise (\"need at least one serial port to use BIOS "
        "serial output\", checked with libvirt 9.0 at define time, whatever the firmware). A "
        "<console> with a serial target (the x86 default) counts, since libvirt creates the serial "
        "port behind it; a virtio console does not. Headless guests such as the homelab notes's BIOS Kali "
        "guest are where serial consoles get set up. The fix adds <serial type='pty'/>, a device "
        "the guest ignores unless it uses it; the domain was never accepted.",
    .sources = {
        "A homelab's KVM/QEMU notes, not published at a public address (Feature Matrix: kali on BIOS)",
        "libvirt src/qemu/qemu_validate.c (need at least one serial port to use BIOS serial output)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "need at least one serial port to use BIOS serial output",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <bios useserial='yes'/>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <bios useserial='yes'/>\n</os>\n<devices>\n  <serial type='pty'/>\n</devices>",
    .check = check,
};
