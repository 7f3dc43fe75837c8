/* interface-queue-size: virtio-net ring sizes libvirt refuses (not a power of two). */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    static const char *const attrs[] = { "rx_queue_size", "tx_queue_size", NULL };

    for (guint i = 0; i < m->interfaces->len; i++) {
        xmlNodePtr nic = g_ptr_array_index(m->interfaces, i);
        xmlNodePtr driver = vl_xml_child(nic, "driver");
        const char *model = vl_xml_attr(vl_xml_child(nic, "model"), "type");

        /* libvirt checks (and uses) the sizes for virtio models only */
        if (!model || !g_str_has_prefix(model, "virtio"))
            continue;
        for (gsize k = 0; attrs[k]; k++) {
            guint64 size;
            VlFinding *f;

            /* 0 passes too: libvirt reads it as unset (checked with libvirt 9.0) */
            if (!vl_xml_parse_uint(vl_xml_attr(driver, attrs[k]), &size) || !(size & (size - 1)))
                continue;
            f = vl_report(report, driver, "<driver>: %s='%" G_GUINT64_FORMAT "' is not a power of two", attrs[k], size);
            vl_finding_help(f, "use 256, 512 or 1024 (QEMU's range)");
            vl_finding_note(f, "libvirt refuses it: \"%s has to be a power of two\"", attrs[k]);
            vl_finding_set_fix(f, "round the ring size down to a power of two within QEMU's limits",
                               "queues", attrs[k], NULL);
        }
    }
}

const VlRule vl_rule_interface_queue_size = {
    .id = "interface-queue-size",
    .category = "interface",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A virtio-net rx_queue_size or tx_queue_size is not a power of two",
    .rationale =
        "Split virtqueues have a power-of-two number of descriptors, and libvirt refuses other "
        "ring sizes on virtio NICs when the domain is defined (checked with libvirt 9.0; on "
        "other NIC models libvirt ignores the attributes; a size of 0 it reads as unset). The guest never ran with the value, "
        "so the fix picks the largest power of two not above it, within QEMU's 256-1024 range "
        "(256 for tx_queue_size unless the back-end is vhost-user or vDPA, see "
        "interface-queue-size-range).",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Network: VirtIO)",
        "libvirt src/qemu/qemu_validate.c (rx_queue_size / tx_queue_size power of two)",
        "https://libvirt.org/formatdomain.html#setting-nic-driver-specific-options",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "queue_size has to be a power of two",
    .example_bad = "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n  <driver rx_queue_size='1000'/>\n</interface>",
    .example_good = "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n  <driver rx_queue_size='512'/>\n</interface>",
    .check = check,
};
