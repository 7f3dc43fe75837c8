/* boot-order-conflict: <os><boot> against per-device <boot order>, and
 * boot orders used twice. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    g_autoptr(GHashTable) orders = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    xmlNodePtr os_boot = vl_xml_child(m->os, "boot");
    xmlNodePtr first_device_boot = NULL;

    if (!m->devices)
        return;
    for (xmlNodePtr dev = m->devices->children; dev; dev = dev->next) {
        xmlNodePtr boot;
        const char *order;
        /* mutate: skip[const+1] — equivalent: n is read only after vl_xml_parse_uint() has set it (0 keeps the parse guard's own mutant defined) */
        guint64 n = 0;
        g_autofree char *key = NULL;

        /* (a text or comment node has no <boot> child either) */
        if (dev->ns || !(boot = vl_xml_child(dev, "boot")))
            continue;
        if (!first_device_boot)
            first_device_boot = boot;
        order = vl_xml_attr(boot, "order");
        if (!vl_xml_parse_uint(order, &n))
            continue;
        /* libvirt compares numbers: order='01' is order='1' */
        key = g_strdup_printf("%" G_GUINT64_FORMAT, n);
        if (g_hash_table_contains(orders, key)) {
            VlFinding *f = vl_report(report, boot, "<boot order='%s'/>: already used by another device", order);

            vl_finding_help(f, "give each bootable device its own number");
            vl_finding_note(f, "libvirt 9.0 refuses the domain: \"boot order '%s' used for more than one device\"",
                            order);
        } else
            g_hash_table_add(orders, g_steal_pointer(&key));
    }
    if (os_boot && first_device_boot) {
        VlFinding *f = vl_report(report, os_boot, "<os><boot dev='%s'/>: mixed with a per-device <boot order> (line %d)",
                                 vl_xml_attr(os_boot, "dev") ? vl_xml_attr(os_boot, "dev") : "?",
                                 vl_xml_line(first_device_boot));

        vl_finding_help(f, "remove the <boot> elements from <os> and number the devices instead");
        vl_finding_note(f, "libvirt 9.0 refuses the domain: \"per-device boot elements cannot be used together "
                           "with os/boot elements\"");
        vl_finding_set_fix(f, "remove <boot dev> from <os>, keeping the per-device boot order", NULL);
    }
}

const VlRule vl_rule_boot_order_conflict = {
    .id = "boot-order-conflict",
    .category = "boot",
    .severity = VL_SEVERITY_ERROR,
    .summary = "<os><boot> mixed with per-device boot order, or a boot order used twice",
    .rationale =
        "libvirt has two ways to choose boot devices: <boot dev='...'/> in <os>, by device type, and "
        "<boot order='N'/> inside devices. They are mutually exclusive, and every order number must "
        "be unique (as a number: order='01' is order 1); libvirt 9.0 refuses both mistakes at define time. Kevin Locke's guide warns that UEFI does "
        "not honour QEMU's -boot order= and recommends per-device bootindex; that is about the raw "
        "QEMU command line: libvirt 9.0 turns <os><boot dev='cdrom'/> into a bootindex on the first "
        "CD-ROM (checked with domxml-to-native), so both forms work with OVMF. The trouble starts "
        "when a per-device order is added (for instance to boot the Windows ISO first) and the "
        "<os><boot> lines are left in place. The fix removes the <os><boot> elements and keeps the "
        "per-device order; the domain was refused, so nothing depended on it. Duplicate numbers are "
        "reported without a fix.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: UEFI does not support -boot order=, use bootindex)",
        "libvirt src/conf/domain_conf.c (per-device boot elements cannot be used together with os/boot elements)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "per-device boot elements cannot be used together with os/boot elements",
    .example_bad = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <boot dev='hd'/>\n</os>\n<devices>\n  <disk type='file' device='cdrom'>\n    ...\n    <boot order='1'/>\n  </disk>\n</devices>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n</os>\n<devices>\n  <disk type='file' device='cdrom'>\n    ...\n    <boot order='1'/>\n  </disk>\n</devices>",
    .check = check,
};
