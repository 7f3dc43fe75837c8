/* qemu-arg-host-file: files QEMU opens because of pass-through arguments,
 * which libvirt neither labels nor lets QEMU read. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/model/qemu_override.h"
#include "lint/model/qemu_cmdline.h"

/* Directories the stock AppArmor abstraction (libvirt-qemu) and SELinux
 * policy let every QEMU read: firmware and ROM images. */
static const char *const readable_dirs[] = {
    "/usr/share/qemu/", "/usr/share/qemu-kvm/", "/usr/share/kvm/", "/usr/share/OVMF/", "/usr/share/ovmf/",
    "/usr/share/AAVMF/", "/usr/share/edk2-ovmf/", "/usr/share/edk2/", "/usr/share/qemu-efi/",
    "/usr/share/seabios/", "/usr/share/sgabios/", "/usr/share/vgabios/", "/usr/lib/ipxe/", NULL,
};

static bool
readable(const char *path)
{
    for (int i = 0; readable_dirs[i]; i++) {
        if (g_str_has_prefix(path, readable_dirs[i]) && !strstr(path, "/../"))
            return true;
    }
    return false;
}

/* What to use instead, for a file given to OPTION (-acpitable, ...) under KEY. */
static const char *
instead(const char *option, const char *key)
{
    if (g_strcmp0(option, "acpitable") == 0)
        return "for a SLIC table use <os><acpi><table type='slic'>PATH</table></acpi></os>, which libvirt "
               "labels and adds to the AppArmor profile (libvirt 9.0 accepts one table, of type slic); for "
               "other tables (MSDM) grant QEMU access yourself: a rule in "
               "/etc/apparmor.d/local/abstractions/libvirt-qemu, or an SELinux label such as virt_content_t";
    if (g_strcmp0(option, "smbios") == 0)
        return "set the SMBIOS fields with <sysinfo type='smbios'> and <os><smbios mode='sysinfo'/></os>, "
               "from which libvirt builds -smbios itself, or grant QEMU access to the dump yourself";
    if (g_strcmp0(key, "evdev") == 0)
        return "pass the input device natively (libvirt 7.4 and later), which also opens the cgroup device "
               "list for it: <input type='evdev'><source dev='PATH' grab='all' repeat='on'/></input>";
    if (g_strcmp0(key, "romfile") == 0)
        return "put the ROM under /usr/share/qemu/ (readable by QEMU under the stock AppArmor and SELinux "
               "policies) and name it in <rom file='...'/> of the device";
    if (g_strcmp0(option, "bios") == 0)
        return "use <os><loader>, which libvirt labels";
    if (g_strcmp0(option, "kernel") == 0 || g_strcmp0(option, "initrd") == 0)
        return "use <os><kernel>/<initrd>, which libvirt labels";
    if (g_strcmp0(option, "drive") == 0)
        return "define it as a <disk>, which libvirt labels";
    if (g_strcmp0(key, "stray") == 0)
        return "if it is a disk image, define it as a <disk>, which libvirt labels; if it was meant as an "
               "option's value, put it right after that option";
    return "use the domain XML for it where libvirt has an element, or grant QEMU access yourself (AppArmor "
           "local override, SELinux label)";
}

static void
report_file(VlReport *report, xmlNodePtr node, const char *what, const char *path, const char *option,
            const char *key)
{
    VlFinding *f = vl_report(report, node, "<%s%s>: makes QEMU open a file libvirt does not know about",
                             vl_xml_is_ns(node, VL_NS_QEMU, "property") ? "qemu:property name='" : "qemu:arg",
                             vl_xml_is_ns(node, VL_NS_QEMU, "property") ? "romfile'" : "");

    vl_finding_help(f, "%s", instead(option, key));
    vl_finding_note(f, "%s makes QEMU open %s: libvirt neither labels it for SELinux, adds it to the domain's "
                       "AppArmor profile, nor hands it to the QEMU user",
                    what, path);
    vl_finding_note(f, "on a confined host QEMU fails to start (\"Permission denied\")");
}

static void
check(const VlModel *m, VlReport *report)
{
    static const char *const path_options[] = { "bios", "kernel", "initrd", "dtb", NULL };
    static const char *const file_keys[] = { "file", "romfile", "evdev", NULL };
    const VlQemuCmdline *c = vl_qemu_cmdline(m);

    /* each option's value as QEMU reads it: keyval (",," is a comma) or
     * JSON members, whichever the option was given */
    for (guint i = 0; i < c->options->len; i++) {
        const VlQemuOption *opt = g_ptr_array_index(c->options, i);
        g_autofree char *what = NULL;

        /* a value that starts with { but is no JSON object (json_invalid)
         * needs no test here: it has no props, and only -device, -object,
         * -netdev, -blockdev, -audiodev and -display are read as JSON,
         * none of them a path option */
        if (!opt->value || !*opt->value)
            continue;
        what = g_strdup_printf("qemu:arg '%s'", opt->value);
        if (g_strv_contains(path_options, opt->name)) {
            /* QEMU would take "-kernel -nodefaults" as a kernel named
             * -nodefaults, but that is a missing value, not a file */
            if (opt->value[0] != '-' && !readable(opt->value))
                report_file(report, opt->value_arg, what, opt->value, opt->name, NULL);
            continue;
        }
        for (guint j = 0; j < opt->props->len; j++) {
            const VlQemuProp *prop = g_ptr_array_index(opt->props, j);

            /* JSON: only romfile and evdev name files (a "file" member of
             * -blockdev is an object) */
            if (!prop->value || !*prop->value || !g_strv_contains(file_keys, prop->key) ||
                (opt->json && (strcmp(prop->key, "file") == 0 || strcmp(prop->value, "null") == 0)))
                continue;
            if (!readable(prop->value)) {
                report_file(report, opt->value_arg, what, prop->value, opt->name, prop->key);
                break;
            }
        }
    }
    /* an argument no option takes is a disk image to QEMU (its -hda) */
    for (guint i = 0; i < c->strays->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(c->strays, i);
        const char *value = vl_qemu_arg_value(arg);
        g_autofree char *what = g_strdup_printf("qemu:arg '%s', which no option takes,", value);

        if (*value && strcmp(value, "-") != 0 && !readable(value))
            report_file(report, arg, what, value, NULL, "stray");
    }
    for (guint i = 0; i < m->qemu_override_devices->len; i++) {
        xmlNodePtr dev = g_ptr_array_index(m->qemu_override_devices, i);
        g_autoptr(GPtrArray) props = vl_override_properties(dev);

        for (guint j = 0; j < props->len; j++) {
            xmlNodePtr prop = g_ptr_array_index(props, j);
            const char *path = vl_xml_attr(prop, "value");
            g_autofree char *what = NULL;

            if (!vl_xml_attr_is(prop, "name", "romfile") || !path || !*path || readable(path))
                continue;
            what = g_strdup_printf("qemu:property romfile of alias '%s'", vl_xml_attr(dev, "alias"));
            report_file(report, prop, what, path, NULL, "romfile");
        }
    }
}

const VlRule vl_rule_qemu_arg_host_file = {
    .id = "qemu-arg-host-file",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A pass-through argument or override makes QEMU open a file libvirt does not manage",
    .rationale =
        "Before it starts QEMU, libvirt grants access to every file the domain XML names: it sets "
        "SELinux labels, writes the paths into the domain's AppArmor profile and hands the files to the "
        "QEMU user. Files named only in qemu:arg values (-acpitable file=, -smbios file=, romfile=, "
        "-bios, -drive file=, input-linux evdev=, and an argument no option takes, which QEMU opens as its first "
        "hard disk image) or in a romfile override get none of that, so QEMU cannot open them on a "
        "confined host, least of all under /home (checked with libvirt 9.0 and plain DAC: QEMU, run as "
        "libvirt-qemu, exits with \"-acpitable file=...: can't open file ...: Permission denied\"). The Japanese reinstall guide passes its OEM SLIC, MSDM and SMBIOS dumps "
        "from /home this way and hits AppArmor on Ubuntu 24.04; its attempted workaround edits the "
        "packaged abstraction and runs apparmor_parser on it, which fails because an abstraction is not "
        "a profile (local additions belong in /etc/apparmor.d/local/abstractions/libvirt-qemu). Native "
        "XML avoids the problem where it exists: <os><acpi><table type='slic'> (labelled by libvirt's "
        "DAC, SELinux and AppArmor drivers), <sysinfo> for SMBIOS fields, <os><loader>, <disk>, <input type='evdev'> (for evdev devices, which libvirt also adds to the "
        "cgroup device list). Files "
        "under the firmware directories the stock policies allow (/usr/share/qemu, OVMF, SeaBIOS, ...) "
        "are not reported.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (ライセンス情報をダンプ: -acpitable/-smbios from /home, AppArmor)",
        "libvirt src/security/virt-aa-helper.c, security_selinux.c, security_dac.c (slic_table labelling)",
        "https://libvirt.org/formatdomain.html#operating-system-booting (acpi table)",
        "https://libvirt.org/kbase/qemu-passthrough-security.html",
    },
    .fix = VL_FIX_NONE,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-acpitable'/>\n  <qemu:arg value='file=/home/user/win11/slic.bin'/>\n</qemu:commandline>",
    .example_good = "<os>\n  <type arch='x86_64' machine='q35'>hvm</type>\n  <acpi>\n    <table type='slic'>/var/lib/libvirt/qemu/oem/slic.bin</table>\n  </acpi>\n</os>",
    .check = check,
};
