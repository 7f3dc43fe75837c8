/* watchdog-model-invalid: watchdog models on machines or buses libvirt refuses. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

/* A finding on WD: HEADLINE, then HELP and libvirt's refusal QUOTE (as
 * "libvirt refuses it: \"QUOTE\"", with WHO for "libvirt"). */
static VlFinding *
refused(VlReport *report, VlSeverity severity, xmlNodePtr wd, const char *headline, const char *help,
        const char *who, const char *quote)
{
    VlFinding *f = vl_report_severity(report, severity, wd, "%s", headline);

    vl_finding_help(f, "%s", help);
    vl_finding_note(f, "%s refuses it: \"%s\"", who, quote);
    return f;
}

static void
report_address(VlReport *report, xmlNodePtr wd, const char *model, const char *what)
{
    g_autofree char *headline = g_strdup_printf("<watchdog model='%s'>: an <address> libvirt refuses", model);
    g_autofree char *quote = g_strdup_printf("%s model of watchdog %s", model, what);
    VlFinding *f = refused(report, report->rule->severity, wd, headline,
                           g_str_equal(model, "i6300esb") ? "remove the <address> and let libvirt put it on a PCI slot"
                                                          : "remove the <address>",
                           "libvirt", quote);

    vl_finding_set_fix(f, "remove the <address>", NULL);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *wds = vl_model_devices(m, "watchdog");
    unsigned v = m->config->libvirt_version;
    bool modern = v >= VL_LIBVIRT(9, 1);
    bool itco_seen = false, ib700_seen = false;
    VlSeverity error = report->rule->severity;
    char version[32];
    g_autofree char *libvirt = NULL;

    vl_version_format(v, version, sizeof(version));
    libvirt = g_strdup_printf("libvirt %s", version);
    for (guint i = 0; i < wds->len; i++) {
        xmlNodePtr wd = g_ptr_array_index(wds, i);
        const char *model = vl_xml_attr(wd, "model");
        xmlNodePtr address = vl_xml_child(wd, "address");
        g_autofree char *headline = NULL;

        if (!model)
            continue;
        if (g_str_equal(model, "diag288")) {
            if (m->arch && g_str_has_prefix(m->arch, "s390"))
                continue;
            headline = g_strdup_printf("<watchdog model='diag288'>: the s390 DIAG 288 watchdog on this %s guest",
                                       m->arch ? m->arch : "x86_64");
            refused(report, error, wd, headline, "use model='i6300esb'", "libvirt",
                    "diag288 model of watchdog is allowed for s390 and s390x only");
        } else if (g_str_equal(model, "i6300esb")) {
            if (address && !vl_xml_attr_is(address, "type", "pci"))
                report_address(report, wd, model, "can go only on PCI bus");
        } else if (g_str_equal(model, "ib700")) {
            if (address)
                report_address(report, wd, model, "does not support configuring the address");
            else if (modern && (m->machine_family == VL_MACHINE_Q35 || m->machine_family == VL_MACHINE_OTHER)) {
                headline = g_strdup_printf("<watchdog model='ib700'>: an ISA card of the i440fx era on machine '%s'",
                                           m->machine);
                refused(report, error, wd, headline,
                        "on q35 use model='itco' (built into the chipset) or model='i6300esb'", libvirt,
                        "ib700 model of watchdog cannot be used with this machine type");
            } else if (modern && ib700_seen)
                refused(report, error, wd, "<watchdog model='ib700'>: a second ib700 watchdog", "remove it", libvirt,
                        "domain can only have one watchdog with model 'ib700'");
            ib700_seen = true;
        } else if (g_str_equal(model, "itco")) {
            if (!modern) {
                headline = g_strdup_printf("<watchdog model='itco'>: needs libvirt 9.1 or later, not %s", version);
                refused(report, error, wd, headline,
                        "use <watchdog model='i6300esb' action='reset'/> with this libvirt",
                        libvirt, "unknown watchdog model 'itco'");
            } else if (address) {
                report_address(report, wd, model, "is part of the machine and cannot have any address set.");
            } else if (m->machine_family != VL_MACHINE_Q35) {
                headline = g_strdup_printf("<watchdog model='itco'>: q35's ICH9 iTCO watchdog on %s",
                                           m->machine ? m->machine : "the default i440fx machine");
                refused(report, error, wd, headline, "use model='i6300esb' (PCI) or model='ib700' on i440fx",
                        "libvirt", "itco model of watchdog is only part of q35 machine");
            } else if (itco_seen) {
                refused(report, error, wd, "<watchdog model='itco'>: a second iTCO watchdog",
                        "remove this one: q35 has one iTCO", libvirt,
                        "domain can only have one watchdog with model 'itco'");
            }
            itco_seen = true;
        }
    }
}

const VlRule vl_rule_watchdog_model_invalid = {
    .id = "watchdog-model-invalid",
    .category = "watchdog",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A watchdog model on a machine type, architecture or bus libvirt refuses",
    .rationale =
        "Each emulated watchdog belongs to one kind of machine: diag288 to s390, ib700 is an ISA "
        "card for i440fx, iTCO is built into q35's ICH9 chipset (no address, one per machine), "
        "i6300esb is a PCI card. libvirt refuses the mismatches when the domain is defined. "
        "Versions matter: iTCO and multiple watchdogs arrived in libvirt 9.1, so libvirt 9.0 "
        "(Debian 12) refuses the WindowsKVM build's <watchdog model='itco' action='reset'/> as an unknown "
        "model: an error for that target, like every refusal (the schema's error on the same "
        "element is folded into this finding); target a newer libvirt if that is what runs the "
        "domain. libvirt 9.0 also still accepts ib700 on q35 and a "
        "duplicate check exists only from 9.1 on; i6300esb may appear several times. The catalog "
        "says any two watchdogs of one model are refused: libvirt exempts i6300esb.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VM Configuration: Watchdog itco, action reset)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainWatchdogDef, qemuValidateDomainDefWatchdogs)",
        "https://libvirt.org/formatdomain.html#watchdog-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "model of watchdog",
    .example_bad = "<os>\n  <type arch='x86_64' machine='pc'>hvm</type>\n</os>\n...\n<watchdog model='itco' action='reset'/>",
    .example_good = "<watchdog model='i6300esb' action='reset'/>",
    .check = check,
};
