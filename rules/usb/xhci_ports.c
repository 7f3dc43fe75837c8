/* usb-xhci-ports: an xHCI controller with more than 15 ports. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/checked_release.h"
#include "lint/engine/version.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *controllers = vl_model_devices(m, "controller");

    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        const char *model = vl_xml_attr(c, "model");
        guint64 ports;
        VlFinding *f;
        char version[32];

        if (!vl_xml_attr_is(c, "type", "usb") || !model ||
            !(g_str_equal(model, "qemu-xhci") || g_str_equal(model, "nec-xhci")) ||
            !vl_xml_parse_uint(vl_xml_attr(c, "ports"), &ports) || ports <= 15)
            continue;
        f = vl_report(report, c,
                      "<controller type='usb' model='%s' ports='%" G_GUINT64_FORMAT "'>: more than 15 ports",
                      model, ports);
        vl_finding_help(f, "set ports='15' and add a USB hub (<hub type='usb'/>) or a second controller if "
                           "more devices are needed");
        /* checked with 9.0; 11.3's usb-controller-*-xhci-limit expect it too */
        vl_finding_note(f, "libvirt %s refuses it: \"'%s' controller only supports up to '15' ports\"",
                        vl_checked_release(m, VL_LIBVIRT(9, 0), VL_LIBVIRT(11, 3), version, sizeof(version)), model);
        vl_finding_set_fix(f, "set ports='15'", NULL);
    }
}

const VlRule vl_rule_usb_xhci_ports = {
    .id = "usb-xhci-ports",
    .category = "usb",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An xHCI USB controller is given more than 15 ports",
    .rationale =
        "libvirt gives a qemu-xhci or nec-xhci controller the same number of USB 2 and USB 3 "
        "ports (QEMU's p2/p3 properties) and caps it at 15, the most an xHCI root hub can "
        "address in QEMU; more is refused when the domain is defined (checked with libvirt 9.0). "
        "The guest never ran with the larger value, so lowering it to 15 is safe.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Controllers: qemu-xhci)",
        "libvirt src/qemu/qemu_validate.c / qemu_postparse.c (xHCI port limit)",
        "https://libvirt.org/formatdomain.html#usb-companion-controller",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "controller only supports up to",
    .example_bad = "<controller type='usb' model='qemu-xhci' ports='16'/>",
    .example_good = "<controller type='usb' model='qemu-xhci' ports='15'/>",
    .check = check,
};
