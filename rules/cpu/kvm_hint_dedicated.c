/* cpu-kvm-hint-dedicated: KVM's dedicated-vCPU hint (KVM_HINTS_REALTIME)
 * promises vCPUs that are never preempted. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/model/cpuset.h"
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt 7.0 still refused the hint with other CPU modes (KubeVirt hit
 * the error in July 2021); 9.0 accepts it (checked).  The release that
 * dropped the check is not pinned down: 7.1 to 8.x are "may refuse". */
#define REFUSED_UNTIL VL_LIBVIRT(7, 1)
#define ACCEPTED_SINCE VL_LIBVIRT(9, 0)

static bool
every_vcpu_pinned(const VlModel *m)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    VlCpuset pinned = { 0 };
    guint count;

    for (xmlNodePtr pin = cputune ? cputune->children : NULL; pin; pin = pin->next) {
        guint64 vcpu;
        if (vl_xml_is(pin, "vcpupin") && vl_xml_parse_uint(vl_xml_attr(pin, "vcpu"), &vcpu) && vcpu < m->vcpus)
            vl_cpuset_add(&pinned, (guint) vcpu);
    }
    count = vl_cpuset_count(&pinned);
    vl_cpuset_clear(&pinned);
    return count >= m->vcpus;
}

/* The finding on a hint next to a CPU that is not host-passthrough. */
static VlFinding *
report_mode(VlReport *report, VlSeverity severity, xmlNodePtr hint)
{
    return vl_report_severity(report, severity, hint, "<hint-dedicated state='on'/>: without a host-passthrough CPU");
}

#define REFUSAL "\"kvm-hint-dedicated=on is only applicable for cpu host-passthrough\""

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr hint = vl_xml_child(vl_xml_child(m->features, "kvm"), "hint-dedicated");
    unsigned v = m->config->libvirt_version;
    char version[32];
    VlFinding *f;

    if (!vl_state_on(hint))
        return;
    vl_version_format(v, version, sizeof(version));
    if (g_strcmp0(vl_cpu_mode(m), "host-passthrough") != 0 && v < ACCEPTED_SINCE) {
        if (v < REFUSED_UNTIL) {
            f = report_mode(report, VL_SEVERITY_ERROR, hint);
            vl_finding_help(f, "use <cpu mode='host-passthrough'> or drop the hint");
            vl_finding_note(f, "libvirt %s refuses the domain: " REFUSAL, version);
            vl_finding_note(f, "libvirt 9.0 and later accept it with any CPU mode");
        } else {
            f = report_mode(report, VL_SEVERITY_WARNING, hint);
            vl_finding_help(f, "use host-passthrough or check with virsh define");
            vl_finding_note(f, "libvirt releases up to at least 7.0 refuse this: " REFUSAL);
            vl_finding_note(f, "9.0 accepts it, and libvirt %s may still refuse it", version);
        }
        return;
    }
    if (!every_vcpu_pinned(m)) {
        f = vl_report_severity(report, VL_SEVERITY_WARNING, hint,
                               "<hint-dedicated state='on'/>: not every vCPU has a <vcpupin>");
        vl_finding_help(f, "pin every vCPU to its own host CPU, or drop the hint");
        vl_finding_note(f, "the hint tells the guest that each vCPU has a host CPU of its own and is never "
                           "preempted (KVM_HINTS_REALTIME)");
        vl_finding_note(f, "a guest that believes it (Linux turns off paravirtual spinlocks and idles by polling) "
                           "stalls when a vCPU is preempted anyway");
    }
}

const VlRule vl_rule_cpu_kvm_hint_dedicated = {
    .id = "cpu-kvm-hint-dedicated",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "KVM's dedicated-vCPU hint on a CPU libvirt refuses it for, or on vCPUs that are not pinned",
    .rationale =
        "<kvm><hint-dedicated state='on'/></kvm> becomes QEMU's kvm-hint-dedicated=on, the "
        "KVM_HINTS_REALTIME CPUID bit: a promise to the guest that its vCPUs run on dedicated "
        "host CPUs. Older libvirt accepted it only with host-passthrough and refused other CPU "
        "modes at define time (\"kvm-hint-dedicated=on is only applicable for cpu "
        "host-passthrough\"; KubeVirt still hit this with libvirt 7.0 in 2021). libvirt 9.0 "
        "accepts it with any CPU mode and passes kvm-hint-dedicated=on to QEMU (checked with "
        "virsh define and domxml-to-native), so the catalog's refusal is version-dependent: an "
        "error when the target libvirt is older than 7.1, a warning between 7.1 and 8.x where "
        "the exact release is not pinned down, nothing from 9.0 on. Whatever the version, the "
        "promise only holds when every vCPU is pinned to a host CPU of its own; otherwise the "
        "guest optimises for a situation that is not there, a warning.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: 32 vCPUs pinned 1:1)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefFeatures, removed check)",
        "https://github.com/kubevirt/kubevirt/pull/6162 (libvirt refusal, bugzilla 1857671)",
        "https://libvirt.org/formatdomain.html#hypervisor-features (kvm hint-dedicated, since 5.7.0)",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "kvm-hint-dedicated=on is only applicable",
    .example_bad = "<features>\n  <kvm>\n    <hint-dedicated state='on'/>\n  </kvm>\n</features>\n<cpu mode='host-model'/>",
    .example_good = "<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='1' cpuset='3'/>\n</cputune>\n<features>\n  <kvm>\n    <hint-dedicated state='on'/>\n  </kvm>\n</features>\n<cpu mode='host-passthrough'/>",
    .check = check,
};
