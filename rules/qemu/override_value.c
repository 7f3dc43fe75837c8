/* qemu-override-value: qemu:property values libvirt refuses to parse. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_override.h"

/* The note every finding has: libvirt's refusal, and which device it is. */
static void
refused(VlFinding *f, const char *alias, const char *quote)
{
    vl_finding_note(f, "libvirt refuses the domain (the property is of alias '%s'): \"%s\"", alias, quote);
}

static void
check_property(VlReport *report, const char *alias, xmlNodePtr prop)
{
    const char *name = vl_xml_attr(prop, "name"), *type = vl_xml_attr(prop, "type");
    const char *value = vl_xml_attr(prop, "value");
    g_autofree char *fixed = NULL, *quote = NULL;
    VlFinding *f;

    if (!name || strcmp(name, "id") == 0 || !type)
        return; /* 'id' is qemu-override-id's; a missing name or type is the schema's */
    if (strcmp(type, "remove") == 0) {
        if (value) {
            f = vl_report(report, prop, "<qemu:property name='%s'>: type='remove' with a value", name);
            vl_finding_help(f, "drop value='%s'", value);
            refused(f, alias, "setting 'value' attribute of 'qemu:property' doesn't make sense with 'remove' type");
            vl_finding_set_fix(f, "drop the value of the type='remove' property", NULL);
        }
        return;
    }
    if (!value) {
        f = vl_report(report, prop, "<qemu:property name='%s'>: a property without a value", name);
        vl_finding_help(f, "give it a value, or use type='remove' to drop the property from the device");
        refused(f, alias, "missing 'value' attribute for 'qemu:property'");
        return;
    }
    if (vl_override_value_valid(type, value))
        return;
    fixed = vl_override_value_fix(type, value);
    quote = g_strdup_printf("invalid value '%s' of 'value' attribute of 'qemu:property'", value);
    f = vl_report(report, prop, "<qemu:property name='%s'>: value='%s' is not a valid %s value", name,
                  value, type);
    if (fixed) {
        vl_finding_help(f, "write value='%s'", fixed);
        vl_finding_set_fix(f, "write the value as libvirt parses it (decimal numbers, true/false)", NULL);
    } else {
        vl_finding_help(f, "%s",
                        strcmp(type, "bool") == 0 ? "booleans are written true or false"
                        : strcmp(type, "unsigned") == 0 ? "unsigned values are plain decimal numbers (no sign, "
                                                          "no suffix, no hex)"
                                                        : "signed values are decimal numbers");
    }
    refused(f, alias, quote);
}

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);
        g_autoptr(GPtrArray) props = vl_override_properties(dev);
        const char *alias = vl_xml_attr(dev, "alias");

        for (guint j = 0; j < props->len; j++)
            check_property(report, alias ? alias : "?", g_ptr_array_index(props, j));
    }
}

const VlRule vl_rule_qemu_override_value = {
    .id = "qemu-override-value",
    .category = "qemu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A qemu:override property value that libvirt cannot parse for its type",
    .rationale =
        "libvirt turns each <qemu:property> into a typed JSON value: unsigned and signed values are "
        "read as base-10 numbers, bool values must be exactly true or false, and every type but "
        "remove needs a value while remove must have none. Anything else makes libvirt refuse the "
        "domain at define time (checked with libvirt 9.0). QEMU's own command-line syntax accepts "
        "more, which is where wrong values come from: Kevin Locke's guide (2022) gives discard_granularity=32M in "
        "-set form, and -set accepts on/off and hex; in an override these must be 33554432, true/false "
        "and decimal. The fix rewrites values whose meaning is unambiguous (sizes with a binary suffix, "
        "hex numbers, on/off/yes/no/1/0) and drops the value of a remove property.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD: discard_granularity=32M)",
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:property type='bool' value='true')",
        "libvirt src/qemu/qemu_domain.c (qemuDomainDefNamespaceParseOverrideProperties)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "'qemu:property'",
    .example_bad = "<qemu:property name='discard_granularity' type='unsigned' value='32M'/>\n<qemu:property name='x-igd-opregion' type='bool' value='on'/>",
    .example_good = "<qemu:property name='discard_granularity' type='unsigned' value='33554432'/>\n<qemu:property name='x-igd-opregion' type='bool' value='true'/>",
    .check = check,
};
