/* qemu-override-alias: a qemu:override device that names no device. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/aliases.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) aliases = vl_user_aliases(m);

    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);
        const char *alias = vl_xml_attr(dev, "alias");
        xmlNodePtr target;
        bool implicit;
        VlFinding *f;

        if (!alias || g_hash_table_contains(aliases, alias))
            continue;
        if ((target = vl_device_with_alias(m, alias))) {
            f = vl_report(report, dev, "<qemu:device alias='%s'>: matches nothing once libvirt drops that alias",
                          alias);
            vl_finding_help(f, "rename both to 'ua-%s'", alias);
            vl_finding_note(f, "it names the <alias> of a <%s>, but libvirt keeps only user aliases that start "
                               "with 'ua-' and drops this one when the domain is defined, so the override "
                               "matches nothing and is silently skipped",
                            (const char *) target->name);
        } else if (vl_generated_alias(m, alias, &target, &implicit) && (target || implicit)) {
            f = vl_report_severity(report, VL_SEVERITY_INFO, dev,
                                   "<qemu:device alias='%s'>: an alias libvirt generates at start, which can "
                                   "change", alias);
            if (target) {
                vl_finding_help(f, "give the <%s> <alias name='ua-NAME'/> and use alias='ua-NAME' here",
                                (const char *) target->name);
                vl_finding_note(f, "it is the alias libvirt generates for a <%s> (line %d) when the domain "
                                   "starts: it is not stored in the definition and moves when devices are "
                                   "added or removed, so the override can silently apply to another device or "
                                   "to none",
                                (const char *) target->name, vl_xml_line(target));
            } else {
                vl_finding_help(f, "define the device with <alias name='ua-NAME'/> and use that");
                vl_finding_note(f, "it has the form of an alias libvirt generates at start for a device it may "
                                   "add on its own: generated aliases are not stored in the definition and can "
                                   "change, so the override can silently miss");
            }
        } else {
            f = vl_report(report, dev, "<qemu:device alias='%s'>: matches no device of the domain", alias);
            vl_finding_help(f, "give the intended device <alias name='ua-NAME'/> and use alias='ua-NAME'");
            vl_finding_note(f, "libvirt applies overrides by alias when it builds the QEMU command line and "
                               "silently skips this one");
        }
    }
}

const VlRule vl_rule_qemu_override_alias = {
    .id = "qemu-override-alias",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A qemu:override device alias that names no device, or only a generated alias",
    .rationale =
        "libvirt applies each <qemu:device alias='X'> of an override to the device whose alias is X "
        "while it builds the QEMU command line; when none has it, the override is skipped without a "
        "word (checked with libvirt 9.0: the domain defines, and the QEMU command line lacks the property). Only "
        "user aliases starting with 'ua-' are kept in a stored definition; other <alias> names are "
        "dropped at define time. Aliases libvirt generates (hostdev0, virtio-disk0, net0, ...) do "
        "match at start, but they are not in the definition and are renumbered when devices are added "
        "or removed, so an override on one can silently move to another device: that is reported as "
        "info. The Japanese reinstall guide overrides alias hostdev0 for its GVT-g device; libvirt's documentation "
        "recommends user aliases for overrides.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:override on alias hostdev0)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
        "https://libvirt.org/formatdomain.html#devices (user aliases, ua- prefix)",
        "libvirt src/qemu/qemu_alias.c (generated aliases)",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>...</hostdev>\n...\n<qemu:device alias='hostdev0'>...</qemu:device>",
    .example_good = "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n  ...\n  <alias name='ua-gvtg'/>\n</hostdev>\n...\n<qemu:device alias='ua-gvtg'>...</qemu:device>",
    .check = check,
};
