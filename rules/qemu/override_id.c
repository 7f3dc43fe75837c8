/* qemu-override-id: a qemu:override cannot change a device's id. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_override.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);
        g_autoptr(GPtrArray) props = vl_override_properties(dev);
        const char *alias = vl_xml_attr(dev, "alias");

        for (guint j = 0; j < props->len; j++) {
            xmlNodePtr prop = g_ptr_array_index(props, j);
            VlFinding *f;

            if (!vl_xml_attr_is(prop, "name", "id"))
                continue;
            f = vl_report(report, prop, "<qemu:property name='id'>: overrides the id of the device on alias '%s'",
                          alias ? alias : "?");
            vl_finding_help(f, "remove the property, and to name the device give it <alias name='ua-...'/> "
                               "instead");
            vl_finding_note(f, "libvirt refuses the domain: \"property with name 'id' can't be overridden\"");
            vl_finding_note(f, "the id is the alias libvirt uses to address the device");
            vl_finding_set_fix(f, "remove the 'id' property", NULL);
        }
    }
}

const VlRule vl_rule_qemu_override_id = {
    .id = "qemu-override-id",
    .category = "qemu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A qemu:override property tries to change the device id",
    .rationale =
        "The QEMU id of a device is its libvirt alias: libvirt finds the device by it for hotplug, "
        "monitoring and the override itself, so it refuses an override of 'id' at define time (checked "
        "with libvirt 9.0). Renaming a device is done with a user alias, <alias name='ua-NAME'/> on the "
        "device, which libvirt keeps and passes as the id. The Japanese reinstall guide shows the override syntax this "
        "mistake is made in; the catalog's appendix lists the check.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:override on alias hostdev0)",
        "libvirt src/qemu/qemu_domain.c (qemuDomainDefNamespaceParseOverrideProperties)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "property with name 'id' can't be overridden",
    .example_bad = "<qemu:device alias='hostdev0'>\n  <qemu:frontend>\n    <qemu:property name='id' type='string' value='gpu'/>\n  </qemu:frontend>\n</qemu:device>",
    .example_good = "<hostdev mode='subsystem' type='pci' managed='yes'>\n  ...\n  <alias name='ua-gpu'/>\n</hostdev>",
    .check = check,
};
