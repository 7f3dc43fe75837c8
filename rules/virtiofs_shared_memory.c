/* virtiofs-shared-memory: virtiofs filesystems and vhost-user disks need
 * guest memory shared with their back-end process.  vhost-user interfaces
 * need it too, but libvirt only logs a warning for them and defines the
 * domain (checked with libvirt 9.0), so they are left out here. */
#include "lint/registry.h"
#include "lint/xml.h"

/* Why the memory is not shared, or NULL when it is.  Mirrors libvirt's
 * check: without NUMA the global access mode must be shared; with NUMA no
 * cell may be private and every cell must be shared, itself or through the
 * global mode. */
static char *
unshared_reason(const VlModel *m)
{
    if (m->numa_cells->len == 0) {
        if (m->memory_access_shared)
            return NULL;
        return g_strdup("the domain has no <memoryBacking><access mode='shared'/>");
    }
    for (guint i = 0; i < m->numa_cells->len; i++) {
        xmlNodePtr cell = g_ptr_array_index(m->numa_cells, i);
        const char *access = vl_xml_attr(cell, "memAccess");
        const char *id = vl_xml_attr(cell, "id");

        if (access && g_str_equal(access, "private"))
            return g_strdup_printf("NUMA cell %s has memAccess='private'", id ? id : "?");
        if (!access && !m->memory_access_shared)
            return g_strdup_printf("NUMA cell %s is not memAccess='shared' and the domain has no "
                                   "<memoryBacking><access mode='shared'/>", id ? id : "?");
    }
    return NULL;
}

static void
report_device(const VlModel *m, VlReport *report, xmlNodePtr dev, const char *what, const char *reason)
{
    VlFinding *f = vl_report(report, dev,
              "%s needs guest memory shared with its back-end, but %s: libvirt refuses the domain "
              "(\"'%s' requires shared memory\"); add <memoryBacking><source type='memfd'/>"
              "<access mode='shared'/></memoryBacking>%s",
              what, reason, g_str_equal(what, "virtiofs filesystem") ? "virtiofs" : "vhostuser",
              m->numa_cells->len ? " and memAccess='shared' on the NUMA cells" : "");
    vl_finding_set_fix(f, m->numa_cells->len
                              ? "share guest memory: <access mode='shared'/> in <memoryBacking> (with a "
                                "memfd source if it has no source), memAccess='shared' on private NUMA cells"
                              : "share guest memory: <access mode='shared'/> in <memoryBacking> (with a "
                                "memfd source if it has no source)",
                       NULL);
}

static void
check(const VlModel *m, VlReport *report)
{
    g_autofree char *reason = unshared_reason(m);

    if (!reason)
        return;
    for (guint i = 0; i < m->filesystems->len; i++) {
        xmlNodePtr fs = g_ptr_array_index(m->filesystems, i);
        if (vl_xml_child_with(fs, "driver", "type", "virtiofs"))
            report_device(m, report, fs, "virtiofs filesystem", reason);
    }
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        if (vl_xml_attr_is(disk, "type", "vhostuser"))
            report_device(m, report, disk, "vhost-user disk", reason);
    }
}

const VlRule vl_rule_virtiofs_shared_memory = {
    .id = "virtiofs-shared-memory",
    .category = "memory",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A virtiofs filesystem or vhost-user disk without shared guest memory",
    .rationale =
        "virtiofsd and other vhost-user back-ends run outside QEMU and must map guest RAM, so the "
        "RAM has to be shared. libvirt refuses to define the domain otherwise (\"'virtiofs' "
        "requires shared memory\"). Since libvirt 6.9 and QEMU 5.0 a NUMA topology is no longer "
        "needed: <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking> is "
        "enough. A memfd source alone is not: the access mode must be shared. The same check "
        "covers vhost-user disks; vhost-user network interfaces are accepted by libvirt without "
        "shared memory (it only logs a warning), so this rule does not report them.",
    .sources = {
        "seed 000_25e44bcdb966edc1.txt (Memory Backing, prerequisite for file sharing)",
        "seed 001_92064a816294cb29.txt (Memory Backing, Virtio-fs)",
        "https://libvirt.org/kbase/virtiofs.html",
        "libvirt src/qemu/qemu_validate.c (vhost-user shared memory check)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "requires shared memory",
    .example_bad = "<devices>\n  <filesystem type='mount' accessmode='passthrough'>\n    <driver type='virtiofs'/>\n    <source dir='/srv/share'/>\n    <target dir='share'/>\n  </filesystem>\n</devices>",
    .example_good = "<memoryBacking>\n  <source type='memfd'/>\n  <access mode='shared'/>\n</memoryBacking>\n<devices>\n  <filesystem type='mount' accessmode='passthrough'>\n    <driver type='virtiofs'/>\n    <source dir='/srv/share'/>\n    <target dir='share'/>\n  </filesystem>\n</devices>",
    .check = check,
};
