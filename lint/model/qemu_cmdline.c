/* The QEMU command line of <qemu:commandline>; see qemu_cmdline.h. */
#include "lint/model/qemu_cmdline.h"

#include <string.h>

#include <json-c/json.h>

#include "lint/load/xml.h"

/* Options that take no value, from QEMU's qemu-options.hx (the ones
 * without HAS_ARG), current and removed: a value after one of them is the
 * next option or a positional argument, not the option's. */
static const char *const no_value_options[] = {
    "enable-kvm", "nodefaults", "no-hpet", "S", "s", "no-reboot", "no-shutdown", "snapshot", "nographic",
    "no-acpi", "no-user-config", "nodefconfig", "daemonize", "full-screen", "no-fd-bootchk", "no-quit",
    "enable-fips", "win2k-hack", "rtc-td-hack", "no-kvm-pit-reinjection", "no-kvm", "no-kvm-irqchip", "usb",
    "version", "h", "help", "preconfig", "only-migratable", "alt-grab", "ctrl-grab", "semihosting",
    "perfmap", "jitdump", "xen-attach", "sdl", "curses", "portrait", "no-frame", "mem-prealloc",
    "singlestep", "show-cursor", "old-param", "no-quit", "enable-sync-profile", "watchdog-action-none",
    "tdf", "no-kvm-pit", "localtime", "async-teardown",
    NULL,
};

/* The key a first bare item stands for, per option (QEMU's implied_opt_name
 * and the keyval parsers' implied keys).  -rtc and -drive have none. */
static const struct {
    const char *option, *key;
} implied_keys[] = {
    { "device", "driver" }, { "object", "qom-type" }, { "netdev", "type" }, { "net", "type" },
    { "cpu", "model" }, { "machine", "type" }, { "accel", "accel" }, { "chardev", "backend" },
    { "audiodev", "driver" }, { "smp", "cpus" }, { "m", "size" }, { "boot", "order" }, { "numa", "type" },
    { "display", "type" },
};

/* Options whose value may be JSON (QEMU's -device, -object, -netdev and
 * -blockdev accept {...} since 6.x; libvirt itself uses that form). */
static const char *const json_options[] = { "device", "object", "netdev", "blockdev", "audiodev", "display", NULL };

bool
vl_qemu_option_takes_value(const char *name)
{
    return !g_strv_contains(no_value_options, name);
}

static const char *
implied_key(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(implied_keys); i++) {
        if (strcmp(implied_keys[i].option, name) == 0)
            return implied_keys[i].key;
    }
    return NULL;
}

static void
prop_free(gpointer p)
{
    VlQemuProp *prop = p;

    g_free(prop->key);
    g_free(prop->value);
    g_free(prop);
}

static void
add_prop(GPtrArray *props, char *key, char *value)
{
    VlQemuProp *prop = g_new(VlQemuProp, 1);

    prop->key = key;
    prop->value = value;
    g_ptr_array_add(props, prop);
}

GPtrArray *
vl_qemu_keyval_parse(const char *value, const char *implied)
{
    GPtrArray *props = g_ptr_array_new_with_free_func(prop_free);
    GString *item = g_string_new(NULL);
    const char *p = value ? value : "";
    bool first = true;

    /* Items end at a single comma; ",," is a comma inside the item, in keys
     * as in values (QEMU's get_opt_value / keyval's parse). */
    while (true) {
        if (*p == ',' && p[1] == ',') {
            g_string_append_c(item, ',');
            p += 2;
            continue;
        }
        if (*p && *p != ',') {
            g_string_append_c(item, *p++);
            continue;
        }
        if (item->len) {
            char *eq = strchr(item->str, '=');

            if (eq)
                add_prop(props, g_strndup(item->str, eq - item->str), g_strdup(eq + 1));
            else if (first && implied)
                add_prop(props, g_strdup(implied), g_strdup(item->str));
            else
                add_prop(props, g_strdup(item->str), NULL);
        }
        first = false;
        g_string_truncate(item, 0);
        if (!*p)
            break;
        p++;
    }
    g_string_free(item, TRUE);
    return props;
}

static GPtrArray *
json_parse(const char *value, bool *ok)
{
    GPtrArray *props = g_ptr_array_new_with_free_func(prop_free);
    json_object *obj = json_tokener_parse(value);

    /* json-c: a NULL object (a parse error) is of json_type_null only */
    *ok = json_object_is_type(obj, json_type_object);
    if (*ok) {
        json_object_object_foreach(obj, key, member) {
            const char *text;

            if (json_object_is_type(member, json_type_string))
                text = json_object_get_string(member);
            else
                text = json_object_to_json_string_ext(member, JSON_C_TO_STRING_PLAIN);
            add_prop(props, g_strdup(key), g_strdup(text));
        }
    }
    json_object_put(obj);
    return props;
}

static void
option_free(gpointer p)
{
    VlQemuOption *opt = p;

    g_free(opt->name);
    g_ptr_array_unref(opt->props);
    g_free(opt);
}

static void
global_free(gpointer p)
{
    VlQemuGlobal *g = p;

    g_free(g->driver);
    g_free(g->prop);
    g_free(g->value);
    g_free(g);
}

static void
setting_free(gpointer p)
{
    VlQemuSetting *s = p;

    g_free(s->group);
    g_free(s->id);
    g_free(s->prop);
    g_free(s->value);
    g_free(s);
}

const char *
vl_qemu_option_get(const VlQemuOption *option, const char *key, bool *present)
{
    if (present)
        *present = false;
    if (!option)
        return NULL;
    for (guint i = option->props->len; i-- > 0;) {
        VlQemuProp *prop = g_ptr_array_index(option->props, i);
        if (strcmp(prop->key, key) == 0) {
            if (present)
                *present = true;
            return prop->value;
        }
    }
    return NULL;
}

int
vl_qemu_bool(const char *value)
{
    static const char *const yes[] = { "on", "yes", "true", "y", NULL };
    static const char *const no[] = { "off", "no", "false", "n", NULL };

    if (!value)
        return -1;
    if (g_strv_contains(yes, value))
        return 1;
    if (g_strv_contains(no, value))
        return 0;
    return -1;
}

/* -global DRIVER.PROP=VALUE (QEMU's qemu_global_option: the driver ends at
 * the first dot or =, the property at the =), else the keyval form. */
static void
read_global(VlQemuCmdline *c, const VlQemuOption *opt)
{
    const char *v = opt->value, *dot = strpbrk(v, ".="), *eq;
    VlQemuGlobal *g = g_new0(VlQemuGlobal, 1);

    g->option = opt;
    if (dot && *dot == '.' && dot > v && (eq = strchr(dot + 1, '=')) && eq > dot + 1) {
        g->driver = g_strndup(v, dot - v);
        g->prop = g_strndup(dot + 1, eq - dot - 1);
        g->value = g_strdup(eq + 1);
    } else {
        g->driver = g_strdup(vl_qemu_option_get(opt, "driver", NULL));
        g->prop = g_strdup(vl_qemu_option_get(opt, "property", NULL));
        g->value = g_strdup(vl_qemu_option_get(opt, "value", NULL));
    }
    g_ptr_array_add(c->globals, g);
}

/* -set GROUP.ID.PROP=VALUE (qemu_set_option: group and id end at a dot,
 * the property at the =). */
static void
read_set(VlQemuCmdline *c, const VlQemuOption *opt)
{
    const char *v = opt->value, *dot1 = strchr(v, '.'), *dot2, *eq;
    VlQemuSetting *s;

    if (!dot1 || !(dot2 = strchr(dot1 + 1, '.')) || !(eq = strchr(dot2 + 1, '=')))
        return; /* QEMU: "can't parse" */
    s = g_new0(VlQemuSetting, 1);
    s->option = opt;
    s->group = g_strndup(v, dot1 - v);
    s->id = g_strndup(dot1 + 1, dot2 - dot1 - 1);
    s->prop = g_strndup(dot2 + 1, eq - dot2 - 1);
    s->value = g_strdup(eq + 1);
    g_ptr_array_add(c->sets, s);
}

static void
add_hidden(VlQemuCmdline *c, VlQemuHiddenKind kind, const VlQemuOption *opt, const char *driver,
           const char *host)
{
    VlQemuHidden *h = g_new0(VlQemuHidden, 1);

    h->kind = kind;
    h->option = opt;
    h->driver = driver;
    h->host = host;
    g_ptr_array_add(c->hidden, h);
}

static void
read_hidden(VlQemuCmdline *c, const VlQemuOption *opt)
{
    static const char *const drive_shortcuts[] = { "hda", "hdb", "hdc", "hdd", "cdrom", "fda", "fdb", "mtdblock",
                                                   "sd", "pflash", NULL };
    const char *n = opt->name;

    /* opt->value is set: vl_qemu_cmdline_parse() calls this only then */
    if (strcmp(n, "device") == 0) {
        const char *driver = vl_qemu_option_get(opt, "driver", NULL);

        if (g_strcmp0(driver, "vfio-pci") == 0 || g_strcmp0(driver, "vfio-pci-nohotplug") == 0) {
            const char *host = vl_qemu_option_get(opt, "host", NULL);
            add_hidden(c, VL_QEMU_HIDDEN_VFIO_PCI, opt, driver, host ? host : vl_qemu_option_get(opt, "sysfsdev", NULL));
        } else if (g_strcmp0(driver, "usb-host") == 0) {
            const char *host = vl_qemu_option_get(opt, "hostdevice", NULL);
            if (!host)
                host = vl_qemu_option_get(opt, "hostbus", NULL) ? vl_qemu_option_get(opt, "hostaddr", NULL)
                                                                 : vl_qemu_option_get(opt, "vendorid", NULL);
            add_hidden(c, VL_QEMU_HIDDEN_USB_HOST, opt, driver, host);
        } else {
            add_hidden(c, VL_QEMU_HIDDEN_DEVICE, opt, driver, NULL);
        }
    } else if (strcmp(n, "netdev") == 0 || strcmp(n, "net") == 0 || strcmp(n, "nic") == 0) {
        const char *type = vl_qemu_option_get(opt, "type", NULL);
        add_hidden(c, VL_QEMU_HIDDEN_NETDEV, opt, type, vl_qemu_option_get(opt, "ifname", NULL));
    } else if (strcmp(n, "drive") == 0) {
        add_hidden(c, VL_QEMU_HIDDEN_DRIVE, opt, "drive", vl_qemu_option_get(opt, "file", NULL));
    } else if (strcmp(n, "blockdev") == 0) {
        const char *file = vl_qemu_option_get(opt, "filename", NULL);
        if (!file)
            file = vl_qemu_option_get(opt, "file.filename", NULL);
        add_hidden(c, VL_QEMU_HIDDEN_DRIVE, opt, vl_qemu_option_get(opt, "driver", NULL), file);
    } else if (g_strv_contains(drive_shortcuts, n)) {
        add_hidden(c, VL_QEMU_HIDDEN_DRIVE, opt, n, opt->value);
    }
}

/* Merge KEY of OPT into *INTO when OPT gives it. */
static void
merge_key(VlQemuMerged *into, const VlQemuOption *opt, const char *key)
{
    bool present;
    const char *value = vl_qemu_option_get(opt, key, &present);

    if (present && value) {
        into->value = value;
        into->option = opt;
    }
}

static void
merge_machine(VlQemuCmdline *c, const VlQemuOption *opt)
{
    for (guint i = 0; i < opt->props->len; i++) {
        VlQemuProp *prop = g_ptr_array_index(opt->props, i);
        guint k;

        for (k = 0; k < c->machine->len; k++) {
            if (strcmp(((VlQemuProp *) g_ptr_array_index(c->machine, k))->key, prop->key) == 0)
                break;
        }
        if (k < c->machine->len) {
            c->machine->pdata[k] = prop;
            c->machine_from->pdata[k] = (gpointer) opt;
        } else {
            g_ptr_array_add(c->machine, prop);
            g_ptr_array_add(c->machine_from, (gpointer) opt);
        }
    }
}

VlQemuCmdline *
vl_qemu_cmdline_parse(GPtrArray *args)
{
    VlQemuCmdline *c = g_new0(VlQemuCmdline, 1);

    c->options = g_ptr_array_new_with_free_func(option_free);
    c->strays = g_ptr_array_new();
    c->globals = g_ptr_array_new_with_free_func(global_free);
    c->sets = g_ptr_array_new_with_free_func(setting_free);
    c->hidden = g_ptr_array_new_with_free_func(g_free);
    c->machine = g_ptr_array_new();
    c->machine_from = g_ptr_array_new();

    for (guint i = 0; i < args->len; i++) {
        xmlNodePtr arg = g_ptr_array_index(args, i);
        const char *text = vl_xml_attr(arg, "value");
        VlQemuOption *opt;
        const char *name;

        /* QEMU's lookup_opt: "-" or a non-dash argument is a positional
         * argument, the disk image of -hda */
        if (!text || text[0] != '-' || !text[1]) {
            g_ptr_array_add(c->strays, arg);
            continue;
        }
        name = text + (text[1] == '-' ? 2 : 1);
        opt = g_new0(VlQemuOption, 1);
        opt->name = g_strdup(strcmp(name, "M") == 0 ? "machine" : name);
        opt->option_arg = arg;
        opt->takes_value = vl_qemu_option_takes_value(name);
        if (opt->takes_value) {
            if (i + 1 < args->len) {
                opt->value_arg = g_ptr_array_index(args, ++i);
                opt->value = vl_xml_attr(opt->value_arg, "value");
                if (!opt->value)
                    opt->value = "";
            } else {
                opt->missing_value = true;
            }
        }
        if (opt->value && opt->value[0] == '{' && g_strv_contains(json_options, opt->name)) {
            bool ok;
            opt->props = json_parse(opt->value, &ok);
            opt->json = ok;
            opt->json_invalid = !ok;
        } else if (opt->value) {
            opt->props = vl_qemu_keyval_parse(opt->value, implied_key(opt->name));
        } else {
            opt->props = g_ptr_array_new_with_free_func(prop_free);
        }
        g_ptr_array_add(c->options, opt);

        if (!opt->value)
            continue;
        if (strcmp(opt->name, "global") == 0)
            read_global(c, opt);
        else if (strcmp(opt->name, "set") == 0)
            read_set(c, opt);
        else if (strcmp(opt->name, "rtc") == 0) {
            merge_key(&c->rtc_base, opt, "base");
            merge_key(&c->rtc_clock, opt, "clock");
            merge_key(&c->rtc_driftfix, opt, "driftfix");
        } else if (strcmp(opt->name, "cpu") == 0)
            c->cpu = opt;
        else if (strcmp(opt->name, "machine") == 0)
            merge_machine(c, opt);
        else
            read_hidden(c, opt);
    }
    return c;
}

void
vl_qemu_cmdline_free(VlQemuCmdline *c)
{
    if (!c)
        return;
    g_ptr_array_unref(c->machine);
    g_ptr_array_unref(c->machine_from);
    g_ptr_array_unref(c->hidden);
    g_ptr_array_unref(c->sets);
    g_ptr_array_unref(c->globals);
    g_ptr_array_unref(c->strays);
    g_ptr_array_unref(c->options);
    g_free(c);
}

const VlQemuCmdline *
vl_qemu_cmdline(const VlModel *model)
{
    return model->qemu_cmdline;
}

GPtrArray *
vl_qemu_cmdline_options(const VlQemuCmdline *c, const char *name)
{
    GPtrArray *found = g_ptr_array_new();
    const char *want = strcmp(name, "M") == 0 ? "machine" : name;

    for (guint i = 0; i < c->options->len; i++) {
        VlQemuOption *opt = g_ptr_array_index(c->options, i);
        if (strcmp(opt->name, want) == 0)
            g_ptr_array_add(found, opt);
    }
    return found;
}

const VlQemuOption *
vl_qemu_cmdline_last(const VlQemuCmdline *c, const char *name)
{
    const char *want = strcmp(name, "M") == 0 ? "machine" : name;

    for (guint i = c->options->len; i-- > 0;) {
        VlQemuOption *opt = g_ptr_array_index(c->options, i);
        if (strcmp(opt->name, want) == 0)
            return opt;
    }
    return NULL;
}

const char *
vl_qemu_cmdline_machine(const VlQemuCmdline *c, const char *key, const VlQemuOption **option)
{
    if (option)
        *option = NULL;
    for (guint i = 0; i < c->machine->len; i++) {
        VlQemuProp *prop = g_ptr_array_index(c->machine, i);
        if (strcmp(prop->key, key) == 0) {
            if (option)
                *option = g_ptr_array_index(c->machine_from, i);
            return prop->value;
        }
    }
    return NULL;
}
