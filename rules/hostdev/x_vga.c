/* hostdev-x-vga: vfio-pci's x-vga=on passed to QEMU behind libvirt's back. */
#include "lint/engine/engine.h"
#include "lint/engine/pattern.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* x-vga set to any spelling QEMU reads as true, in a -device or -set value */
static const VlPattern x_vga_on = VL_PATTERN_INIT("(^|[,.])x-vga=(on|yes|true|y)(,|$)");

/* What every x-vga finding says besides its headline. */
static void
advise(VlFinding *f)
{
    vl_finding_help(f, "remove x-vga and boot the guest with UEFI");
    vl_finding_note(f, "x-vga=on is an experimental vfio-pci option that routes legacy VGA to a passed-through GPU "
                       "for SeaBIOS guests");
    vl_finding_note(f, "under OVMF it is not needed, and with the large BARs of modern GPUs QEMU fails to start "
                       "(\"Bad address\")");
}

static void
check_overrides(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);

        for (xmlNodePtr fe = dev->children; fe; fe = fe->next) {
            if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
                continue;
            for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
                if (vl_xml_is_ns(prop, VL_NS_QEMU, "property") && vl_xml_attr_is(prop, "name", "x-vga") &&
                    vl_xml_attr_is(prop, "value", "true")) {
                    VlFinding *f = vl_report(report, prop, "<qemu:property>: qemu:override sets x-vga=true");
                    advise(f);
                    vl_finding_set_fix(f, "remove the x-vga qemu:override property", NULL);
                }
            }
        }
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value = vl_xml_attr(arg, "value");

        if (value && vl_pattern_match(m->engine->context, &x_vga_on, value)) {
            VlFinding *f = vl_report(report, arg, "<qemu:arg> turns on vfio-pci's x-vga");
            advise(f);
            vl_finding_note(f, "the argument is qemu:arg '%s'", value);
            /* fixers/hostdev-x-vga.xsl drops the x-vga item from the value,
             * and the argument (with its -set/-global/-device) when nothing
             * else is left in it */
            vl_finding_set_fix(f, "remove x-vga from the QEMU command line", NULL);
        }
    }
    check_overrides(m, report);
}

const VlRule vl_rule_hostdev_x_vga = {
    .id = "hostdev-x-vga",
    .category = "hostdev",
    .severity = VL_SEVERITY_WARNING,
    .summary = "vfio-pci x-vga=on is passed to QEMU for a GPU",
    .rationale =
        "x-vga makes QEMU route the legacy VGA ranges to an assigned GPU so that SeaBIOS can use "
        "its VGA BIOS. It is an experimental option (hence the x- prefix) that libvirt does not "
        "model, so guides add it through qemu:commandline or qemu:override. UEFI guests do not "
        "need it: OVMF drives the GPU through its UEFI option ROM. The WindowsKVM build reports that with a "
        "16 GB BAR GPU it makes the VM fail with \"Bad address\". Remove the argument.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Parameters that break RDNA 4: x-vga=on)",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-set'/>\n  <qemu:arg value='device.hostdev0.x-vga=on'/>\n</qemu:commandline>",
    .example_good = "<!-- no x-vga: boot with <os firmware='efi'> -->",
    .check = check,
};
