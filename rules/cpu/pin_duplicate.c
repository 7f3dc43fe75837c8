/* cpu-pin-duplicate: two <vcpupin> for one vCPU, or two <iothreadpin> for
 * one iothread. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* PIN repeats the pin of FIRST for the same ID (KIND: "vcpu", "iothread"). */
static VlFinding *
report_duplicate(VlReport *report, xmlNodePtr pin, xmlNodePtr first, const char *kind, guint64 id,
                 const char *error)
{
    VlFinding *f = vl_report(report, pin, "<%spin %s='%" G_GUINT64_FORMAT "'>: second pin for this %s (the first is "
                                          "on line %d)",
                             kind, kind, id, strcmp(kind, "vcpu") == 0 ? "vCPU" : kind, vl_xml_line(first));

    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"%s\"", error);
    return f;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    g_autoptr(GHashTable) vcpus = g_hash_table_new(g_direct_hash, g_direct_equal);
    g_autoptr(GHashTable) iothreads = g_hash_table_new(g_direct_hash, g_direct_equal);

    for (xmlNodePtr pin = cputune ? cputune->children : NULL; pin; pin = pin->next) {
        bool is_vcpu = vl_xml_is(pin, "vcpupin");
        GHashTable *seen = is_vcpu ? vcpus : iothreads;
        const char *attr = is_vcpu ? "vcpu" : "iothread";
        guint64 id;
        xmlNodePtr first;

        if (!(is_vcpu || vl_xml_is(pin, "iothreadpin")) || !vl_xml_parse_uint(vl_xml_attr(pin, attr), &id) ||
            id > G_MAXUINT)
            continue;
        /* libvirt drops out-of-range vCPU pins before it looks for duplicates */
        if (is_vcpu && id >= m->vcpus)
            continue;
        if ((first = g_hash_table_lookup(seen, GUINT_TO_POINTER((guint) id)))) {
            g_autofree char *error = is_vcpu
                                         ? g_strdup_printf("duplicate vcpupin for vcpu '%" G_GUINT64_FORMAT "'", id)
                                         : g_strdup_printf("duplicate iothreadpin for same iothread '%" G_GUINT64_FORMAT
                                                           "'", id);
            VlFinding *f = report_duplicate(report, pin, first, attr, id, error);

            vl_finding_help(f, is_vcpu ? "keep one, with the union of the cpusets if both were meant" : "keep one");
            continue;
        }
        g_hash_table_insert(seen, GUINT_TO_POINTER((guint) id), pin);
    }
}

const VlRule vl_rule_cpu_pin_duplicate = {
    .id = "cpu-pin-duplicate",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Two <vcpupin> for one vCPU, or two <iothreadpin> for one iothread",
    .rationale =
        "Each vCPU and each iothread can be pinned once. libvirt refuses a second pin for the "
        "same id when it parses the domain (checked with libvirt 9.0: \"duplicate vcpupin for "
        "vcpu '0'\", \"duplicate iothreadpin for same iothread '1'\"). It happens when a pinning "
        "table such as the WindowsKVM build's 32-line list is edited by hand. Pins for vCPUs beyond <vcpu> "
        "are dropped before this check and are cpu-vcpupin-range's. There is no automatic fix: "
        "which of the two pins was meant is the user's call.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (CPU pinning table, iothread pin)",
        "libvirt src/conf/domain_conf.c (virDomainDefParseXML: duplicate vcpupin / iothreadpin)",
        "https://libvirt.org/formatdomain.html#cpu-tuning",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "duplicate vcpupin for vcpu",
    .example_bad = "<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n  <vcpupin vcpu='0' cpuset='18'/>\n</cputune>",
    .example_good = "<cputune>\n  <vcpupin vcpu='0' cpuset='2,18'/>\n</cputune>",
    .check = check,
};
