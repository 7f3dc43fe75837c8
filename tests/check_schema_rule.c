/* Unit tests for the schema rule (rules/schema/schema.c) where the corpus cannot
 * look: whole messages (a corpus expectation is a substring of the headline, the help or
 * one note, so it cannot tell a finding with a note "it is in libvirt 12.8's
 * schema" from one without), and the budget of 400 validations that bounds the search
 * for culprits, exactly where it runs out.
 *
 * The budget arithmetic: validating the whole document costs 1; each part
 * tested alone (a top-level element, or a device) costs 1; narrowing a
 * failing part costs 1 per attribute or child taken out (or pair of
 * children); a culprit reported while newer releases exist asks the newest
 * (1) and then each release in between (1 each) whether it accepts it.  A
 * part is narrowed only while budget remains after testing it. */
#include "check_util.h"
#include <string.h>

#include "lint/engine/config.h"
#include "lint/engine/engine.h"
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/engine/version.h"

static char *select_schema[] = { (char *) "schema", NULL };

/* The schema findings on TEXT for the libvirt release VERSION (micro
 * included), as "LINE: HEADLINE" joined by newlines, each followed by its
 * "  help: HELP" and "  note: NOTE" lines. */
static char *
lint_with(const char *text, unsigned version, unsigned qemu, const char *schema_path)
{
    VlConfig config;
    VlEngine engine = { 0 };
    g_autoptr(GError) gerr = NULL;
    VlInputError *error = NULL;
    VlDocument *doc;
    GPtrArray *findings;
    GString *out = g_string_new(NULL);

    vl_config_init(&config);
    config.libvirt_version = version;
    config.qemu_version = qemu;
    config.schema_path = g_strdup(schema_path);
    config.select = select_schema;
    doc = vl_document_parse("t.xml", g_strdup(text), strlen(text), &error);
    ck_assert_msg(doc != NULL, "parse failed: %s", error ? error->message : "?");
    ck_assert_msg(vl_engine_init(&engine, vl_check_context(), &config, &gerr), "engine: %s", gerr ? gerr->message : "?");
    findings = vl_engine_lint(&engine, doc);
    for (guint i = 0; i < findings->len; i++) {
        const VlFinding *f = g_ptr_array_index(findings, i);
        g_string_append_printf(out, "%s%d: %s", i ? "\n" : "", f->line, f->message);
        if (f->help)
            g_string_append_printf(out, "\n  help: %s", f->help);
        for (guint k = 0; f->notes && k < f->notes->len; k++)
            g_string_append_printf(out, "\n  note: %s", (const char *) g_ptr_array_index(f->notes, k));
    }
    g_ptr_array_unref(findings);
    vl_engine_clear(&engine);
    vl_document_free(doc);
    config.select = NULL;
    vl_config_clear(&config);
    return g_string_free(out, FALSE);
}

static char *
lint_for(const char *text, unsigned version)
{
    return lint_with(text, version, 0, NULL);
}

#define CHECK_FINDINGS(text, version, expected)                                                 \
    do {                                                                                        \
        g_autofree char *got_ = lint_for((text), (version));                                    \
        ck_assert_msg(strcmp(got_, (expected)) == 0, "findings:\n%s\nexpected:\n%s", got_, (expected)); \
    } while (0)

/* A domain: <name>, <memory>, then <devices> with one unknown <foo/> on
 * line 4 (a culprit whatever the release), PAD valid devices on line 5 and
 * LAST on line 6, then <os>, or TAIL in its place (on line 8). */
static char *
padded(int pad, const char *last, const char *tail)
{
    GString *s = g_string_new("<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n"
                              "<devices><foo/>\n");

    for (int i = 0; i < pad; i++)
        g_string_append(s, "<input type='tablet' bus='usb'/>");
    g_string_append_printf(s, "\n%s\n</devices>\n%s\n</domain>\n", last,
                           tail ? tail : "<os><type arch='x86_64' machine='q35'>hvm</type></os>");
    return g_string_free(s, FALSE);
}

#define FOO "4: <foo> in <devices>: the element is not in libvirt 9.0's schema"

/* Under 9.0 (newer releases exist), LAST is tested with 400 - 5 - PAD
 * left: whole 1, name 1, memory 1, foo 2 (tested, and 12.8 asked about
 * it); <os> comes after the devices. */
START_TEST(test_budget_part_tested_last)
{
    g_autofree char *zero = padded(400 - 5 - 1, "<bar/>", NULL);
    g_autofree char *one = padded(400 - 5 - 2, "<bar/>", NULL);

    /* <bar/> is tested with 1 left: none remains to narrow it */
    CHECK_FINDINGS(zero, VL_LIBVIRT(9, 0), FOO);
    /* with 2 left it is narrowed (1) and reported; asking 12.8 takes the last */
    CHECK_FINDINGS(one, VL_LIBVIRT(9, 0), FOO "\n6: <bar> in <devices>: the element is not in libvirt 9.0's schema");
}
END_TEST

START_TEST(test_budget_attributes)
{
    const char *input = "<input type='tablet' bus='usb' bogus='1'/>";
    g_autofree char *three = padded(400 - 5 - 3, input, NULL);
    g_autofree char *four = padded(400 - 5 - 4, input, NULL);

    /* 3 left: tested (2), type= out (1), bus= out (0): bogus= is never
     * tried alone, the element as a whole is reported */
    CHECK_FINDINGS(three, VL_LIBVIRT(9, 0),
                   FOO "\n6: <input>: as written, it is not valid in libvirt 9.0's schema"
                       "\n  note: as written: <input type='tablet' bus='usb' bogus='1'>");
    /* 4 left: bogus= out (0) fixes it */
    CHECK_FINDINGS(four, VL_LIBVIRT(9, 0), FOO "\n6: <input>: attribute bogus= is not in libvirt 9.0's schema");
}
END_TEST

START_TEST(test_budget_children)
{
    const char *input = "<input type='tablet' bus='usb'><address type='usb' bus='0' port='1'/><bogus/></input>";
    g_autofree char *four = padded(400 - 5 - 4, input, NULL);
    g_autofree char *five = padded(400 - 5 - 5, input, NULL);

    /* 4 left: tested, type= and bus= out, <address> out: 0 left for <bogus> */
    CHECK_FINDINGS(four, VL_LIBVIRT(9, 0), FOO "\n6: <input>: as written, it is not valid in libvirt 9.0's schema"
                                           "\n  note: as written: <input type='tablet' bus='usb'>");
    CHECK_FINDINGS(five, VL_LIBVIRT(9, 0), FOO "\n6: <bogus> in <input>: the element is not in libvirt 9.0's schema");
}
END_TEST

START_TEST(test_budget_pairs)
{
    const char *input = "<input type='tablet' bus='usb'><bogus1/><bogus2/></input>";
    g_autofree char *five = padded(400 - 5 - 5, input, NULL);
    g_autofree char *six = padded(400 - 5 - 6, input, NULL);

    /* tested, type= and bus= out, each child out alone: 0 left for the pair */
    CHECK_FINDINGS(five, VL_LIBVIRT(9, 0), FOO "\n6: <input>: as written, it is not valid in libvirt 9.0's schema"
                                           "\n  note: as written: <input type='tablet' bus='usb'>");
    CHECK_FINDINGS(six, VL_LIBVIRT(9, 0),
                   FOO "\n6: <bogus1> in <input>: the element is not in libvirt 9.0's schema"
                       "\n6: <bogus2> in <input>: the element is not in libvirt 9.0's schema");
}
END_TEST

/* <loader format=> is in 9.8's schema (and later ones), not 9.0's: the tail
 * <os> is tested last, costing (os) 1, <type> out 1, <loader> out 1,
 * format= out 1; then the newest, 12.8, is asked (1), then 9.8 (1). */
#define LOADER_OS                                                                                      \
    "<os><type arch='x86_64' machine='q35'>hvm</type><loader format='raw' readonly='yes' type='pflash'>" \
    "/usr/share/OVMF/OVMF_CODE.fd</loader></os>"
#define LOADER_PLAIN "8: <loader>: format='raw' is not accepted by libvirt 9.0's schema"

static char *
loader_with(int left_at_report)
{
    /* before the devices: whole 1, name 1, memory 1; foo 2; the input
     * devices PAD; <bar/> none here (LAST is a valid device); os 4 */
    return padded(400 - 3 - 2 - 1 - 4 - left_at_report, "<input type='mouse' bus='usb'/>", LOADER_OS);
}

START_TEST(test_budget_newer_release)
{
    g_autofree char *zero = loader_with(0), *one = loader_with(1), *two = loader_with(2);

    CHECK_FINDINGS(zero, VL_LIBVIRT(9, 0), FOO "\n" LOADER_PLAIN);
    CHECK_FINDINGS(one, VL_LIBVIRT(9, 0), FOO "\n" LOADER_PLAIN "\n  note: it is accepted by libvirt 12.8's schema; this file targets 9.0");
    CHECK_FINDINGS(two, VL_LIBVIRT(9, 0), FOO "\n" LOADER_PLAIN "\n  note: it is accepted by libvirt 9.8's schema; this file targets 9.0");
}
END_TEST

START_TEST(test_no_release_accepts)
{
    /* 12.8 refuses <foo> too: nothing is said of a newer release */
    g_autofree char *text = padded(0, "", NULL);

    CHECK_FINDINGS(text, VL_LIBVIRT(9, 0), FOO);
}
END_TEST

START_TEST(test_newest_target_asks_nobody)
{
    /* targeting 12.8, the newest shipped, no newer release is asked: <foo> costs 1 (its test),
     * so <bar/> is tested with 2 left (400 - whole, name, memory, foo, PAD)
     * and narrowed with the last one */
    g_autofree char *text = padded(400 - 4 - 2, "<bar/>", NULL);

    CHECK_FINDINGS(text, VL_LIBVIRT(12, 8),
                   "4: <foo> in <devices>: the element is not in libvirt 12.8's schema\n"
                   "6: <bar> in <devices>: the element is not in libvirt 12.8's schema");
}
END_TEST

START_TEST(test_between_releases)
{
    /* 9.5.1 lies between 9.0 and 9.8: 9.8 judges, 9.0 adds warnings for
     * what only 9.8 knows, but not on an element 9.8 already refused */
    const char *text = "<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n"
                       "<os><type arch='x86_64' machine='q35'>hvm</type>\n"
                       "<loader format='raw' readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader></os>\n"
                       "<devices><foo/></devices>\n</domain>\n";

    CHECK_FINDINGS(text, VL_LIBVIRT(9, 5) + 1,
                   "5: <loader>: format='raw' may be newer than libvirt 9.5.1\n"
                   "  note: it is in libvirt 9.8's schema but not 9.0's; this file targets 9.5.1, between them\n"
                   "6: <foo> in <devices>: the element is not in libvirt 9.8's schema");
    CHECK_FINDINGS(text, VL_LIBVIRT(9, 5),
                   "5: <loader>: format='raw' may be newer than libvirt 9.5\n"
                   "  note: it is in libvirt 9.8's schema but not 9.0's; this file targets 9.5, between them\n"
                   "6: <foo> in <devices>: the element is not in libvirt 9.8's schema");
}
END_TEST

START_TEST(test_parts_fine_alone)
{
    /* no <name>: every part is valid beside the stand-ins */
    CHECK_FINDINGS("<domain type='kvm'>\n<memory unit='GiB'>1</memory>\n"
                   "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n</domain>\n",
                   VL_LIBVIRT(9, 0), "1: <domain>: lacks <name>, which libvirt 9.0's schema requires\n"
                   "  help: add <name> to <domain>");
    /* two <name>s */
    CHECK_FINDINGS("<domain type='kvm'>\n<name>a</name>\n<name>b</name>\n<memory unit='GiB'>1</memory>\n"
                   "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n</domain>\n",
                   VL_LIBVIRT(9, 0),
                   "1: <domain>: not valid in libvirt 9.0's schema as a whole\n"
                   "  note: each part is valid, but not together (one repeated, or an attribute of <domain>)");
}
END_TEST

START_TEST(test_snapshot_domain_parts)
{
    /* a snapshot is judged by domainsnapshot.rng, its domain's parts by
     * domain.rng */
    CHECK_FINDINGS("<domainsnapshot>\n<name>s</name>\n<domain type='kvm'>\n<name>t</name>\n"
                   "<memory unit='GiB'>1</memory>\n<os><type arch='x86_64' machine='q35'>hvm</type></os>\n"
                   "<devices><foo/></devices>\n</domain>\n</domainsnapshot>\n",
                   VL_LIBVIRT(9, 0), "7: <foo> in <devices>: the element is not in libvirt 9.0's schema");
}
END_TEST

START_TEST(test_element_reports)
{
    const char *head = "<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n";
    const char *os = "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n";
    g_autofree char *empty_os = g_strconcat(head, "<os/>\n</domain>\n", NULL);
    g_autofree char *mixed = g_strconcat(head, os, "<features>junk<acpi/></features>\n</domain>\n", NULL);
    g_autofree char *foreign = g_strconcat("<domain type='kvm'>\n<memory unit='GiB'>1</memory>\n", os,
                                           "<n:name xmlns:n='urn:n'/>\n</domain>\n", NULL);
    g_autofree char *at60 = g_strconcat(head, os, "<devices><audio id='00000000000000000000001' timerPeriod='1000000000' "
                                        "type='pipewire'/></devices>\n</domain>\n", NULL);
    g_autofree char *at59 = g_strconcat(head, os, "<devices><audio id='0000000000000000000001' timerPeriod='1000000000' "
                                        "type='pipewire'/></devices>\n</domain>\n", NULL);

    /* libxml2's first error names the missing child (later ones do not) */
    CHECK_FINDINGS(empty_os, VL_LIBVIRT(9, 0), "4: <os>: lacks <type>, which libvirt 9.0's schema requires\n"
                   "  help: add <type> to <os>");
    /* text beside child elements is no value of the element */
    CHECK_FINDINGS(mixed, VL_LIBVIRT(9, 0), "5: <features>: here, it is not valid in libvirt 9.0's schema");
    /* an element of another namespace does not stand for <name>: the
     * stand-in stays and the stranger is the culprit */
    CHECK_FINDINGS(foreign, VL_LIBVIRT(9, 0), "4: <name>: here, it is not valid in libvirt 9.0's schema");
    /* the attributes shown stop once the tag has 60 characters */
    CHECK_FINDINGS(at60, VL_LIBVIRT(9, 0),
                   "5: <audio>: as written, it is not valid in libvirt 9.0's schema\n"
                   "  note: as written: <audio id='00000000000000000000001' timerPeriod='1000000000'>\n"
                   "  note: it is valid in libvirt 11.3's schema; this file targets 9.0");
    CHECK_FINDINGS(at59, VL_LIBVIRT(9, 0),
                   "5: <audio>: as written, it is not valid in libvirt 9.0's schema\n"
                   "  note: as written: <audio id='0000000000000000000001' timerPeriod='1000000000' type='pipewire'>\n"
                   "  note: it is valid in libvirt 11.3's schema; this file targets 9.0");
}
END_TEST

START_TEST(test_budget_newest_only)
{
    /* <hwuuid> is only in 12.8's schema: tested (1), then asking 12.8 (1),
     * 9.8 (1) and 11.3 (1) finds no earlier release, and 12.8 is not asked
     * twice; so the top-level <bar/> after it is tested with 2 left and
     * reported with the last one: 400 - whole, name, memory, foo 2, PAD,
     * the valid device 1, hwuuid 4, = 2 */
    g_autofree char *text = padded(400 - 10 - 2, "<input type='mouse' bus='usb'/>",
                                   "<hwuuid>0f6a2a52-3c3b-4a37-9a5e-2b8a6f1c0d11</hwuuid><bar/>");

    CHECK_FINDINGS(text, VL_LIBVIRT(9, 0),
                   FOO "\n8: <hwuuid> in <domain>: the element is not in libvirt 9.0's schema"
                       "\n  note: it is in libvirt 12.8's schema; this file targets 9.0"
                       "\n8: <bar> in <domain>: the element is not in libvirt 9.0's schema");
}
END_TEST

START_TEST(test_schema_file_judges_newer_machine)
{
    /* a machine type newer than the target's QEMU makes the newest shipped
     * release judge, but a schema file given with --schema still judges */
    const char *text = "<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n"
                       "<os><type arch='x86_64' machine='pc-q35-8.0'>hvm</type>\n"
                       "<loader format='raw' readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader></os>\n"
                       "</domain>\n";
    g_autofree char *newest = lint_with(text, VL_LIBVIRT(9, 0), VL_LIBVIRT(7, 2), NULL);
    g_autofree char *file = lint_with(text, VL_LIBVIRT(9, 0), VL_LIBVIRT(7, 2), "schemas/9.0/domain.rng");

    ck_assert_str_eq(newest, "");
    ck_assert_str_eq(file, "5: <loader>: format='raw' is not accepted by the --schema file\n"
                           "  note: judged by the schema schemas/9.0/domain.rng");
}
END_TEST

START_TEST(test_between_releases_form)
{
    /* three <iothread>s each with <poll> (9.8's, not 9.0's): no single one
     * or pair taken out makes <iothreadids> valid for 9.0, so the element
     * is the culprit, as what only 9.8 knows, not as an error */
    const char *text = "<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n"
                       "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n<iothreads>3</iothreads>\n"
                       "<iothreadids><iothread id='1'><poll max='1'/></iothread><iothread id='2'><poll max='2'/>"
                       "</iothread><iothread id='3'><poll max='3'/></iothread></iothreadids>\n</domain>\n";

    CHECK_FINDINGS(text, VL_LIBVIRT(9, 5),
                   "6: <iothreadids>: here, it may be newer than libvirt 9.5\n"
                   "  note: it is in libvirt 9.8's schema but not 9.0's; this file targets 9.5, between them");
}
END_TEST

/* A value that makes the element's and attribute's names and the value
 * longer than 44 characters goes to a note, to keep the headline short (up
 * to 40 of its characters are shown) */
START_TEST(test_long_values)
{
    const char *os = "<os><type arch='x86_64' machine='q35'>hvm</type></os>\n";
    g_autofree char *action = g_strconcat("<domain type='kvm'>\n<name>t</name>\n<memory unit='GiB'>1</memory>\n", os,
                                        "<on_poweroff>not-an-action-but-a-long-placeholder-text-here</on_poweroff>\n</domain>\n", NULL);
    g_autofree char *unit = g_strconcat("<domain type='kvm'>\n<name>t</name>\n",
                                        "<memory unit='not-a-unit-but-a-much-longer-placeholder'>1</memory>\n", os,
                                        "</domain>\n", NULL);

    CHECK_FINDINGS(action, VL_LIBVIRT(9, 0),
                   "5: <on_poweroff>: its value is not accepted by libvirt 9.0's schema\n"
                   "  note: the value is 'not-an-action-but-a-long-placeholder-tex'");
    CHECK_FINDINGS(unit, VL_LIBVIRT(9, 0),
                   "3: <memory>: the value of unit= is not accepted by libvirt 9.0's schema\n"
                   "  note: the value is 'not-a-unit-but-a-much-longer-placeholder'");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("schema_rule");
    TCase *tc = tcase_create("schema");

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_budget_part_tested_last);
    tcase_add_test(tc, test_budget_attributes);
    tcase_add_test(tc, test_budget_children);
    tcase_add_test(tc, test_budget_pairs);
    tcase_add_test(tc, test_budget_newer_release);
    tcase_add_test(tc, test_no_release_accepts);
    tcase_add_test(tc, test_newest_target_asks_nobody);
    tcase_add_test(tc, test_between_releases);
    tcase_add_test(tc, test_parts_fine_alone);
    tcase_add_test(tc, test_snapshot_domain_parts);
    tcase_add_test(tc, test_element_reports);
    tcase_add_test(tc, test_budget_newest_only);
    tcase_add_test(tc, test_schema_file_judges_newer_machine);
    tcase_add_test(tc, test_between_releases_form);
    tcase_add_test(tc, test_long_values);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
