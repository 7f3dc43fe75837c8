/* hyperv-spinlocks-retries: <spinlocks state='on'> needs retries >= 4095. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

#define MIN_RETRIES 4095

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr spin = vl_model_hyperv_feature(m, "spinlocks");
    const char *retries = vl_xml_attr(spin, "retries");
    guint64 n;
    VlFinding *f;

    /* libvirt parses the element (and checks it) in every <hyperv> mode */
    if (!vl_xml_attr_is(spin, "state", "on")) /* false without the element */
        return;
    if (!retries) {
        f = vl_report(report, spin, "<spinlocks state='on'/>: has no retries attribute");
        vl_finding_help(f, "write <spinlocks state='on' retries='8191'/>");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Missing required attribute 'retries' in element "
                           "'spinlocks'\"");
    } else if (vl_xml_parse_uint(retries, &n) && n < MIN_RETRIES) {
        f = vl_report(report, spin, "<spinlocks retries='%s'>: is below 4095", retries);
        vl_finding_help(f, "use retries='8191', the value virt-manager writes");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"HyperV spinlock retry count must be at least 4095\"");
    } else {
        return;
    }
    vl_finding_set_fix(f, "set retries='8191' on <spinlocks>", NULL);
}

const VlRule vl_rule_hyperv_spinlocks_retries = {
    .id = "hyperv-spinlocks-retries",
    .category = "hyperv",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The Hyper-V spinlocks enlightenment needs a retry count of at least 4095",
    .rationale =
        "With <spinlocks state='on'> libvirt passes hv-spinlocks=<retries> to QEMU: how often a "
        "Windows vCPU spins on a contended lock before it tells the hypervisor. libvirt reads "
        "retries as a required attribute and refuses values below 4095 at define time (checked "
        "with libvirt 9.0: \"HyperV spinlock retry count must be at least 4095\", and \"Missing "
        "required attribute 'retries'\" without it), although the RelaxNG schema accepts both. "
        "It does so in every <hyperv> mode. 8191 (0x1fff) is what virt-manager writes and what "
        "the Ubuntu reference guide and the WindowsKVM build use; QEMU's documentation suggests a finite value like this when host "
        "CPUs are overcommitted.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 Performance Tuning, step 1: spinlocks retries='8191')",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: spinlocks retries=8191)",
        "libvirt src/conf/domain_conf.c (virDomainFeaturesHyperVDefParse)",
        "QEMU docs/system/i386/hyperv.rst (hv-spinlocks)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "HyperV spinlock retry count must be at least 4095",
    .example_bad = "<hyperv mode='custom'>\n  <spinlocks state='on' retries='1024'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <spinlocks state='on' retries='8191'/>\n</hyperv>",
    .check = check,
};
