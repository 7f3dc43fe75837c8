/* firmware-autoselect-loader: <os firmware='...'> (firmware autoselection)
 * together with <loader>/<nvram> settings libvirt before 9.2 refuses. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"

/* libvirt 9.2 turned these settings into constraints for the
 * autoselection (its test suite defines firmware-auto-efi-loader-path.xml,
 * -loader-insecure.xml and -nvram-template.xml, which 9.0 refuses). */
#define ACCEPTED_SINCE VL_LIBVIRT(9, 2)

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr loader = m->loader, nvram = m->nvram, where = NULL;
    g_autoptr(GPtrArray) refused = g_ptr_array_new();
    g_autofree char *list = NULL, *joined = NULL;
    char version[32], buf[1024];
    const char *path = vl_xml_text(loader, buf, sizeof(buf)); /* "" without <loader> */
    VlFinding *f;
    bool qcow2;

    /* the vl_xml_attr* helpers read a missing element (NULL) as one
     * without the attribute */
    if (!vl_xml_attr(m->os, "firmware") || m->config->libvirt_version >= ACCEPTED_SINCE)
        return;
    /* What libvirt 9.0 refuses, in the order it checks (verified one by one
     * with its embedded driver); secure='yes' and stateless are accepted. */
    if (vl_xml_attr(loader, "readonly"))
        g_ptr_array_add(refused, "readonly");
    if (vl_xml_attr(loader, "type"))
        g_ptr_array_add(refused, "type");
    if (*path)
        g_ptr_array_add(refused, "a path");
    if (vl_xml_attr_is(loader, "secure", "no"))
        g_ptr_array_add(refused, "secure='no'");
    if (refused->len) {
        g_ptr_array_add(refused, NULL);
        joined = g_strjoinv(", ", (char **) refused->pdata);
        list = g_strdup_printf("<loader> %s", joined);
        where = loader;
    }
    if (vl_xml_attr(nvram, "template")) {
        char *both = g_strdup_printf("%s%s<nvram template>", list ? list : "", list ? " and " : "");
        g_free(list);
        list = both;
        where = where ? where : nvram;
    }
    if (!where)
        return;
    vl_version_format(m->config->libvirt_version, version, sizeof(version));
    /* Firmware images in qcow2 format (format='qcow2', libvirt 9.2) cannot
     * be used by older releases at all: no fix keeps that firmware. */
    qcow2 = vl_xml_attr_is(loader, "format", "qcow2") || vl_xml_attr_is(nvram, "format", "qcow2");
    f = vl_report(report, where, "<os firmware='%s'>: autoselection with <loader>/<nvram> settings libvirt %s refuses",
                  vl_xml_attr(m->os, "firmware"), version);
    vl_finding_help(f, "leave the choice to autoselection (remove %s), or drop firmware='%s' and configure the "
                       "firmware by hand",
                    list, vl_xml_attr(m->os, "firmware"));
    vl_finding_note(f, "libvirt %s refuses <os firmware='%s'> with %s; libvirt 9.2 made these settings constraints "
                       "of the selection",
                    version, vl_xml_attr(m->os, "firmware"), list);
    if (qcow2)
        vl_finding_note(f, "a firmware image in qcow2 format (format='qcow2') can only be used by libvirt 9.2 and "
                           "later");
    if (qcow2)
        return;

    /* The fix keeps the firmware the file names.  With a pflash loader path,
     * drop autoselection and keep the manual configuration (the path, its
     * NVRAM template); the feature list only steers autoselection and goes
     * with it.  Without a path, only readonly='yes' and type='pflash' can go:
     * they are what autoselection picks for UEFI anyway. */
    if (*path && vl_xml_attr_is(loader, "type", "pflash") && vl_xml_attr_is(m->os, "firmware", "efi")) {
        vl_finding_set_fix(f, "configure the firmware manually: remove firmware='efi' (and the <firmware> "
                              "feature list), keep the <loader> path and <nvram>",
                           "mode", "manual", NULL);
    } else if (!*path && !vl_xml_attr(nvram, "template") && !vl_xml_attr_is(loader, "secure", "no") &&
               vl_xml_attr_is(m->os, "firmware", "efi") &&
               (!vl_xml_attr(loader, "readonly") || vl_xml_attr_is(loader, "readonly", "yes")) &&
               (!vl_xml_attr(loader, "type") || vl_xml_attr_is(loader, "type", "pflash"))) {
        vl_finding_set_fix(f, "remove readonly='yes' and type='pflash', which autoselection implies",
                           "mode", "auto", NULL);
    }
}

const VlRule vl_rule_firmware_autoselect_loader = {
    .id = "firmware-autoselect-loader",
    .category = "firmware",
    .severity = VL_SEVERITY_ERROR,
    .summary = "Firmware autoselection with loader settings libvirt before 9.2 refuses",
    .rationale =
        "<os firmware='efi'> asks libvirt to pick the firmware from QEMU's descriptors. Up to "
        "libvirt 9.1 the choice had to be left entirely to it: a <loader> with readonly, type, a "
        "path or secure='no', or an <nvram> with a template, is refused at define time (\"loader "
        "attribute 'readonly' cannot be specified when firmware autoselection is enabled\", and the "
        "same for type, the path, secure and the template; checked one by one with libvirt 9.0, "
        "which accepts secure='yes', stateless and an NVRAM path). libvirt 9.2 made these settings "
        "constraints of the selection, so configurations written for newer releases, such as the "
        "Windows 11 system of the WindowsKVM build (firmware='efi' with an explicit read-only pflash loader), "
        "fail on Debian 12. The fix keeps the firmware the file names: with a pflash loader path it "
        "drops autoselection and keeps the manual configuration (firmware-secure-boot-smm then adds "
        "the SMM that manual Secure Boot needs); without a path it drops readonly='yes' and "
        "type='pflash', which autoselection implies. A template, secure='no' or readonly='no' "
        "without a path has no fix that keeps the same firmware, nor has a firmware image in qcow2 "
        "format (format='qcow2', which only libvirt 9.2 and later can use).",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (<os firmware='efi'>, machine pc-q35-9.2)",
        "libvirt src/qemu/qemu_firmware.c (firmware autoselection)",
        "https://libvirt.org/formatdomain.html#bios-bootloader",
        "https://gitlab.com/libvirt/libvirt/-/issues/500",
    },
    .fix = VL_FIX_SAFE,
    .refused_by = VL_REFUSED_BY_LIBVIRT,
    .libvirt_error = "cannot be specified when firmware autoselection is enabled",
    .example_bad = "<os firmware='efi'>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' "
                   "type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>\n</os>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <loader readonly='yes' "
                    "type='pflash'>/usr/share/OVMF/OVMF_CODE_4M.fd</loader>\n</os>",
    .check = check,
};
