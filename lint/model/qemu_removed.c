/* Deprecated and removed QEMU command-line options; see qemu_removed.h. */
#include "lint/model/qemu_removed.h"

#include <string.h>

#include "lint/engine/version.h"

#define Q(major, minor) VL_LIBVIRT(major, minor)

/* "Refused" below means: checked with the QEMU binaries of Debian 12 (7.2),
 * 13 (10.0) and unstable (11.1), which exit at start ("invalid option",
 * "'X' is not a valid device model name", "Invalid parameter 'X'", ...)
 * from the release that removed it on.  A deprecation version of 0 means
 * QEMU's documents do not record one (deprecated before 2.10, or removed
 * without a deprecation entry). */
static const VlQemuGone table[] = {
    /* removed before QEMU 7.2: every release this project targets refuses them */
    { VL_QEMU_GONE_OPTION, "soundhw", NULL, NULL, "-soundhw", Q(5, 1), Q(7, 1), false,
      "a <sound model='ich9'/> (or 'ich6', 'ac97', 'sb16', ...) element, with an <audio> backend",
      "Creating sound card devices using -soundhw (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "balloon", NULL, NULL, "-balloon", 0, Q(3, 1), false,
      "<memballoon model='virtio'/> (or model='none')", "-balloon (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "tdf", NULL, NULL, "-tdf", 0, Q(2, 12), false,
      "<clock><timer name='pit' tickpolicy='delay'/></clock>, which libvirt passes as "
      "-global kvm-pit.lost_tick_policy=delay",
      "-tdf (removed in 2.12)" },
    { VL_QEMU_GONE_OPTION, "no-kvm-pit", NULL, NULL, "-no-kvm-pit", 0, Q(2, 12), false,
      "nothing: it had no effect (the in-kernel PIT cannot be disabled separately from the irqchip)",
      "-no-kvm-pit (removed in 2.12)" },
    { VL_QEMU_GONE_OPTION, "no-kvm-pit-reinjection", NULL, NULL, "-no-kvm-pit-reinjection", 0, Q(3, 0), false,
      "<clock><timer name='pit' tickpolicy='discard'/></clock>, which libvirt passes as "
      "-global kvm-pit.lost_tick_policy=discard",
      "-no-kvm-pit-reinjection (removed in 3.0)" },
    { VL_QEMU_GONE_OPTION, "no-kvm-irqchip", NULL, NULL, "-no-kvm-irqchip", 0, Q(3, 0), false,
      "QEMU's -machine kernel_irqchip=off",
      "-no-kvm-irqchip (removed in 3.0)" },
    { VL_QEMU_GONE_OPTION, "no-kvm", NULL, NULL, "-no-kvm", 0, Q(5, 2), false,
      "<domain type='qemu'> (TCG) instead of type='kvm'", "-no-kvm (removed in 5.2)" },
    { VL_QEMU_GONE_OPTION, "nodefconfig", NULL, NULL, "-nodefconfig", 0, Q(3, 1), false,
      "nothing: libvirt already passes -no-user-config", "-nodefconfig (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "localtime", NULL, NULL, "-localtime", 0, Q(3, 1), false,
      "<clock offset='localtime'/>", "-localtime (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "rtc-td-hack", NULL, NULL, "-rtc-td-hack", 0, Q(3, 1), false,
      "<clock><timer name='rtc' tickpolicy='catchup'/></clock> (QEMU's -rtc driftfix=slew)",
      "-rtc-td-hack (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "startdate", NULL, NULL, "-startdate", 0, Q(3, 1), false,
      "<clock offset='absolute' start='EPOCH-SECONDS'/> (QEMU's -rtc base=DATE)", "-startdate (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "redir", NULL, NULL, "-redir", 0, Q(3, 1), false,
      "<interface type='user'> with <backend type='passt'/> and <portForward> elements, or QEMU's "
      "-netdev user,hostfwd=...",
      "-redir (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "smb", NULL, NULL, "-smb", 0, Q(3, 1), false,
      "a <filesystem> (virtiofs) share, or QEMU's -netdev user,smb=DIR", "-smb (removed in 3.1)" },
    { VL_QEMU_GONE_OPTION, "realtime", NULL, NULL, "-realtime", 0, Q(6, 0), false,
      "<memoryBacking><locked/></memoryBacking> (QEMU's -overcommit mem-lock=on)", "-realtime (removed in 6.0)" },
    { VL_QEMU_GONE_OPTION, "show-cursor", NULL, NULL, "-show-cursor", 0, Q(6, 0), false,
      "QEMU's -display sdl,show-cursor=on (or gtk)", "-show-cursor option (removed in 6.0)" },
    { VL_QEMU_GONE_OPTION, "tb-size", NULL, NULL, "-tb-size", 0, Q(6, 0), false,
      "QEMU's -accel tcg,tb-size=N", "-tb-size option (removed in 6.0)" },
    { VL_QEMU_GONE_OPTION, "no-quit", NULL, NULL, "-no-quit", 0, Q(7, 0), false,
      "QEMU's -display ...,window-close=off", "-no-quit (removed in 7.0)" },
    { VL_QEMU_GONE_OPTION, "enable-fips", NULL, NULL, "-enable-fips", Q(6, 0), Q(7, 1), false,
      "nothing: a QEMU built with gnutls or libgcrypt follows the host's FIPS mode", "--enable-fips (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "writeconfig", NULL, NULL, "-writeconfig", Q(6, 0), Q(7, 1), false,
      "nothing (no replacement)", "-writeconfig (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "sdl", NULL, NULL, "-sdl", Q(6, 2), Q(7, 1), false,
      "<graphics type='sdl'/>", "-sdl (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "curses", NULL, NULL, "-curses", Q(6, 2), Q(7, 1), false,
      "QEMU's -display curses", "-curses (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "alt-grab", NULL, NULL, "-alt-grab", Q(6, 2), Q(7, 1), false,
      "QEMU's -display sdl,grab-mod=lshift-lctrl-lalt", "-alt-grab and -display sdl,alt_grab=on (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "ctrl-grab", NULL, NULL, "-ctrl-grab", Q(6, 2), Q(7, 1), false,
      "QEMU's -display sdl,grab-mod=rctrl", "-ctrl-grab and -display sdl,ctrl_grab=on (removed in 7.1)" },
    { VL_QEMU_GONE_OPTION, "watchdog", NULL, NULL, "-watchdog", Q(6, 2), Q(7, 2), false,
      "<watchdog model='i6300esb'/>", "-watchdog (removed in 7.2)" },
    { VL_QEMU_GONE_TYPE, "device", NULL, "ivshmem", "-device ivshmem", 0, Q(4, 0), false,
      "<shmem name='...'><model type='ivshmem-plain'/><size unit='M'>32</size></shmem>", "ivshmem (removed in 4.0)" },
    { VL_QEMU_GONE_TYPE, "device", NULL, "ide-drive", "-device ide-drive", 0, Q(6, 0), false,
      "a <disk> on bus='ide' (libvirt writes ide-hd or ide-cd)", "ide-drive (removed in 6.0)" },
    { VL_QEMU_GONE_TYPE, "device", NULL, "scsi-disk", "-device scsi-disk", 0, Q(6, 0), false,
      "a <disk> on bus='scsi' (libvirt writes scsi-hd or scsi-cd)", "scsi-disk (removed in 6.0)" },
    { VL_QEMU_GONE_PROPERTY, "net", NULL, "vlan", "-net ...,vlan=", 0, Q(3, 0), false,
      "an <interface> element (QEMU's -netdev with -device ...,netdev=)", "-net ...,vlan=x (removed in 3.0)" },
    { VL_QEMU_GONE_GLOBAL, "global", "isa-fdc", "driveA", "-global isa-fdc.driveA", 0, Q(6, 0), false,
      "<disk device='floppy'> with <target dev='fda' bus='fdc'/>", "Floppy controllers' drive properties (removed in 6.0)" },
    { VL_QEMU_GONE_GLOBAL, "global", "isa-fdc", "driveB", "-global isa-fdc.driveB", 0, Q(6, 0), false,
      "<disk device='floppy'> with <target dev='fdb' bus='fdc'/>", "Floppy controllers' drive properties (removed in 6.0)" },

    /* removed between QEMU 7.2 and 11.1: the target decides */
    { VL_QEMU_GONE_HEX_SIZE, NULL, NULL, NULL, "a hex size with a suffix", Q(6, 0), Q(8, 0), false,
      "the size in decimal with the suffix (32M), or in hexadecimal without one (0x2000000)",
      "Hexadecimal sizes with scaling multipliers (removed in 8.0)" },
    { VL_QEMU_GONE_TYPE, "chardev", NULL, "tty", "-chardev tty", Q(6, 0), Q(8, 0), false,
      "-chardev serial (in XML: <serial type='dev'><source path='/dev/ttyS0'/></serial>)",
      "-chardev backend aliases tty and parport (removed in 8.0)" },
    { VL_QEMU_GONE_TYPE, "chardev", NULL, "parport", "-chardev parport", Q(6, 0), Q(8, 0), false,
      "-chardev parallel (in XML: <parallel type='dev'><source path='/dev/parport0'/></parallel>)",
      "-chardev backend aliases tty and parport (removed in 8.0)" },
    { VL_QEMU_GONE_PROPERTY, "spice", NULL, "password", "-spice password=", Q(6, 0), Q(8, 0), false,
      "<graphics type='spice' passwd='...'/> (libvirt keeps the password off QEMU's command line)",
      "-spice password=string (removed in 8.0)" },
    { VL_QEMU_GONE_TYPE, "device", NULL, "sga", "-device sga", Q(6, 2), Q(8, 0), false,
      "<os><bios useserial='yes'/></os> (QEMU's -machine graphics=off: SeaBIOS 1.11 and later print to the serial "
      "port themselves)",
      "sga (removed in 8.0)" },
    { VL_QEMU_GONE_OPTION, "no-hpet", NULL, NULL, "-no-hpet", Q(8, 0), Q(9, 0), false,
      "<clock><timer name='hpet' present='no'/></clock>, which libvirt passes as -machine hpet=off (or -no-hpet to "
      "a QEMU that has no hpet property)",
      "-no-hpet (removed in 9.0)" },
    { VL_QEMU_GONE_OPTION, "no-acpi", NULL, NULL, "-no-acpi", Q(8, 0), Q(9, 0), false,
      "leaving <acpi/> out of <features> (libvirt then passes -machine acpi=off)", "-no-acpi (removed in 9.0)" },
    { VL_QEMU_GONE_OPTION, "async-teardown", NULL, NULL, "-async-teardown", Q(8, 1), Q(9, 0), false,
      "<features><async-teardown enabled='yes'/></features> (not in libvirt 9.0; in 9.8 and later)",
      "-async-teardown (removed in 9.0)" },
    { VL_QEMU_GONE_OPTION, "chroot", NULL, NULL, "-chroot", Q(8, 1), Q(9, 0), false,
      "QEMU's -run-with chroot=DIR (libvirt already confines QEMU in its own mount namespace)",
      "-chroot (removed in 9.0)" },
    { VL_QEMU_GONE_OPTION, "singlestep", NULL, NULL, "-singlestep", Q(8, 1), Q(9, 0), false,
      "QEMU's -accel tcg,one-insn-per-tb=on", "-singlestep (removed in 9.0)" },
    { VL_QEMU_GONE_SMP_ZERO, "smp", NULL, NULL, "-smp with a member of 0", Q(6, 2), Q(9, 0), false,
      "leaving the member out (QEMU computes it), or <cpu><topology sockets= dies= cores= threads=/> with "
      "values of 1 or more",
      "-smp (\"parameter=0\" SMP configurations) (removed in 9.0)" },
    { VL_QEMU_GONE_PROPERTY, "device", "virtio-blk", "scsi", "-device virtio-blk,scsi=", Q(5, 0), Q(9, 1), false,
      "a <disk device='lun'> on bus='scsi' with a <controller type='scsi' model='virtio-scsi'/> for SCSI "
      "pass-through, else nothing",
      "-device virtio-blk,scsi=on|off (removed in 9.1)" },
    { VL_QEMU_GONE_GLOBAL, "global", "virtio-blk", "scsi", "-global virtio-blk...scsi=", Q(5, 0), Q(9, 1), false,
      "a <disk device='lun'> on bus='scsi' with a <controller type='scsi' model='virtio-scsi'/> for SCSI "
      "pass-through, else nothing",
      "-device virtio-blk,scsi=on|off (removed in 9.1)" },
    { VL_QEMU_GONE_TYPE, "fsdev", NULL, "proxy", "-fsdev proxy", Q(8, 1), Q(9, 2), false,
      "<filesystem type='mount'> with <driver type='virtiofs'/>", "-fsdev proxy and -virtfs proxy (removed in 9.2)" },
    { VL_QEMU_GONE_TYPE, "virtfs", NULL, "proxy", "-virtfs proxy", Q(8, 1), Q(9, 2), false,
      "<filesystem type='mount'> with <driver type='virtiofs'/>", "-fsdev proxy and -virtfs proxy (removed in 9.2)" },
    { VL_QEMU_GONE_OPTION, "runas", NULL, NULL, "-runas", Q(9, 1), Q(10, 0), false,
      "nothing: libvirt already runs QEMU as the user and group of qemu.conf (QEMU's own replacement is "
      "-run-with user=)",
      "-runas (removed in 10.0)" },
    { VL_QEMU_GONE_PROPERTY, "chardev", NULL, "reconnect", "-chardev ...,reconnect=", Q(9, 2), Q(10, 2), false,
      "reconnect-ms= (milliseconds), or libvirt's <reconnect enabled='yes' timeout='N'/> in the character "
      "device's <source>",
      "Character device options: reconnect (removed in 10.2)" },
    { VL_QEMU_GONE_PROPERTY, "netdev", "stream", "reconnect", "-netdev stream,reconnect=", Q(9, 2), Q(10, 2), false,
      "reconnect-ms= (milliseconds)", "Net device options: Stream reconnect (removed in 10.2)" },

    /* deprecated, not removed as of QEMU 11.1 */
    { VL_QEMU_GONE_SHORT_BOOL, NULL, NULL, NULL, "a short-form boolean option", Q(6, 0), 0, false,
      "the explicit KEY=on (KEY=off for noKEY)", "Short-form boolean options (since 6.0)" },
    { VL_QEMU_GONE_OPTION, "mon", NULL, NULL, "-mon", Q(11, 1), 0, false,
      "-object monitor-hmp or monitor-qmp (libvirt's own monitor needs nothing from qemu:commandline)",
      "-mon option (since 11.1)" },

    /* <qemu:env>: read by qemu-env-audio-removed */
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_AUDIO_", "QEMU_AUDIO_*", Q(4, 0), Q(8, 2), true,
      "<audio> (libvirt writes -audiodev)", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_ALSA_", "QEMU_ALSA_*", Q(4, 0), Q(8, 2), true,
      "<audio type='alsa'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_COREAUDIO_", "QEMU_COREAUDIO_*", Q(4, 0), Q(8, 2), true,
      "<audio type='coreaudio'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_DSOUND_", "QEMU_DSOUND_*", Q(4, 0), Q(8, 2), true,
      "<audio>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_OSS_", "QEMU_OSS_*", Q(4, 0), Q(8, 2), true,
      "<audio type='oss'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_PA_", "QEMU_PA_*", Q(4, 0), Q(8, 2), true,
      "<audio type='pulseaudio'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_SDL_", "QEMU_SDL_*", Q(4, 0), Q(8, 2), true,
      "<audio type='sdl'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { VL_QEMU_GONE_ENV, NULL, NULL, "QEMU_WAV_", "QEMU_WAV_*", Q(4, 0), Q(8, 2), true,
      "<audio type='file'>", "QEMU_AUDIO_ environment variables and -audio-help (removed in 8.2)" },
    { 0 },
};

/* Options whose short-form booleans QEMU warns about (QemuOpts; checked:
 * "short-form boolean option 'X' deprecated" from 7.2, 10.0 and 11.1).
 * -machine refuses them outright (keyval), -cpu has its own syntax. */
static const char *const short_bool_options[] = { "device", "netdev", "object", "drive", "chardev",
                                                  "spice",  "vnc",    "fsdev",  NULL };

/* -smp members that must not be 0 */
static const char *const smp_members[] = { "sockets", "dies",    "clusters", "cores", "threads",
                                           "books",   "drawers", "modules",  NULL };

const VlQemuGone *
vl_qemu_gone_table(void)
{
    return table;
}

const VlQemuGone *
vl_qemu_gone_env(const char *name)
{
    for (const VlQemuGone *g = table; name && g->what; g++) {
        if (g->kind == VL_QEMU_GONE_ENV && g_str_has_prefix(name, g->key))
            return g;
    }
    return NULL;
}

const VlQemuGone *
vl_qemu_gone_option_removed(const char *name, unsigned qemu)
{
    for (const VlQemuGone *g = table; name && g->what; g++) {
        if (g->kind == VL_QEMU_GONE_OPTION && strcmp(g->option, name) == 0 && g->removed &&
            (!qemu || g->removed <= qemu))
            return g;
    }
    return NULL;
}

bool
vl_qemu_hex_size_with_suffix(const char *value)
{
    gsize n;

    if (!value || !(g_str_has_prefix(value, "0x") || g_str_has_prefix(value, "0X")))
        return false;
    value += 2;
    n = strspn(value, "0123456789abcdefABCDEF");
    /* B and E are hexadecimal digits: 0x1e is thirty, not an exabyte */
    return n > 0 && value[n] && strchr("kKmMgGtTpP", value[n]) && value[n + 1] == '\0';
}

char *
vl_qemu_short_bool_explicit(const char *key)
{
    /* QEMU reads noKEY as KEY=off, except that the replacement for nodelay is
     * nodelay=on (deprecated.rst: "delay option for socket character devices") */
    if (g_str_has_prefix(key, "no") && key[2] && strcmp(key, "nodelay") != 0)
        return g_strdup_printf("%s=off", key + 2);
    return g_strdup_printf("%s=on", key);
}

static void
add_use(GPtrArray *uses, const VlQemuGone *g, const VlQemuOption *opt, xmlNodePtr node, char *detail)
{
    VlQemuGoneUse *use = g_new0(VlQemuGoneUse, 1);

    use->gone = g;
    use->option = opt;
    use->node = node;
    use->detail = detail;
    g_ptr_array_add(uses, use);
}

static void
use_free(gpointer p)
{
    VlQemuGoneUse *use = p;

    g_free(use->detail);
    g_free(use);
}

/* The node that holds OPT's value, else its option. */
static xmlNodePtr
value_node(const VlQemuOption *opt)
{
    return opt->value_arg ? opt->value_arg : opt->option_arg;
}

/* A bare KEY is a short-form boolean: not the implied first item, not the
 * display of -vnc (its first item), a plain property name. */
static bool
short_bool(const VlQemuOption *opt, guint index, const VlQemuProp *prop)
{
    if (opt->json || prop->value || !g_strv_contains(short_bool_options, opt->name))
        return false;
    /* the first item of -vnc is its display, of -fsdev its driver (QEMU's
     * implied keys); a first bare item of -drive or -spice is a boolean
     * (checked: "-drive readonly,..." and "-spice disable-ticketing,..." warn) */
    if (index == 0 && (strcmp(opt->name, "vnc") == 0 || strcmp(opt->name, "fsdev") == 0))
        return false;
    if (!g_ascii_isalpha(prop->key[0]))
        return false;
    for (const char *c = prop->key; *c; c++) {
        if (!g_ascii_isalnum(*c) && *c != '-' && *c != '_' && *c != '.')
            return false;
    }
    return true;
}

static const char *
first_item(const VlQemuOption *opt)
{
    const VlQemuProp *first;

    if (!opt->props->len)
        return NULL;
    first = g_ptr_array_index(opt->props, 0);
    return first->value ? first->value : first->key;
}

static void
match_option(GPtrArray *uses, const VlQemuOption *opt)
{
    for (const VlQemuGone *g = table; g->what; g++) {
        switch (g->kind) {
        case VL_QEMU_GONE_OPTION:
            if (strcmp(opt->name, g->option) == 0)
                add_use(uses, g, opt, opt->option_arg, NULL);
            break;
        case VL_QEMU_GONE_TYPE: {
            const char *type = first_item(opt);

            /* JSON: the driver member */
            if (opt->json)
                type = vl_qemu_option_get(opt, "driver", NULL);
            if (strcmp(opt->name, g->option) == 0 && type && strcmp(type, g->key) == 0)
                add_use(uses, g, opt, value_node(opt), NULL);
            break;
        }
        case VL_QEMU_GONE_PROPERTY: {
            const char *type = opt->json ? vl_qemu_option_get(opt, "driver", NULL) : first_item(opt);
            bool present = false;
            const char *value;

            if (strcmp(opt->name, g->option) != 0 || (g->type && !(type && g_str_has_prefix(type, g->type))))
                break;
            value = vl_qemu_option_get(opt, g->key, &present);
            if (present)
                add_use(uses, g, opt, value_node(opt),
                        value ? g_strdup_printf("%s=%s", g->key, value) : g_strdup(g->key));
            break;
        }
        case VL_QEMU_GONE_HEX_SIZE:
            for (guint i = 0; i < opt->props->len; i++) {
                const VlQemuProp *prop = g_ptr_array_index(opt->props, i);

                if (vl_qemu_hex_size_with_suffix(prop->value))
                    add_use(uses, g, opt, value_node(opt), g_strdup_printf("%s=%s", prop->key, prop->value));
            }
            break;
        case VL_QEMU_GONE_SMP_ZERO:
            if (strcmp(opt->name, "smp") != 0)
                break;
            for (guint i = 0; i < opt->props->len; i++) {
                const VlQemuProp *prop = g_ptr_array_index(opt->props, i);

                if (prop->value && g_strv_contains(smp_members, prop->key) && strspn(prop->value, "0") > 0 &&
                    prop->value[strspn(prop->value, "0")] == '\0')
                    add_use(uses, g, opt, value_node(opt), g_strdup_printf("%s=%s", prop->key, prop->value));
            }
            break;
        case VL_QEMU_GONE_SHORT_BOOL:
            for (guint i = 0; i < opt->props->len; i++) {
                const VlQemuProp *prop = g_ptr_array_index(opt->props, i);

                if (short_bool(opt, i, prop))
                    add_use(uses, g, opt, value_node(opt), g_strdup(prop->key));
            }
            break;
        case VL_QEMU_GONE_GLOBAL:
        case VL_QEMU_GONE_ENV:
            break;
        }
    }
}

static void
match_global(GPtrArray *uses, const VlQemuGlobal *global)
{
    for (const VlQemuGone *g = table; g->what; g++) {
        if (g->kind == VL_QEMU_GONE_GLOBAL && global->driver && global->prop &&
            g_str_has_prefix(global->driver, g->type) && strcmp(global->prop, g->key) == 0)
            add_use(uses, g, global->option, value_node(global->option),
                    g_strdup_printf("%s.%s=%s", global->driver, global->prop, global->value ? global->value : ""));
    }
}

GPtrArray *
vl_qemu_gone_uses(const VlQemuCmdline *cmdline)
{
    GPtrArray *uses = g_ptr_array_new_with_free_func(use_free);

    for (guint i = 0; i < cmdline->options->len; i++) {
        const VlQemuOption *opt = g_ptr_array_index(cmdline->options, i);

        match_option(uses, opt);
        /* the -global of this option, in order */
        if (strcmp(opt->name, "global") == 0) {
            for (guint k = 0; k < cmdline->globals->len; k++) {
                const VlQemuGlobal *global = g_ptr_array_index(cmdline->globals, k);

                if (global->option == opt)
                    match_global(uses, global);
            }
        }
    }
    return uses;
}
