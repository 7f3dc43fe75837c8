/* Unit tests for the fix machinery: the source map, text edits and style,
 * unified diffs, the tree-to-text diff, and the XSLT security sandbox. */
#include "check_util.h"

#include <string.h>

#include <glib/gstdio.h>

#include <libxslt/transform.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>

#include "lint/load/document.h"
#include "lint/fix/fix.h"
#include "lint/fix/fixdiff.h"
#include "lint/fix/fixmeaning.h"
#include "lint/load/srcmap.h"
#include "lint/fix/textedit.h"
#include "lint/fix/udiff.h"

START_TEST(test_srcmap_offsets)
{
    const char *text = "<?xml version='1.0'?>\n<!-- a <fake> tag -->\n<domain type='kvm' x = \"1\">\n"
                       "  <name>a&lt;b</name><![CDATA[<no>]]>\n  <os/>\n</domain>\n";
    g_autoptr(VlDocument) doc = vl_check_parse(text);
    g_autoptr(VlSrcMap) map = vl_srcmap_build(doc->data, doc->len, doc->doc);
    xmlNodePtr root = xmlDocGetRootElement(doc->doc);
    xmlNodePtr name = xmlFirstElementChild(root), os = xmlNextElementSibling(name);
    const VlSrcElem *r, *n, *o;
    const VlSrcAttr *a;

    ck_assert_ptr_nonnull(map);
    r = vl_srcmap_get(map, root);
    n = vl_srcmap_get(map, name);
    o = vl_srcmap_get(map, os);
    ck_assert(g_str_has_prefix(text + r->start, "<domain type"));
    ck_assert(g_str_has_prefix(text + r->close_start, "</domain>"));
    ck_assert_uint_eq(r->end, strlen(text) - 1);
    ck_assert_uint_eq(r->attrs->len, 2);
    a = vl_srcmap_attr(map, r, "x");
    ck_assert_int_eq(a->quote, '"');
    ck_assert_uint_eq(a->value_end - a->value_start, 1);
    ck_assert(g_str_has_prefix(text + n->tag_end, "a&lt;b</name>"));
    ck_assert(o->self_closing);
    ck_assert_uint_eq(o->end - o->start, strlen("<os/>"));
}
END_TEST

START_TEST(test_edits_and_style)
{
    const char *text = "<a>\r\n\t<b x=\"1\"/>\r\n</a>\r\n";
    g_autoptr(GPtrArray) edits = g_ptr_array_new_with_free_func((GDestroyNotify) vl_edit_free);
    VlTextStyle st = { 0 };
    gsize len;
    g_autofree char *out = NULL;

    vl_text_style_detect(&st, text, strlen(text));
    ck_assert_int_eq(st.quote, '"');
    ck_assert_str_eq(st.newline, "\r\n");
    ck_assert_str_eq(st.indent_unit, "\t");
    vl_text_style_clear(&st);

    g_ptr_array_add(edits, vl_edit_new(14, 14, " y=\"2\""));
    g_ptr_array_add(edits, vl_edit_new(3, 3, "X"));
    g_ptr_array_add(edits, vl_edit_new(3, 3, "Y"));   /* same place: kept in order */
    out = vl_edits_apply(text, strlen(text), edits, &len);
    ck_assert_str_eq(out, "<a>XY\r\n\t<b x=\"1\" y=\"2\"/>\r\n</a>\r\n");

    g_ptr_array_add(edits, vl_edit_new(2, 5, ""));    /* overlaps the inserts at 3 */
    ck_assert_ptr_null(vl_edits_apply(text, strlen(text), edits, &len));
}
END_TEST

START_TEST(test_udiff)
{
    const char *old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13";
    const char *new_text = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n";
    g_autoptr(GString) out = g_string_new(NULL);

    vl_udiff(out, "dir/f.xml", old, strlen(old), new_text, strlen(new_text));
    ck_assert_str_eq(out->str,
                     "--- a/dir/f.xml\n+++ b/dir/f.xml\n"
                     "@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
                     "@@ -10,4 +10,4 @@\n 10\n 11\n 12\n-13\n\\ No newline at end of file\n+13\n");
    g_string_truncate(out, 0);
    vl_udiff(out, "f.xml", old, strlen(old), old, strlen(old));
    ck_assert_uint_eq(out->len, 0);
}
END_TEST

/* Run a stylesheet through the fix path: source -> result -> edits -> text,
 * and check that the text means what the stylesheet produced.  ASCII: the
 * source is not UTF-8 (see VlFixSource). */
static char *
fix_with_encoding(const char *source, const char *xsl, bool ascii)
{
    g_autoptr(VlDocument) doc = vl_check_parse(source);
    xmlDocPtr sdoc = xmlReadMemory(xsl, (int) strlen(xsl), "t.xsl", NULL, XML_PARSE_NONET);
    xsltStylesheetPtr style = xsltParseStylesheetDoc(sdoc);
    g_autoptr(GPtrArray) order = g_ptr_array_new();
    g_autoptr(GPtrArray) copies = g_ptr_array_new();
    g_autoptr(VlSrcMap) map = vl_srcmap_build(doc->data, doc->len, doc->doc);
    xmlDocPtr copy = xmlCopyDoc(doc->doc, 1), result;
    const char *params[] = { NULL };
    VlTextStyle st = { 0 };
    VlFixSource src;
    g_autoptr(GPtrArray) edits = NULL;
    g_autoptr(VlFixMeaning) meaning = NULL;
    g_autoptr(VlDocument) fixed = NULL;
    xmlNsPtr ns;
    gsize len;
    char *out;

    ck_assert_ptr_nonnull(style);
    /* annotate like the engine does */
    for (xmlNodePtr n = xmlDocGetRootElement(doc->doc), c = xmlDocGetRootElement(copy); n;) {
        g_ptr_array_add(order, n);
        g_ptr_array_add(copies, c);
        if (xmlFirstElementChild(n)) {
            n = xmlFirstElementChild(n), c = xmlFirstElementChild(c);
            continue;
        }
        while (n && !xmlNextElementSibling(n))
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL, c = c->parent;
        if (n)
            n = xmlNextElementSibling(n), c = xmlNextElementSibling(c);
    }
    ns = xmlNewNs(xmlDocGetRootElement(copy), BAD_CAST VL_NS_FIX, BAD_CAST "vl");
    for (guint i = 0; i < copies->len; i++) {
        char id[16];
        g_snprintf(id, sizeof(id), "%u", i);
        xmlSetNsProp(g_ptr_array_index(copies, i), ns, BAD_CAST "id", BAD_CAST id);
    }
    result = vl_fix_transform(vl_check_context(), style, copy, params);
    ck_assert_ptr_nonnull(result);
    vl_text_style_detect(&st, doc->data, doc->len);
    src = (VlFixSource) { .text = doc->data, .len = doc->len, .map = map, .order = order, .style = &st,
                          .ascii = ascii };
    edits = vl_fixdiff(&src, result);
    ck_assert_ptr_nonnull(edits);
    out = vl_edits_apply(doc->data, doc->len, edits, &len);
    ck_assert_ptr_nonnull(out);
    meaning = vl_fix_meaning_new(copy, result);
    fixed = vl_check_parse(out);
    ck_assert_msg(vl_fix_meaning_kept(meaning, fixed->doc), "the edits do not mean the result:\n%s", out);
    vl_text_style_clear(&st);
    xmlFreeDoc(result);
    xmlFreeDoc(copy);
    xsltFreeStylesheet(style);
    return out;
}

static char *
fix_with(const char *source, const char *xsl)
{
    return fix_with_encoding(source, xsl, false);
}

#define XSL_HEAD                                                                                    \
    "<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"              \
    "<xsl:template match='@*|node()'><xsl:copy><xsl:apply-templates select='@*|node()'/></xsl:copy>" \
    "</xsl:template>"

START_TEST(test_fixdiff_minimal_edits)
{
    const char *source = "<?xml version=\"1.0\"?>\n<!-- keep -->\n<domain type='kvm'>\n"
                         "    <name>x</name>   <!-- trailing -->\n"
                         "    <clock offset='utc'/>\n"
                         "    <devices>\n      <disk   device=\"disk\" type='file'/>\n      <rom bar='off'/>\n"
                         "    </devices>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='clock'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<timer name='hypervclock' present='yes'/></xsl:copy></xsl:template>"
        "<xsl:template match='disk/@device'><xsl:attribute name='device'>cdrom</xsl:attribute></xsl:template>"
        "<xsl:template match='disk'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<xsl:attribute name='x'>a&amp;'b</xsl:attribute></xsl:copy></xsl:template>"
        "<xsl:template match='rom'/>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<?xml version=\"1.0\"?>\n<!-- keep -->\n<domain type='kvm'>\n"
                          "    <name>x</name>   <!-- trailing -->\n"
                          "    <clock offset='utc'>\n        <timer name='hypervclock' present='yes'/>\n    </clock>\n"
                          "    <devices>\n      <disk   device=\"cdrom\" type='file' x='a&amp;&apos;b'/>\n"
                          "    </devices>\n</domain>\n");
}
END_TEST

START_TEST(test_fixdiff_insert_between_and_before)
{
    const char *source = "<domain>\n  <name>x</name>\n  <os/>\n</domain>";
    const char *xsl = XSL_HEAD
        "<xsl:template match='name'><memory unit='KiB'>1</memory><xsl:copy-of select='.'/></xsl:template>"
        "<xsl:template match='os'><xsl:copy-of select='.'/><features><acpi/></features></xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<domain>\n  <memory unit='KiB'>1</memory>\n  <name>x</name>\n  <os/>\n"
                          "  <features>\n    <acpi/>\n  </features>\n</domain>");
}
END_TEST

/* What goes before an element goes above the comment lines over it: they
 * speak of that element (a virtlint-disable comment suppresses it). */
START_TEST(test_fixdiff_insert_above_comments)
{
    const char *source = "<domain>\n  <name>x</name>\n  <devices>\n    <!-- virtlint-disable -->\n"
                         "    <!-- the GPU,\n         passed through -->\n    <hostdev/>\n  </devices>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='devices'><xsl:copy><tpm/><xsl:apply-templates select='node()'/></xsl:copy>"
        "</xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<domain>\n  <name>x</name>\n  <devices>\n    <tpm/>\n    <!-- virtlint-disable -->\n"
                          "    <!-- the GPU,\n         passed through -->\n    <hostdev/>\n  </devices>\n</domain>\n");
}
END_TEST

/* An element whose children all go, with only blanks left between its
 * tags, becomes an empty element, not a start tag over a blank end tag;
 * one with a comment inside keeps it, and its end tag. */
START_TEST(test_fixdiff_emptied_element)
{
    const char *xsl = XSL_HEAD
        "<xsl:template match='memballoon'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<xsl:attribute name='model'>none</xsl:attribute>"
        "<xsl:apply-templates select='comment()'/></xsl:copy></xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *blank = fix_with("<domain>\n  <devices>\n    <memballoon model='virtio'>\n"
                                      "      <stats period='5'/>\n      <address type='pci' bus='0x05'/>\n"
                                      "    </memballoon>\n  </devices>\n</domain>\n", xsl);
    g_autofree char *commented = fix_with("<domain>\n  <devices>\n    <memballoon model='virtio'>\n"
                                          "      <!-- stats for virt-manager -->\n      <stats period='5'/>\n"
                                          "    </memballoon>\n  </devices>\n</domain>\n", xsl);

    ck_assert_str_eq(blank, "<domain>\n  <devices>\n    <memballoon model='none'/>\n  </devices>\n</domain>\n");
    ck_assert_str_eq(commented, "<domain>\n  <devices>\n    <memballoon model='none'>\n"
                                "      <!-- stats for virt-manager -->\n    </memballoon>\n  </devices>\n</domain>\n");
}
END_TEST

/* A comment among the text a fix changes stays where it was. */
START_TEST(test_fixdiff_text_keeps_comments)
{
    const char *source = "<domain>\n  <currentMemory unit='GiB'>12<!-- lowered by hand --></currentMemory>\n"
                         "  <memory>\n    <!-- a --> 16 <!-- b -->\n  </memory>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='currentMemory|memory'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<xsl:text>8</xsl:text></xsl:copy></xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<domain>\n  <currentMemory unit='GiB'>8<!-- lowered by hand --></currentMemory>\n"
                          "  <memory>\n    <!-- a -->8<!-- b -->\n  </memory>\n</domain>\n");
}
END_TEST

/* Tab, newline and carriage return in an attribute value the fix writes
 * are character references (raw, XML would read them as spaces); in a
 * file not in UTF-8, so is every character outside ASCII. */
START_TEST(test_fixdiff_character_references)
{
    const char *source = "<domain>\n  <name a='1&#9;2'/>\n  <title t='x'/>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='name'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<xsl:text>caf\xc3\xa9</xsl:text></xsl:copy></xsl:template>"
        "<xsl:template match='title/@t'><xsl:attribute name='t'>a&#10;b&#13;c&#9;\xc3\xa9</xsl:attribute>"
        "</xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *utf8 = fix_with(source, xsl);
    g_autofree char *ascii = fix_with_encoding(source, xsl, true);

    ck_assert_str_eq(utf8, "<domain>\n  <name a='1&#9;2'>caf\xc3\xa9</name>\n"
                           "  <title t='a&#10;b&#13;c&#9;\xc3\xa9'/>\n</domain>\n");
    ck_assert_str_eq(ascii, "<domain>\n  <name a='1&#9;2'>caf&#233;</name>\n"
                            "  <title t='a&#10;b&#13;c&#9;&#233;'/>\n</domain>\n");
}
END_TEST

/* An element the fixer moves takes its own text along (comments, layout,
 * character references), re-indented, with the fixer's changes to it. */
START_TEST(test_fixdiff_moves_keep_text)
{
    const char *source = "<domain>\n  <devices>\n    <disk  type='file'> <!-- d -->\n"
                         "      <target dev='vda'/>\n      <serial>a&#38;b</serial>\n    </disk>\n"
                         "  </devices>\n  <os/>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='devices'/>"
        "<xsl:template match='os'><xsl:copy-of select='.'/><xsl:apply-templates select='../devices/disk'/>"
        "</xsl:template>"
        "<xsl:template match='target/@dev'><xsl:attribute name='dev'>sda</xsl:attribute></xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<domain>\n  <os/>\n  <disk  type='file'> <!-- d -->\n"
                          "    <target dev='sda'/>\n    <serial>a&#38;b</serial>\n  </disk>\n</domain>\n");
}
END_TEST

/* Reordering siblings is an edit: the fewest elements move. */
START_TEST(test_fixdiff_reorders)
{
    const char *source = "<domain>\n  <c/>\n  <a/> <!-- first -->\n  <b/>\n</domain>\n";
    const char *xsl = XSL_HEAD
        "<xsl:template match='domain'><xsl:copy><xsl:apply-templates select='@*'/>"
        "<xsl:apply-templates select='a|b'/><xsl:apply-templates select='c'/></xsl:copy></xsl:template>"
        "</xsl:stylesheet>";
    g_autofree char *out = fix_with(source, xsl);

    ck_assert_str_eq(out, "<domain>\n  <a/> <!-- first -->\n  <b/>\n  <c/>\n</domain>\n");
}
END_TEST

/* The check behind every applied fix: edits that lose a comment of an
 * element the fixer kept, or change a value, do not mean its result. */
START_TEST(test_fix_meaning_detects_losses)
{
    g_autoptr(VlDocument) src = vl_check_parse("<domain><memory>12<!-- c --></memory><name a='x y'/></domain>");
    g_autoptr(VlDocument) good = vl_check_parse("<domain><memory>8<!-- c --></memory><name a='x y'/></domain>");
    g_autoptr(VlDocument) lost = vl_check_parse("<domain><memory>8</memory><name a='x y'/></domain>");
    g_autoptr(VlDocument) changed = vl_check_parse("<domain><memory>8<!-- c --></memory><name a='x&#9;y'/></domain>");
    g_autoptr(VlDocument) result = vl_check_parse("<domain><memory>8</memory><name a='x y'/></domain>");
    xmlNsPtr ns = xmlNewNs(xmlDocGetRootElement(src->doc), BAD_CAST VL_NS_FIX, BAD_CAST "vl");
    g_autoptr(VlFixMeaning) meaning = NULL;

    /* the fixer kept <memory> (vl:id 1) and dropped its comment */
    xmlSetNsProp(xmlDocGetRootElement(src->doc), ns, BAD_CAST "id", BAD_CAST "0");
    xmlSetNsProp(xmlFirstElementChild(xmlDocGetRootElement(src->doc)), ns, BAD_CAST "id", BAD_CAST "1");
    ns = xmlNewNs(xmlDocGetRootElement(result->doc), BAD_CAST VL_NS_FIX, BAD_CAST "vl");
    xmlSetNsProp(xmlFirstElementChild(xmlDocGetRootElement(result->doc)), ns, BAD_CAST "id", BAD_CAST "1");
    meaning = vl_fix_meaning_new(src->doc, result->doc);
    ck_assert(vl_fix_meaning_kept(meaning, good->doc));
    ck_assert(!vl_fix_meaning_kept(meaning, lost->doc));
    ck_assert(!vl_fix_meaning_kept(meaning, changed->doc));
}
END_TEST

/* STYLE applied to DOC without virtlint's sandbox: what document() reads
 * when nothing forbids it. */
static bool
reads_without_sandbox(xsltStylesheetPtr style, xmlDocPtr doc)
{
    xmlDocPtr result = xsltApplyStylesheet(style, doc, NULL);
    xmlNodePtr out = result ? xmlDocGetRootElement(result) : NULL;
    bool read = out && out->children;

    xmlFreeDoc(result);
    return read;
}

START_TEST(test_xslt_cannot_read_files)
{
    /* an XML file, which document() could parse if it were allowed to */
    g_autofree char *dir = g_dir_make_tmp("virtlint-sandbox-XXXXXX", NULL);
    g_autofree char *secret = g_build_filename(dir, "secret.xml", NULL);
    g_autofree char *xsl = NULL;
    xmlDocPtr sdoc;
    xsltStylesheetPtr style;
    g_autoptr(VlDocument) doc = vl_check_parse("<domain/>");
    const char *params[] = { NULL };
    xmlDocPtr result;

    ck_assert(g_file_set_contents(secret, "<secret>TOP</secret>", -1, NULL));
    xsl = g_strdup_printf("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                          "<xsl:template match='/'><out><xsl:copy-of select=\"document('file://%s')\"/></out>"
                          "</xsl:template></xsl:stylesheet>", secret);
    sdoc = xmlReadMemory(xsl, (int) strlen(xsl), "t.xsl", NULL, XML_PARSE_NONET);
    style = xsltParseStylesheetDoc(sdoc);

    /* the instrument first: without the sandbox this stylesheet reads it */
    ck_assert_msg(reads_without_sandbox(style, doc->doc), "the test stylesheet cannot read %s at all", secret);
    /* with it, either the transformation fails or document() yields nothing */
    result = vl_fix_transform(vl_check_context(), style, doc->doc, params);
    if (result) {
        xmlNodePtr out = xmlDocGetRootElement(result);
        ck_assert_ptr_null(out ? out->children : NULL);
        xmlFreeDoc(result);
    }
    xsltFreeStylesheet(style);
    g_unlink(secret);
    g_rmdir(dir);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("fix");
    TCase *tc = tcase_create("core");

    xsltSetGenericErrorFunc(NULL, NULL);
    tcase_add_test(tc, test_srcmap_offsets);
    tcase_add_test(tc, test_edits_and_style);
    tcase_add_test(tc, test_udiff);
    tcase_add_test(tc, test_fixdiff_minimal_edits);
    tcase_add_test(tc, test_fixdiff_insert_between_and_before);
    tcase_add_test(tc, test_fixdiff_insert_above_comments);
    tcase_add_test(tc, test_fixdiff_emptied_element);
    tcase_add_test(tc, test_fixdiff_text_keeps_comments);
    tcase_add_test(tc, test_fixdiff_character_references);
    tcase_add_test(tc, test_fixdiff_moves_keep_text);
    tcase_add_test(tc, test_fixdiff_reorders);
    tcase_add_test(tc, test_fix_meaning_detects_losses);
    tcase_add_test(tc, test_xslt_cannot_read_files);
    suite_add_tcase(s, tc);
    return vl_check_run(s);
}
