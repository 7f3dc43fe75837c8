/* panic-model-address: panic devices whose model does not fit the guest
 * architecture, or that are given an address they cannot have. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"

static void
report_address(VlReport *report, xmlNodePtr panic, xmlNodePtr address, const char *model, const char *error)
{
    g_autofree char *what = vl_xml_attr(panic, "model")
                                ? g_strdup_printf("<panic model='%s'>", model)
                                : g_strdup_printf("<panic> (model '%s' by default)", model);
    VlFinding *f = vl_report(report, address, "%s: <address type='%s'>, which this model cannot have", what,
                             vl_xml_attr(address, "type") ? vl_xml_attr(address, "type") : "?");

    vl_finding_help(f, "remove the <address>");
    if (g_str_equal(model, "hyperv"))
        vl_finding_note(f, "hyperv is not a device: it is the hv-crash CPU feature");
    vl_finding_note(f, "libvirt refuses it: \"%s\"", error);
    vl_finding_set_fix(f, "remove the panic device's <address>", NULL);
}

/* MODEL on a guest of ARCH it does not exist on. */
static void
report_arch(VlReport *report, xmlNodePtr panic, const char *model, const char *arch, const char *error,
            const char *help)
{
    VlFinding *f = vl_report(report, panic, "<panic model='%s'>: not a model of this %s guest", model, arch);

    vl_finding_help(f, "%s", help);
    vl_finding_note(f, "libvirt refuses it: \"%s\"", error);
}

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *panics = vl_model_devices(m, "panic");
    const char *arch = m->arch ? m->arch : "x86_64";

    for (guint i = 0; i < panics->len; i++) {
        xmlNodePtr panic = g_ptr_array_index(panics, i);
        const char *model = vl_xml_attr(panic, "model");
        xmlNodePtr address = vl_xml_child(panic, "address");
        const char *atype = vl_xml_attr(address, "type");

        if (!model) {
            /* the model libvirt picks when none is written (a ppc64 guest
             * without a machine type gets QEMU's default, pseries) */
            if (g_str_has_prefix(arch, "ppc64") && (!m->machine || g_str_has_prefix(m->machine, "pseries")))
                model = "pseries";
            else if (g_str_has_prefix(arch, "s390"))
                model = "s390";
            else if (vl_is_x86(m))
                model = "isa";
            else
                continue;
        }
        if (g_str_equal(model, "hyperv")) {
            if (!vl_is_x86(m))
                report_arch(report, panic, model, arch,
                            "only i686 and x86_64 guests support panic device of model 'hyperv'", "remove it");
            else if (address)
                report_address(report, panic, address, model,
                               "setting the panic device address is not supported for model 'hyperv'");
        } else if (g_str_equal(model, "s390")) {
            if (!g_str_has_prefix(arch, "s390"))
                report_arch(report, panic, model, arch, "only S390 guests support panic device of model 's390'",
                            "use model='isa' or 'hyperv' on x86");
            else if (address)
                report_address(report, panic, address, model,
                               "setting the panic device address is not supported for model 's390'");
        } else if (g_str_equal(model, "pseries")) {
            if (!g_str_has_prefix(arch, "ppc64"))
                report_arch(report, panic, model, arch,
                            "only pSeries guests support panic device of model 'pseries'",
                            "use model='isa' or 'hyperv' on x86");
            else if (address)
                report_address(report, panic, address, model,
                               "setting the panic device address is not supported for model 'pseries'");
        } else if (g_str_equal(model, "isa")) {
            if (atype && !g_str_equal(atype, "isa")) /* (no <address> has no type) */
                report_address(report, panic, address, model, "panic is supported only with ISA address type");
        } else if (g_str_equal(model, "pvpanic")) {
            if (atype && !g_str_equal(atype, "pci"))
                report_address(report, panic, address, model, "pvpanic is supported only with PCI address type");
        }
    }
}

const VlRule vl_rule_panic_model_address = {
    .id = "panic-model-address",
    .category = "panic",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A panic device model that does not fit the architecture, or has an address it cannot have",
    .rationale =
        "Each <panic> model is a different mechanism: isa is the pvpanic ISA port, pvpanic its "
        "PCI variant, hyperv the Hyper-V crash MSRs (QEMU's hv-crash CPU feature, not a device), "
        "s390 and pseries the platforms' firmware interfaces. libvirt refuses a model on the "
        "wrong architecture and an <address> on the models that have none, or of the wrong bus "
        "type (checked with libvirt 9.0 for hyperv). An address on a hyperv panic typically "
        "comes from copying an isa panic device. The guest never ran with it, so removing the "
        "address is safe; a wrong model needs a choice and is only reported.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI (with SecureBoot): pvpanic driver not signed)",
        "libvirt src/qemu/qemu_validate.c (qemuValidateDomainDefPanic)",
        "https://libvirt.org/formatdomain.html#panic-device",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "setting the panic device address is not supported for model",
    .example_bad = "<panic model='hyperv'>\n  <address type='isa' iobase='0x505'/>\n</panic>",
    .example_good = "<panic model='hyperv'/>",
    .check = check,
};
