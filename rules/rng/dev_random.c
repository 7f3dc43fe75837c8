/* rng-dev-random: a virtio RNG reading the host's /dev/random. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *rngs = vl_model_devices(m, "rng");

    for (guint i = 0; i < rngs->len; i++) {
        xmlNodePtr backend = vl_xml_child(g_ptr_array_index(rngs, i), "backend");
        char path[256];
        VlFinding *f;

        if (!vl_xml_attr_is(backend, "model", "random"))
            continue;
        vl_xml_text(backend, path, sizeof(path));
        if (path[0] && !g_str_equal(path, "/dev/random"))
            continue;
        if (path[0])
            f = vl_report(report, backend, "<backend model='random'>: reads /dev/random, not /dev/urandom");
        else
            f = vl_report(report, backend, "<backend model='random'>: no file, so it reads /dev/random");
        vl_finding_help(f, "use <backend model='random'>/dev/urandom</backend>");
        if (!path[0])
            vl_finding_note(f, "/dev/random is libvirt's default when no file is given (libvirt 9.0)");
        vl_finding_note(f, "on hosts with a kernel older than 5.6 /dev/random blocks when the host's entropy "
                           "estimate runs low, stalling the guest's reads");
        vl_finding_set_fix(f, "read /dev/urandom", NULL);
    }
}

const VlRule vl_rule_rng_dev_random = {
    .id = "rng-dev-random",
    .category = "rng",
    .severity = VL_SEVERITY_INFO,
    .summary = "A virtio RNG backend reads /dev/random instead of /dev/urandom",
    .rationale =
        "libvirt's documentation recommends /dev/urandom as the source of a random backend, yet "
        "it fills in /dev/random when the element is empty (checked with libvirt 9.0). Before "
        "Linux 5.6 /dev/random blocks whenever the kernel's entropy estimate is low, so one "
        "guest draining it can stall itself and other readers on the host; since 5.6 both "
        "devices behave the same once the pool is initialised, so on current hosts this is "
        "cosmetic. Changing the host-side file does not change what the guest sees.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (RNG)",
        "https://libvirt.org/formatdomain.html#random-number-generator-device",
        "https://lwn.net/Articles/808575/",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<rng model='virtio'>\n  <backend model='random'>/dev/random</backend>\n</rng>",
    .example_good = "<rng model='virtio'>\n  <backend model='random'>/dev/urandom</backend>\n</rng>",
    .check = check,
};
