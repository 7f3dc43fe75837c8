/* hyperv-vendor-id: <vendor_id state='on'> needs a value of at most 12
 * characters without commas. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

#define MAX_VENDOR_ID 12

/* VALUE without commas, cut to at most 12 bytes on a character boundary
 * (libvirt counts bytes). */
static char *
repaired(const char *value)
{
    GString *out = g_string_new(NULL);

    for (const char *p = value; *p; p = g_utf8_next_char(p)) {
        gsize len = (gsize) (g_utf8_next_char(p) - p);

        if (*p == ',')
            continue;
        if (out->len + len > MAX_VENDOR_ID)
            break;
        g_string_append_len(out, p, (gssize) len);
    }
    return g_string_free(out, FALSE);
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr vendor = vl_model_hyperv_feature(m, "vendor_id");
    const char *value = vl_xml_attr(vendor, "value");
    g_autofree char *fixed = NULL, *description = NULL, *what = NULL;
    VlFinding *f;
    bool comma;

    /* libvirt checks the value only when the feature is on, in every mode */
    if (!vl_xml_attr_is(vendor, "state", "on")) /* false without the element */
        return;
    if (!value) {
        f = vl_report(report, vendor, "<vendor_id state='on'/>: has no value");
        vl_finding_help(f, "give the Hyper-V vendor string QEMU should report, e.g. value='KVMKVMKVM', or remove "
                           "the element to keep \"Microsoft Hv\"");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"missing 'value' attribute for HyperV feature "
                           "'vendor_id'\"");
        return;
    }
    if (strlen(value) <= MAX_VENDOR_ID && !strchr(value, ','))
        return;

    fixed = repaired(value);
    comma = strchr(value, ',') != NULL;
    what = comma ? g_strdup("contains a comma") : g_strdup_printf("is %zu bytes long", strlen(value));
    /* the value in the headline only while it is short */
    if (strlen(value) <= 40)
        f = vl_report(report, vendor, "<vendor_id value='%s'>: %s", value, what);
    else
        f = vl_report(report, vendor, "<vendor_id>: the value %s", what);
    vl_finding_help(f, "use value='%s'", fixed);
    if (comma) {
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"HyperV vendor_id value is invalid\", as QEMU would read "
                           "the comma as the end of the option");
    } else {
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"HyperV vendor_id value must not be more than 12 "
                           "characters.\"");
        vl_finding_note(f, "the CPUID leaf holds 12 bytes");
    }
    if (*fixed) {
        description = g_strdup_printf("set value='%s' on <vendor_id>", fixed);
        vl_finding_set_fix(f, description, "value", fixed, NULL);
    }
}

const VlRule vl_rule_hyperv_vendor_id = {
    .id = "hyperv-vendor-id",
    .category = "hyperv",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The Hyper-V vendor_id needs a value of at most 12 characters without commas",
    .rationale =
        "<vendor_id state='on' value='X'/> becomes QEMU's hv-vendor-id=X, the 12-byte vendor "
        "signature in the Hyper-V CPUID leaf 0x40000000 (\"Microsoft Hv\" by default). GPU "
        "passthrough guides set it to hide the hypervisor from drivers. libvirt refuses a missing "
        "value, a value longer than 12 bytes and one containing a comma at define time (checked "
        "with libvirt 9.0), in every <hyperv> mode; the schema's pattern catches only the last "
        "two. It is not an enlightenment: QEMU's documentation notes that guests are not supposed "
        "to behave differently with another vendor string. The guides' values ('AuthenticAMD' in "
        "the WindowsKVM build, 'KVM Hv' in the Ubuntu reference guide) are valid. The fix drops commas and cuts the value to 12 "
        "bytes, which is what libvirt would have needed in the first place.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Critical Gotchas: vendor_id value='AuthenticAMD')",
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 1: vendor_id value='KVM Hv')",
        "libvirt src/conf/domain_conf.c (virDomainFeaturesHyperVDefParse)",
        "QEMU docs/system/i386/hyperv.rst (hv-vendor-id)",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "HyperV vendor_id value",
    .example_bad = "<hyperv mode='custom'>\n  <vendor_id state='on' value='GenuineIntel-1'/>\n</hyperv>",
    .example_good = "<hyperv mode='custom'>\n  <vendor_id state='on' value='GenuineIntel'/>\n</hyperv>",
    .check = check,
};
