/* video-virtio-blob-memfd: virtio-gpu blob resources share guest RAM
 * through a memfd. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

/* <model blob='on'/> is in libvirt 9.2's schema; 9.0 drops it silently
 * (checked), and the schema rule reports the unknown attribute there. */
#define BLOB_SINCE VL_LIBVIRT(9, 2)

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");
    xmlNodePtr source = vl_xml_child(m->memory_backing, "source");

    if (m->config->libvirt_version < BLOB_SINCE || vl_xml_attr_is(source, "type", "memfd"))
        return;
    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        xmlNodePtr model = vl_video_model(video);
        VlFinding *f;

        if (strcmp(vl_video_type(video), "virtio") != 0 || !vl_xml_attr_is(model, "blob", "on"))
            continue;
        f = vl_report(report, model, "<video> model 'virtio' has blob='on' but guest memory is %s",
                      source ? (vl_xml_attr(source, "type") ? vl_xml_attr(source, "type") : "anonymous")
                             : "not memfd-backed");
        vl_finding_help(f, "add <memoryBacking><source type='memfd'/></memoryBacking>");
        vl_finding_note(f, "libvirt refuses the domain: \"'blob' support for virtio-gpu devices requires a memfd "
                           "memory backend\"");
        vl_finding_set_fix(f, "back guest memory with memfd: <source type='memfd'/> in <memoryBacking>", NULL);
    }
}

const VlRule vl_rule_video_virtio_blob_memfd = {
    .id = "video-virtio-blob-memfd",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "virtio-gpu blob resources without memfd-backed guest memory",
    .rationale =
        "With blob='on' (libvirt 9.2 and later, QEMU 6.1 and later) virtio-gpu scans out directly "
        "from guest RAM and hands it to the display as a DMA-BUF, which requires guest memory to "
        "be a memfd; libvirt refuses anything else (\"'blob' support for virtio-gpu devices requires "
        "a memfd memory backend\", from libvirt's source: the attribute does not exist in libvirt 9.0, "
        "which silently drops it, so for 9.0 targets the schema rule reports it instead). The Ubuntu reference guide "
        "already uses a memfd backing for virtio-fs; switching an anonymous or file backing to memfd "
        "is host-side only and keeps hugepages, so the fix is safe.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 2: memoryBacking source memfd)",
        "libvirt src/qemu/qemu_validate.c (virtio-gpu blob validation)",
        "https://libvirt.org/formatdomain.html#video-devices (blob)",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "requires a memfd memory backend",
    .example_bad = "<video>\n  <model type='virtio' heads='1' primary='yes' blob='on'/>\n</video>",
    .example_good = "<memoryBacking>\n  <source type='memfd'/>\n</memoryBacking>\n...\n<video>\n  <model type='virtio' heads='1' primary='yes' blob='on'/>\n</video>",
    .check = check,
};
