/* cpu-cache-mode: <cpu><cache> modes and levels QEMU's driver accepts. */
#include <string.h>

#include "lint/model/cpu.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
note_refused(VlFinding *f, const char *error)
{
    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s\"", error);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr cache = vl_xml_child(m->cpu, "cache");
    const char *mode = vl_xml_attr(cache, "mode");
    const char *level = vl_xml_attr(cache, "level");
    const char *cpu_mode = vl_cpu_mode(m);
    VlFinding *f;

    if (!mode) /* (no <cache> has no mode) */
        return;
    if (strcmp(mode, "passthrough") == 0 && g_strcmp0(cpu_mode, "host-passthrough") != 0 &&
        g_strcmp0(cpu_mode, "maximum") != 0) {
        f = vl_report(report, cache, "<cache mode='passthrough'>: needs a host-passthrough or maximum CPU, not "
                                     "mode='%s'",
                      cpu_mode);
        vl_finding_help(f, "use <cache level='3' mode='emulate'/> with a named model");
        vl_finding_note(f, "<cache mode='passthrough'> copies the host's cache description");
        note_refused(f, "CPU cache mode 'passthrough' can only be used with 'host-passthrough' / 'maximum' CPUs");
        vl_finding_set_fix(f, "use <cache level='3' mode='emulate'/>", NULL);
    } else if ((strcmp(mode, "passthrough") == 0 || strcmp(mode, "disable") == 0) && level) {
        g_autofree char *error = g_strdup_printf("unsupported CPU cache level for mode '%s'", mode);

        f = vl_report(report, cache, "<cache mode='%s' level='%s'>: mode %s takes no level", mode, level, mode);
        vl_finding_help(f, "remove level");
        vl_finding_note(f, "mode %s applies to every cache level", mode);
        note_refused(f, error);
        vl_finding_set_fix(f, "remove the level attribute", NULL);
    } else if (strcmp(mode, "emulate") == 0 && g_strcmp0(level, "3") != 0) {
        f = vl_report(report, cache, "<cache mode='emulate'%s%s%s>: QEMU can only emulate an L3 cache description",
                      level ? " level='" : "", level ? level : "", level ? "'" : "");
        vl_finding_help(f, "use level='3'");
        note_refused(f, "CPU cache mode 'emulate' can only be used with level='3'");
        vl_finding_set_fix(f, "set level='3'", NULL);
    }
}

const VlRule vl_rule_cpu_cache_mode = {
    .id = "cpu-cache-mode",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A <cpu><cache> mode or level the QEMU driver refuses",
    .rationale =
        "<cache mode='passthrough'/> is QEMU's host-cache-info=on: the guest sees the host's real "
        "cache layout, which only makes sense with host-passthrough (or maximum) CPUs; libvirt "
        "refuses it with host-model, a named model or no mode. mode='emulate' is QEMU's "
        "l3-cache=on and needs level='3'; passthrough and disable take no level. All of these "
        "are refused at define time (checked with libvirt 9.0, which also refuses passthrough "
        "with level='3'). The WindowsKVM build pairs <cache mode='passthrough'/> with host-passthrough, which "
        "is right; copying that line into a domain with another CPU mode is what this rule "
        "catches. The fix keeps what QEMU can do: an emulated L3 description, or no level. The "
        "domain never started with the refused setting, so the fix cannot break an installed "
        "guest.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: cache mode='passthrough' with host-passthrough)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefCpu)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology (cache)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "CPU cache",
    .example_bad = "<cpu mode='host-model'>\n  <cache mode='passthrough'/>\n</cpu>",
    .example_good = "<cpu mode='host-passthrough'>\n  <cache mode='passthrough'/>\n</cpu>",
    .check = check,
};
