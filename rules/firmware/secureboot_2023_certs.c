/* firmware-secureboot-2023-certs: a Windows guest whose UEFI variable store
 * (its NVRAM file, or the template it will be created from) trusts only
 * Microsoft's 2011 Secure Boot certificates, which expire in 2026. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/host/nvram_certs.h"
#include "lint/load/xml.h"
#include "lint/model/firmware.h"
#include "lint/model/guest.h"
#include "lint/model/model.h"

/* each 2011 certificate and the 2023 one that succeeds it (UEFI CA 2011 has
 * two successors: third-party boot loaders and option ROMs) */
static const struct {
    bool kek;
    const char *old_cn, *new_cn;
} successions[] = {
    { true, "Microsoft Corporation KEK CA 2011", "Microsoft Corporation KEK 2K CA 2023" },
    { false, "Microsoft Windows Production PCA 2011", "Windows UEFI CA 2023" },
    { false, "Microsoft Corporation UEFI CA 2011", "Microsoft UEFI CA 2023" },
    { false, "Microsoft Corporation UEFI CA 2011", "Microsoft Option ROM UEFI CA 2023" },
};

/* The NVRAM file as libvirt names it: <nvram>PATH</nvram> or
 * <nvram type='file'><source file='PATH'/></nvram>; "" when it names none. */
static const char *
nvram_file(xmlNodePtr nvram, char *buf, gsize size)
{
    const char *path = vl_xml_attr(vl_xml_child(nvram, "source"), "file");

    if (!path)
        path = vl_xml_text(nvram, buf, size);
    return path;
}

static void
check(const VlModel *m, VlReport *report)
{
    char buf[4096], name_buf[256];

    /* mutate: skip[drop-or@9] — without <nvram> only libvirt's default NVRAM path is read, a file tests must not create */
    if (!m->nvram || !vl_guest_is_windows(&m->guest) || vl_xml_attr_is(m->nvram, "type", "network") ||
        vl_xml_attr_is(m->loader, "secure", "no") || vl_firmware_feature(m, "secure-boot") == VL_FIRMWARE_FEATURE_NO)
        return;
    /* only a local, absolute path (a relative one is libvirtd's business),
     * the file itself once it exists, else the template it is copied from;
     * <nvram template=.../> alone: the file libvirt's system driver names
     * (qemu_domain.c: "%s/%s_VARS.fd" in its nvram directory) */
    const char *path = nvram_file(m->nvram, buf, sizeof(buf));
    const char *which = "the NVRAM file";
    const char *name = vl_xml_text(vl_model_top(m, "name"), name_buf, sizeof(name_buf));
    g_autofree char *default_path = NULL;

    if (!*path && *name && !strchr(name, '/')) {
        default_path = g_strdup_printf("/var/lib/libvirt/qemu/nvram/%s_VARS.fd", name);
        path = default_path;
    }
    if (!g_path_is_absolute(path))
        return;
    if (!g_file_test(path, G_FILE_TEST_EXISTS)) {
        path = vl_xml_attr(m->nvram, "template");
        which = "the NVRAM template";
        if (!path || !g_path_is_absolute(path))
            return;
    }
    /* unreadable, not raw (qcow2), not an authenticated store: no verdict */
    g_autoptr(VlNvramCerts) certs = vl_nvram_certs_read(path, NULL);
    if (!certs)
        return;

    g_autoptr(GString) missing = g_string_new(NULL);

    for (guint i = 0; i < G_N_ELEMENTS(successions); i++) {
        GPtrArray *list = successions[i].kek ? certs->kek : certs->db;

        if (vl_nvram_certs_has(list, successions[i].old_cn) && !vl_nvram_certs_has(list, successions[i].new_cn)) {
            g_string_append_printf(missing, "%s%s (%s)", missing->len ? ", " : "", successions[i].new_cn,
                                   successions[i].kek ? "KEK" : "db");
        }
    }
    if (!missing->len)
        return;

    VlFinding *f = vl_report(report, m->nvram, "<nvram>: Secure Boot trusts only Microsoft's 2011 certificates, which expire in 2026");

    vl_finding_help(f, "inside Windows, let Windows Update add the 2023 certificates, or trigger it: the registry "
                       "value AvailableUpdates set to 0x5944 as Microsoft's KB5068202 describes, then restarts; or "
                       "re-create the NVRAM from a template that has them (OVMF_VARS_4M.ms.fd of Debian unstable's ovmf)");
    vl_finding_note(f, "%s %s lacks %s", which, path, missing->str);
    vl_finding_note(f, "Microsoft Corporation KEK CA 2011 expires on June 24, 2026, Microsoft Corporation UEFI CA 2011 on "
                       "June 27, 2026 and Microsoft Windows Production PCA 2011 on October 19, 2026: the guest still "
                       "boots, but can no longer receive Secure Boot updates (db, dbx, boot manager)");
    vl_finding_note(f, "the guest is taken for Windows: %s", vl_guest_evidence(m));
}

const VlRule vl_rule_firmware_secureboot_2023_certs = {
    .id = "firmware-secureboot-2023-certs",
    .category = "firmware",
    .severity = VL_SEVERITY_WARNING,
    .needs_host = true,
    .summary = "A Windows guest's UEFI variable store trusts only Microsoft's 2011 Secure Boot certificates",
    .rationale = "Microsoft's 2011 Secure Boot certificates expire in 2026: Microsoft Corporation KEK CA 2011 on "
                 "June 24, Microsoft Corporation UEFI CA 2011 on June 27, Microsoft Windows Production PCA 2011 on "
                 "October 19. Their successors are Microsoft Corporation KEK 2K CA 2023 in KEK and Windows UEFI CA "
                 "2023, Microsoft UEFI CA 2023 and Microsoft Option ROM UEFI CA 2023 in db. A guest without them "
                 "keeps booting but can no longer receive Secure Boot updates. The OVMF_VARS_4M.ms.fd templates of "
                 "Debian 12 (ovmf 2022.11) and Debian 13 enrol only the 2011 certificates; Debian unstable's enrols "
                 "both generations. A guest's NVRAM is a copy made once, so a newer template does not update it. "
                 "Read from the local NVRAM file (for <nvram template=.../> alone, the system driver's "
                 "/var/lib/libvirt/qemu/nvram/NAME_VARS.fd), or its template before the first start, when host facts "
                 "are given; a missing, unreadable or qcow2 file, or a network NVRAM, gives no finding.",
    .sources = { "Microsoft Support, \"Registry key updates for Secure Boot: Windows devices with IT-managed updates\" (KB5068202), https://support.microsoft.com/topic/registry-key-updates-for-secure-boot-windows-devices-with-it-managed-updates-a7be69c9-4634-42e1-9ca1-df06f43f360d",
                 "Microsoft Support, Secure Boot troubleshooting guidance (KB5085046), https://support.microsoft.com/en-gb/help/5085046",
                 "Debian's ovmf package, OVMF_VARS_4M.ms.fd of bookworm (2022.11-6+deb12u2), trixie and sid, certificates read with openssl x509 -subject -enddate, https://packages.debian.org/sid/ovmf",
                 "https://libvirt.org/formatdomain.html#bios-bootloader" },
    .refused_by = VL_REFUSED_BY_NONE,
    .example_bad = "<nvram template='/usr/share/OVMF/OVMF_VARS_4M.ms.fd'>/var/lib/libvirt/qemu/nvram/win11_VARS.fd</nvram>\n"
                   "<!-- the file's KEK has only Microsoft Corporation KEK CA 2011 -->",
    .example_good = "<!-- KEK has Microsoft Corporation KEK 2K CA 2023, db Windows UEFI CA 2023 -->",
    .check = check,
};
