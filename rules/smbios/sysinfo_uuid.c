/* smbios-sysinfo-uuid: a <sysinfo> system uuid must be the domain's. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/checked_release.h"
#include "lint/engine/version.h"
#include "lint/model/sysinfo.h"

/* libvirt's virUUIDParse: 32 hex digits, '-' and ' ' allowed between
 * pairs, blanks around; OUT gets the 32 digits in lower case. */
static bool
parse_uuid(const char *s, char out[33])
{
    int n = 0;

    while (g_ascii_isspace(*s))
        s++;
    /* mutate: skip[const-1@16] — n only takes even values, so n < 31 stops where n < 32 does */
    while (n < 32) {
        /* the end of S is no hex digit, so a short UUID fails below */
        if (*s == '-' || *s == ' ') {
            s++;
            continue;
        }
        if (!g_ascii_isxdigit(s[0]) || !g_ascii_isxdigit(s[1]))
            return false;
        out[n++] = g_ascii_tolower(s[0]);
        out[n++] = g_ascii_tolower(s[1]);
        s += 2;
    }
    out[32] = '\0';
    for (; *s; s++) {
        if (!g_ascii_isspace(*s))
            return false;
    }
    return true;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr sysinfo = vl_smbios_sysinfo(m);
    xmlNodePtr system = vl_xml_child(sysinfo, "system");
    xmlNodePtr entry = vl_xml_child_with(system, "entry", "name", "uuid");
    xmlNodePtr uuid = vl_model_top(m, "uuid");
    g_autofree char *text = NULL, *dom_text = NULL;
    char a[33], b[33];
    VlFinding *f;
    char version[32];

    if (!entry)
        return;
    text = (char *) xmlNodeGetContent(entry);
    if (!parse_uuid(text ? text : "", a)) {
        f = vl_report(report, entry, "<entry name='uuid'>: the <sysinfo> system uuid is not a UUID");
        vl_finding_help(f, "write 32 hexadecimal digits, as in <uuid>, or remove the entry");
        vl_finding_note(f, "the entry holds '%s'; libvirt refuses the domain: \"malformed <sysinfo> uuid element\"",
                        text ? text : "");
        return;
    }
    /* without <uuid> libvirt takes the domain's UUID from <sysinfo>:
     * xmlNodeGetContent(NULL) is NULL, which parse_uuid() refuses */
    dom_text = (char *) xmlNodeGetContent(uuid);
    if (!parse_uuid(dom_text ? dom_text : "", b) || strcmp(a, b) == 0)
        return; /* a malformed <uuid> is the schema's */
    g_strstrip(text);
    g_strstrip(dom_text);
    f = vl_report(report, entry, "<entry name='uuid'>: the <sysinfo> system uuid differs from the domain's <uuid>");
    vl_finding_help(f, "remove this entry (the guest keeps %s) or, for a new domain, make <uuid> the same", dom_text);
    vl_finding_note(f, "<sysinfo> says %s, <uuid> says %s", text, dom_text);
    /* checked with 9.0; 11.3's test suite expects it too */
    vl_finding_note(f, "libvirt %s refuses the domain: \"UUID mismatch between <uuid> and <sysinfo>\"; the SMBIOS "
                       "UUID a KVM guest sees is always the domain's",
                    vl_checked_release(m, VL_LIBVIRT(9, 0), VL_LIBVIRT(11, 3), version, sizeof(version)));
}

const VlRule vl_rule_smbios_sysinfo_uuid = {
    .id = "smbios-sysinfo-uuid",
    .category = "smbios",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The <sysinfo> system uuid differs from the domain <uuid>, or is not a UUID",
    .rationale =
        "The SMBIOS system UUID a guest sees is the domain's UUID; libvirt lets <sysinfo type='smbios'> "
        "name it only if it is the same UUID (compared as a UUID, so case and dashes do not matter), "
        "takes it as the domain UUID when <uuid> is missing, and otherwise refuses the domain: \"UUID "
        "mismatch between <uuid> and <sysinfo>\" (libvirt's test smbios-uuid-match; checked with libvirt "
        "9.0). Copying a whole dmidecode dump into <sysinfo>, as SMBIOS spoofing guides suggest (the "
        "WindowsKVM build), brings the physical machine's UUID along and trips this. The check runs whatever the "
        "<smbios> mode. There is no automatic fix: which UUID is right is the user's choice, and "
        "changing <uuid> changes the guest's identity.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (SMBIOS spoofing: values from dmidecode)",
        "libvirt src/conf/domain_conf.c (virSysinfoSystemParseXML)",
        "https://libvirt.org/formatdomain.html#smbios-system-information",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "UUID mismatch between <uuid> and <sysinfo>",
    .example_bad = "<uuid>362d1fc1-df7d-193e-5c18-49a71bd1da66</uuid>\n<sysinfo type='smbios'>\n  <system>\n    <entry name='uuid'>a94b4335-6a14-8bc4-d6da-f7ea590b6816</entry>\n  </system>\n</sysinfo>",
    .example_good = "<uuid>362d1fc1-df7d-193e-5c18-49a71bd1da66</uuid>\n<sysinfo type='smbios'>\n  <system>\n    <entry name='manufacturer'>ASRock</entry>\n  </system>\n</sysinfo>",
    .check = check,
};
