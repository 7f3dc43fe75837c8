/* qemu-namespace: QEMU pass-through blocks that libvirt will not see. */
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"

static void
check(const VlModel *m, VlReport *report)
{
    for (guint i = 0; i < m->qemu_blocks->len; i++) {
        xmlNodePtr block = g_ptr_array_index(m->qemu_blocks, i);
        const char *name = (const char *) block->name;

        if (vl_xml_is_ns(block, VL_NS_QEMU, name))
            continue;
        if (!block->ns && strchr(name, ':')) {
            g_autofree char *prefix = g_strndup(name, strchr(name, ':') - name);
            g_autofree char *fix = g_strdup_printf("declare xmlns:%s='%s' on <domain>", prefix, VL_NS_QEMU);
            VlFinding *f = vl_report(report, block, "<%s>: the prefix '%s' is not declared", name, prefix);

            vl_finding_help(f, "declare xmlns:%s='%s' on <domain>", prefix, VL_NS_QEMU);
            vl_finding_note(f, "libvirt drops the element and nothing in it reaches QEMU");
            vl_finding_set_fix(f, fix, NULL);
        } else if (!block->ns) {
            g_autofree char *fix = g_strdup_printf("move <%s> into libvirt's QEMU namespace (<qemu:%s>)",
                                                   name, name);
            VlFinding *f = vl_report(report, block, "<%s>: not in libvirt's QEMU namespace, so libvirt ignores it",
                                     name);

            vl_finding_help(f, "write <qemu:%s> and declare xmlns:qemu='%s' on <domain>", name, VL_NS_QEMU);
            vl_finding_set_fix(f, fix, NULL);
        } else {
            g_autofree char *fix = g_strdup_printf("bind %s%s to '%s'",
                                                   block->ns->prefix ? "xmlns:" : "xmlns",
                                                   block->ns->prefix ? (const char *) block->ns->prefix : "",
                                                   VL_NS_QEMU);
            const char *prefix = block->ns->prefix ? (const char *) block->ns->prefix : "";
            VlFinding *f = vl_report(report, block,
                                     "<%s%s%s>: not in libvirt's QEMU namespace, so libvirt silently drops it",
                                     prefix, *prefix ? ":" : "", name);

            vl_finding_help(f, "correct the xmlns declaration");
            vl_finding_note(f, "<%s%s%s> is in namespace '%s', not libvirt's QEMU namespace '%s'", prefix,
                            *prefix ? ":" : "", name, (const char *) block->ns->href, VL_NS_QEMU);
            vl_finding_set_fix(f, fix, NULL);
        }
    }
}

const VlRule vl_rule_qemu_namespace = {
    .id = "qemu-namespace",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "qemu:commandline or qemu:override is not bound to libvirt's QEMU namespace",
    .rationale =
        "libvirt reads pass-through elements (commandline, override, capabilities, deprecation) "
        "only in the namespace http://libvirt.org/schemas/domain/qemu/1.0, whatever prefix binds "
        "it. An undeclared qemu: prefix or a mistyped URI (a trailing slash, https) does not make "
        "libvirt fail: `virsh define` succeeds and the block is gone from the stored definition, "
        "so the arguments never reach QEMU (checked with libvirt 9.0). The rule catalog rates "
        "this an error; nothing refuses it, so it is a warning.",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:commandline and qemu:override need the namespace)",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
        "libvirt src/qemu/qemu_domain.c (QEMU XML namespace)",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<domain type='kvm'>\n  ...\n  <qemu:commandline>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>\n</domain>",
    .example_good = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n  ...\n  <qemu:commandline>\n    <qemu:arg value='-no-hpet'/>\n  </qemu:commandline>\n</domain>",
    .check = check,
};
