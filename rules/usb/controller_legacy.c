/* usb-controller-legacy: a UHCI/OHCI/EHCI USB controller instead of xHCI. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static const char *const legacy[] = {
    "piix3-uhci", "piix4-uhci", "ehci", "ich9-ehci1", "ich9-uhci1", "ich9-uhci2", "ich9-uhci3",
    "vt82c686b-uhci", "pci-ohci",
};

static bool
is_legacy(const char *model)
{
    for (gsize i = 0; i < G_N_ELEMENTS(legacy); i++) {
        if (g_str_equal(model, legacy[i]))
            return true;
    }
    return false;
}

/* What MODEL emulates, for the headline: OHCI and UHCI are USB 1.1, EHCI
 * USB 2 (the ICH9 set is EHCI with UHCI companions). */
static const char *
chip(const char *model)
{
    if (g_str_has_suffix(model, "ohci"))
        return "an OHCI (USB 1.1) chip";
    if (g_str_has_suffix(model, "uhci") || g_str_has_prefix(model, "ich9-uhci"))
        return "a UHCI (USB 1.1) chip";
    return "an EHCI (USB 2) chip";
}

/* C is a UHCI companion (<master>) of another controller on its bus. */
static bool
is_companion(GPtrArray *controllers, xmlNodePtr c)
{
    const char *index = vl_xml_attr(c, "index");

    if (!vl_xml_child(c, "master"))
        return false;
    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr o = g_ptr_array_index(controllers, i);
        const char *oi = vl_xml_attr(o, "index");
        /* C itself has a <master>, so it never passes for its own master here */
        if (vl_xml_attr_is(o, "type", "usb") && !vl_xml_child(o, "master") &&
            g_strcmp0(oi ? oi : "0", index ? index : "0") == 0)
            return true;
    }
    return false;
}

/* Every other USB controller of C's index (if any) names its master explicitly. */
static bool
has_masters(GPtrArray *controllers, xmlNodePtr c)
{
    const char *index = vl_xml_attr(c, "index");

    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr o = g_ptr_array_index(controllers, i);
        const char *oi = vl_xml_attr(o, "index");

        if (o == c || !vl_xml_attr_is(o, "type", "usb") || g_strcmp0(oi ? oi : "0", index ? index : "0") != 0)
            continue;
        if (!vl_xml_child(o, "master"))
            return false;
    }
    return true;
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *controllers = vl_model_devices(m, "controller");
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    /* libvirt 9.0 picks piix3-uhci on i440fx (and with no machine, QEMU's pc),
     * whose slot 1 of bus 0 is the PIIX3 chipset */
    bool default_legacy = vl_is_x86(m) &&
                          (m->machine_family == VL_MACHINE_I440FX || m->machine_family == VL_MACHINE_UNKNOWN);

    for (guint i = 0; i < controllers->len; i++) {
        xmlNodePtr c = g_ptr_array_index(controllers, i);
        const char *model = vl_xml_attr(c, "model");
        const char *index = vl_xml_attr(c, "index");
        VlFinding *f;

        if (!vl_xml_attr_is(c, "type", "usb"))
            continue;
        if ((model ? !is_legacy(model) : !default_legacy) || is_companion(controllers, c))
            continue;
        /* one finding per controller index: EHCI and its UHCI companions are one bus */
        if (!g_hash_table_add(seen, g_strdup(index ? index : "0")))
            continue;
        if (model)
            f = vl_report(report, c, "<controller type='usb' model='%s'>: %s, not xHCI", model, chip(model));
        else
            f = vl_report(report, c, "<controller type='usb'>: no model, so piix3-uhci on this machine type, "
                                     "a UHCI-era chip");
        vl_finding_help(f, "use <controller type='usb' model='qemu-xhci' ports='15'/>");
        vl_finding_note(f, "every USB transfer costs far more host CPU than with xHCI, and USB 3 devices run at "
                           "USB 1/2 speed");
        /* Windows runs on x86 only here (QEMU's Windows on Arm guests use
         * xHCI already); say nothing of it for other OSes and arches */
        if (vl_is_x86(m) && (vl_guest_is_windows(&m->guest) || m->guest.family == VL_GUEST_UNKNOWN))
            vl_finding_note(f, "Windows 8 and later and Linux have xHCI drivers in the box; Windows 7 does not");
        else if (m->guest.family == VL_GUEST_LINUX || m->guest.family == VL_GUEST_UNKNOWN)
            vl_finding_note(f, "Linux has had an xHCI driver in the box since 2.6.31");
        /* Companions without <master> (libvirt pairs them itself) are hard to
         * tell apart from a second bus: only a controller alone on its
         * index, or whose index-mates all name their <master>, gets the
         * automatic replacement. */
        /* The fixer keeps the controller's PCI address where it stays valid
         * and needs to know whether slot 1 of bus 0 is the PIIX3's. */
        if (has_masters(controllers, c))
            vl_finding_set_fix(f, "replace it (and its companion controllers) with a qemu-xhci controller",
                               "piix3", default_legacy ? "yes" : "no", NULL);
    }
}

const VlRule vl_rule_usb_controller_legacy = {
    .id = "usb-controller-legacy",
    .category = "usb",
    .severity = VL_SEVERITY_INFO,
    .summary = "The USB controller is an emulated UHCI, OHCI or EHCI chip instead of xHCI",
    .rationale =
        "QEMU's USB documentation recommends the xHCI controller for any guest from roughly 2010 "
        "on: UHCI, OHCI and EHCI emulation polls frame lists and costs much more host CPU, and the "
        "ICH9 EHCI-with-UHCI-companions set is four PCI functions for one bus. libvirt 9.0 still "
        "gives i440fx guests a piix3-uhci controller when none is written (q35 gets qemu-xhci), "
        "and older virt-manager wrote the ICH9 set explicitly. The WindowsKVM build uses qemu-xhci. The fix "
        "changes the controller model the guest sees, so it is unsafe: Windows 7 has no in-box "
        "xHCI driver, and devices move to a new controller. On ppc64 pseries, whose own USB "
        "controller is pci-ohci, qemu-xhci is accepted as well (libvirt's ppc64-usb-controller-qemu-xhci "
        "test); the note about Windows is given only for x86 guests that may be Windows.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Controllers: qemu-xhci)",
        "https://www.qemu.org/docs/master/system/devices/usb.html",
        "https://libvirt.org/formatdomain.html#controllers",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<controller type='usb' index='0' model='ich9-ehci1'/>\n<controller type='usb' index='0' model='ich9-uhci1'>\n  <master startport='0'/>\n</controller>",
    .example_good = "<controller type='usb' index='0' model='qemu-xhci' ports='15'/>",
    .check = check,
};
