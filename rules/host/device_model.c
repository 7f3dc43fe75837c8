/* host-device-model: TPM or video models the host's QEMU lacks (checked
 * against the host's facts, lint/host/host.h; skipped when none are given). */
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static char *
join(GPtrArray *strings)
{
    GString *out = g_string_new(NULL);

    for (guint i = 0; i < strings->len; i++)
        g_string_append_printf(out, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index(strings, i));
    return g_string_free(out, FALSE);
}

static void
check_device_model(const VlModel *m, VlReport *report, const char *device, const char *attr_child,
                   GPtrArray *supported)
{
    GPtrArray *devs = vl_model_devices(m, device);

    for (guint i = 0; supported->len && i < devs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(devs, i);
        xmlNodePtr where = attr_child ? vl_xml_child(dev, attr_child) : dev;
        const char *model = vl_xml_attr(where, attr_child ? "type" : "model");
        g_autofree char *offered = NULL;
        VlFinding *f;

        if (!model || g_ptr_array_find_with_equal_func(supported, model, g_str_equal, NULL))
            continue;
        offered = join(supported);
        f = vl_report(report, where, "<%s>: %s model '%s' is not supported by the host's QEMU",
                      (const char *) where->name, device, model);
        vl_finding_note(f, "domcapabilities offers: %s", offered);
    }
}

static void
check(const VlModel *m, VlReport *report)
{
    /* without domcapabilities the model lists are empty, and check_device_model() is silent */
    check_device_model(m, report, "tpm", NULL, m->config->host->tpm_models);
    check_device_model(m, report, "video", "model", m->config->host->video_models);
}

const VlRule vl_rule_host_device_model = {
    .id = "host-device-model",
    .category = "host",
    .severity = VL_SEVERITY_ERROR,
    .needs_host = true,
    .summary = "A TPM or video model the host's QEMU does not support",
    .rationale = "domcapabilities lists the TPM and video models the host's QEMU build supports; a model it lacks "
                 "makes libvirt refuse to start the guest.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (TPM, video model)", "https://libvirt.org/formatdomaincaps.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<tpm model='tpm-spapr'>",
    .example_good = "<tpm model='tpm-crb'>",
    .check = check,
};
