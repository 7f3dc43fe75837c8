/* qemu-set-device-json: "-set device.ID.PROP=VALUE" cannot reach devices
 * that libvirt passes to QEMU as JSON. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/model/qemu_override.h"
#include "lint/model/qemu_cmdline.h"

/* The headline and QEMU's refusal, common to every finding: SET names a
 * device that is WHY (a JSON -device). */
static VlFinding *
unreachable(VlReport *report, xmlNodePtr value_arg, const VlQemuSet *set, const char *why)
{
    VlFinding *f = vl_report(report, value_arg, "<qemu:arg>: -set cannot reach device '%s', %s", set->id, why);

    vl_finding_note(f, "QEMU exits at start on qemu:arg '-set %s': \"there is no device \"%s\" defined\"",
                    vl_qemu_arg_value(value_arg), set->id);
    return f;
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) legacy = vl_qemu_legacy_device_ids(m), json = vl_qemu_json_device_ids(m);
    g_autofree char *versions = vl_assumed_versions(m);

    const VlQemuCmdline *c = vl_qemu_cmdline(m);

    /* the -set options as QEMU reads them (a "-set" that is another
     * option's value is none) */
    for (guint i = 0; i < c->sets->len; i++) {
        const VlQemuSetting *setting = g_ptr_array_index(c->sets, i);
        xmlNodePtr value_arg = setting->option->value_arg;
        g_autofree char *prop_value = NULL;
        const char *type = NULL;
        bool convertible;
        VlQemuSet set = { setting->id, setting->prop, setting->value };
        VlFinding *f;

        /* a parsed -set has all four parts (read_set in lint/model/qemu_cmdline.c) */
        if (g_strcmp0(setting->group, "device") != 0)
            continue;
        if (g_hash_table_contains(legacy, set.id))
            continue; /* a device the pass-through itself defines in legacy syntax */
        convertible = vl_qemu_property_for_set(set.prop, set.value, &type, &prop_value);
        if (g_hash_table_contains(json, set.id)) {
            /* a JSON -device of the pass-through itself: override cannot reach it either */
            f = unreachable(report, value_arg, &set, "a JSON -device in the same qemu:commandline");
            vl_finding_help(f, "put \"%s\" into that -device's JSON instead", set.prop);
        } else if (!vl_json_device(m)) {
            ; /* libvirt's own -device is in the legacy syntax: -set works */
        } else if (m->config->libvirt_version < VL_OVERRIDE_LIBVIRT) {
            f = unreachable(report, value_arg, &set, "passed to QEMU as JSON by libvirt");
            vl_finding_help(f, "upgrade to libvirt 8.2 or later and set the property with <qemu:override>");
            vl_finding_note(f, "%s passes devices to QEMU as JSON (-device {...}), which -set cannot reach",
                            versions);
            vl_finding_note(f, "this libvirt has no qemu:override either");
        } else if (convertible) {
            f = unreachable(report, value_arg, &set, "passed to QEMU as JSON by libvirt");
            vl_finding_help(f, "use <qemu:override><qemu:device alias='%s'><qemu:frontend><qemu:property "
                               "name='%s' type='%s' value='%s'/></qemu:frontend></qemu:device></qemu:override>",
                            set.id, set.prop, type, prop_value);
            vl_finding_note(f, "%s passes devices to QEMU as JSON (-device {...}), which -set cannot reach",
                            versions);
            vl_finding_set_fix(f, "replace the -set pair by a qemu:override property on the same alias", NULL);
        } else {
            f = unreachable(report, value_arg, &set, "passed to QEMU as JSON by libvirt");
            vl_finding_help(f, "use <qemu:override><qemu:device alias='%s'> with a <qemu:property name='%s'> "
                               "whose type is the property's (string, signed, unsigned or bool) and whose value "
                               "is written as libvirt expects (decimal numbers, true/false)",
                            set.id, set.prop);
            vl_finding_note(f, "%s passes devices to QEMU as JSON (-device {...}), which -set cannot reach",
                            versions);
        }
    }
}

const VlRule vl_rule_qemu_set_device_json = {
    .id = "qemu-set-device-json",
    .category = "qemu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "-set device.ID.PROP=VALUE passed through qemu:commandline cannot reach libvirt's JSON devices",
    .rationale =
        "Guides from before 2022 set device properties libvirt does not model with "
        "<qemu:arg value='-set'/><qemu:arg value='device.hostdev0.x-vga=on'/>. Since libvirt 8.1, with "
        "QEMU 7.0 or later, libvirt writes every -device as JSON, and QEMU's -set only reaches devices "
        "defined in the old key=value syntax: QEMU exits at start with \"-set device.hostdev0.x-vga=on: "
        "there is no device \"hostdev0\" defined\" (checked with libvirt 9.0 and QEMU 7.2). The "
        "replacement is <qemu:override> (libvirt 8.2 and later), which edits the JSON of the device with "
        "that alias; its values are typed, so on/off become bool true/false and sizes such as 32M become "
        "decimal bytes. Kevin Locke's guide still recommends qemu:arg for libvirt before 8.2; that only holds up to "
        "libvirt 8.0 or with a QEMU older than 7.0. The rule follows the target versions "
        "(--libvirt-version, --qemu-version) and assumes a current QEMU when none is given.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD: qemu:property or qemu:arg)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Parameters that break RDNA 4: x-vga=on)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
        "https://gitlab.com/qemu-project/qemu/-/issues/1015",
        "https://github.com/virt-manager/virt-manager/issues/599",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-set'/>\n  <qemu:arg value='device.ua-disk0.discard_granularity=32M'/>\n</qemu:commandline>",
    .example_good = "<qemu:override>\n  <qemu:device alias='ua-disk0'>\n    <qemu:frontend>\n      <qemu:property name='discard_granularity' type='unsigned' value='33554432'/>\n    </qemu:frontend>\n  </qemu:device>\n</qemu:override>",
    .check = check,
};
