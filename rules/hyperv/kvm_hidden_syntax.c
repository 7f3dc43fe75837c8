/* hyperv-kvm-hidden-syntax: <kvm hidden='yes'/> is not libvirt syntax; the
 * KVM features are child elements with a state attribute. */
#include <string.h>

#include "lint/model/model.h"
#include "lint/engine/registry.h"
#include "lint/load/xml.h"

/* The children libvirt 9.0's schema knows under <kvm>. */
static const char *const kvm_features[] = { "hidden", "hint-dedicated", "poll-control", "pv-ipi", "dirty-ring", NULL };

static bool
is_kvm_feature(const char *name)
{
    for (gsize i = 0; kvm_features[i]; i++) {
        if (strcmp(kvm_features[i], name) == 0)
            return true;
    }
    return false;
}

/* "on" or "off" for the ways people write a boolean; NULL otherwise. */
static const char *
state_of(const char *value)
{
    static const char *const on[] = { "yes", "on", "true", "1", NULL };
    static const char *const off[] = { "no", "off", "false", "0", NULL };

    for (gsize i = 0; on[i]; i++) { /* as many words each way */
        if (g_ascii_strcasecmp(value, on[i]) == 0)
            return "on";
        if (g_ascii_strcasecmp(value, off[i]) == 0)
            return "off";
    }
    return NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    xmlNodePtr kvm = vl_xml_child(m->features, "kvm");
    g_autoptr(GString) good = g_string_new(NULL);
    g_autoptr(GString) bad = g_string_new(NULL);
    bool fixable = true, hides = false;
    VlFinding *f;

    if (!kvm)
        return;
    for (xmlAttrPtr a = kvm->properties; a; a = a->next) {
        const char *name = (const char *) a->name;
        const char *value = vl_xml_attr(kvm, name);
        const char *state;

        if (a->ns)
            continue;
        g_string_append_printf(bad, " %s='%s'", name, value ? value : "");
        state = value ? state_of(value) : NULL;
        if (!is_kvm_feature(name) || !state) {
            fixable = false;
            continue;
        }
        if (strcmp(name, "hidden") == 0 && strcmp(state, "on") == 0)
            hides = !vl_state_on(vl_xml_child(kvm, "hidden"));
        if (!vl_xml_child(kvm, name))
            g_string_append_printf(good, "<%s state='%s'/>", name, state);
    }
    if (bad->len == 0)
        return;

    /* the attributes as written, in a note when they are too long for a headline */
    if (bad->len <= 48)
        f = vl_report(report, kvm, "<kvm%s>: not libvirt syntax", bad->str);
    else
        f = vl_report(report, kvm, "<kvm>: attributes are not libvirt syntax");
    vl_finding_help(f, "write <kvm>%s</kvm>", good->len ? good->str : "<hidden state='on'/>");
    vl_finding_note(f, "the KVM features are child elements with a state attribute, so libvirt ignores the "
                       "attribute%s (the schema rejects it)",
                    strchr(bad->str + 1, ' ') ? "s" : "");
    if (bad->len > 48)
        vl_finding_note(f, "the element is written <kvm%s>", bad->str);
    if (hides)
        vl_finding_note(f, "KVM stays visible to the guest (QEMU's -cpu gets no kvm=off), so GPU drivers that "
                           "refuse to run in a VM still detect it");
    if (fixable)
        vl_finding_set_fix(f, good->len ? "move the attributes into child elements with a state attribute"
                                        : "remove the attributes the child elements already express",
                           NULL);
}

const VlRule vl_rule_hyperv_kvm_hidden_syntax = {
    .id = "hyperv-kvm-hidden-syntax",
    .category = "hyperv",
    .severity = VL_SEVERITY_WARNING,
    .summary = "KVM features written as attributes of <kvm> (<kvm hidden='yes'/>) are ignored",
    .rationale =
        "libvirt's <kvm> element only has children: <hidden state='on'/> (QEMU's kvm=off, which "
        "hides the KVM signature from CPUID), <hint-dedicated>, <poll-control>, <pv-ipi> and "
        "<dirty-ring>. The WindowsKVM build writes <kvm hidden='yes'/> in its \"Hypervisor hiding\" row while "
        "its own snippet uses the correct <kvm><hidden state='on'/></kvm>. The attribute form "
        "fails schema validation, but a plain virsh define does not validate: libvirt 9.0 "
        "accepts the domain, drops the attribute and leaves an empty <kvm/>, so KVM is not "
        "hidden (checked with virsh define and domxml-to-native: no kvm=off). A GPU driver that "
        "refuses to run under a hypervisor, the reason for the setting, still sees KVM. The fix "
        "writes the child elements; it only turns on what the file already asked for.",
    .sources = {
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Why the VM outperforms bare-metal: Hypervisor hiding <kvm hidden='yes'/>)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (Critical Gotchas: <kvm><hidden state='on'/></kvm>)",
        "libvirt src/conf/schemas/domaincommon.rng (define name='kvm')",
        "https://libvirt.org/formatdomain.html#hypervisor-features",
    },
    .fix = VL_FIX_SAFE,
    .example_bad = "<features>\n  <kvm hidden='yes'/>\n</features>",
    .example_good = "<features>\n  <kvm>\n    <hidden state='on'/>\n  </kvm>\n</features>",
    .check = check,
};
