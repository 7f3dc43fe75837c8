/* cpu-too-many-vcpus: more than 255 vCPUs need q35 and an IOMMU with
 * extended interrupt mode (x2APIC ids above 255). */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

#define MAX_WITHOUT_EIM 255

/* From libvirt 10.10 a q35 domain with more than 255 vCPUs gets an intel
 * IOMMU with intremap and eim added at define time when it has no IOMMU,
 * and a lone intel IOMMU that does not say eim='off' gets eim (and
 * intremap) turned on (qemuDomainDefAddDefaultDevices and
 * qemuDomainIOMMUDefPostParse in src/qemu/qemu_domain.c; libvirt 11.3's
 * test suite defines intel-iommu-eim-autoadd.xml and -v2.xml). */
#define EIM_AUTOADD_SINCE VL_LIBVIRT(10, 10)

/* Newer libvirt also takes a split I/O APIC instead of EIM ("more than 255
 * vCPUs require either IOAPIC in QEMU or an iommu device with EIM or XTSup
 * mode enabled") and splits the I/O APIC itself unless <ioapic
 * driver='kvm'/> is written: libvirt 12.8 defines eim='off', a virtio IOMMU
 * and two IOMMUs, and refuses only the written kvm I/O APIC (checked with
 * its embedded driver; 11.3 refuses all of them).  The message names XTSup,
 * which came with libvirt 12.2's AMD IOMMU support, so that release is
 * assumed to be the first. */
#define SPLIT_IOAPIC_SINCE VL_LIBVIRT(12, 2)

static bool
is_x86(const VlModel *m)
{
    return !m->arch || strcmp(m->arch, "x86_64") == 0 || strcmp(m->arch, "i686") == 0;
}

/* QEMU's max_cpus of a q35 machine: 288 up to pc-q35-8.0, 1024 for 8.1 and
 * 8.2, 4096 from 9.0.  The unversioned alias follows the QEMU release
 * targeted: --qemu-version, else the one beside the target libvirt (7.2 for
 * 9.0); unknown: assume a current one. */
static unsigned
q35_limit(const VlModel *m)
{
    /* (the model reads the machine's version: 0 when it does not parse) */
    unsigned version = m->machine_version ? m->machine_qemu : vl_model_target_qemu(m);

    if (version == 0 || version >= VL_LIBVIRT(9, 0))
        return 4096;
    if (version >= VL_LIBVIRT(8, 1))
        return 1024;
    return 288;
}

static bool
has_eim(const VlModel *m)
{
    GPtrArray *iommus = vl_model_devices(m, "iommu");

    for (guint i = 0; i < iommus->len; i++) {
        xmlNodePtr iommu = g_ptr_array_index(iommus, i);
        xmlNodePtr driver = vl_xml_child(iommu, "driver");
        if (vl_xml_attr_is(driver, "eim", "on") ||
            (m->config->libvirt_version >= SPLIT_IOAPIC_SINCE && vl_xml_attr_is(driver, "xtsup", "on")))
            return true;
    }
    return false;
}

/* libvirt (from EIM_AUTOADD_SINCE) makes the domain's IOMMU setup good by
 * itself: there is none, or a single intel one that switches neither
 * eim nor intremap off; from SPLIT_IOAPIC_SINCE, unless the I/O APIC is
 * written as KVM's. */
static bool
libvirt_adds_eim(const VlModel *m)
{
    GPtrArray *iommus = vl_model_devices(m, "iommu");
    xmlNodePtr iommu, driver;

    if (m->config->libvirt_version < EIM_AUTOADD_SINCE)
        return false;
    if (m->config->libvirt_version >= SPLIT_IOAPIC_SINCE)
        return !vl_xml_attr_is(vl_xml_child(m->features, "ioapic"), "driver", "kvm");
    if (iommus->len == 0)
        return true;
    if (iommus->len > 1)
        return false;
    iommu = g_ptr_array_index(iommus, 0);
    driver = vl_xml_child(iommu, "driver");
    return vl_xml_attr_is(iommu, "model", "intel") && !vl_xml_attr_is(driver, "eim", "off") &&
           !vl_xml_attr_is(driver, "intremap", "off");
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr where = m->vcpu ? m->vcpu : m->root;
    GPtrArray *iommus = vl_model_devices(m, "iommu");
    unsigned limit;
    VlFinding *f;
    char version[32];

    if (m->vcpus <= MAX_WITHOUT_EIM || !is_x86(m))
        return;
    if (m->machine_family != VL_MACHINE_Q35) {
        f = vl_report(report, where, "<%s>: %u vCPUs on %s", (const char *) where->name, m->vcpus,
                      m->machine ? m->machine : "the default machine type (pc, i440fx)");
        vl_finding_help(f, "use at most 255 vCPUs, or a q35 machine with an IOMMU in extended interrupt mode");
        vl_finding_note(f, "an i440fx machine holds at most 255 vCPUs, so libvirt refuses the domain (\"Maximum CPUs "
                           "greater than specified machine type limit 255\" with QEMU 7.2, or \"more than 255 vCPUs "
                           "are only supported on q35-based machine types\")");
        return;
    }
    limit = q35_limit(m);
    if (m->vcpus > limit) {
        f = vl_report(report, where, "<%s>: %u vCPUs on %s, whose limit is %u vCPUs", (const char *) where->name,
                      m->vcpus, m->machine, limit);
        vl_finding_help(f, "use at most %u vCPUs or a newer q35 machine version (1024 from pc-q35-8.1, 4096 from "
                           "pc-q35-9.0)",
                        limit);
        vl_finding_note(f, "libvirt refuses the domain: \"Maximum CPUs greater than specified machine type limit %u\"",
                        limit);
        return;
    }
    if (has_eim(m) || libvirt_adds_eim(m))
        return;
    vl_version_format(m->config->libvirt_version, version, sizeof(version));
    f = vl_report(report, where, "<%s>: %u vCPUs need x2APIC ids above 255, without an IOMMU in extended interrupt "
                                 "mode",
                  (const char *) where->name, m->vcpus);
    vl_finding_help(f, "add <iommu model='intel'><driver intremap='on' eim='on'/></iommu> to <devices> and "
                       "<ioapic driver='qemu'/> to <features>");
    vl_finding_note(f, "the guest can only address x2APIC ids above 255 through an IOMMU with interrupt remapping "
                       "in extended interrupt mode");
    vl_finding_note(f, "libvirt %s refuses the domain: \"%s\"", version,
                    m->config->libvirt_version >= SPLIT_IOAPIC_SINCE
                        ? "more than 255 vCPUs require either IOAPIC in QEMU or an iommu device with EIM or XTSup "
                          "mode enabled"
                        : "more than 255 vCPUs require extended interrupt mode enabled on the iommu device");
    if (m->config->libvirt_version < EIM_AUTOADD_SINCE)
        vl_finding_note(f, "libvirt 10.10 and later add it themselves when there is no IOMMU");
    /* an existing IOMMU of another model cannot simply get eim */
    if (!m->devices)
        return;
    for (guint i = 0; i < iommus->len; i++) {
        if (!vl_xml_attr_is(g_ptr_array_index(iommus, i), "model", "intel"))
            return;
    }
    vl_finding_set_fix(f,
                       iommus->len ? "turn on intremap and eim on the intel IOMMU and split the I/O APIC "
                                     "(<ioapic driver='qemu'/>)"
                                   : "add <iommu model='intel'><driver intremap='on' eim='on'/></iommu> and "
                                     "<ioapic driver='qemu'/>",
                       NULL);
}

const VlRule vl_rule_cpu_too_many_vcpus = {
    .id = "cpu-too-many-vcpus",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "More than 255 vCPUs without q35 and an IOMMU in extended interrupt mode",
    .rationale =
        "x86 APIC ids above 255 can only be targeted by interrupts through x2APIC with interrupt "
        "remapping in extended interrupt mode (EIM). libvirt therefore refuses more than 255 "
        "vCPUs unless the machine is q35 and an intel IOMMU has <driver intremap='on' eim='on'/>, "
        "which in turn needs the split I/O APIC (<ioapic driver='qemu'/>). From libvirt 10.10 on, "
        "libvirt adds that IOMMU itself to a q35 domain that has none, and turns eim on for a lone "
        "intel IOMMU that does not switch it off, so the rule then only reports an IOMMU of another "
        "model, several IOMMUs, or eim/intremap switched off. libvirt 12.8 goes further: a split I/O "
        "APIC (which it sets itself) is enough, so only a written <ioapic driver='kvm'/> without "
        "EIM or XTSup is refused (assumed from 12.2, whose AMD IOMMU support the new message "
        "names). With QEMU 7.2 an "
        "i440fx machine is refused earlier, by its own limit of 255 (\"Maximum CPUs greater than "
        "specified machine type limit 255\", checked with libvirt 9.0), and q35 machine types "
        "have limits too: 288 up to pc-q35-8.0, 1024 for 8.1 and 8.2, 4096 from 9.0. libvirt "
        "12.2 accepts an AMD IOMMU with XTSup instead of EIM; this rule targets the libvirt 9.0 "
        "behaviour and only offers the intel form. Adding the IOMMU is safe here because the "
        "domain was refused and never ran in this shape; moving a guest from i440fx to q35 is not, "
        "so no fix is offered for that.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (32 vCPUs pinned 1:1: large vCPU counts)",
        "libvirt src/qemu/qemu_validate.c (QEMU_MAX_VCPUS_WITHOUT_EIM)",
        "libvirt src/qemu/qemu_domain.c (qemuDomainDefAddDefaultDevices: IOMMU added from 10.10)",
        "https://libvirt.org/news.html#v10-10-0-2024-12-02",
        "https://libvirt.org/formatdomain.html#iommu-devices",
        "QEMU hw/i386/pc_q35.c (max_cpus per machine version)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "more than 255 vCPUs",
    .example_bad = "<vcpu placement='static'>256</vcpu>\n<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>",
    .example_good = "<vcpu placement='static'>256</vcpu>\n<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>\n<features>\n  <acpi/>\n  <apic/>\n  <ioapic driver='qemu'/>\n</features>\n<devices>\n  <iommu model='intel'>\n    <driver intremap='on' eim='on'/>\n  </iommu>\n</devices>",
    .check = check,
};
