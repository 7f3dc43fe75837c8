/* Host-aware rules: what a domain asks of the host it will run on, checked
 * against the host's facts (lint/host/host.h).  Skipped when none are given.
 *   host-cpuset-range      pins on CPUs the host does not have
 *   host-vcpu-overcommit   more vCPUs than host CPUs
 *   host-numa-memory       guest memory larger than any host NUMA node
 *   host-hugepage-size     a hugepage size the host does not offer
 *   host-firmware          firmware the host's QEMU does not have
 *   host-device-model      TPM or video models the host's QEMU lacks
 *   host-pci-device        passed-through PCI devices missing or in a shared IOMMU group
 *   host-emulator          an emulator binary the host does not have
 *   host-file              -acpitable and ROM files that do not exist */
#include <string.h>

#include "lint/model/cpuset.h"
#include "lint/host/host.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static const VlHost *
host(const VlModel *m)
{
    return m->config->host;
}

/* cpusets the domain pins to: vcpupin, emulatorpin, iothreadpin, <vcpu cpuset> */
static void
check_cpuset_range(const VlModel *m, VlReport *report)
{
    xmlNodePtr cputune = vl_model_top(m, "cputune");
    g_autoptr(GPtrArray) pins = g_ptr_array_new();

    /* the host's CPUs come with its capabilities: none without them */
    if (g_hash_table_size(host(m)->cpus) == 0)
        return;
    if (vl_xml_attr(m->vcpu, "cpuset"))
        g_ptr_array_add(pins, m->vcpu);
    for (xmlNodePtr p = cputune ? cputune->children : NULL; p; p = p->next) {
        if (vl_xml_is(p, "vcpupin") || vl_xml_is(p, "emulatorpin") || vl_xml_is(p, "iothreadpin"))
            g_ptr_array_add(pins, p);
    }
    for (guint i = 0; i < pins->len; i++) {
        xmlNodePtr pin = g_ptr_array_index(pins, i);
        VlCpuset set = { 0 };
        VlCpuset missing = { 0 };
        g_autofree char *list = NULL;

        if (!vl_cpuset_parse(vl_xml_attr(pin, "cpuset"), &set))
            continue;
        /* mutate: skip[rel:<=] — equivalent: vl_cpuset_has() is false for c == set.size (it checks n < size) */
        for (guint c = 0; c < set.size; c++) {
            if (vl_cpuset_has(&set, c) && !g_hash_table_contains(host(m)->cpus, GUINT_TO_POINTER(c + 1)))
                vl_cpuset_add(&missing, c);
        }
        if (vl_cpuset_count(&missing)) {
            list = vl_cpuset_format(&missing);
            vl_report(report, pin,
                      "<%s cpuset='%s'> names host CPU%s %s, which this host does not have (it has %u): the "
                      "guest fails to start (the affinity cannot be set); pin to CPUs the host has",
                      (const char *) pin->name, vl_xml_attr(pin, "cpuset"), vl_cpuset_count(&missing) == 1 ? "" : "s",
                      list, g_hash_table_size(host(m)->cpus));
        }
        vl_cpuset_clear(&set);
        vl_cpuset_clear(&missing);
    }
}

static void
check_vcpu_overcommit(const VlModel *m, VlReport *report)
{
    guint cpus = g_hash_table_size(host(m)->cpus);

    /* no CPUs without capabilities */
    if (cpus == 0 || m->vcpus < cpus)
        return;
    vl_report(report, m->vcpu ? m->vcpu : m->root,
              "%u vCPUs on a host with %u CPU%s: the guest takes every host CPU (or more), so the host itself "
              "and the emulator threads compete with it; leave host CPUs free (the Ubuntu reference guide gives 4 of 8, the homelab notes "
              "~14 of 20)",
              m->vcpus, cpus, cpus == 1 ? "" : "s");
}

static void
check_numa_memory(const VlModel *m, VlReport *report)
{
    const VlHost *h = host(m);

    /* no cells without capabilities */
    if (h->cells < 2 || m->memory_kib <= h->largest_cell_kib || m->numa_cells->len)
        return;
    vl_report(report, m->memory ? m->memory : m->root,
              "%" G_GUINT64_FORMAT " MiB of guest memory, more than the largest host NUMA node (%" G_GUINT64_FORMAT
              " MiB): its memory spans nodes, with slower remote accesses unless the guest gets a matching "
              "<cpu><numa> topology",
              m->memory_kib / 1024, h->largest_cell_kib / 1024);
}

static void
check_hugepage_size(const VlModel *m, VlReport *report)
{
    xmlNodePtr hp = vl_xml_child(m->memory_backing, "hugepages");

    if (!host(m)->have_caps || !hp)
        return;
    for (xmlNodePtr page = hp->children; page; page = page->next) {
        guint64 kib;
        bool offered = false;

        if (!vl_xml_is(page, "page") || !vl_memory_to_kib(vl_xml_attr(page, "size"), vl_xml_attr(page, "unit"), &kib))
            continue;
        for (guint i = 0; i < host(m)->page_sizes_kib->len; i++)
            offered |= g_array_index(host(m)->page_sizes_kib, guint64, i) == kib;
        if (!offered)
            vl_report(report, page,
                      "hugepages of %" G_GUINT64_FORMAT " KiB, a size this host does not offer: libvirt refuses to "
                      "start the guest; use a size from `virsh capabilities` (host/cpu/pages)", kib);
    }
}

static void
check_firmware(const VlModel *m, VlReport *report)
{
    const VlHost *h = host(m);
    char path[1024];

    if (!h->have_domcaps)
        return;
    if (vl_xml_attr_is(m->os, "firmware", "efi") && !h->efi)
        vl_report(report, m->os, "firmware='efi', but the host's QEMU has no UEFI firmware described (domcapabilities "
                  "lists none): install OVMF (Debian: ovmf)");
    if (*vl_xml_text(m->loader, path, sizeof(path)) && h->loaders->len &&
        !g_ptr_array_find_with_equal_func(h->loaders, path, g_str_equal, NULL))
        vl_report(report, m->loader, "loader %s is not among the firmware images the host's QEMU knows (%u listed in "
                  "domcapabilities): the guest fails to start if the file is missing",
                  path, h->loaders->len);
}

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

        if (!model || g_ptr_array_find_with_equal_func(supported, model, g_str_equal, NULL))
            continue;
        offered = join(supported);
        vl_report(report, where, "%s model '%s' is not supported by the host's QEMU (domcapabilities offers: %s)",
                  device, model, offered);
    }
}

static void
check_device_models(const VlModel *m, VlReport *report)
{
    /* without domcapabilities the model lists are empty, and check_device_model() is silent */
    check_device_model(m, report, "tpm", NULL, host(m)->tpm_models);
    check_device_model(m, report, "video", "model", host(m)->video_models);
}

static bool
passed_through(const VlModel *m, const char *address)
{
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr a = vl_xml_child(vl_xml_child(g_ptr_array_index(m->hostdevs, i), "source"), "address");
        g_autofree char *addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"),
                                                    vl_xml_attr(a, "slot"), vl_xml_attr(a, "function"));
        if (addr && strcmp(addr, address) == 0)
            return true;
    }
    return false;
}

static void
check_pci_devices(const VlModel *m, VlReport *report)
{
    if (!host(m)->have_nodedev)
        return;
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->hostdevs, i);
        xmlNodePtr a = vl_xml_child(vl_xml_child(dev, "source"), "address");
        g_autofree char *addr = NULL;
        g_autoptr(GString) others = g_string_new(NULL);
        VlHostPci *pci;

        if (!vl_xml_attr_is(dev, "type", "pci") ||
            !(addr = vl_host_pci_address(vl_xml_attr(a, "domain"), vl_xml_attr(a, "bus"), vl_xml_attr(a, "slot"),
                                         vl_xml_attr(a, "function"))))
            continue;
        if (!(pci = g_hash_table_lookup(host(m)->pci, addr))) {
            vl_report(report, dev, "PCI device %s is not on this host (no such node device): the guest fails to start",
                      addr);
            continue;
        }
        for (guint g = 0; g < pci->group->len; g++) {
            const char *member = g_ptr_array_index(pci->group, g);
            VlHostPci *other = g_hash_table_lookup(host(m)->pci, member);

            /* bridges may stay with the host; endpoints may not */
            /* passed_through() covers the device itself */
            if (passed_through(m, member) || (other && (other->class_code >> 16) == 0x06))
                continue;
            g_string_append_printf(others, "%s%s", others->len ? ", " : "", member);
        }
        if (others->len)
            vl_report(report, dev,
                      "PCI device %s shares IOMMU group %d with %s, which are not passed through: VFIO needs the "
                      "whole group (\"group %d is not viable\"), so the guest fails to start; pass them through "
                      "too, or move the card to a slot with its own group",
                      addr, pci->iommu_group, others->str, pci->iommu_group);
    }
}

static void
check_emulator(const VlModel *m, VlReport *report)
{
    xmlNodePtr emu = vl_xml_child(m->devices, "emulator");
    char path[1024];

    if (!host(m)->have_caps || !*vl_xml_text(emu, path, sizeof(path)))
        return;
    if (!g_ptr_array_find_with_equal_func(host(m)->emulators, path, g_str_equal, NULL))
        vl_report(report, emu, "emulator %s is not one this host's libvirt knows (capabilities list %u): libvirt "
                  "refuses the domain if the binary is missing; remove <emulator> to let libvirt choose",
                  path, host(m)->emulators->len);
}

/* Files a pass-through argument or ROM names: they are on the host. */
static void
check_files(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(m->qemu_args, i);
        const char *value = vl_xml_attr(arg, "value");
        const char *file = value ? strstr(value, "file=") : NULL;

        if (file) {
            g_autofree char *path = g_strndup(file + 5, strcspn(file + 5, ","));
            if (*path == '/' && !g_file_test(path, G_FILE_TEST_EXISTS))
                vl_report(report, arg, "%s does not exist on this host: QEMU fails to start", path);
        }
    }
    for (guint i = 0; i < m->hostdevs->len; i++) {
        xmlNodePtr rom = vl_xml_child(g_ptr_array_index(m->hostdevs, i), "rom");
        const char *path = vl_xml_attr(rom, "file");

        if (path && *path && !g_file_test(path, G_FILE_TEST_EXISTS))
            vl_report(report, rom, "ROM file %s does not exist on this host: the guest fails to start", path);
    }
}

#define HOST_SOURCES "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (Resource Contention)", \
                     "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (IOMMU groups, pinning, hugepages)"

const VlRule vl_rule_host_cpuset_range = {
    .id = "host-cpuset-range", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "A vCPU, emulator or iothread pin names a CPU the host does not have",
    .rationale = "Pinning copied from another machine (the WindowsKVM build pins 32 vCPUs to a 5950X's threads) names CPUs "
                 "that a smaller host lacks; libvirt cannot set the affinity and the guest does not start. "
                 "Checked against the host's CPUs from `virsh capabilities`.",
    .sources = { HOST_SOURCES, "https://libvirt.org/formatdomain.html#cpu-tuning" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<cputune>\n  <vcpupin vcpu='0' cpuset='31'/>  <!-- on an 8-thread host -->\n</cputune>",
    .example_good = "<cputune>\n  <vcpupin vcpu='0' cpuset='2'/>\n</cputune>",
    .check = check_cpuset_range,
};

const VlRule vl_rule_host_vcpu_overcommit = {
    .id = "host-vcpu-overcommit", .category = "host", .severity = VL_SEVERITY_WARNING, .needs_host = true,
    .summary = "The guest has as many vCPUs as the host has CPUs, or more",
    .rationale = "The Ubuntu reference guide traces reports of \"100% CPU\" and full system hangs to guests given every host core: "
                 "the host, its I/O and QEMU's own threads then compete with the guest. Leave host CPUs free.",
    .sources = { HOST_SOURCES, "A homelab's KVM/QEMU notes, not published at a public address (Resource Allocation)" },
    .example_bad = "<vcpu>16</vcpu>  <!-- on a 16-thread host -->",
    .example_good = "<vcpu>12</vcpu>",
    .check = check_vcpu_overcommit,
};

const VlRule vl_rule_host_numa_memory = {
    .id = "host-numa-memory", .category = "host", .severity = VL_SEVERITY_INFO, .needs_host = true,
    .summary = "Guest memory is larger than any NUMA node of the host",
    .rationale = "On a multi-node host a guest larger than one node spans nodes; without a matching guest NUMA "
                 "topology (and pinning) its memory accesses are often remote and slower.",
    .sources = { HOST_SOURCES, "https://libvirt.org/formatdomain.html#numa-node-tuning" },
    .example_bad = "<memory unit='GiB'>96</memory>  <!-- nodes of 64 GiB -->",
    .example_good = "<cpu><numa><cell id='0' cpus='0-7' memory='48' unit='GiB'/><cell id='1' cpus='8-15' memory='48' unit='GiB'/></numa></cpu>",
    .check = check_numa_memory,
};

const VlRule vl_rule_host_hugepage_size = {
    .id = "host-hugepage-size", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "The domain asks for a hugepage size the host does not offer",
    .rationale = "A <page size> in <hugepages> must be one the host's CPU and kernel provide (2 MiB, 1 GiB on "
                 "x86); libvirt refuses to start the guest otherwise.",
    .sources = { HOST_SOURCES, "https://libvirt.org/formatdomain.html#memory-backing" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<hugepages><page size='16' unit='MiB'/></hugepages>",
    .example_good = "<hugepages><page size='2' unit='MiB'/></hugepages>",
    .check = check_hugepage_size,
};

const VlRule vl_rule_host_firmware = {
    .id = "host-firmware", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "Firmware the host's QEMU does not have",
    .rationale = "Firmware paths differ between distributions (Debian OVMF_CODE_4M.ms.fd, Fedora "
                 "OVMF_CODE.secboot.fd, Arch /usr/share/edk2/x64/...); a loader copied from another system is "
                 "missing here and the guest does not start. firmware='efi' needs firmware descriptors the "
                 "host's QEMU lists in domcapabilities.",
    .sources = { "Kevin Locke, \"Windows 11 Guest VM with VirtIO on Libvirt\" (2021, updated 2022), https://kevinlocke.name/bits/2021/12/10/windows-11-guest-virtio-libvirt/ (BIOS vs UEFI: firmware images)", "https://libvirt.org/formatdomaincaps.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<loader readonly='yes' type='pflash'>/usr/share/edk2/x64/OVMF_CODE.secboot.4m.fd</loader>",
    .example_good = "<os firmware='efi'>",
    .check = check_firmware,
};

const VlRule vl_rule_host_device_model = {
    .id = "host-device-model", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "A TPM or video model the host's QEMU does not support",
    .rationale = "domcapabilities lists the TPM and video models the host's QEMU build supports; a model it lacks "
                 "makes libvirt refuse to start the guest.",
    .sources = { "A community Windows 11 reference-architecture guide for Ubuntu 25.10, not published at a public address (TPM, video model)", "https://libvirt.org/formatdomaincaps.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<tpm model='tpm-spapr'>",
    .example_good = "<tpm model='tpm-crb'>",
    .check = check_device_models,
};

const VlRule vl_rule_host_pci_device = {
    .id = "host-pci-device", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "A passed-through PCI device is missing from the host or shares its IOMMU group",
    .rationale = "VFIO assigns whole IOMMU groups: every endpoint in the group must be passed through (bridges "
                 "excepted) or the guest does not start. The WindowsKVM build: a USB controller must be alone in its group. "
                 "A device address copied from another machine may not exist here at all.",
    .sources = { "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (USB controller needs its own IOMMU group)",
                 "https://www.kernel.org/doc/html/latest/driver-api/vfio.html" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<hostdev mode='subsystem' type='pci'><source><address bus='0x0f' slot='0x00' function='0x0'/></source></hostdev>\n<!-- 0f:00.1 (its audio) left with the host -->",
    .example_good = "<!-- pass 0f:00.0 and 0f:00.1 together -->",
    .check = check_pci_devices,
};

const VlRule vl_rule_host_emulator = {
    .id = "host-emulator", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "An emulator binary this host does not have",
    .rationale = "<emulator> paths differ between distributions (/usr/bin/qemu-system-x86_64, "
                 "/usr/libexec/qemu-kvm); libvirt refuses a domain whose emulator is missing. Without <emulator> "
                 "libvirt picks the host's own.",
    .sources = { "A homelab's KVM/QEMU notes, not published at a public address (Installed Packages)", "https://libvirt.org/formatdomain.html#devices" },
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .example_bad = "<emulator>/usr/libexec/qemu-kvm</emulator>",
    .example_good = "<!-- no <emulator>: libvirt chooses -->",
    .check = check_emulator,
};

const VlRule vl_rule_host_file = {
    .id = "host-file", .category = "host", .severity = VL_SEVERITY_ERROR, .needs_host = true,
    .summary = "A file a pass-through argument or ROM names does not exist on this host",
    .rationale = "-acpitable file=..., -fw_cfg file=... (the Japanese reinstall guide passes SLIC/MSDM tables and SMBIOS dumps) and "
                 "<rom file=...> name files on the host; when they are missing, QEMU does not start. Checked on "
                 "the machine virtlint runs on, when host facts are given.",
    .sources = { "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (ACPI tables via qemu:arg)", "https://libvirt.org/drvqemu.html" },
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<qemu:arg value='-acpitable'/>\n<qemu:arg value='file=/home/me/slic.bin'/>",
    .example_good = "<os><acpi><table type='slic'>/var/lib/libvirt/acpi/slic.bin</table></acpi></os>",
    .check = check_files,
};
