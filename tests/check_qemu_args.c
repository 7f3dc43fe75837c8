/* Unit tests for lint/model/qemu_args.c, qemu_override.c, aliases.c and
 * sysinfo.c (once the qemu-snapshot-misc rules' helpers): how a -set or
 * qemu:property value is read, which aliases libvirt would generate and
 * which device they name, the ids that qemu:arg -device defines, and the
 * sysinfo helpers the smbios rules share. */
#include "check_util.h"
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "lint/model/model.h"
#include "lint/engine/report.h"
#include "lint/engine/rule.h"
#include "lint/engine/version.h"
#include "lint/load/xml.h"
#include "lint/model/qemu_args.h"
#include "lint/model/qemu_override.h"
#include "lint/model/aliases.h"
#include "lint/model/sysinfo.h"

extern const VlRule vl_rule_smbios_os_attribute;

static VlConfig config;

static Built
build_with(const char *body, const VlConfig *c)
{
    return vl_check_build(" type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'", body, c);
}

static Built
build(const char *body)
{
    return build_with(body, &config);
}

static void
done(Built b)
{
    vl_check_built_free(b);
}

/* --- values of -set device.ID.PROP=VALUE as JSON properties --- */

/* The type and value vl_qemu_property_for_set gives VALUE of an ordinary
 * property, "type:value", or "refused". */
static char *
prop(const char *name, const char *value)
{
    const char *type = NULL;
    g_autofree char *out = NULL;

    if (!vl_qemu_property_for_set(name, value, &type, &out))
        return g_strdup("refused");
    return g_strdup_printf("%s:%s", type, out);
}

#define ck_prop(value, expected)                               \
    do {                                                       \
        g_autofree char *got_ = prop("x-prop", (value));       \
        ck_assert_msg(strcmp(got_, (expected)) == 0, "%s: %s, expected %s", (value), got_, (expected)); \
    } while (0)

START_TEST(test_set_value_types)
{
    /* string properties stay strings, whatever they look like */
    {
        g_autofree char *got = prop("serial", "0x10");
        ck_assert_str_eq(got, "string:0x10");
    }
    ck_prop("on", "bool:true");
    ck_prop("yes", "bool:true");
    ck_prop("off", "bool:false");
    ck_prop("n", "bool:false");
    ck_prop("0", "unsigned:0");
    ck_prop("42", "unsigned:42");
    ck_prop("-5", "signed:-5");
    /* a leading zero is octal to QEMU's legacy parser: ambiguous */
    ck_prop("010", "refused");
    ck_prop("-010", "refused");
    /* words are strings, including ones with a dash or a digit in them */
    ck_prop("pc", "string:pc");
    ck_prop("-", "string:-");
    ck_prop("-x", "string:-x");
    ck_prop("a5", "string:a5");
    ck_prop("a1", "string:a1");
    ck_prop("ab", "string:ab");
    ck_prop("k", "string:k");
    ck_prop("", "string:");
    /* anything else that starts like a number is ambiguous */
    ck_prop("1.5", "refused");
    ck_prop("-1.5", "refused");
    ck_prop("+5", "refused");
    ck_prop("0b1", "refused");
}
END_TEST

START_TEST(test_set_value_hex)
{
    ck_prop("0x1f", "unsigned:31");
    ck_prop("0X1F", "unsigned:31");
    ck_prop("0x1", "unsigned:1");
    ck_prop("0x", "refused");
    ck_prop("0xg", "refused");
    ck_prop("0x1g", "refused");
    /* up to 13 hex digits (15 characters): exact as an XSLT double */
    ck_prop("0x1000000000000", "unsigned:281474976710656");
    ck_prop("0xfffffffffffff", "unsigned:4503599627370495");
    ck_prop("0x10000000000000", "refused");
}
END_TEST

START_TEST(test_set_value_sizes)
{
    ck_prop("1k", "unsigned:1024");
    ck_prop("1K", "unsigned:1024");
    ck_prop("32M", "unsigned:33554432");
    ck_prop("2g", "unsigned:2147483648");
    ck_prop("1T", "unsigned:1099511627776");
    ck_prop("1.5G", "refused");
    ck_prop("010k", "refused");
    ck_prop("ak", "refused");
    /* at most 9 digits */
    ck_prop("123456789k", "unsigned:126419751936");
    ck_prop("1234567890k", "refused");
    /* at most 2^53 */
    ck_prop("8192T", "unsigned:9007199254740992");
    ck_prop("8193T", "refused");
    ck_prop("900000000T", "refused");
    /* 2^24 T is 2^64: it must not wrap around to 0 */
    ck_prop("16777216T", "refused");
    ck_prop("16777217T", "refused");
}
END_TEST

/* --- qemu:property values --- */

START_TEST(test_override_value_valid)
{
    ck_assert(!vl_override_value_valid(NULL, "1"));
    ck_assert(!vl_override_value_valid("unsigned", NULL));
    ck_assert(vl_override_value_valid("string", "anything"));
    ck_assert(vl_override_value_valid("string", ""));
    ck_assert(vl_override_value_valid("bool", "true"));
    ck_assert(vl_override_value_valid("bool", "false"));
    ck_assert(!vl_override_value_valid("bool", "on"));
    ck_assert(vl_override_value_valid("unsigned", "18446744073709551615"));
    ck_assert(!vl_override_value_valid("unsigned", "18446744073709551616"));
    ck_assert(!vl_override_value_valid("unsigned", ""));
    ck_assert(!vl_override_value_valid("unsigned", "-1"));
    ck_assert(!vl_override_value_valid("unsigned", "1k"));
    ck_assert(vl_override_value_valid("signed", "-9223372036854775808"));
    ck_assert(!vl_override_value_valid("signed", "-9223372036854775809"));
    ck_assert(!vl_override_value_valid("signed", ""));
    ck_assert(!vl_override_value_valid("signed", "0x10"));
    ck_assert(vl_override_value_valid("remove", ""));
}
END_TEST

/* vl_override_value_fix(TYPE, VALUE) is EXPECTED (NULL: no fix) */
static void
ck_fix(const char *type, const char *value, const char *expected)
{
    g_autofree char *got = vl_override_value_fix(type, value);

    ck_assert_msg(g_strcmp0(got, expected) == 0, "%s %s: %s, expected %s", type, value, got ? got : "none",
                  expected ? expected : "none");
}

START_TEST(test_override_value_fix)
{
    ck_fix("bool", "on", "true");
    ck_fix("bool", "YES", "true");
    ck_fix("bool", "1", "true");
    ck_fix("bool", "off", "false");
    ck_fix("bool", "0", "false");
    ck_fix("bool", "maybe", NULL);
    ck_fix("unsigned", "0x10", "16");
    ck_fix("unsigned", "0X10", "16");
    ck_fix("signed", "0x10", "16");
    ck_fix("unsigned", "32M", "33554432");
    ck_fix("unsigned", "1k", "1024");
    /* nothing to fix, or nothing certain to fix it with */
    ck_fix("unsigned", "5", NULL);
    ck_fix("unsigned", "0", NULL);
    ck_fix("unsigned", "", NULL);
    ck_fix("unsigned", "on", NULL);
    ck_fix("signed", "-x", NULL);
    ck_fix("unsigned", "k", NULL);
    ck_fix("unsigned", "1.5G", NULL);
    ck_fix("unsigned", "0x10000000000000", NULL);
    ck_fix("unsigned", "16777216T", NULL);
    ck_fix("string", "0x10", NULL);
    ck_fix("remove", "0x10", NULL);
}
END_TEST

/* --- pass-through arguments --- */

START_TEST(test_is_option)
{
    ck_assert(vl_qemu_is_option("-device", "device"));
    ck_assert(vl_qemu_is_option("--device", "device"));
    ck_assert(!vl_qemu_is_option("device", "device"));
    ck_assert(!vl_qemu_is_option("xdevice", "device"));
    ck_assert(!vl_qemu_is_option("-devices", "device"));
    ck_assert(!vl_qemu_is_option("", "device"));
    ck_assert(!vl_qemu_is_option(NULL, "device"));
}
END_TEST

START_TEST(test_parse_set_device)
{
    VlQemuSet set;

    ck_assert(vl_qemu_parse_set_device("device.net0.romfile=a.rom", &set));
    ck_assert_str_eq(set.id, "net0");
    ck_assert_str_eq(set.prop, "romfile");
    ck_assert_str_eq(set.value, "a.rom");
    vl_qemu_set_clear(&set);
    ck_assert(vl_qemu_parse_set_device("device.a.b=", &set));
    ck_assert_str_eq(set.value, "");
    vl_qemu_set_clear(&set);
    ck_assert(vl_qemu_parse_set_device("device.a.b=c=d", &set));
    ck_assert_str_eq(set.prop, "b");
    ck_assert_str_eq(set.value, "c=d");
    vl_qemu_set_clear(&set);
    ck_assert(!vl_qemu_parse_set_device("drive.a.b=c", &set));
    ck_assert(!vl_qemu_parse_set_device("device.net0", &set));
    ck_assert(!vl_qemu_parse_set_device("device.net0=x", &set));
    ck_assert(!vl_qemu_parse_set_device("device..b=c", &set));
    ck_assert(!vl_qemu_parse_set_device("device.a.b", &set));
    ck_assert(!vl_qemu_parse_set_device("device.a.=c", &set));
    ck_assert_ptr_null(set.id);
}
END_TEST

START_TEST(test_device_ids)
{
    Built b = build("<qemu:commandline>"
                    "<qemu:arg value='-netdev'/><qemu:arg value='user,id=net9'/>"
                    "<qemu:arg value='-device'/><qemu:arg value='e1000,netdev=net9,id=nic1'/>"
                    "<qemu:arg value='--device'/><qemu:arg value='virtio-rng-pci,id=rng7,bus=pci.0'/>"
                    "<qemu:arg value='-device'/><qemu:arg value='{\"driver\":\"pvpanic\",\"id\":\"pp\",\"x\":\"a,id=b\"}'/>"
                    "<qemu:arg value='-device'/><qemu:arg value='{\"driver\":\"pvpanic\",\"id\":5}'/>"
                    "<qemu:arg value='-device'/><qemu:arg value=' {\"driver\":\"pvpanic\",\"id\":\"sp\"}'/>"
                    "<qemu:arg value='-object'/><qemu:arg value='{\"qom-type\":\"memory-backend-ram\",\"id\":\"mem\"}'/>"
                    "<qemu:arg value='-device'/><qemu:arg value='[\"id\"]'/>"
                    "</qemu:commandline>");
    GHashTable *legacy = vl_qemu_legacy_device_ids(b.model);
    GHashTable *json = vl_qemu_json_device_ids(b.model);

    ck_assert(g_hash_table_contains(legacy, "nic1"));
    ck_assert(g_hash_table_contains(legacy, "rng7"));
    ck_assert(!g_hash_table_contains(legacy, "net9")); /* a -netdev, not a device */
    ck_assert(!g_hash_table_contains(legacy, "b\"}")); /* inside a JSON string */
    /* a leading space makes QEMU read the legacy syntax, not JSON */
    ck_assert_uint_eq(g_hash_table_size(legacy), 2);
    ck_assert(g_hash_table_contains(json, "pp"));
    ck_assert(!g_hash_table_contains(json, "5")); /* not a string */
    ck_assert(!g_hash_table_contains(json, "sp"));
    ck_assert(!g_hash_table_contains(json, "mem")); /* an -object */
    ck_assert_uint_eq(g_hash_table_size(json), 1);
    g_hash_table_unref(legacy);
    g_hash_table_unref(json);
    done(b);
}
END_TEST

START_TEST(test_versions)
{
    VlConfig c = config;
    Built b;
    g_autofree char *unknown = NULL, *known = NULL;

    c.libvirt_version = VL_LIBVIRT(9, 0);
    c.qemu_version = 0;
    b = build_with("", &c);
    unknown = vl_assumed_versions(b.model);
    ck_assert_str_eq(unknown, "libvirt 9.0.0 with a QEMU of unknown version (assumed 7.0 or later)");
    done(b);
    c.qemu_version = VL_LIBVIRT(7, 2);
    b = build_with("", &c);
    known = vl_assumed_versions(b.model);
    ck_assert_str_eq(known, "libvirt 9.0.0 with QEMU 7.2.0");
    done(b);
}
END_TEST

/* --- aliases --- */

typedef struct {
    bool generated, implicit;
    xmlNodePtr device;
} Alias;

static Alias
alias(Built b, const char *name)
{
    Alias a;

    a.generated = vl_generated_alias(b.model, name, &a.device, &a.implicit);
    return a;
}

/* the value of attribute ATTR of the device NAME names, or "none" */
static const char *
named(Built b, const char *name, const char *attr)
{
    Alias a = alias(b, name);

    ck_assert_msg(a.generated, "%s is not a generated alias", name);
    ck_assert(!a.implicit);
    if (!a.device)
        return "none";
    return vl_xml_attr(a.device, attr) ? vl_xml_attr(a.device, attr) : "?";
}

START_TEST(test_aliases_user_and_lookup)
{
    Built b = build("<devices>\n"
                    "<sound model='ich9'><alias name='ua-snd'/></sound>\n"
                    "<!-- a comment -->\n"
                    "<rng model='virtio'><backend model='random'>/dev/urandom</backend><alias name='rng0'/></rng>\n"
                    "</devices>");
    GHashTable *user = vl_user_aliases(b.model);
    xmlNodePtr rng = vl_device_with_alias(b.model, "rng0");

    ck_assert_uint_eq(g_hash_table_size(user), 1);
    ck_assert_str_eq((const char *) ((xmlNodePtr) g_hash_table_lookup(user, "ua-snd"))->name, "sound");
    ck_assert_ptr_nonnull(rng);
    ck_assert_str_eq((const char *) rng->name, "rng");
    ck_assert_ptr_null(vl_device_with_alias(b.model, "rng1"));
    g_hash_table_unref(user);
    done(b);
}
END_TEST

START_TEST(test_aliases_counted)
{
    Built b = build("<devices>"
                    "<sound model='ich6'><alias name='ua-first'/></sound>"
                    "<sound model='ich9'/>"
                    "<sound model='usb'/>"
                    "</devices>");
    Alias a;

    /* libvirt numbers the sounds without a user alias */
    ck_assert_str_eq(named(b, "sound0", "model"), "ich9");
    ck_assert_str_eq(named(b, "sound1", "model"), "usb");
    ck_assert_str_eq(named(b, "sound2", "model"), "none");
    /* a domain without the device */
    ck_assert_str_eq(named(b, "rng0", "model"), "none");
    ck_assert_str_eq(named(b, "watchdog0", "model"), "none");
    /* only PREFIX and digits */
    a = alias(b, "sound 1");
    ck_assert(!a.generated);
    a = alias(b, "sound1 ");
    ck_assert(!a.generated);
    a = alias(b, "soundx");
    ck_assert(!a.generated);
    done(b);
}
END_TEST

START_TEST(test_aliases_interfaces)
{
    Built b = build("<devices>"
                    "<interface type='network'><source network='default'/><model type='e1000'/></interface>"
                    "<interface type='hostdev'><mac address='52:54:00:00:00:01'/>"
                    "<source><address type='pci' domain='0' bus='3' slot='0' function='1'/></source>"
                    "<alias name='ua-vf'/></interface>"
                    "<interface type='hostdev'><mac address='52:54:00:00:00:02'/>"
                    "<source><address type='pci' domain='0' bus='3' slot='0' function='2'/></source></interface>"
                    "<interface type='bridge'><source bridge='br0'/><model type='virtio'/></interface>"
                    "<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0x5678'/></source></hostdev>"
                    "</devices>");

    /* hostdevN: the hostdev interfaces without a user alias first, then <hostdev> */
    ck_assert_str_eq(named(b, "hostdev0", "type"), "hostdev");
    ck_assert_str_eq(named(b, "hostdev1", "mode"), "subsystem");
    ck_assert_str_eq(named(b, "hostdev2", "type"), "none");
    /* netN: the other interfaces */
    ck_assert_str_eq(named(b, "net0", "type"), "network");
    ck_assert_str_eq(named(b, "net1", "type"), "bridge");
    ck_assert_str_eq(named(b, "net2", "type"), "none");
    done(b);
}
END_TEST

START_TEST(test_aliases_hostdev_after_plain_interface)
{
    Built b = build("<devices>"
                    "<interface type='network'><source network='default'/></interface>"
                    "<interface type='hostdev'><source><address type='pci' domain='0' bus='3' slot='0' function='1'/></source></interface>"
                    "<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0x5678'/></source></hostdev>"
                    "</devices>");

    ck_assert_str_eq(named(b, "hostdev0", "type"), "hostdev");
    ck_assert_str_eq(named(b, "hostdev1", "mode"), "subsystem");
    done(b);
}
END_TEST

#define DISK(bus, dev, file) \
    "<disk type='file' device='disk'><source file='/i/" file "'/><target dev='" dev "' bus='" bus "'/></disk>"

/* the source file of the disk alias NAME names, "none" when it names none */
static const char *
disk_file(Built b, const char *name)
{
    Alias a = alias(b, name);

    ck_assert_msg(a.generated, "%s is not a generated alias", name);
    ck_assert(!a.implicit);
    return a.device ? vl_xml_attr(vl_xml_child(a.device, "source"), "file") : "none";
}

/* A running domain's XML (virsh dumpxml) carries the generated aliases:
 * those devices are numbered all the same. */
START_TEST(test_aliases_live_dump)
{
    Built b = build("<devices>"
                    "<disk type='file' device='disk'><source file='/i/a'/><target dev='vda' bus='virtio'/>"
                    "<alias name='virtio-disk0'/></disk>"
                    "<disk type='file' device='disk'><source file='/i/b'/><target dev='vdb' bus='virtio'/>"
                    "<alias name='virtio-disk1'/></disk>"
                    "<interface type='hostdev'><source><address type='pci' domain='0' bus='3' slot='0' function='1'/>"
                    "</source><alias name='hostdev0'/></interface>"
                    "<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/><product id='0x5678'/></source>"
                    "<alias name='hostdev1'/></hostdev>"
                    "<sound model='ich6'><alias name='sound0'/></sound>"
                    "<sound model='ich9'><alias name='sound1'/></sound>"
                    "</devices>");

    ck_assert_str_eq(disk_file(b, "virtio-disk0"), "/i/a");
    ck_assert_str_eq(disk_file(b, "virtio-disk1"), "/i/b");
    ck_assert_str_eq(named(b, "hostdev0", "type"), "hostdev");
    ck_assert_str_eq(named(b, "hostdev1", "mode"), "subsystem");
    ck_assert_str_eq(named(b, "sound0", "model"), "ich6");
    ck_assert_str_eq(named(b, "sound1", "model"), "ich9");
    done(b);
}
END_TEST

START_TEST(test_aliases_disks)
{
    Built b = build("<devices>" DISK("virtio", "vda", "a") DISK("virtio", "vdab", "ab") DISK("xen", "xvdb", "xb")
                    "<disk type='file' device='disk'><source file='/i/ua'/><target dev='vdb' bus='virtio'/>"
                    "<alias name='ua-b'/></disk>" DISK("virtio", "vdeqxd", "eqxd") DISK("virtio", "vdeqxe", "eqxe")
                    DISK("virtio", "vdmwlvnhj", "long") DISK("sata", "sda", "sata") DISK("usb", "sdc", "usb")
                    "</devices>");
    Alias a;

    /* libvirt's virDiskNameToIndex: vda 0, vdz 25, vdaa 26 */
    ck_assert_str_eq(disk_file(b, "virtio-disk0"), "/i/a");
    ck_assert_str_eq(disk_file(b, "virtio-disk27"), "/i/ab");
    ck_assert_str_eq(disk_file(b, "xen-disk1"), "/i/xb");
    ck_assert_str_eq(disk_file(b, "virtio-disk99999"), "/i/eqxd");
    ck_assert_str_eq(disk_file(b, "usb-disk2"), "/i/usb");
    /* a user alias replaces the generated one */
    ck_assert_str_eq(disk_file(b, "virtio-disk1"), "none");
    ck_assert_str_eq(disk_file(b, "virtio-disk26"), "none");
    /* beyond the indexes looked at */
    ck_assert_str_eq(disk_file(b, "virtio-disk100000"), "none");
    /* vdmwlvnhj is far beyond them (it wraps to 89505 in 32 bits) */
    ck_assert_str_eq(disk_file(b, "virtio-disk89505"), "none");
    /* the bus counts */
    ck_assert_str_eq(disk_file(b, "sd-disk0"), "none");
    ck_assert_str_eq(disk_file(b, "xen-disk0"), "none");
    a = alias(b, "virtio-disk");
    ck_assert(!a.generated);
    done(b);
}
END_TEST

START_TEST(test_aliases_odd_disk_targets)
{
    Built b = build("<devices>"
                    "<disk type='file' device='disk'><source file='/i/nodev'/><target bus='virtio'/></disk>"
                    DISK("virtio", "vd", "bare") DISK("virtio", "vdA", "upper") DISK("virtio", "vdb{", "brace")
                    DISK("virtio", "abc", "noprefix") DISK("virtio", "hdb", "hd") "</devices>");

    /* targets that are no disk name have no index */
    ck_assert_str_eq(disk_file(b, "virtio-disk0"), "none");
    ck_assert_str_eq(disk_file(b, "virtio-disk78"), "none");
    /* any of libvirt's prefixes */
    ck_assert_str_eq(disk_file(b, "virtio-disk1"), "/i/hd");
    done(b);
}
END_TEST

START_TEST(test_aliases_no_disks)
{
    Built b = build("<devices><sound model='ich9'/></devices>");

    ck_assert_str_eq(disk_file(b, "virtio-disk0"), "none");
    ck_assert_str_eq(disk_file(b, "ide0-0-0"), "none");
    done(b);
}
END_TEST

START_TEST(test_aliases_drive_addresses)
{
    Built b = build("<devices>" DISK("sata", "sda", "s") DISK("ide", "hda", "h") "</devices>");
    Alias a;

    /* bus-controller-unit or bus-controller-target-unit: the first disk on the bus */
    ck_assert_str_eq(disk_file(b, "ide0-0-0"), "/i/h");
    ck_assert_str_eq(disk_file(b, "ide0-1-0-1"), "/i/h");
    ck_assert_str_eq(disk_file(b, "sata0-0-0"), "/i/s");
    ck_assert_str_eq(disk_file(b, "scsi0-0-0-0"), "none");
    a = alias(b, "ide0-0");
    ck_assert(!a.generated);
    a = alias(b, "ide0-0-0-0-0");
    ck_assert(!a.generated);
    a = alias(b, "ide0-x-0");
    ck_assert(!a.generated);
    a = alias(b, "xyz0-0-0");
    ck_assert(!a.generated);
    /* the controller itself: added by libvirt, not checked */
    a = alias(b, "ide");
    ck_assert(a.generated && a.implicit);
    ck_assert_ptr_null(a.device);
    done(b);
}
END_TEST

START_TEST(test_aliases_implicit)
{
    Built b = build("<devices><video><model type='vga'/></video></devices>");
    Alias a;

    a = alias(b, "video0");
    ck_assert(a.generated && a.implicit);
    a = alias(b, "video");
    ck_assert(a.generated && a.implicit);
    a = alias(b, "pci.1");
    ck_assert(a.generated && a.implicit);
    a = alias(b, "videox");
    ck_assert(!a.generated && !a.implicit);
    a = alias(b, "mydev");
    ck_assert(!a.generated && !a.implicit);
    ck_assert_ptr_null(a.device);
    done(b);
}
END_TEST

/* --- the smbios rules' fixes --- */

/* <os smbios='host'> beside an <smbios> element of another mode: the fix
 * only drops the attribute, it does not claim to replace it. */
START_TEST(test_smbios_attribute_beside_element)
{
    Built b = build("<os smbios='host'><type arch='x86_64' machine='q35'>hvm</type><smbios mode='emulate'/></os>");
    VlReport report;
    VlFinding *f;

    vl_report_init(&report, b.doc);
    report.rule = &vl_rule_smbios_os_attribute;
    vl_rule_smbios_os_attribute.check(b.model, &report);
    ck_assert_uint_eq(report.findings->len, 1);
    f = g_ptr_array_index(report.findings, 0);
    ck_assert_ptr_nonnull(f->fix);
    ck_assert_str_eq(f->fix->description, "remove the smbios attribute from <os>");
    vl_report_clear(&report);
    done(b);
}
END_TEST

/* --- qemu:override and sysinfo --- */

/* One frontend property of the override device with an alias; the backend
 * does not count. */
START_TEST(test_override_property)
{
    Built b = build("<qemu:override><qemu:device alias='hostdev0'>"
                    "<qemu:backend><qemu:property name='x-vga' type='bool' value='false'/></qemu:backend>"
                    "<qemu:frontend><qemu:property name='rombar' type='unsigned' value='0'/>"
                    "<qemu:property name='x-vga' type='bool' value='true'/></qemu:frontend>"
                    "</qemu:device></qemu:override>");
    xmlNodePtr prop = vl_override_property(b.model, "hostdev0", "x-vga");

    ck_assert_ptr_nonnull(prop);
    ck_assert_str_eq(vl_xml_attr(prop, "value"), "true");
    ck_assert_ptr_null(vl_override_property(b.model, "hostdev1", "x-vga"));
    ck_assert_ptr_null(vl_override_property(b.model, "hostdev0", "romfile"));
    ck_assert_ptr_null(vl_override_property(b.model, NULL, "x-vga"));
    done(b);
}
END_TEST

/* A hostdev's QEMU alias: its user alias, else hostdevN by document order;
 * unknown once an <interface type='hostdev'> takes part in the numbering. */
START_TEST(test_hostdev_alias)
{
    Built b = build("<devices><hostdev mode='subsystem' type='usb'/>"
                    "<hostdev mode='subsystem' type='pci'><alias name='ua-gpu'/></hostdev>"
                    "<hostdev mode='subsystem' type='pci'/></devices>");
    GPtrArray *hostdevs = vl_model_devices(b.model, "hostdev");
    g_autofree char *first = vl_hostdev_alias(b.model, g_ptr_array_index(hostdevs, 0));
    g_autofree char *user = vl_hostdev_alias(b.model, g_ptr_array_index(hostdevs, 1));
    g_autofree char *third = vl_hostdev_alias(b.model, g_ptr_array_index(hostdevs, 2));

    ck_assert_str_eq(first, "hostdev0");
    ck_assert_str_eq(user, "ua-gpu");
    ck_assert_str_eq(third, "hostdev2");
    done(b);
    b = build("<devices><interface type='hostdev'/><hostdev mode='subsystem' type='pci'/></devices>");
    hostdevs = vl_model_devices(b.model, "hostdev");
    ck_assert_ptr_null(vl_hostdev_alias(b.model, g_ptr_array_index(hostdevs, 0)));
    done(b);
}
END_TEST

START_TEST(test_override_properties)
{
    Built b = build("<qemu:override><qemu:device alias='ua-x'>"
                    "<qemu:frontend><qemu:property name='a' type='string' value='1'/>"
                    "<qemu:other/><qemu:property name='b' type='string' value='2'/></qemu:frontend>"
                    "<qemu:backend><qemu:property name='c' type='string' value='3'/></qemu:backend>"
                    "<qemu:frontend><qemu:property name='d' type='remove'/></qemu:frontend>"
                    "</qemu:device></qemu:override>");
    xmlNodePtr device = NULL;
    GPtrArray *props;

    for (xmlNodePtr n = b.model->root->children; n && !device; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *) n->name, "override") == 0)
            device = xmlFirstElementChild(n);
    }
    ck_assert_ptr_nonnull(device);
    props = vl_override_properties(device);
    ck_assert_uint_eq(props->len, 3);
    ck_assert_str_eq(vl_xml_attr(g_ptr_array_index(props, 0), "name"), "a");
    ck_assert_str_eq(vl_xml_attr(g_ptr_array_index(props, 1), "name"), "b");
    ck_assert_str_eq(vl_xml_attr(g_ptr_array_index(props, 2), "name"), "d");
    g_ptr_array_unref(props);
    done(b);
}
END_TEST

START_TEST(test_smbios_sysinfo)
{
    Built b = build("<sysinfo type='fwcfg'><entry name='opt/a'>x</entry></sysinfo>"
                    "<memoryBacking type='smbios'/>"
                    "<sysinfo type='smbios'>\n  <bios/>\n  <system><entry name='vendor'>v</entry></system>\n</sysinfo>");
    xmlNodePtr sysinfo = vl_smbios_sysinfo(b.model);

    ck_assert_ptr_nonnull(sysinfo);
    ck_assert_str_eq(vl_xml_attr(sysinfo, "type"), "smbios");
    ck_assert(vl_sysinfo_has_content(sysinfo));
    done(b);
    b = build("<sysinfo type='smbios'>\n  <bios/>\n  <chassis></chassis>\n</sysinfo>");
    ck_assert(!vl_sysinfo_has_content(vl_smbios_sysinfo(b.model)));
    done(b);
    b = build("<sysinfo type='fwcfg'><entry name='opt/a'>x</entry></sysinfo>");
    ck_assert_ptr_null(vl_smbios_sysinfo(b.model));
    ck_assert(!vl_sysinfo_has_content(NULL));
    done(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("qemu_args");
    TCase *tc = tcase_create("core");

#ifdef M_PERTURB
    /* fresh heap memory is not zero: a read past the end of an array shows */
    mallopt(M_PERTURB, 0xa5);
#endif
    /* a GLib precondition failure (NULL passed to g_str_has_prefix...) is a bug */
    g_log_set_always_fatal(G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_FATAL_MASK);
    vl_config_init(&config);
    tcase_add_test(tc, test_set_value_types);
    tcase_add_test(tc, test_set_value_hex);
    tcase_add_test(tc, test_set_value_sizes);
    tcase_add_test(tc, test_override_value_valid);
    tcase_add_test(tc, test_override_value_fix);
    tcase_add_test(tc, test_is_option);
    tcase_add_test(tc, test_parse_set_device);
    tcase_add_test(tc, test_device_ids);
    tcase_add_test(tc, test_versions);
    tcase_add_test(tc, test_aliases_user_and_lookup);
    tcase_add_test(tc, test_aliases_counted);
    tcase_add_test(tc, test_aliases_interfaces);
    tcase_add_test(tc, test_aliases_hostdev_after_plain_interface);
    tcase_add_test(tc, test_aliases_live_dump);
    tcase_add_test(tc, test_aliases_disks);
    tcase_add_test(tc, test_aliases_odd_disk_targets);
    tcase_add_test(tc, test_aliases_no_disks);
    tcase_add_test(tc, test_aliases_drive_addresses);
    tcase_add_test(tc, test_aliases_implicit);
    tcase_add_test(tc, test_smbios_attribute_beside_element);
    tcase_add_test(tc, test_override_properties);
    tcase_add_test(tc, test_override_property);
    tcase_add_test(tc, test_hostdev_alias);
    tcase_add_test(tc, test_smbios_sysinfo);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
