/* video-accel3d-model: 3D acceleration needs a virtio-gpu. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);
        const char *type = vl_video_type(video);
        xmlNodePtr accel;
        VlFinding *f;

        if (!vl_video_accel3d(video, &accel) || strcmp(type, "virtio") == 0)
            continue;
        if (vl_xml_attr_is(vl_xml_child(video, "driver"), "name", "vhostuser"))
            continue;
        f = vl_report(report, accel, "<video> model '%s' has accel3d='yes', which only virtio supports", type);
        vl_finding_help(f, "remove <acceleration accel3d='yes'/>");
        vl_finding_note(f, "libvirt refuses the domain: \"3d acceleration is supported only with 'virtio' video "
                           "device\"");
        vl_finding_note(f, "only virtio-gpu with virgl renders 3D, and only for guests with a virgl driver");
        vl_finding_set_fix(f, "remove <acceleration accel3d='yes'/>", NULL);
    }
}

const VlRule vl_rule_video_accel3d_model = {
    .id = "video-accel3d-model",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "3D acceleration on a video model other than virtio",
    .rationale =
        "QEMU's 3D acceleration is virgl, which exists only as virtio-gpu's GL variant "
        "(virtio-vga-gl, virtio-gpu-gl-pci). libvirt refuses accel3d='yes' on QXL, VGA and the other "
        "models (\"3d acceleration is supported only with 'virtio' video device\"; checked with "
        "libvirt 9.0 for qxl and vga). virt-manager's \"3D acceleration\" checkbox, which the Ubuntu reference guide "
        "tells Windows users to tick, only makes sense together with the virtio model. Removing the "
        "element is safe: the domain never started with it.",
    .sources = {
        "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (4.4 step 3: VirtIO video with 3D acceleration)",
        "libvirt src/qemu/qemu_validate.c (video acceleration validation)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_SAFE,
    .fixer = "video-accel3d",
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "3d acceleration is supported only with 'virtio' video device",
    .example_bad = "<video>\n  <model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'>\n    <acceleration accel3d='yes'/>\n  </model>\n</video>",
    .example_good = "<video>\n  <model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/>\n</video>",
    .check = check,
};
