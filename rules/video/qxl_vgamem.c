/* video-qxl-vgamem: vgamem is QXL's, and must be a power of two of at
 * least 1 MiB. */
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
        xmlNodePtr model = vl_video_model(video);
        const char *type = vl_video_type(video);
        const char *text = vl_xml_attr(model, "vgamem");
        guint64 kib;
        VlFinding *f;

        if (!vl_xml_parse_uint(text, &kib)) /* also no vgamem at all */
            continue;
        if (strcmp(type, "qxl") != 0) {
            f = vl_report(report, model, "<video> model '%s' has vgamem='%s', which only QXL has", type, text);
            vl_finding_help(f, "remove vgamem (use vram to size a VGA-compatible adapter's memory)");
            vl_finding_note(f, "libvirt refuses the domain: \"vgamem attribute only supported for video type qxl\"");
            vl_finding_set_fix(f, "remove vgamem", NULL);
            /* mutate: skip[const-1@26] — kib < 1023 differs from kib < 1024 only at 1023, which is no power of two: still reported, with the same text (chosen by kib < 1024 below) and fix */
        } else if (kib < 1024 || (kib & (kib - 1)) != 0) {
            guint64 fixed = 1024;
            /* libvirt reads vgamem as an unsigned int: 2^31 is the largest
             * power of two it takes.
             * mutate: skip[rel:<=@26] — fixed <= kib differs only when fixed == kib, a power of two of at least 1024, which does not reach this branch */
            while (fixed < kib && fixed < (G_GUINT64_CONSTANT(1) << 31))
                fixed <<= 1;
            f = vl_report(report, model, "<video> model 'qxl': vgamem='%s' (KiB) is %s", text,
                          kib < 1024 ? "below 1 MiB" : "not a power of two");
            vl_finding_help(f, "use a power of two of at least 1024, for example vgamem='%" G_GUINT64_FORMAT "'", fixed);
            vl_finding_note(f, "libvirt refuses the domain: \"%s\"",
                            kib < 1024 ? "value for 'vgamem' must be at least 1 MiB (1024 KiB)"
                                       : "value for 'vgamem' must be power of two");
            vl_finding_note(f, "the WindowsKVM build uses 16384 for high resolutions");
            vl_finding_set_fix(f, "round vgamem up to a power of two of at least 1024 KiB", NULL);
        }
    }
}

const VlRule vl_rule_video_qxl_vgamem = {
    .id = "video-qxl-vgamem",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "vgamem on a non-QXL adapter, or a QXL vgamem that is not a power of two of at least 1 MiB",
    .rationale =
        "vgamem sizes the VGA framebuffer region of a QXL adapter (QEMU's vgamem_mb), so it must "
        "be at least 1 MiB and a power of two; libvirt refuses other values (\"value for 'vgamem' "
        "must be at least 1 MiB (1024 KiB)\", \"value for 'vgamem' must be power of two\") and the "
        "attribute on any other model (\"vgamem attribute only supported for video type qxl\"; all "
        "checked with libvirt 9.0, for vga and virtio too). The WindowsKVM build's QXL fallback line "
        "(vgamem='16384') is correct for QXL but is refused when only the type is changed to virtio "
        "or VGA. The fix rounds a QXL value up to the next valid one and removes vgamem elsewhere; "
        "it is safe because the domain never started.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Quick Start 2: QXL ram/vram/vgamem)",
        "libvirt src/qemu/qemu_validate.c (QXL vgamem)",
        "libvirt src/conf/domain_validate.c (vgamem only for qxl)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "vgamem",
    .example_bad = "<video>\n  <model type='virtio' vgamem='16384' heads='1' primary='yes'/>\n</video>",
    .example_good = "<video>\n  <model type='qxl' ram='65536' vram='65536' vgamem='16384' heads='1' primary='yes'/>\n</video>",
    .check = check,
};
