/* disk-discard-granularity: Windows' drive optimiser and virtio's default
 * discard granularity. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/disk.h"
#include "lint/model/media.h"

/* <blockio discard_granularity> is in libvirt 9.8's schema and not in 9.0's;
 * the first release with it is not verified, so assume 9.8. */
#define BLOCKIO_DISCARD_GRANULARITY_SINCE VL_LIBVIRT(9, 8)
#define QEMU_OVERRIDE_SINCE VL_LIBVIRT(8, 2)

/* Aliases of devices whose discard_granularity a qemu:override sets;
 * gathered once so that many disks cost no more than one each. */
static GHashTable *
overridden_aliases(const VlModel *m)
{
    GHashTable *aliases = g_hash_table_new(g_str_hash, g_str_equal);

    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);
        const char *alias = vl_xml_attr(dev, "alias");

        for (xmlNodePtr fe = dev->children; alias && fe; fe = fe->next) {
            if (!vl_xml_is_ns(fe, VL_NS_QEMU, "frontend"))
                continue;
            for (xmlNodePtr prop = fe->children; prop; prop = prop->next) {
                if (vl_xml_is_ns(prop, VL_NS_QEMU, "property") &&
                    vl_xml_attr_is(prop, "name", "discard_granularity"))
                    g_hash_table_add(aliases, (gpointer) alias);
            }
        }
    }
    return aliases;
}

static bool
args_set_granularity(const VlModel *m)
{
    for (guint i = 0; i < m->qemu_args->len; i++) {
        const char *value = vl_xml_attr(g_ptr_array_index(m->qemu_args, i), "value");
        if (value && strstr(value, "discard_granularity"))
            return true;
    }
    return false;
}

static bool
needs_override(GHashTable *overridden, xmlNodePtr disk)
{
    xmlNodePtr target = vl_xml_child(disk, "target");
    const char *bus = vl_disk_target_bus(disk); /* as libvirt derives it from the name when not given */
    const char *alias;

    if (vl_disk_is_media(disk) || strcmp(vl_disk_device(disk), "disk") != 0)
        return false;
    if (!bus || !(strcmp(bus, "virtio") == 0 || strcmp(bus, "scsi") == 0))
        return false;
    if (!vl_xml_attr_is(vl_xml_child(disk, "driver"), "discard", "unmap"))
        return false;
    if (vl_xml_attr(vl_xml_child(disk, "blockio"), "discard_granularity"))
        return false;
    if (vl_xml_attr_is(target, "rotation_rate", "1"))
        return false; /* presented as an SSD: the other documented workaround */
    alias = vl_xml_attr(vl_xml_child(disk, "alias"), "name");
    return !(alias && g_hash_table_contains(overridden, alias));
}

/* What to write for DISK on libvirt V: <blockio> from 9.8, a qemu:override
 * on the disk's user alias from 8.2 (what the fixer writes), -set before. */
static void
help_for(VlFinding *f, xmlNodePtr disk, unsigned v, const char *version)
{
    const char *dev = vl_disk_dev(disk) ? vl_disk_dev(disk) : "vda";
    const char *alias = vl_xml_attr(vl_xml_child(disk, "alias"), "name");
    g_autofree char *ua = alias && g_str_has_prefix(alias, "ua-") ? g_strdup(alias) : g_strconcat("ua-", dev, NULL);

    if (v >= BLOCKIO_DISCARD_GRANULARITY_SINCE) {
        vl_finding_help(f, "advertise 32 MiB as Hyper-V does: add <blockio discard_granularity='33554432'/> to "
                           "the disk (libvirt %s)", version);
        return;
    }
    if (v >= QEMU_OVERRIDE_SINCE) {
        g_autofree char *give = alias && strcmp(alias, ua) == 0
                                    ? g_strdup("")
                                    : g_strdup_printf("give the disk the user alias <alias name='%s'/> (after its "
                                                      "target) and set the property with ", ua);

        vl_finding_help(f, "advertise 32 MiB as Hyper-V does (libvirt %s): %s<qemu:override><qemu:device "
                           "alias='%s'><qemu:frontend><qemu:property name='discard_granularity' type='unsigned' "
                           "value='33554432'/>", version, give, ua);
        vl_finding_note(f, "what the qemu:override form costs: libvirt marks the domain tainted (custom-device) "
                           "when it starts, and the property does not reach a disk hot-plugged later; libvirt "
                           "9.8 and later write it natively (<blockio discard_granularity>)");
        return;
    }
    vl_finding_help(f, "advertise 32 MiB as Hyper-V does (libvirt %s): pass -set device.<alias>.discard_granularity="
                       "33554432 through qemu:commandline", version);
}

static void
check(const VlModel *m, VlReport *report)
{
    unsigned v = m->config->libvirt_version;
    g_autoptr(GHashTable) overridden = NULL;
    char version[32];

    if (!vl_guest_is_windows(&m->guest) || args_set_granularity(m))
        return;
    vl_version_format(v, version, sizeof(version));
    overridden = overridden_aliases(m);
    for (guint i = 0; i < m->disks->len; i++) {
        xmlNodePtr disk = g_ptr_array_index(m->disks, i);
        VlFinding *f;

        if (!needs_override(overridden, disk))
            continue;
        f = vl_report(report, vl_xml_child(disk, "driver"),
                      "<disk> %s: discard='unmap' with virtio's default discard granularity on Windows",
                      vl_disk_dev(disk) ? vl_disk_dev(disk) : "?");
        help_for(f, disk, v, version);
        vl_finding_note(f, "with the default granularity Windows' \"Optimize Drives\" trims the whole disk in small "
                           "steps, slowly and with heavy writes");
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
        /* The fixer writes what the target libvirt understands; before
         * qemu:override there is only -set, which needs QEMU's own alias. */
        if (v >= BLOCKIO_DISCARD_GRANULARITY_SINCE)
            vl_finding_set_fix(f, "add <blockio discard_granularity='33554432'/> to the disk",
                               "method", "blockio", NULL);
        else if (v >= QEMU_OVERRIDE_SINCE)
            vl_finding_set_fix(f, "give the disk a user alias and set discard_granularity=33554432 "
                                  "in <qemu:override>",
                               "method", "override", NULL);
    }
}

const VlRule vl_rule_disk_discard_granularity = {
    .id = "disk-discard-granularity",
    .category = "disk",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A Windows guest's virtio disk passes discard through with the default granularity",
    .rationale =
        "With discard='unmap', Windows sees a thin-provisioned virtio disk and its weekly "
        "\"Optimize Drives\" run retrims it; with QEMU's default granularity of one block that "
        "takes very long and writes a lot (virtio-win issue #666). virtio-win 0.1.225 and later "
        "honour a larger granularity; Hyper-V advertises 32 MiB. libvirt 9.8 and later can set it "
        "natively with <blockio discard_granularity>; libvirt 8.2 and later through qemu:override "
        "(the value must be a decimal byte count: 32M is rejected). Presenting the disk as an SSD "
        "(rotation_rate='1' on a SCSI disk) is the other known workaround and is accepted too.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (Discard Granularity or SSD)",
        "https://github.com/virtio-win/kvm-guest-drivers-windows/issues/666",
        "https://libvirt.org/formatdomain.html#hard-drives-floppy-disks-cdroms (blockio)",
        "https://libvirt.org/drvqemu.html#overriding-properties-of-qemu-devices",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n</disk>",
    .example_good = "<disk type='file' device='disk'>\n  <driver name='qemu' type='qcow2' discard='unmap'/>\n  <source file='/var/lib/libvirt/images/win11.qcow2'/>\n  <target dev='vda' bus='virtio'/>\n  <blockio discard_granularity='33554432'/>\n</disk>",
    .check = check,
};
