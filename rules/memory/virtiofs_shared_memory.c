/* virtiofs-shared-memory: virtiofs filesystems, vhost-user disks and (from
 * libvirt 11.2 on) vhost-user interfaces need guest memory shared with their
 * back-end process. */
#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt 11.2.0 applies the common vhost-user check to network interfaces
 * too (NEWS: "qemu: Use common check for shared memory use for vhost-user
 * network devices"); before, it only logged a warning.  Checked: 9.0 defines
 * such a domain, 11.3 and 12.8 refuse it ("'interface' requires shared
 * memory"). */
#define VHOSTUSER_INTERFACE_SINCE VL_LIBVIRT(11, 2)

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

/* WHAT: how the message names the device; NAME: how libvirt's does
 * ("'NAME' requires shared memory"); SINCE: the release that refuses it,
 * or NULL for every release. */
static void
report_device(const VlModel *m, VlReport *report, xmlNodePtr dev, const char *what, const char *name,
              const char *since, const char *reason)
{
    g_autofree char *who = since ? g_strdup_printf("libvirt %s and later refuse the domain", since)
                                 : g_strdup("libvirt refuses the domain");
    VlFinding *f = vl_report(report, dev, "<%s>: %s needs guest memory shared with its back-end",
                             (const char *) dev->name, what);

    if (m->memory_access_shared)
        vl_finding_help(f, "set memAccess='shared' on the NUMA cells (the domain's memory is shared otherwise)");
    else
        vl_finding_help(f, "add <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking>%s",
                        m->numa_cells->len ? " and memAccess='shared' on the NUMA cells" : "");
    vl_finding_note(f, "the guest memory is not shared: %s", reason);
    vl_finding_note(f, "%s: \"'%s' requires shared memory\"", who, name);
    vl_finding_set_fix(f, m->memory_access_shared
                              ? "share guest memory: memAccess='shared' on private NUMA cells"
                          : m->numa_cells->len
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
            report_device(m, report, fs, "virtiofs filesystem", "virtiofs", NULL, reason);
    }
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        if (vl_xml_attr_is(disk, "type", "vhostuser"))
            report_device(m, report, disk, "vhost-user disk", "vhostuser", NULL, reason);
    }
    if (m->config->libvirt_version < VHOSTUSER_INTERFACE_SINCE)
        return;
    for (guint i = 0; i < m->interfaces->len; i++) {
        xmlNodePtr iface = g_ptr_array_index(m->interfaces, i);
        if (vl_xml_attr_is(iface, "type", "vhostuser"))
            report_device(m, report, iface, "vhost-user interface", "interface", "11.2", reason);
    }
}

const VlRule vl_rule_virtiofs_shared_memory = {
    .id = "virtiofs-shared-memory",
    .category = "memory",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A virtiofs filesystem or vhost-user disk or interface without shared guest memory",
    .rationale =
        "virtiofsd and other vhost-user back-ends run outside QEMU and must map guest RAM, so the "
        "RAM has to be shared. libvirt refuses to define the domain otherwise (\"'virtiofs' "
        "requires shared memory\"). Since libvirt 6.9 and QEMU 5.0 a NUMA topology is no longer "
        "needed: <memoryBacking><source type='memfd'/><access mode='shared'/></memoryBacking> is "
        "enough. A memfd source alone is not: the access mode must be shared. The same check "
        "covers vhost-user disks (\"'vhostuser' requires shared memory\"), and since libvirt 11.2 "
        "vhost-user network interfaces (\"'interface' requires shared memory\"; NEWS 11.2.0: "
        "\"Use common check for shared memory use for vhost-user network devices\"). Older "
        "releases only log a warning for an interface and define the domain (checked: 9.0 "
        "defines it, 11.3 and 12.8 refuse it), so the rule reports interfaces only when the "
        "target is 11.2 or later.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Memory Backing, prerequisite for file sharing)",
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Memory Backing, Virtio-fs)",
        "https://libvirt.org/kbase/virtiofs.html",
        "libvirt src/qemu/qemu_validate.c (vhost-user shared memory check)",
        "libvirt NEWS.rst v11.2.0 (vhost-user network devices: common shared memory check)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "requires shared memory",
    .example_bad = "<devices>\n  <filesystem type='mount' accessmode='passthrough'>\n    <driver type='virtiofs'/>\n    <source dir='/srv/share'/>\n    <target dir='share'/>\n  </filesystem>\n</devices>",
    .example_good = "<memoryBacking>\n  <source type='memfd'/>\n  <access mode='shared'/>\n</memoryBacking>\n<devices>\n  <filesystem type='mount' accessmode='passthrough'>\n    <driver type='virtiofs'/>\n    <source dir='/srv/share'/>\n    <target dir='share'/>\n  </filesystem>\n</devices>",
    .check = check,
};
