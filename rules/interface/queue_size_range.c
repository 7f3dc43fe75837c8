/* interface-queue-size-range: virtio-net ring sizes outside what QEMU accepts. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

/* mutate: skip[const-1] — equivalent: 8000999 would be QEMU 8.0.999, and no 8.0 micro release comes near it */
#define QEMU_8_1 8001000u

#define ONLY_VHOST "only vhost-user and vDPA back-ends support more than 256"

/* A tx ring above 256 on a back-end other than vhost-user or vDPA. */
static VlFinding *
report_tx_over_256(VlReport *report, VlSeverity severity, xmlNodePtr driver, guint64 tx, const char *type)
{
    VlFinding *f = vl_report_severity(report, severity, driver,
                                      "<driver>: tx_queue_size='%" G_GUINT64_FORMAT "' on a %s interface, which "
                                      "supports at most 256",
                                      tx, type ? type : "?");
    vl_finding_help(f, "set 256");
    return f;
}

static void
check(const VlModel *m, VlReport *report)
{
    /* the QEMU given, else the one beside the targeted libvirt (7.2 for 9.0) */
    unsigned qemu = vl_model_target_qemu(m);

    for (guint i = 0; i < m->interfaces->len; i++) {
        xmlNodePtr nic = g_ptr_array_index(m->interfaces, i);
        xmlNodePtr driver = vl_xml_child(nic, "driver");
        const char *model = vl_xml_attr(vl_xml_child(nic, "model"), "type");
        const char *type = vl_xml_attr(nic, "type");
        bool vhost_user = g_strcmp0(type, "vhostuser") == 0 || g_strcmp0(type, "vdpa") == 0;
        guint64 rx, tx;
        VlFinding *f;

        if (!model || !g_str_has_prefix(model, "virtio")) /* (no <driver> has no sizes) */
            continue;
        /* sizes that are not powers of two are interface-queue-size's, and 0
         * is unset for libvirt */
        if (vl_xml_parse_uint(vl_xml_attr(driver, "rx_queue_size"), &rx) && rx && !(rx & (rx - 1)) &&
            /* mutate: skip[const-1@19,const+1@31] — equivalent: only powers of two get here, and 255 and 1025 are none */
            (rx < 256 || rx > 1024)) {
            f = vl_report(report, driver, "<driver>: rx_queue_size='%" G_GUINT64_FORMAT "' is outside QEMU's range",
                          rx);
            vl_finding_help(f, "use a value from 256 to 1024");
            vl_finding_note(f, "libvirt accepts it but QEMU refuses to start (\"Invalid rx_queue_size (= %"
                               G_GUINT64_FORMAT "), must be a power of 2 between 256 and 1024\")", rx);
            vl_finding_set_fix(f, "bring the ring size into QEMU's range", "queues", "rx_queue_size", NULL);
        }
        if (!vl_xml_parse_uint(vl_xml_attr(driver, "tx_queue_size"), &tx) || !tx || (tx & (tx - 1)))
            continue;
        /* mutate: skip[const-1@18,const+1@30] — equivalent: only powers of two get here, and 255 and 1025 are none */
        if (tx < 256 || tx > 1024) {
            f = vl_report(report, driver, "<driver>: tx_queue_size='%" G_GUINT64_FORMAT "' is outside QEMU's range",
                          tx);
            vl_finding_help(f, "use %s", vhost_user ? "a value from 256 to 1024" : "256");
            vl_finding_note(f, "libvirt accepts it but QEMU refuses to start (\"Invalid tx_queue_size (= %"
                               G_GUINT64_FORMAT ")\")", tx);
        /* mutate: skip[const+1@25] — equivalent: only powers of two get here, and 257 is none */
        } else if (tx > 256 && !vhost_user) {
            if (qemu && qemu < QEMU_8_1) {
                f = report_tx_over_256(report, VL_SEVERITY_WARNING, driver, tx, type);
                vl_finding_note(f, ONLY_VHOST ", so this QEMU silently uses 256 (QEMU 8.1 and later refuse to "
                                   "start)");
            } else {
                f = report_tx_over_256(report, report->rule->severity, driver, tx, type);
                vl_finding_note(f, ONLY_VHOST);
                vl_finding_note(f, "QEMU 8.1 and later refuse to start (\"Invalid tx_queue_size (= %" G_GUINT64_FORMAT
                                   "), must be a power of 2 between 256 and 256\"; older QEMU silently used 256)",
                                tx);
                if (!qemu)
                    vl_finding_note(f, "the QEMU version is unknown: a current one is assumed (give "
                                       "--qemu-version)");
            }
        } else {
            continue;
        }
        vl_finding_set_fix(f, "bring the ring size into QEMU's range", "queues", "tx_queue_size", NULL);
    }
}

const VlRule vl_rule_interface_queue_size_range = {
    .id = "interface-queue-size-range",
    .category = "interface",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A virtio-net ring size is outside the range QEMU accepts",
    .rationale =
        "QEMU's virtio-net takes rx_queue_size from 256 to 1024 and refuses anything else at "
        "start, while libvirt only checks for a power of two (checked with libvirt 9.0 and QEMU "
        "7.2). tx_queue_size above 256 is only supported by vhost-user and vDPA back-ends: QEMU "
        "up to 8.0 (including Debian 12's 7.2) silently used 256 on tap and user networking, "
        "QEMU 8.1 refuses to start (commit \"virtio-net: correctly report maximum tx_queue_size "
        "value\"). Without --qemu-version a current QEMU is assumed. The fix picks the nearest "
        "value QEMU accepts; on older QEMU that is what the guest already got.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Network: VirtIO)",
        "QEMU hw/net/virtio-net.c (virtio_net_device_realize, virtio_net_max_tx_queue_size)",
        "https://github.com/qemu/qemu/commit/4271f4038372f174dbafffacca1a748d058a03ba",
        "https://libvirt.org/formatdomain.html#setting-nic-driver-specific-options",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "interface-queue-size",
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n  <driver rx_queue_size='2048' tx_queue_size='1024'/>\n</interface>",
    .example_good = "<interface type='network'>\n  <source network='default'/>\n  <model type='virtio'/>\n  <driver rx_queue_size='1024' tx_queue_size='256'/>\n</interface>",
    .check = check,
};
