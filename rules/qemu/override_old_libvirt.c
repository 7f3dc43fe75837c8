/* qemu-override-old-libvirt: <qemu:override> needs libvirt 8.2. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/model/qemu_override.h"

/* The -set arguments that say what OVERRIDE says, appended to OUT; false
 * when a property has no -set form (type='remove', or something missing). */
static bool
as_set_args(xmlNodePtr override, GString *out)
{
    for (xmlNodePtr dev = override->children; dev; dev = dev->next) {
        const char *alias = vl_xml_attr(dev, "alias");

        if (!vl_xml_is_ns(dev, VL_NS_QEMU, "device"))
            continue;
        for (xmlNodePtr fe = dev->children; fe; fe = fe->next) {
            if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
                continue;
            for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
                const char *type = vl_xml_attr(prop, "type"), *value = vl_xml_attr(prop, "value");

                if (!vl_xml_is_ns(prop, VL_NS_QEMU, "property"))
                    continue;
                if (!alias || !vl_xml_attr(prop, "name") || !type || !value || strcmp(type, "remove") == 0)
                    return false;
                if (strcmp(type, "bool") == 0)
                    value = strcmp(value, "true") == 0 ? "on" : "off";
                g_string_append_printf(out, "<qemu:arg value='-set'/><qemu:arg value='device.%s.%s=%s'/>",
                                       alias, vl_xml_attr(prop, "name"), value);
            }
        }
    }
    return true;
}

static void
check(const VlModel *m, VlReport *report)
{
    unsigned v = m->config->libvirt_version;
    g_autofree char *versions = NULL;

    if (v >= VL_OVERRIDE_LIBVIRT)
        return;
    versions = vl_assumed_versions(m);
    for (guint i = 0; i < m->qemu_blocks->len; i++) {
        xmlNodePtr block = g_ptr_array_index(m->qemu_blocks, i);
        g_autoptr(GString) args = g_string_new(NULL);
        VlFinding *f;

        if (!vl_xml_is_ns(block, VL_NS_QEMU, "override"))
            continue;
        f = vl_report(report, block, "<qemu:override>: only known to libvirt 8.2 and later");
        vl_finding_note(f, "%s drops it silently, so none of its properties reach QEMU", versions);
        if (vl_json_device(m)) {
            vl_finding_help(f, "upgrade libvirt to 8.2 or later");
            vl_finding_note(f, "-set does not work either, because this libvirt passes -device as JSON");
        } else if (as_set_args(block, args)) {
            vl_finding_help(f, "write what it sets as -set arguments in <qemu:commandline>: %s",
                            args->len ? args->str : "nothing (the override sets no property)");
            vl_finding_note(f, "this libvirt passes -device in QEMU's legacy syntax, which -set reaches");
            vl_finding_set_fix(f, "replace <qemu:override> by -set arguments in <qemu:commandline>", NULL);
        } else {
            vl_finding_help(f, "upgrade libvirt to 8.2 or later");
            vl_finding_note(f, "a property with type='remove' has no -set equivalent (nor has one without its "
                               "name, type, value or device alias)");
        }
    }
}

const VlRule vl_rule_qemu_override_old_libvirt = {
    .id = "qemu-override-old-libvirt",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "qemu:override is used with a libvirt older than 8.2, which ignores it",
    .rationale =
        "<qemu:override> (setting properties of the QEMU devices libvirt creates) appeared in libvirt "
        "8.2. Older releases read only qemu:commandline and qemu:capabilities from the QEMU namespace "
        "and drop anything else without an error, so the properties never reach QEMU. Up to libvirt 8.0 "
        "(and with any libvirt when QEMU is older than 7.0) devices are passed in QEMU's key=value "
        "syntax and -set device.ALIAS.PROP=VALUE in qemu:commandline does the same job; libvirt 8.1 "
        "with QEMU 7.0 or later supports neither, only an upgrade helps. This matters for guides written "
        "for current libvirt (the Japanese reinstall guide overrides the GVT-g device) applied on Ubuntu 22.04 (libvirt 8.0) "
        "or Debian 11 (libvirt 7.0). The translation to -set is an unsafe fix: the properties never "
        "applied before, so the guest sees changed hardware once they do.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:override for the GVT-g hostdev)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD: qemu:property on libvirt 8.2 and later)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_UNSAFE,
    .example_bad = "<!-- libvirt 8.0 -->\n<qemu:override>\n  <qemu:device alias='hostdev0'>\n    <qemu:frontend>\n      <qemu:property name='x-igd-opregion' type='bool' value='true'/>\n    </qemu:frontend>\n  </qemu:device>\n</qemu:override>",
    .example_good = "<!-- libvirt 8.0 -->\n<qemu:commandline>\n  <qemu:arg value='-set'/>\n  <qemu:arg value='device.hostdev0.x-igd-opregion=on'/>\n</qemu:commandline>",
    .check = check,
};
