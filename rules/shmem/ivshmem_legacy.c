/* shmem-ivshmem-legacy: the legacy ivshmem device QEMU removed. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"

static void
check(const VlModel *m, VlReport *report)
{
    GPtrArray *shmems = vl_model_devices(m, "shmem");

    for (guint i = 0; i < shmems->len; i++) {
        xmlNodePtr shmem = g_ptr_array_index(shmems, i);
        xmlNodePtr model = vl_xml_child(shmem, "model");
        const char *type = vl_xml_attr(model, "type");
        const char *repl = vl_xml_child(shmem, "server") ? "ivshmem-doorbell" : "ivshmem-plain";
        VlFinding *f;

        if (type && !g_str_equal(type, "ivshmem"))
            continue;
        f = vl_report(report, model ? model : shmem, "<shmem name='%s'>: %s, removed from QEMU 4.0",
                      vl_xml_attr(shmem, "name") ? vl_xml_attr(shmem, "name") : "?",
                      model ? "model 'ivshmem', the legacy device" : "no <model>, so the legacy ivshmem");
        vl_finding_help(f, "use <model type='%s'/>%s", repl,
                        g_str_equal(repl, "ivshmem-doorbell") ? " (it has a <server>, so the doorbell variant)" : "");
        if (!model)
            vl_finding_note(f, "libvirt's default model is the legacy ivshmem");
        vl_finding_note(f, "libvirt 9.0 refuses it: \"ivshmem device is not supported with this QEMU binary\"");
        vl_finding_set_fix(f, g_str_equal(repl, "ivshmem-doorbell") ? "<model type='ivshmem-doorbell'/>"
                                                                    : "<model type='ivshmem-plain'/>",
                           NULL);
    }
}

const VlRule vl_rule_shmem_ivshmem_legacy = {
    .id = "shmem-ivshmem-legacy",
    .category = "shmem",
    .severity = VL_SEVERITY_ERROR,
    .summary = "A shared memory device uses the removed legacy ivshmem model",
    .rationale =
        "QEMU split ivshmem into ivshmem-plain (shared memory only) and ivshmem-doorbell "
        "(with an ivshmem server and interrupts) and removed the old combined device in 4.0. "
        "libvirt 9.0 refuses <model type='ivshmem'/> and, less obviously, a <shmem> without "
        "<model>, because its default is still the legacy model (both checked; newer libvirt "
        "words it \"ivshmem device is no longer supported\"). Both variants keep the same PCI "
        "IDs and shared-memory BAR, and the domain never started this way, so the fix is safe: "
        "ivshmem-doorbell when a <server> is configured, ivshmem-plain otherwise. Kevin Locke's guide notes "
        "that the Windows ivshmem driver is not signed, which matters with Secure Boot.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI (with SecureBoot): ivshmem driver not signed)",
        "libvirt src/qemu/qemu_validate.c (shmem model validation)",
        "https://libvirt.org/formatdomain.html#shared-memory-device",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "ivshmem device is",
    .example_bad = "<shmem name='looking-glass'>\n  <model type='ivshmem'/>\n  <size unit='M'>32</size>\n</shmem>",
    .example_good = "<shmem name='looking-glass'>\n  <model type='ivshmem-plain'/>\n  <size unit='M'>32</size>\n</shmem>",
    .check = check,
};
