/* cpu-iothreadpin-undefined: <iothreadpin> or <iothreadsched> for an
 * iothread the domain does not define. */
#include <string.h>

#include "lint/model/iothread_users.h"
#include "lint/model/cpuset.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* The ids of the iothreads EL pins or schedules (an empty set when it has
 * none we can read); *ZERO tells an <iothreadpin iothread='0'>.  Ids from
 * VL_CPUSET_MAX on are not judged: vl_iothread_ids() cannot hold them. */
static VlCpuset
referenced(xmlNodePtr el, bool *zero)
{
    VlCpuset ids = { 0 };
    guint64 id;

    *zero = false;
    if (vl_xml_is(el, "iothreadpin")) {
        if (vl_xml_parse_uint(vl_xml_attr(el, "iothread"), &id) && id < VL_CPUSET_MAX) {
            *zero = id == 0;
            vl_cpuset_add(&ids, (guint) id);
        }
    } else if (vl_xml_is(el, "iothreadsched")) {
        vl_cpuset_parse(vl_xml_attr(el, "iothreads"), &ids);
    }
    return ids;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    bool has_ids = vl_model_top(m, "iothreadids") != NULL;
    g_autoptr(GPtrArray) findings = g_ptr_array_new();
    g_autoptr(GString) missing = g_string_new(NULL);
    g_autofree char *defined_s = NULL, *description = NULL, *count = NULL;
    VlCpuset defined, wanted = { 0 };
    /* mutate: skip[const+1] — equivalent: vl_cpuset_max() below always sets it, as wanted holds the id of the first finding */
    guint max = 0;

    if (!cputune)
        return;
    defined = vl_iothread_ids(m);
    defined_s = vl_cpuset_format(&defined);
    for (xmlNodePtr el = cputune->children; el; el = el->next) {
        bool zero;
        VlCpuset ids = referenced(el, &zero);
        g_autofree char *declare = NULL;

        if (zero) {
            vl_cpuset_clear(&ids);
            VlFinding *f = vl_report(report, el, "<iothreadpin iothread='0'>: iothread ids start at 1");

            vl_finding_help(f, "use the id of a declared iothread");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Invalid value for attribute 'iothread' in element "
                               "'iothreadpin': Zero is not permitted\"");
            continue;
        }
        for (guint i = 0; i < ids.size; i++) {
            if (!ids.member[i] || vl_cpuset_has(&defined, i))
                continue;
            declare = has_ids ? g_strdup_printf("<iothread id='%u'/> in <iothreadids>", i)
                              : g_strdup_printf("<iothreads>%u</iothreads> (ids run from 1)", i);
            VlFinding *f = vl_report(report, el, "<%s>: names iothread %u, which the domain does not define",
                                     (const char *) el->name, i);

            vl_finding_help(f, "declare it with %s", declare);
            vl_finding_note(f, "%s%s", defined_s[0] ? "the domain's iothreads are " : "the domain has no iothreads", defined_s);
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"Cannot find 'iothread' : %u\"", i);
            g_ptr_array_add(findings, f);
            break;
        }
        /* every undeclared id this element names, for the fix */
        for (guint i = 0; i < ids.size; i++) {
            if (ids.member[i] && !vl_cpuset_has(&defined, i))
                vl_cpuset_add(&wanted, i);
        }
        vl_cpuset_clear(&ids);
    }

    /* (with no finding, this computes a fix nobody gets) */
    {
        for (guint i = 0; i < wanted.size; i++) {
            if (wanted.member[i])
                g_string_append_printf(missing, "%s%u", missing->len ? " " : "", i);
        }
        vl_cpuset_union(&wanted, &defined);
        vl_cpuset_max(&wanted, &max);
        if (has_ids)
            description = g_strdup_printf("add <iothread id='N'/> for iothread%s %s to <iothreadids>",
                                          strchr(missing->str, ' ') ? "s" : "", missing->str);
        else
            description = g_strdup_printf("declare <iothreads>%u</iothreads>", max);
        /* with <iothreadids>, libvirt raises <iothreads> to the number of ids */
        count = g_strdup_printf("%u", has_ids ? vl_cpuset_count(&wanted) : max);
        for (guint i = 0; i < findings->len; i++)
            vl_finding_set_fix(g_ptr_array_index(findings, i), description, "ids", missing->str, "count",
                               count, NULL);
    }
    vl_cpuset_clear(&defined);
    vl_cpuset_clear(&wanted);
}

const VlRule vl_rule_cpu_iothreadpin_undefined = {
    .id = "cpu-iothreadpin-undefined",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "An <iothreadpin> or <iothreadsched> names an iothread the domain does not define",
    .rationale =
        "IOThreads exist only when declared: <iothreads>N</iothreads> gives ids 1 to N, and "
        "<iothreadids> lists ids explicitly (libvirt fills up to N with the smallest free ids). "
        "Pinning or scheduling an iothread that is not there makes libvirt refuse the domain "
        "(checked with libvirt 9.0: \"Cannot find 'iothread' : 2\"; iothread='0' fails earlier, "
        "as ids start at 1). The WindowsKVM build pins two iothreads, which only works with "
        "<iothreads>2</iothreads>; a guide that shows <cputune> without that line produces "
        "this error. Declaring the missing iothreads is safe: an unused IOThread is an idle host "
        "thread. Disks that name undeclared iothreads are another rule's.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (iothread pin: both iothreads (1 + 2) on CPUs 0, 16)",
        "libvirt src/conf/domain_conf.c (virDomainIOThreadPinDefParseXML, virDomainDefParseIOThreads)",
        "https://libvirt.org/formatdomain.html#iothreads-allocation",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "Cannot find 'iothread'",
    .example_bad = "<vcpu placement='static'>8</vcpu>\n<cputune>\n  <iothreadpin iothread='1' cpuset='0,16'/>\n  <iothreadpin iothread='2' cpuset='0,16'/>\n</cputune>",
    .example_good = "<vcpu placement='static'>8</vcpu>\n<iothreads>2</iothreads>\n<cputune>\n  <iothreadpin iothread='1' cpuset='0,16'/>\n  <iothreadpin iothread='2' cpuset='0,16'/>\n</cputune>",
    .check = check,
};
