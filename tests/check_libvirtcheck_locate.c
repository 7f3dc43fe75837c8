/* Unit tests for lint/host/libvirtcheck_locate.c: real libvirt error messages,
 * from the EXPECTED_ERRORS.tsv of libvirt 9.8's and 11.3's test suites
 * (../shared/corpus), against small domains, must point at the element
 * they are about.  Each document marks the expected element on a line of
 * its own, ending in "<!-- here -->". */
#include "check_util.h"
#include <string.h>

#include <libxml/parser.h>

#include "lint/host/libvirtcheck_locate.h"
#include "lint/load/xml.h"

/* Locate MESSAGE in the domain BODY and check the line it names is the one
 * marked <!-- here --> (or the <domain> line, 1, when none is marked). */
static void
expect_at(const char *body, const char *message)
{
    g_autofree char *text = g_strdup_printf("<domain type='kvm'>\n<name>t</name>\n%s\n</domain>\n", body);
    xmlDocPtr doc = xmlReadMemory(text, (int) strlen(text), "t.xml", NULL, XML_PARSE_NONET);
    g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
    xmlNodePtr found;
    int want = 1;

    ck_assert_ptr_nonnull(doc);
    for (int i = 0; lines[i]; i++)
        if (strstr(lines[i], "<!-- here -->"))
            want = i + 1;
    found = vl_libvirt_check_locate(xmlDocGetRootElement(doc), message);
    ck_assert_ptr_nonnull(found);
    ck_assert_msg(vl_xml_line(found) == want, "\"%s\": located at line %d (<%s>), expected line %d (%s)", message,
                  vl_xml_line(found), (const char *) found->name, want, lines[want - 1]);
    xmlFreeDoc(doc);
}

START_TEST(test_pci_address)
{
    /* the second use is the conflict; a missing bus or domain is 0 */
    expect_at("<devices>\n"
              "<controller type='ide' index='0'>\n"
              "<address type='pci' domain='0x0000' bus='0x00' slot='0x01' function='0x1'/>\n"
              "</controller>\n"
              "<disk type='file' device='disk'><target dev='vda' bus='virtio'/>\n"
              "<address type='pci' slot='1' function='1'/> <!-- here -->\n"
              "</disk>\n"
              "</devices>",
              "XML error: Attempted double use of PCI Address 0000:00:01.1");
    expect_at("<devices>\n"
              "<controller type='pci' index='0' model='pcie-root'/>\n"
              "<controller type='pci' index='1' model='pcie-root-port'/>\n"
              "<interface type='user'><model type='e1000'/>\n"
              "<address type='pci' domain='0x0000' bus='0x01' slot='0x00' function='0x0'/> <!-- here -->\n"
              "</interface>\n"
              "</devices>",
              "XML error: The device at PCI address 0000:01:00.0 needs to be an integrated device (bus=0)");
}
END_TEST

START_TEST(test_usb_and_ccw_addresses)
{
    expect_at("<devices>\n"
              "<input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>\n"
              "<input type='mouse' bus='usb'>\n"
              "<address type='usb' bus='0' port='1'/> <!-- here -->\n"
              "</input>\n"
              "</devices>",
              "XML error: Duplicate USB address bus 0 port 1");
    expect_at("<devices>\n"
              "<input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/></input>\n"
              "<hub type='usb'>\n"
              "<address type='usb' bus='0' port='1.9'/> <!-- here -->\n"
              "</hub>\n"
              "</devices>",
              "XML error: requested USB port 1.9 not present on USB bus 0");
    expect_at("<devices>\n"
              "<input type='tablet' bus='usb'>\n"
              "<address type='usb' bus='1'/> <!-- here -->\n"
              "</input>\n"
              "</devices>",
              "XML error: USB bus 1 requested but no controller with that index is present");
    expect_at("<devices>\n"
              "<hostdev mode='subsystem' type='mdev' model='vfio-ccw'><source><address uuid='x'/></source>\n"
              "<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/></hostdev>\n"
              "<disk type='file' device='disk'><target dev='vda' bus='virtio'/>\n"
              "<address type='ccw' cssid='0xfe' ssid='0x0' devno='0x0001'/> <!-- here -->\n"
              "</disk>\n"
              "</devices>",
              "XML error: The CCW devno 'fe.0.0001' is in use already");
}
END_TEST

START_TEST(test_attr_value_pairs)
{
    expect_at("<devices>\n"
              "<controller type='usb' index='0'/>\n"
              "<controller type='pci' index='0' model='pcie-root'/> <!-- here -->\n"
              "</devices>",
              "XML error: The PCI controller with index='0' must be model='pci-root' for this machine type, but "
              "model='pcie-root' was found instead");
    expect_at("<devices>\n"
              "<controller type='pci' index='0' model='pci-root'/>\n"
              "<controller type='pci' index='1' model='pci-bridge'/>\n"
              "<controller type='pci' index='1' model='pci-bridge'/> <!-- here -->\n"
              "</devices>",
              "XML error: Multiple 'pci' controllers with index '1'");
    expect_at("<devices>\n"
              "<disk type='file' device='disk'><target dev='vda' bus='virtio'/>\n"
              "<address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x8'/> <!-- here -->\n"
              "</disk>\n"
              "</devices>",
              "XML error: Invalid PCI address function=0x8, must be <= 7");
    expect_at("<cpu mode='host-model'>\n"
              "<cache level='2' mode='emulate'/> <!-- here -->\n"
              "</cpu>",
              "unsupported configuration: CPU cache mode 'emulate' can only be used with level='3'");
    expect_at("<os firmware='efi'>\n"
              "<type arch='x86_64' machine='q35'>hvm</type>\n"
              "<loader format='qcow2'/> <!-- here -->\n"
              "<nvram format='raw'/>\n"
              "</os>",
              "XML error: Format mismatch: loader.format='qcow2' nvram.format='raw'");
}
END_TEST

START_TEST(test_disk_target_and_alias)
{
    expect_at("<devices>\n"
              "<disk type='file' device='disk'><target dev='sda' bus='scsi'/></disk>\n"
              "<disk type='file' device='disk'> <!-- here -->\n"
              "<target dev='hda' bus='ide'/><address type='pci' slot='3'/></disk>\n"
              "</devices>",
              "unsupported configuration: Invalid address type 'pci' for the disk 'hda' with the bus type 'ide'");
    expect_at("<devices>\n"
              "<disk type='file' device='disk'> <!-- here -->\n"
              "<target dev='vdb1' bus='virtio'/></disk>\n"
              "</devices>",
              "unsupported configuration: invalid disk target 'vdb1', partitions can't appear in disk targets");
    expect_at("<devices>\n"
              "<disk type='file' device='disk'><target dev='sda' bus='scsi'/></disk>\n"
              "<disk type='file' device='disk'> <!-- here -->\n"
              "<target dev='vda' bus='virtio'/><iotune><total_bytes_sec>1</total_bytes_sec></iotune></disk>\n"
              "</devices>",
              "Operation not supported: block 'throttlefilters' can't be used together with 'iotune' for disk 'vda'");
    /* not in the test suites' lists: libvirt's src/conf/domain_validate.c */
    expect_at("<devices>\n"
              "<hostdev mode='subsystem' type='pci'><alias name='ua-gpu'/></hostdev>\n"
              "<hostdev mode='subsystem' type='pci'> <!-- here -->\n"
              "<alias name='ua-gpu'/></hostdev>\n"
              "</devices>",
              "unsupported configuration: non unique alias detected: ua-gpu");
}
END_TEST

START_TEST(test_element_and_attribute_names)
{
    expect_at("<features>\n"
              "<acpi/>\n"
              "<gic version='none'/> <!-- here -->\n"
              "</features>",
              "XML error: Invalid value for attribute 'version' in element 'gic': 'none'.");
    expect_at("<devices>\n"
              "<controller type='pci' index='0' model='pci-root'/>\n"
              "<controller type='pci' index='-1' model='pci-bridge'/> <!-- here -->\n"
              "</devices>",
              "XML error: Invalid value for attribute 'index' in element 'controller': '-1'. Expected non-negative value");
    expect_at("<devices>\n"
              "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n"
              "<source><address uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>\n"
              "<hostdev mode='subsystem' type='mdev' model='vfio-pci'>\n"
              "<source><address/></source> <!-- here -->\n"
              "</hostdev>\n"
              "</devices>",
              "unsupported configuration: Missing 'uuid' attribute for element <address>");
    expect_at("<os firmware='efi'>\n"
              "<type arch='x86_64' machine='q35'>hvm</type>\n"
              "<loader readonly='yes' type='pflash'/> <!-- here -->\n"
              "</os>",
              "loader attribute 'readonly' cannot be specified when firmware autoselection is enabled");
    expect_at("<devices>\n"
              "<interface type='user'><model type='virtio'/>\n"
              "<driver name='vhost' rx_queue_size='511'/> <!-- here -->\n"
              "</interface>\n"
              "</devices>",
              "unsupported configuration: rx_queue_size has to be a power of two");
    expect_at("<iothreads>2</iothreads> <!-- here -->\n"
              "<cputune><iothreadsched iothreads='3' scheduler='fifo' priority='1'/></cputune>",
              "unsupported configuration: Cannot find 'iothread' : 2");
}
END_TEST

START_TEST(test_tags_words_and_values)
{
    expect_at("<os>\n"
              "<type arch='x86_64' machine='q35'>hvm</type>\n"
              "<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader> <!-- here -->\n"
              "</os>",
              "unsupported configuration: UEFI requires ACPI on this architecture");
    expect_at("<devices>\n"
              "<video><model type='vga' primary='yes'/></video>\n"
              "<video>\n"
              "<model type='virtio' primary='yes'/> <!-- here -->\n"
              "</video>\n"
              "</devices>",
              "unsupported configuration: Only one primary video device is supported");
    expect_at("<os>\n"
              "<type arch='x86_64' machine='pc'>hvm</type>\n"
              "<boot dev='cdrom'/>\n"
              "<bootmenu enable='yes' timeout='65536'/> <!-- here -->\n"
              "</os>",
              "unsupported configuration: invalid value for boot menu timeout, must be in range [0,65535]");
    expect_at("<devices>\n"
              "<rng model='virtio'>\n"
              "<backend model='egd' type='unix'> <!-- here -->\n"
              "<source mode='connect' host='1.2.3.4' service='1234'/></backend>\n"
              "</rng>\n"
              "</devices>",
              "internal error: Missing source path attribute for char device");
    /* libvirt 11.3's: an attribute named by a bare word */
    expect_at("<devices>\n"
              "<controller type='scsi' index='0' model='virtio-scsi'/>\n"
              "<hostdev mode='subsystem' type='scsi_host' sgio='filtered'> <!-- here -->\n"
              "<source protocol='vhost' wwpn='naa.5123456789abcde0'/></hostdev>\n"
              "</devices>",
              "XML error: sgio is only supported for scsi host device");
    expect_at("<devices>\n"
              "<iommu model='intel'/> <!-- here -->\n"
              "</devices>",
              "unsupported configuration: IOMMU device: 'intel' is only supported with Q35 machines");
    expect_at("<devices>\n"
              "<interface type='ethernet'>\n"
              "<mac address='00:11:22:33:44:55'/></interface>\n"
              "<interface type='hostdev'> <!-- here -->\n"
              "<mac address='52:54:00:ee:96:6b'/><target dev='/dev/tap0' managed='no'/></interface>\n"
              "</devices>",
              "unsupported configuration: interface 52:54:00:ee:96:6b - custom tap device path is not supported "
              "for network interfaces of type hostdev");
    expect_at("<cpu mode='custom' match='exact'>\n"
              "<model fallback='forbid'>EPYC-Milan</model> <!-- here -->\n"
              "</cpu>",
              "unsupported configuration: CPU model EPYC-Milan is not supported by hypervisor");
    expect_at("<devices>\n"
              "<disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk>\n"
              "<interface type='vhostuser'> <!-- here -->\n"
              "<source type='unix' path='/tmp/vhost.sock' mode='server'/><model type='virtio'/></interface>\n"
              "</devices>",
              "unsupported configuration: 'interface' requires shared memory");
}
END_TEST

START_TEST(test_nothing_precise_is_domain)
{
    expect_at("<memory unit='KiB'>1024</memory>\n"
              "<devices><controller type='usb' model='piix3-uhci'/></devices>",
              "XML error: No PCI buses available");
    expect_at("<vcpu>2</vcpu>", "XML error: Memory size must be specified via <memory> or in the <numa> configuration");
    ck_assert_ptr_null(vl_libvirt_check_locate(NULL, "x"));
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("libvirtcheck_locate");
    TCase *tc = tcase_create("core");

    tcase_add_test(tc, test_pci_address);
    tcase_add_test(tc, test_usb_and_ccw_addresses);
    tcase_add_test(tc, test_attr_value_pairs);
    tcase_add_test(tc, test_disk_target_and_alias);
    tcase_add_test(tc, test_element_and_attribute_names);
    tcase_add_test(tc, test_tags_words_and_values);
    tcase_add_test(tc, test_nothing_precise_is_domain);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
