/* iommu-machine: IOMMU models and the machine types and ACPI they need. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/checked_release.h"

static bool
is_arm_virt(const VlModel *m)
{
    return m->machine && (strcmp(m->machine, "virt") == 0 || g_str_has_prefix(m->machine, "virt-")) &&
           (!m->arch || g_str_has_prefix(m->arch, "aarch64") || g_str_has_prefix(m->arch, "arm"));
}

/* "q35" as written, or what libvirt picks when the machine is not given */
static const char *
machine_name(const VlModel *m)
{
    if (m->machine)
        return m->machine;
    return m->arch && !(strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0)
               ? "the default machine type" : "pc (libvirt's default for x86)";
}

/* A finding on NODE: HEADLINE (printf), HELP, and why (NOTE, may be NULL). */
static VlFinding * G_GNUC_PRINTF(5, 6)
finding(VlReport *report, VlSeverity severity, xmlNodePtr node, const char *help, const char *fmt, ...)
{
    g_autofree char *headline = NULL;
    VlFinding *f;
    va_list ap;

    va_start(ap, fmt);
    headline = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    f = vl_report_severity(report, severity, node, "%s", headline);
    vl_finding_help(f, "%s", help);
    return f;
}

/* The release a note speaks for: the target, within the releases the
 * refusals were checked with (libvirt 9.0 on this machine, 11.3 by its
 * test suite's expected errors: intel-iommu-wrong-machine,
 * virtio-iommu-no-acpi, virtio-iommu-wrong-machine,
 * virtio-iommu-invalid-address-type; and its intel-iommu tests without
 * <acpi/> define). */
static const char *
release(const VlModel *m, char *buf, gsize size)
{
    return vl_checked_release(m, VL_LIBVIRT(9, 0), VL_LIBVIRT(11, 3), buf, size);
}

/* libvirt's refusal, as a note */
static void
refusal(const VlModel *m, VlFinding *f, const char *quote)
{
    char version[32];

    vl_finding_note(f, "libvirt %s refuses the domain: \"IOMMU device: %s\"", release(m, version, sizeof(version)),
                    quote);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *iommus = vl_model_devices(m, "iommu");
    bool acpi = vl_xml_child(m->features, "acpi") != NULL;
    bool q35 = m->machine_family == VL_MACHINE_Q35;
    VlSeverity error = report->rule->severity;

    for (guint i = 0; i < iommus->len; i++) {
        xmlNodePtr iommu = g_ptr_array_index(iommus, i);
        const char *model = vl_xml_attr(iommu, "model");
        xmlNodePtr address = vl_xml_child(iommu, "address");
        VlFinding *f;

        if (!model)
            continue;
        if (strcmp(model, "intel") == 0) {
            if (!q35) {
                f = finding(report, error, iommu,
                            "use <type machine='q35'> (a chipset change for an installed guest) or remove the IOMMU",
                            "<iommu model='intel'>: on machine %s, but VT-d exists only on q35", machine_name(m));
                refusal(m, f, "'intel' is only supported with Q35 machines");
            } else if (!acpi) {
                f = finding(report, VL_SEVERITY_WARNING, iommu, "add <acpi/> to <features>",
                            "<iommu model='intel'>: without <features><acpi/> the guest has no IOMMU");
                char version[32];

                vl_finding_note(f, "libvirt %s accepts it and QEMU starts, but the guest finds VT-d only through "
                                   "the ACPI DMAR table, which QEMU does not build with ACPI off",
                                release(m, version, sizeof(version)));
            }
        } else if (strcmp(model, "virtio") == 0) {
            if (!q35 && !is_arm_virt(m)) {
                f = finding(report, error, iommu,
                            "use q35 (a chipset change for an installed guest) or remove the IOMMU",
                            "<iommu model='virtio'>: on machine %s, not q35 or ARM virt", machine_name(m));
                refusal(m, f, "'virtio' is only supported with Q35 and ARM Virt machines");
            } else if (!acpi) {
                f = finding(report, error, iommu, "add <acpi/> to <features>",
                            "<iommu model='virtio'>: without <features><acpi/>");
                refusal(m, f, "'virtio' requires ACPI");
                vl_finding_note(f, "the guest learns of the virtio IOMMU from the ACPI VIOT table");
            } else if (address && !vl_xml_attr_is(address, "type", "pci")) {
                f = finding(report, error, address, "use a PCI address on bus 0 or none",
                            "<iommu model='virtio'>: <address type='%s'>, but it is a PCI device",
                            vl_xml_attr(address, "type") ? vl_xml_attr(address, "type") : "?");
                refusal(m, f, "'virtio' needs a PCI address");
            }
        } else if (strcmp(model, "smmuv3") == 0) {
            if (!is_arm_virt(m)) {
                f = finding(report, error, iommu, "on x86 use model='intel' (q35) or model='virtio'",
                            "<iommu model='smmuv3'>: on machine %s, not ARM virt", machine_name(m));
                refusal(m, f, "'smmuv3' is only supported with ARM Virt machines");
            }
        }
    }
}

const VlRule vl_rule_iommu_machine = {
    .id = "iommu-machine",
    .category = "iommu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An IOMMU model on a machine type it does not exist on, or without the ACPI it needs",
    .rationale =
        "A guest IOMMU (for nested device assignment, DMA protection or more than 255 vCPUs) is part of "
        "the chipset: the emulated Intel VT-d unit exists only on q35, SMMUv3 only on ARM's virt machine, "
        "virtio-iommu on both. libvirt refuses other combinations at define time, and refuses "
        "virtio-iommu without ACPI or with a non-PCI address (checked with libvirt 9.0, and the same in "
        "libvirt 11.3's test suite; notes name the target release within those). The catalog "
        "also calls an Intel IOMMU without ACPI an error; libvirt 9.0 and 11.3 accept it and QEMU starts, but "
        "the guest discovers VT-d through the ACPI DMAR table, so without ACPI it has no IOMMU: that "
        "case is a warning. A domain without a machine attribute gets libvirt's default, pc, on x86. "
        "Changing the machine type is not a safe fix for an installed guest, so none is offered. The "
        "Japanese reinstall guide enables intel_iommu=on on the host; that is unrelated to a guest IOMMU.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (intel_iommu=on: host IOMMU, not a guest <iommu>)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDeviceDefIOMMU)",
        "https://libvirt.org/formatdomain.html#iommu-devices",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "is only supported with Q35",
    .example_bad = "<os>\n  <type arch='x86_64' machine='pc-i440fx-7.2'>hvm</type>\n</os>\n...\n<iommu model='intel'/>",
    .example_good = "<os>\n  <type arch='x86_64' machine='pc-q35-7.2'>hvm</type>\n</os>\n<features>\n  <acpi/>\n</features>\n...\n<iommu model='intel'/>",
    .check = check,
};
