/* qemu-arg-overrides-libvirt: pass-through options that libvirt already
 * generates from the domain XML. */
#include <stdlib.h>
#include <string.h>

#include "lint/engine/registry.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/engine/version.h"
#include "lint/model/qemu_cmdline.h"
#include "lint/model/qemu_removed.h"
#include "lint/model/effective_cpu.h"

static const struct {
    const char *option;   /* without the dash */
    const char *xml;      /* what to write instead */
} options[] = {
    { "cpu", "<cpu mode='host-passthrough'/> or <cpu><model>, <features><hyperv>/<kvm><hidden state='on'/>, "
             "<feature> elements" },
    { "machine", "<os><type machine='...'> and <features> (<smm>, <vmport>, <ioapic>, <kvm>, ...)" },
    { "smp", "<vcpu> and <cpu><topology sockets= dies= cores= threads=/>" },
    { "m", "<memory> (and <maxMemory> for hotplug)" },
    { "bios", "<os><loader>" },
    { "uuid", "<uuid>" },
    { "rtc", "<clock offset=...> and its <timer> elements" },
    { "boot", "<os><boot dev=.../> or <boot order=.../> on the devices" },
    { "no-hpet", "<clock><timer name='hpet' present='no'/></clock>" },
    { "enable-kvm", "<domain type='kvm'>" },
};

/* QEMU's -m value in bytes: N (MiB), N with a B/K/M/G/T suffix, or
 * size=... among other items; 0 when it cannot be read. */
static guint64
qemu_memory_bytes(const char *value)
{
    g_auto(GStrv) items = g_strsplit(value, ",", -1);

    for (char **item = items; *item; item++) {
        const char *v = *item;
        char *end;
        guint64 n, unit = 1ULL << 20;

        if (g_str_has_prefix(v, "size="))
            v += strlen("size=");
        else if (strchr(v, '=') || item != items)
            continue;
        /* no digits: n is 0, which reads as "unknown" below */
        n = g_ascii_strtoull(v, &end, 10);
        switch (g_ascii_toupper(*end)) {
        case '\0': break;
        case 'B': unit = 1; break;
        case 'K': unit = 1ULL << 10; break;
        case 'M': unit = 1ULL << 20; break;
        case 'G': unit = 1ULL << 30; break;
        case 'T': unit = 1ULL << 40; break;
        default: return 0;
        }
        if (*end && end[1])
            return 0;
        return n * unit;
    }
    return 0;
}

/* The chipset family of a QEMU machine type name. */
static VlMachineFamily
family_of(const char *name)
{
    if (strstr(name, "q35"))
        return VL_MACHINE_Q35;
    if (strcmp(name, "pc") == 0 || g_str_has_prefix(name, "pc-"))
        return VL_MACHINE_I440FX;
    return VL_MACHINE_OTHER;
}

/* A -machine that switches to the other x86 chipset than the XML's;
 * its machine type, or NULL. */
static const char *
machine_switch(const VlModel *m, const VlQemuOption *opt)
{
    const char *type = vl_qemu_option_get(opt, "type", NULL);
    VlMachineFamily want;

    if (!type || (m->machine_family != VL_MACHINE_Q35 && m->machine_family != VL_MACHINE_I440FX))
        return NULL;
    want = family_of(type);
    if ((want == VL_MACHINE_Q35 || want == VL_MACHINE_I440FX) && want != m->machine_family)
        return type;
    return NULL;
}

/* What QEMU makes of libvirt's -smp merged with VALUE (later keys win);
 * NULL when it accepts it, or QEMU's complaint. */
static char *
smp_conflict(const VlModel *m, const VlQemuOption *opt)
{
    guint64 cur = m->vcpus, max = m->vcpus, current = m->vcpus;
    guint64 sockets = m->topology.sockets, dies = m->topology.dies, clusters = 1, cores = m->topology.cores,
            threads = m->topology.threads;
    bool max_given = false;

    if (vl_xml_parse_uint(vl_xml_attr(m->vcpu, "current"), &current) && current < m->vcpus) {
        cur = current;
        max_given = true; /* libvirt passes maxcpus= then */
    }
    for (guint i = 0; i < opt->props->len; i++) {
        const VlQemuProp *prop = g_ptr_array_index(opt->props, i);
        guint64 n;

        if (!prop->value)
            continue;
        if (!vl_xml_parse_uint(prop->value, &n))
            return NULL; /* not something to second-guess */
        if (strcmp(prop->key, "cpus") == 0)
            cur = n;
        else if (strcmp(prop->key, "maxcpus") == 0)
            max = n, max_given = true;
        else if (strcmp(prop->key, "sockets") == 0)
            sockets = n;
        else if (strcmp(prop->key, "dies") == 0)
            dies = n;
        else if (strcmp(prop->key, "clusters") == 0)
            clusters = n;
        else if (strcmp(prop->key, "cores") == 0)
            cores = n;
        else if (strcmp(prop->key, "threads") == 0)
            threads = n;
    }
    if (!max_given)
        max = cur;
    if (sockets * dies * clusters * cores * threads != max)
        return g_strdup_printf("Invalid CPU topology: product of the hierarchy must match maxcpus: sockets (%"
                               G_GUINT64_FORMAT ") * dies (%" G_GUINT64_FORMAT ") * cores (%" G_GUINT64_FORMAT
                               ") * threads (%" G_GUINT64_FORMAT ") != maxcpus (%" G_GUINT64_FORMAT ")",
                               sockets, dies * clusters, cores, threads, max);
    return NULL;
}

/* What of <clock> libvirt writes into its own -cpu (qemuBuildCpuCommandLine):
 * kvmclock=on|off, hv-time for the hypervclock timer, tsc-frequency; NULL
 * when nothing. */
static const char *
clock_in_cpu(const VlModel *m)
{
    /* vl_xml_attr() and vl_xml_attr_is() take a missing timer (NULL) */
    if (vl_xml_attr(vl_model_timer(m, "kvmclock"), "present"))
        return "<timer name='kvmclock'> is set";
    if (vl_xml_attr_is(vl_model_timer(m, "hypervclock"), "present", "yes"))
        return "the hypervclock timer is on";
    if (vl_xml_attr(vl_model_timer(m, "tsc"), "frequency"))
        return "<timer name='tsc' frequency> is set";
    return NULL;
}

/* The properties of a -cpu that libvirt's <cpu> cannot write (OSX-KVM's
 * vendor=GenuineIntel and vmware-cpuid-freq=on, which macOS needs), as
 * "vendor=, vmware-cpuid-freq="; NULL when the XML can say it all. */
static char *
cpu_props_without_xml(const VlQemuOption *opt)
{
    static const char *const only_qemu[] = { "vendor", "vmware-cpuid-freq", "model-id", "family", "stepping",
                                             "level", "xlevel", "min-level", "min-xlevel", "host-cache-info",
                                             "l3-cache" };
    g_autoptr(GString) found = g_string_new(NULL);

    for (guint i = 0; i < opt->props->len; i++) {
        const VlQemuProp *prop = g_ptr_array_index(opt->props, i);

        for (gsize k = 0; k < G_N_ELEMENTS(only_qemu); k++) {
            if (strcmp(prop->key, only_qemu[k]) == 0 && !strstr(found->str, prop->key))
                g_string_append_printf(found, "%s%s=", found->len ? ", " : "", prop->key);
        }
    }
    return found->len ? g_strdup(found->str) : NULL;
}

static void
check(const VlModel *m, VlReport *report)
{
    const VlQemuCmdline *c = vl_qemu_cmdline(m);
    VlEffectiveCpu cpu = vl_effective_cpu(m);

    /* the timers libvirt puts in -cpu count too */
    if (!cpu.libvirt_cpu_matters && (cpu.libvirt_cpu_why = clock_in_cpu(m)))
        cpu.libvirt_cpu_matters = true;

    for (guint i = 0; i < c->options->len; i++) {
        const VlQemuOption *opt = g_ptr_array_index(c->options, i);
        xmlNodePtr arg = opt->option_arg;
        const char *value = vl_qemu_arg_value(arg), *param = opt->value;
        const char *other_machine = NULL;
        g_autofree char *conflict = NULL;
        g_autofree char *only_qemu = NULL;
        VlFinding *f;
        gsize k;

        for (k = 0; k < G_N_ELEMENTS(options); k++) {
            if (strcmp(opt->name, options[k].option) == 0)
                break;
        }
        if (k == G_N_ELEMENTS(options))
            continue;
        /* an option the target QEMU has removed (-no-hpet from 9.0 on) is
         * qemu-arg-removed's: QEMU refuses it before anything is replaced */
        if (vl_qemu_gone_option_removed(opt->name, vl_model_target_qemu(m)))
            continue;
        /* without a <cpu>, Hyper-V flags, <kvm> features, <pmu> or <apic eoi>
         * libvirt's -cpu is the machine's default model at most: a -cpu here
         * (OSX-KVM's Penryn,vendor=GenuineIntel,...) replaces nothing of the XML */
        if (strcmp(opt->name, "cpu") == 0 && !cpu.libvirt_cpu_matters)
            continue;

        if (strcmp(opt->name, "enable-kvm") == 0) {
            conflict = g_strdup("The -accel and \"-machine accel=\" options are incompatible");
        } else if (strcmp(opt->name, "machine") == 0 && param && vl_qemu_option_get(opt, "accel", NULL)) {
            conflict = g_strdup("The -accel and \"-machine accel=\" options are incompatible");
        } else if (strcmp(opt->name, "machine") == 0 && param && (other_machine = machine_switch(m, opt))) {
            conflict = g_strdup_printf("Bus '%s' not found: libvirt placed the devices on the buses of %s, "
                                       "which %s does not have",
                                       m->machine_family == VL_MACHINE_Q35 ? "pcie.0" : "pci.0", m->machine,
                                       other_machine);
        } else if (strcmp(opt->name, "m") == 0 && param && m->memory_kib &&
                   !vl_model_devices(m, "memory")->len &&
                   (!m->config->qemu_version || m->config->qemu_version >= VL_LIBVIRT(5, 0)) &&
                   qemu_memory_bytes(param) && qemu_memory_bytes(param) != m->memory_kib * 1024) {
            /* libvirt gives QEMU 5.0 and later the guest RAM as a memory
             * backend of <memory>'s size (no memory devices: -m is all of it) */
            conflict = g_strdup("Machine memory size does not match the size of the memory backend");
        } else if (strcmp(opt->name, "smp") == 0 && param) {
            conflict = smp_conflict(m, opt);
        }

        if (conflict) {
            f = vl_report_severity(report, VL_SEVERITY_ERROR, arg,
                                   "<qemu:arg value='%s'>: repeats an option libvirt generates, and QEMU exits "
                                   "at start", value);
            vl_finding_note(f, "qemu:arg '%s%s%s' repeats an option libvirt already generates from the domain "
                               "XML; QEMU merges the two and exits at start: \"%s\"",
                            value, param ? " " : "", param ? param : "", conflict);
        } else {
            f = vl_report(report, arg,
                          "<qemu:arg value='%s'>: repeats an option libvirt generates, replacing its settings",
                          value);
            vl_finding_note(f, "qemu:arg '%s%s%s' repeats an option libvirt already generates from the domain "
                               "XML: QEMU takes the later one (or merges them), so libvirt's settings are "
                               "silently replaced and the XML no longer describes the guest",
                            value, param ? " " : "", param ? param : "");
            if (strcmp(opt->name, "cpu") == 0)
                vl_finding_note(f, "libvirt's -cpu carries what the XML says of the CPU (here: %s), all lost: "
                                   "QEMU keeps only the last -cpu, whole", cpu.libvirt_cpu_why);
        }
        if (strcmp(opt->name, "cpu") == 0 && (only_qemu = cpu_props_without_xml(opt)))
            vl_finding_help(f, "libvirt's <cpu> cannot express %s: keep this -cpu and write into it what the XML "
                               "asks of the CPU (or drop that from the XML: it no longer reaches QEMU)",
                            only_qemu);
        else
            vl_finding_help(f, "remove it and use %s", options[k].xml);
    }
}

const VlRule vl_rule_qemu_arg_overrides_libvirt = {
    .id = "qemu-arg-overrides-libvirt",
    .category = "qemu",
    .severity = VL_SEVERITY_WARNING,
    .summary = "A qemu:arg repeats an option libvirt generates itself (-cpu, -machine, -smp, -m, ...)",
    .rationale =
        "libvirt builds -machine, -accel, -cpu, -m, -smp, -uuid, -rtc and -boot from the domain XML, "
        "and qemu:commandline arguments are appended after them. QEMU then either takes the later "
        "option (-cpu: a guide's -cpu host,kvm=off,hv_vendor_id=... replaces libvirt's -cpu and with it "
        "every hv-* flag of <hyperv>) or merges the two, so the running guest no longer matches its "
        "XML. Some combinations make QEMU exit (checked with libvirt 9.0 and QEMU 7.2): -enable-kvm or "
        "-machine accel= next to libvirt's -accel kvm (\"The -accel and \\\"-machine accel=\\\" options are "
        "incompatible\"), -m with another size than <memory> (\"Machine memory size does not match the "
        "size of the memory backend\"), -smp whose merged topology no longer multiplies out (\"Invalid "
        "CPU topology\"); those are errors. Everything these options do has a domain XML form. A -cpu on a "
        "domain with no <cpu>, Hyper-V enlightenments, <kvm> features, <pmu> or <apic eoi> is not reported: "
        "libvirt's own -cpu then carries nothing of the XML (OSX-KVM's -cpu Penryn,... is how macOS boots).",
    .sources = {
        "A Japanese community guide to reinstalling a laptop's OEM Windows 11 under KVM, not published at a public address (qemu:commandline pass-through)",
        "WindowsKVM, a Windows 11 GPU-passthrough reference build (its README), https://github.com/serialexperimentslainnnn/WindowsKVM (vendor_id and kvm hidden expressed in XML, not -cpu)",
        "https://libvirt.org/kbase/qemu-passthrough-security.html",
        "https://libvirt.org/drvqemu.html#pass-through-of-arbitrary-qemu-commands",
    },
    .fix = VL_FIX_NONE,
    .refused_by = VL_REFUSED_BY_QEMU,
    .example_bad = "<qemu:commandline>\n  <qemu:arg value='-cpu'/>\n  <qemu:arg value='host,kvm=off,hv_vendor_id=null'/>\n</qemu:commandline>",
    .example_good = "<features>\n  <hyperv mode='custom'>\n    <vendor_id state='on' value='null'/>\n  </hyperv>\n  <kvm>\n    <hidden state='on'/>\n  </kvm>\n</features>\n<cpu mode='host-passthrough'/>",
    .check = check,
};
