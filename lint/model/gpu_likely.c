/* PCI host devices that are probably GPUs; see gpu_likely.h. */
#include "lint/model/gpu_likely.h"

#include "lint/load/xml.h"
#include "lint/model/gpu.h"
#include "lint/model/effective_cpu.h"

/* The host address of HOSTDEV as numbers; false when unreadable. */
static bool
host_address(xmlNodePtr hostdev, guint64 *d, guint64 *b, guint64 *s, guint64 *f)
{
    xmlNodePtr a = vl_xml_child(vl_xml_child(hostdev, "source"), "address");
    const char *text[4] = { vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"), vl_xml_attr(a, "slot"),
                            vl_xml_attr(a, "function") };
    guint64 *out[4] = { d, b, s, f };

    /* no <address>: vl_xml_attr(NULL, ...) gave NULL for bus and slot */
    if (!text[1] || !text[2])
        return false;
    for (int i = 0; i < 4; i++) {
        char *end;

        if (!text[i]) { /* domain and function default to 0 */
            *out[i] = 0;
            continue;
        }
        *out[i] = g_ascii_strtoull(text[i], &end, 0);
        if (!*text[i] || *end)
            return false;
    }
    return true;
}

bool
vl_hostdev_likely_gpu(const VlModel *m, xmlNodePtr hostdev, const char **why)
{
    guint64 d, b, s, f;

    if (why)
        *why = NULL;
    switch (vl_hostdev_gpu(m, hostdev, why)) {
    case VL_GPU_NOT:
        return false;
    case VL_GPU_UNKNOWN:
        break;
    default:
        return true;
    }
    if (!host_address(hostdev, &d, &b, &s, &f) || f != 0)
        return false;
    /* Intel's chipsets put the integrated GPU at 0000:00:02.0 (lspci shows
     * "00:02.0 VGA compatible controller: Intel ..."); what sits there on
     * AMD hosts is a bridge, not passed through */
    if (d == 0 && b == 0 && s == 2) {
        if (why)
            *why = "host address 0000:00:02.0 is where Intel's integrated GPU sits";
        return true;
    }
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr other = g_ptr_array_index(m->hostdevs, i);
        guint64 od, ob, os, of;

        /* HOSTDEV itself needs no test: its host function is 0, not 1 */
        if (vl_hostdev_is_pci(other) && host_address(other, &od, &ob, &os, &of) && of == 1 &&
            od == d && ob == b && os == s) {
            if (why)
                *why = "its host function 1 (a GPU's HDMI/DP audio) is passed through too";
            return true;
        }
    }
    return false;
}

/* The guest hides that it runs in a VM, as GPU passthrough guides do. */
static bool
hides_hypervisor(const VlModel *m)
{
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");
    VlEffectiveCpu cpu = vl_effective_cpu(m);

    return cpu.hypervisor_hidden || vl_xml_attr_is(vl_xml_child(kvm, "hidden"), "state", "on") ||
           vl_model_hyperv_on(m, "vendor_id");
}

xmlNodePtr
vl_display_gpu(const VlModel *m, const char **why)
{
    bool likely_ok = vl_guest_is_windows(&m->guest) || hides_hypervisor(m);

    for (guint i = 0; i < m->hostdevs->len; i++) {
        if (vl_hostdev_known_gpu(m, g_ptr_array_index(m->hostdevs, i), why))
            return g_ptr_array_index(m->hostdevs, i);
    }
    for (guint i = 0; likely_ok && i < m->hostdevs->len; i++) {
        if (vl_hostdev_likely_gpu(m, g_ptr_array_index(m->hostdevs, i), why))
            return g_ptr_array_index(m->hostdevs, i);
    }
    if (why)
        *why = NULL;
    return NULL;
}
