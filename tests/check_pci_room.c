/* Unit tests for lint/model/pci_room.c: whether a fix may add a PCI device
 * (a machine with PCI, a free slot on bus 0 or another PCI controller). */
#include "check_util.h"
#include <string.h>

#include "lint/model/model.h"
#include "lint/load/xml.h"
#include "lint/model/pci_room.h"

static VlConfig config;

static Built
build(const char *body)
{
    return vl_check_build(" type='kvm'", body, &config);
}

static void
done(Built b)
{
    vl_check_built_free(b);
}

static bool
machine_without_pci(const char *arch, const char *machine)
{
    g_autofree char *os = machine ? g_strdup_printf("<os><type arch='%s' machine='%s'>hvm</type></os>", arch, machine)
                                  : g_strdup_printf("<os><type arch='%s'>hvm</type></os>", arch);
    Built b = build(os);
    bool without = vl_pci_machine_without_pci(b.model);

    done(b);
    return without;
}

START_TEST(test_machines_without_pci)
{
    ck_assert(machine_without_pci("x86_64", "isapc"));
    ck_assert(machine_without_pci("i686", "isapc"));
    ck_assert(machine_without_pci("x86_64", "microvm"));
    ck_assert(machine_without_pci("x86_64", "microvm-test"));
    ck_assert(!machine_without_pci("x86_64", "pc-q35-8.2"));
    ck_assert(!machine_without_pci("x86_64", "pc-i440fx-8.2"));
    /* no machine: libvirt picks the default, which has PCI */
    ck_assert(!machine_without_pci("x86_64", NULL));
    /* isapc and microvm are x86 machine types; other architectures' are not read */
    ck_assert(!machine_without_pci("aarch64", "isapc"));
    ck_assert(!machine_without_pci("aarch64", "microvm"));
}
END_TEST

/* A q35 domain whose bus 0 slots 1-31 hold a device each, except SKIP
 * (0: none skipped), followed by EXTRA. */
static Built
bus0(int skip, const char *extra)
{
    GString *body = g_string_new("<os><type arch='x86_64' machine='pc-q35-8.2'>hvm</type></os><devices>");

    for (int slot = 1; slot <= 31; slot++) {
        if (slot != skip)
            g_string_append_printf(body,
                                   "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x%02x' "
                                   "function='0x0'/></sound>",
                                   slot);
    }
    g_string_append_printf(body, "%s</devices>", extra);
    g_autofree char *text = g_string_free(body, FALSE);
    return build(text);
}

static bool
full(int skip, const char *extra)
{
    Built b = bus0(skip, extra);
    bool is_full = vl_pci_bus0_full(b.model);

    done(b);
    return is_full;
}

START_TEST(test_bus0_full)
{
    ck_assert(full(0, ""));
    ck_assert(!full(5, ""));
    ck_assert(!full(1, ""));
    ck_assert(!full(31, ""));
    /* slot 0 is the host bridge's, and no slot 32 exists: neither fills slot 5, nor spoils a full bus */
    ck_assert(!full(5, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x00' "
                       "function='0x0'/></sound>"));
    ck_assert(!full(5, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x20' "
                       "function='0x0'/></sound>"));
    ck_assert(full(0, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x00' "
                      "function='0x0'/></sound>"));
    ck_assert(full(0, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x20' "
                      "function='0x0'/></sound>"));
    /* ... nor does slot 5 of another bus or PCI domain, or a DIMM slot */
    ck_assert(!full(5, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x01' slot='0x05' "
                       "function='0x0'/></sound>"));
    ck_assert(!full(5, "<sound model='ich9'><address type='pci' domain='0x0001' bus='0x00' slot='0x05' "
                       "function='0x0'/></sound>"));
    ck_assert(!full(5, "<memory model='dimm'><target><size unit='GiB'>1</size><node>0</node></target>"
                       "<address type='dimm' slot='5'/></memory>"));
    /* an extra function of a taken slot changes nothing */
    ck_assert(full(0, "<sound model='ich9'><address type='pci' domain='0x0000' bus='0x00' slot='0x05' "
                      "function='0x1'/></sound>"));
    /* another PCI controller has room; the root (index 0 or none) and other controllers do not count */
    ck_assert(!full(0, "<controller type='pci' index='1' model='pci-bridge'/>"));
    ck_assert(full(0, "<controller type='pci' index='0' model='pcie-root'/>"));
    ck_assert(full(0, "<controller type='pci' model='pcie-root'/>"));
    ck_assert(full(0, "<controller type='usb' index='1' model='qemu-xhci'/>"));
}
END_TEST

START_TEST(test_no_devices_no_full_bus)
{
    Built b = build("<os><type arch='x86_64' machine='pc-q35-8.2'>hvm</type></os>");

    ck_assert(!vl_pci_bus0_full(b.model));
    ck_assert_ptr_null(vl_pci_no_room_reason(b.model));
    done(b);
}
END_TEST

START_TEST(test_no_room_reason)
{
    Built b = build("<os><type arch='x86_64' machine='isapc'>hvm</type></os><devices/>");

    ck_assert_str_eq(vl_pci_no_room_reason(b.model), "the machine type has no PCI bus");
    done(b);
    b = bus0(0, "");
    ck_assert_str_eq(vl_pci_no_room_reason(b.model), "every slot of PCI bus 0 is taken and there is no bridge");
    done(b);
    b = bus0(7, "");
    ck_assert_ptr_null(vl_pci_no_room_reason(b.model));
    done(b);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("pci_room");
    TCase *tc = tcase_create("core");

    vl_config_init(&config);
    tcase_add_test(tc, test_machines_without_pci);
    tcase_add_test(tc, test_bus0_full);
    tcase_add_test(tc, test_no_devices_no_full_bus);
    tcase_add_test(tc, test_no_room_reason);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
