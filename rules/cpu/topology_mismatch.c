/* cpu-topology-mismatch: the topology must describe exactly <vcpu> vCPUs. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* Keep what can be kept (sockets, dies, clusters, threads) and derive cores;
 * when that does not divide, fall back to one socket.  Returns whether the
 * kept values divide: only then is the intended topology unambiguous. */
static bool
suggest(const VlTopology *t, unsigned vcpus, VlTopology *out)
{
    guint64 rest = (guint64) t->sockets * t->dies * t->clusters * t->threads;

    *out = *t;
    if (vcpus % rest == 0) {
        out->cores = (unsigned) (vcpus / rest);
        return true;
    }
    /* mutate: skip[const+1,const-1] — equivalent: fix.clusters is read nowhere (the message names sockets, dies, cores and threads; the fix, offered only when exact, sets cores) */
    *out = (VlTopology) { .sockets = 1, .dies = 1, .clusters = 1, .threads = 1, .cores = vcpus };
    if (vcpus % t->threads == 0) {
        out->threads = t->threads;
        out->cores = vcpus / t->threads;
    }
    return false;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlTopology *t = &m->topology;
    VlTopology fix;
    VlFinding *f;
    bool exact;

    /* A zero (threads='0') is refused before the product is compared
     * ("Zero is not permitted", libvirt 9.0), and the schema rule reports
     * it; suggest() may then divide by every value. */
    /* mutate: skip[drop-or@9] — equivalent: without <topology> the model gives vcpus sockets of one core and thread (lint/model/model.c), whose product is vcpus */
    if (!t->node || vl_topology_product(t) == 0 || vl_topology_product(t) == m->vcpus)
        return;
    exact = suggest(t, m->vcpus, &fix);
    f = vl_report(report, t->node, "<topology>: describes %" G_GUINT64_FORMAT " vCPUs but <vcpu> is %u",
                  vl_topology_product(t), m->vcpus);
    vl_finding_help(f, "use for example sockets='%u' dies='%u' cores='%u' threads='%u'", fix.sockets, fix.dies,
                    fix.cores, fix.threads);
    vl_finding_note(f, "%u sockets x %u dies x %u clusters x %u cores x %u threads = %" G_GUINT64_FORMAT " vCPUs",
                    t->sockets, t->dies, t->clusters, t->cores, t->threads, vl_topology_product(t));
    vl_finding_note(f, "libvirt 9.0 refuses the domain: \"CPU topology doesn't match maximum vcpu count\"");
    /* Only cores changes, so the fix (fixers/cpu-topology-mismatch.xsl)
     * is offered when the other values divide the vCPU count. */
    if (exact) {
        g_autofree char *cores = g_strdup_printf("%u", fix.cores);
        g_autofree char *description =
            g_strdup_printf("set cores='%u' so the topology describes the %u vCPU%s", fix.cores, m->vcpus,
                            m->vcpus == 1 ? "" : "s");
        vl_finding_set_fix(f, description, "cores", cores, NULL);
    }
}

const VlRule vl_rule_cpu_topology_mismatch = {
    .id = "cpu-topology-mismatch",
    .category = "cpu",
    .severity = VL_SEVERITY_ERROR,
    .summary = "The CPU topology's product must equal the vCPU count",
    .rationale =
        "libvirt multiplies sockets, dies, clusters, cores and threads and requires the result to "
        "be the maximum vCPU count (the text of <vcpu>, not its current attribute). Anything else "
        "is refused at define time with \"CPU topology doesn't match maximum vcpu count\". This "
        "usually happens when <vcpu> is raised in virt-manager or by hand and the <topology> line "
        "is left as it was.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (32 vCPUs as sockets=1 dies=1 clusters=1 cores=16 threads=2)",
        "libvirt src/qemu/qemu_validate.c (topology validation)",
        "https://libvirt.org/formatdomain.html#cpu-model-and-topology",
    },
    .fix = VL_FIX_UNSAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "CPU topology doesn't match maximum vcpu count",
    .example_bad = "<vcpu>8</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' cores='6' threads='1'/>\n</cpu>",
    .example_good = "<vcpu>8</vcpu>\n<cpu mode='host-passthrough'>\n  <topology sockets='1' cores='8' threads='1'/>\n</cpu>",
    .check = check,
};
