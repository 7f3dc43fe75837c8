/* video-none-alone: <model type='none'/> means "no video device" and
 * cannot be combined with real ones. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/video.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *videos = vl_model_devices(m, "video");

    if (videos->len < 2)
        return;
    for (guint i = 0; i < videos->len; i++) {
        xmlNodePtr video = g_ptr_array_index(videos, i);

        if (strcmp(vl_video_type(video), "none") != 0)
            continue;
        VlFinding *f = vl_report(report, vl_video_model(video), "<video><model type='none'/> next to %u other video device%s",
                                 videos->len - 1, videos->len == 2 ? "" : "s");
        vl_finding_help(f, "keep either the 'none' model or the emulated adapters");
        vl_finding_note(f, "libvirt refuses the domain: \"a 'none' video type must be the only video device defined "
                           "for the domain\"");
        vl_finding_note(f, "'none' is for a display served by an mdev or passed-through GPU, as in the Japanese "
                           "reinstall guide");
    }
}

const VlRule vl_rule_video_none_alone = {
    .id = "video-none-alone",
    .category = "video",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A video model 'none' together with other video devices",
    .rationale =
        "<video><model type='none'/></video> tells libvirt not to add its default adapter: the "
        "display comes from elsewhere, such as a GVT-g mdev with display='on' in the Japanese reinstall guide or a "
        "passed-through GPU. It contradicts any other <video> element and libvirt refuses the "
        "combination (\"a 'none' video type must be the only video device defined for the "
        "domain\"; checked with libvirt 9.0). The Japanese reinstall guide says to delete the existing <graphics> and "
        "<video> before adding it; forgetting the old <video> gives this error. Which of the two was "
        "meant is the owner's choice, so there is no automatic fix.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (Output using SPICE with MESA EGL: video model none)",
        "libvirt src/conf/domain_validate.c (video validation)",
        "https://libvirt.org/formatdomain.html#video-devices",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "a 'none' video type must be the only video device defined for the domain",
    .example_bad = "<video>\n  <model type='qxl' heads='1' primary='yes'/>\n</video>\n<video>\n  <model type='none'/>\n</video>",
    .example_good = "<video>\n  <model type='none'/>\n</video>",
    .check = check,
};
