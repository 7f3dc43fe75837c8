/* cpu-features-without-model: a custom-mode <cpu> listing <feature>s but no
 * <model> is refused when libvirt parses it. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/version.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *mode = vl_cpu_mode(m);
    xmlNodePtr feature = vl_xml_child(m->cpu, "feature");
    char buf[128];
    char ver[32];
    VlFinding *f;

    /* libvirt checks mode custom only (its default when <cpu> says none):
     * host-model and host-passthrough take features as changes to the host
     * CPU, maximum to QEMU's. */
    if (!mode || strcmp(mode, "custom") != 0 || !feature || vl_cpu_model_name(m, buf, sizeof(buf)))
        return;
    f = vl_report(report, feature, "<cpu>: has <feature> elements but no <model>");
    vl_finding_help(f, "add a <model> or use mode='host-passthrough'");
    /* checked with the embedded driver of 9.0, 11.3 and 12.8: a parse
     * error, so every release since the check was written */
    vl_finding_note(f, "libvirt %s refuses the domain: \"Non-empty feature list specified without CPU model\"",
                    vl_version_format(m->config->libvirt_version, ver, sizeof(ver)));
}

const VlRule vl_rule_cpu_features_without_model = {
    .id = "cpu-features-without-model",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A custom CPU lists features without naming a CPU model",
    .rationale =
        "In custom mode, libvirt's default when <cpu> has no mode attribute, <feature> elements "
        "change a named CPU model, so libvirt refuses a feature list without one when it parses the "
        "domain: \"Non-empty feature list specified without CPU model\" (src/conf/cpu_conf.c; checked "
        "with the embedded driver of libvirt 9.0, 11.3 and 12.8, which all refuse it). An empty <model/> counts as none. "
        "It happens when a guide's <feature policy='require' name='topoext'/> or "
        "<feature policy='disable' name='hypervisor'/> lines are pasted into a <cpu> that has no mode: "
        "the WindowsKVM build uses them with mode='host-passthrough', where they are accepted, as they are with "
        "host-model and maximum. Name a model (<model fallback='allow'>EPYC</model>) or choose the "
        "mode the guide meant; virtlint offers no automatic fix because either choice changes the "
        "CPU the guest sees.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (CPU features topoext, invtsc with host-passthrough)",
        "libvirt src/conf/cpu_conf.c (virCPUDefParseXML)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Non-empty feature list specified without CPU model",
    .example_bad = "<cpu>\n  <feature policy='require' name='topoext'/>\n</cpu>",
    .example_good = "<cpu mode='host-passthrough'>\n  <feature policy='require' name='topoext'/>\n</cpu>",
    .check = check,
};
