/* rng-missing: no virtio RNG device. */
#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/machine.h"
#include "lint/model/model.h"
#include "lint/model/pci_room.h"

static void
check(const VlModel *m, VlReport *report)
{
    const char *no_room;
    VlFinding *f;

    if (!m->devices || vl_model_devices(m, "rng")->len)
        return;
    if (m->domain_type && !vl_is_qemu(m))
        return;
    /* virtio-rng is a PCI device: a machine without PCI cannot have one */
    if (vl_pci_machine_without_pci(m))
        return;
    no_room = vl_pci_no_room_reason(m);
    f = vl_report(report, m->devices, "<devices>: no <rng> device, so no paravirtual entropy source");
    vl_finding_help(f, "add <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>%s%s%s",
                    vl_guest_is_windows(&m->guest) ? " (viorng driver from virtio-win)" : "",
                    no_room ? " after making room for it: " : "", no_room ? no_room : "");
    vl_finding_note(f, "without it the guest depends on RDRAND (if the CPU model exposes it) and its own jitter "
                       "early in boot");
    if (vl_guest_is_windows(&m->guest))
        vl_finding_note(f, "the guest is taken for Windows: %s", m->guest.evidence);
    /* libvirt refuses a device it cannot place, so no fix without a free slot */
    if (!no_room)
        vl_finding_set_fix(f, "add <rng model='virtio'><backend model='random'>/dev/urandom</backend></rng>",
                           NULL);
}

const VlRule vl_rule_rng_missing = {
    .id = "rng-missing",
    .category = "rng",
    .severity = VL_SEVERITY_INFO,
    .summary = "The domain has no virtio RNG device",
    .rationale =
        "A virtio-rng device feeds the guest's entropy pool from the host. Kevin Locke's guide recommends it "
        "in particular when the vCPU lacks RDRAND or RDRAND is not trusted, and the WindowsKVM build preloads "
        "the viorng driver. virt-install adds one for current operating systems. A guest without "
        "the driver just ignores the device, so adding it is safe; the host side reads "
        "/dev/urandom, which libvirt's documentation recommends over /dev/random. virtio-rng is a "
        "PCI device: the rule is silent on machines without PCI (isapc, microvm), and offers no "
        "fix when every slot of bus 0 is taken, since libvirt then refuses the domain.",
    .sources = {
        "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (RNG)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (VirtIO drivers during Windows install: viorng)",
        "https://libvirt.org/formatdomain.html#random-number-generator-device",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<devices>\n  <!-- no <rng> -->\n</devices>",
    .example_good = "<rng model='virtio'>\n  <backend model='random'>/dev/urandom</backend>\n</rng>",
    .check = check,
};
