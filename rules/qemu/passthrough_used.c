/* qemu-passthrough-used: QEMU pass-through (qemu:commandline, override,
 * capabilities, deprecation) is unsupported territory. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_blocks->len; i++) {
        xmlNodePtr block = g_ptr_array_index(m->qemu_blocks, i);

        VlFinding *f;

        if (vl_xml_is_ns(block, VL_NS_QEMU, "commandline")) {
            f = vl_report(report, block, "<qemu:commandline>: passes arguments libvirt does not model");
            vl_finding_help(f, "keep them only where the domain XML has no equivalent");
            vl_finding_note(f, "the domain is tainted (custom-argv) when it starts");
            vl_finding_note(f, "libvirt neither validates them nor grants QEMU access to files they name, and "
                               "they can break on a QEMU or libvirt upgrade");
        } else if (vl_xml_is_ns(block, VL_NS_QEMU, "override")) {
            f = vl_report(report, block, "<qemu:override>: changes device properties behind libvirt's back");
            vl_finding_note(f, "the domain is tainted (custom-device), and libvirt gives no compatibility "
                               "guarantee for such devices");
            vl_finding_note(f, "the overrides apply only to devices on the initial command line, not to devices "
                               "hot-plugged later");
        } else if (vl_xml_is_ns(block, VL_NS_QEMU, "capabilities")) {
            f = vl_report(report, block, "<qemu:capabilities>: overrides what libvirt detected about QEMU");
            vl_finding_note(f, "the domain is tainted (custom-hypervisor-feature); libvirt documents it for "
                               "experiments only, not for production");
        } else if (vl_xml_is_ns(block, VL_NS_QEMU, "deprecation")) {
            f = vl_report(report, block,
                          "<qemu:deprecation>: makes QEMU reject or crash on deprecated interfaces libvirt still "
                          "uses");
            vl_finding_note(f, "a developer and CI setting that libvirt says not to use in production");
        }
    }
}

const VlRule vl_rule_qemu_passthrough_used = {
    .id = "qemu-passthrough-used",
    .category = "qemu",
    .severity = VL_SEVERITY_INFO,
    .summary = "The domain uses QEMU pass-through (qemu:commandline, override, capabilities or deprecation)",
    .rationale =
        "libvirt's QEMU namespace is an escape hatch: arguments, device property overrides, capability "
        "overrides and the deprecation knob bypass everything libvirt checks and models. A domain using "
        "them is marked tainted when it starts (custom-argv, custom-device and custom-hypervisor-feature "
        "in its log, checked with libvirt 9.0), files they name are not labelled for SELinux or added to "
        "AppArmor profiles, overrides do not reach hot-plugged devices, and upgrades can change what the "
        "arguments mean (as the switch to JSON -device did to -set). Kevin Locke's guide, the WindowsKVM build and the Japanese reinstall guide all reach for "
        "it; several of their uses have native XML today (discard_granularity, SLIC tables, SMBIOS "
        "strings). This is a reminder, not a defect, so the rule is off by default: it fired on every "
        "domain with a qemu:commandline, with nothing wrong, and reported as a taint the qemu:override "
        "that virtlint's own safe fix for discard_granularity writes on libvirt before 9.8. Select it "
        "by id to audit a repository's pass-through.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:commandline and qemu:override)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD: qemu:arg and qemu:property)",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
        "https://libvirt.org/kbase/qemu-passthrough-security.html",
    },
    .fix = VL_FIX_NONE,
    .opt_in = true,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-acpitable'/>\n  <qemu:arg value='file=/var/lib/libvirt/qemu/oem/slic.bin'/>\n</qemu:commandline>",
    .example_good = "<os>\n  <acpi>\n    <table type='slic'>/var/lib/libvirt/qemu/oem/slic.bin</table>\n  </acpi>\n</os>",
    .check = check,
};
