#include "lint/host/libvirtcheck_locate.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "lint/load/xml.h"

/* The strategies run from the most to the least specific: an address names
 * one element, an attr='value' pair a few, a bare word many.  The first
 * that finds something wins. */

typedef struct {
    GPtrArray *elements;    /* every element below <domain>, document order */
    const char *message;
    bool prefer_last;       /* "already exists", "duplicate": the second one */
} Ctx;

static void
collect(GPtrArray *out, xmlNodePtr node)
{
    for (xmlNodePtr c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || vl_xml_is(c, "metadata"))
            continue;
        g_ptr_array_add(out, c);
        collect(out, c);
    }
}

/* Match RE against TEXT in *M, freeing the previous match. */
static bool
next_match(GRegex *re, const char *text, GMatchInfo **m)
{
    g_clear_pointer(m, g_match_info_free);
    return g_regex_match(re, text, 0, m);
}

/* Equal as strings, or as numbers ('0x01' and '1' name the same bus). */
static bool
value_equal(const char *a, const char *b)
{
    char *ea, *eb;
    unsigned long long na, nb;

    if (!a || !b)
        return false;
    if (strcmp(a, b) == 0)
        return true;
    if (!*a || !*b || !g_ascii_isdigit(*a) || !g_ascii_isdigit(*b))
        return false;
    na = strtoull(a, &ea, 0);
    nb = strtoull(b, &eb, 0);
    return !*ea && !*eb && na == nb;
}

/* A number from a message, read in BASE, against an attribute (which may be
 * written in hex or decimal); a missing attribute counts as DEFAULT_. */
static bool
attr_number_is(xmlNodePtr node, const char *attr, const char *text, int base, long long default_)
{
    const char *v = vl_xml_attr(node, attr);
    char *end;
    long long want = strtoll(text, &end, base);
    long long have;

    if (!v)
        return default_ >= 0 && want == default_;
    have = strtoll(v, &end, 0);
    return !*end && have == want;
}

/* Sub-elements that identify a device stand for it. */
static xmlNodePtr
device_of(xmlNodePtr node)
{
    if ((vl_xml_is(node, "target") || vl_xml_is(node, "alias") || vl_xml_is(node, "mac") ||
         vl_xml_is(node, "source")) &&
        node->parent && node->parent->type == XML_ELEMENT_NODE)
        return node->parent;
    return node;
}

static bool
has_attr_value(xmlNodePtr node, const char *value, bool caseless)
{
    for (xmlAttrPtr a = node->properties; a; a = a->next) {
        const char *v = a->children ? (const char *) a->children->content : NULL;

        if (v && (caseless ? g_ascii_strcasecmp(v, value) == 0 : value_equal(v, value)))
            return true;
    }
    return false;
}

static bool
has_text(xmlNodePtr node, const char *text)
{
    char buf[1024];

    return !vl_xml_is(node, "name") && strcmp(vl_xml_text(node, buf, sizeof(buf)), text) == 0;
}

/* ---- addresses ---- */

/* "PCI address 0000:01:00.0", "double use of PCI Address 0000:00:01.1" */
static xmlNodePtr
by_pci_address(Ctx *c)
{
    g_autoptr(GRegex) re = g_regex_new("\\b([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])\\b", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    xmlNodePtr found = NULL;

    if (!g_regex_match(re, c->message, 0, &m))
        return NULL;
    g_autofree char *dom = g_match_info_fetch(m, 1), *bus = g_match_info_fetch(m, 2);
    g_autofree char *slot = g_match_info_fetch(m, 3), *fn = g_match_info_fetch(m, 4);
    for (guint i = 0; i < c->elements->len; i++) {
        xmlNodePtr n = g_ptr_array_index(c->elements, i);

        /* guest addresses; a hostdev's <source><address> is the host's */
        if (!vl_xml_is(n, "address") || !vl_xml_attr_is(n, "type", "pci") || !attr_number_is(n, "bus", bus, 16, 0) ||
            !attr_number_is(n, "slot", slot, 16, -1) || !attr_number_is(n, "domain", dom, 16, 0) ||
            !attr_number_is(n, "function", fn, 16, 0))
            continue;
        found = n; /* the last: the second use is the one in conflict */
    }
    return found;
}

static xmlNodePtr
last_address(Ctx *c, const char *type, const char *const *attrs, char **values)
{
    xmlNodePtr found = NULL;

    for (guint i = 0; i < c->elements->len; i++) {
        xmlNodePtr n = g_ptr_array_index(c->elements, i);
        bool ok = vl_xml_is(n, "address") && vl_xml_attr_is(n, "type", type);

        for (guint j = 0; ok && attrs[j]; j++) {
            const char *v = vl_xml_attr(n, attrs[j]);
            ok = v && (value_equal(v, values[j]) || (strcmp(type, "ccw") == 0 && attr_number_is(n, attrs[j], values[j], 16, -1)));
        }
        if (ok)
            found = n;
    }
    return found;
}

/* "USB address bus 0 port 1", "bus: 0 port: 1.2.3", "USB port 1.9 not
 * present on USB bus 0", "USB bus 1 requested"; "CCW devno 'fe.0.0001'" */
static xmlNodePtr
by_usb_ccw_address(Ctx *c)
{
    static const char *const bus_port[] = { "bus", "port", NULL };
    static const char *const bus_only[] = { "bus", NULL };
    static const char *const ccw[] = { "cssid", "ssid", "devno", NULL };
    g_autoptr(GMatchInfo) m = NULL;
    xmlNodePtr found = NULL;
    char *values[4] = { 0 };

    g_autoptr(GRegex) usb1 = g_regex_new("USB address bus:? '?(\\d+)'? port:? '?([0-9.]+?)'?(?:\\s|$)", 0, 0, NULL);
    g_autoptr(GRegex) usb2 = g_regex_new("USB port ([0-9.]+?) .*USB bus (\\d+)", 0, 0, NULL);
    g_autoptr(GRegex) usb3 = g_regex_new("USB bus (\\d+) requested", 0, 0, NULL);
    g_autoptr(GRegex) devno = g_regex_new("devno '([0-9a-fA-F]+)\\.([0-9a-fA-F]+)\\.([0-9a-fA-F]+)'", 0, 0, NULL);

    if (g_regex_match(usb1, c->message, 0, &m)) {
        values[0] = g_match_info_fetch(m, 1), values[1] = g_match_info_fetch(m, 2);
        found = last_address(c, "usb", bus_port, values);
    } else if (next_match(usb2, c->message, &m)) {
        values[0] = g_match_info_fetch(m, 2), values[1] = g_match_info_fetch(m, 1);
        found = last_address(c, "usb", bus_port, values);
    } else if (next_match(usb3, c->message, &m)) {
        values[0] = g_match_info_fetch(m, 1);
        found = last_address(c, "usb", bus_only, values);
    } else if (next_match(devno, c->message, &m)) {
        values[0] = g_match_info_fetch(m, 1), values[1] = g_match_info_fetch(m, 2), values[2] = g_match_info_fetch(m, 3);
        found = last_address(c, "ccw", ccw, values);
    }
    for (gsize i = 0; i < G_N_ELEMENTS(values); i++)
        g_free(values[i]);
    return found;
}

/* ---- names ---- */

/* The element named NAME (with attribute WITH_ATTR, equal to VALUE when
 * given; WITHOUT: lacking it) the message most likely means. */
static xmlNodePtr
named(Ctx *c, const char *name, const char *with_attr, const char *value, bool without)
{
    xmlNodePtr found = NULL;

    for (guint i = 0; i < c->elements->len; i++) {
        xmlNodePtr n = g_ptr_array_index(c->elements, i);
        const char *v = with_attr ? vl_xml_attr(n, with_attr) : NULL;

        if (!vl_xml_is(n, name) || (with_attr && (without ? v != NULL : !v || (value && strcmp(v, value) != 0))))
            continue;
        found = n;
        if (!c->prefer_last)
            break;
    }
    return found;
}

static xmlNodePtr
first_named(Ctx *c, const char *name, const char *with_attr)
{
    return named(c, name, with_attr, NULL, false);
}

/* "Invalid value for attribute 'version' in element 'gic': 'none'.",
 * "Missing 'uuid' attribute for element <address>" */
static xmlNodePtr
by_attribute_in_element(Ctx *c)
{
    g_autoptr(GRegex) re = g_regex_new("attribute '([\\w-]+)' in element '([\\w-]+)'(?:: '([^']*)')?", 0, 0, NULL);
    g_autoptr(GRegex) missing = g_regex_new("[Mm]issing '([\\w-]+)' attribute for element <([\\w-]+)>", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    xmlNodePtr n;

    if (g_regex_match(missing, c->message, 0, &m)) {
        g_autofree char *attr = g_match_info_fetch(m, 1), *element = g_match_info_fetch(m, 2);
        return named(c, element, attr, NULL, true);
    }
    if (!next_match(re, c->message, &m))
        return NULL;
    g_autofree char *attr = g_match_info_fetch(m, 1), *element = g_match_info_fetch(m, 2);
    g_autofree char *value = g_match_info_fetch(m, 3);
    if (value && *value && (n = named(c, element, attr, value, false)))
        return n;
    if ((n = first_named(c, element, attr)))
        return n;
    return first_named(c, element, NULL);
}

/* A disk target ('sda', vdb1) or a device alias ('hostdev0', ua-...). */
static xmlNodePtr
by_target_or_alias(Ctx *c)
{
    g_auto(GStrv) words = g_regex_split_simple("[\\s'\",()]+", c->message, 0, 0);
    xmlNodePtr found = NULL;

    for (char **w = words; *w; w++) {
        if (strlen(*w) < 2)
            continue;
        for (guint i = 0; i < c->elements->len; i++) {
            xmlNodePtr n = g_ptr_array_index(c->elements, i);

            if ((vl_xml_is(n, "target") && vl_xml_attr_is(n, "dev", *w) && vl_xml_is(n->parent, "disk")) ||
                (vl_xml_is(n, "alias") && vl_xml_attr_is(n, "name", *w)))
                found = n->parent;
            if (found && !c->prefer_last)
                return found;
        }
        if (found)
            return found;
    }
    return NULL;
}

typedef struct {
    char *element;  /* "loader" of loader.format='qcow2', else NULL */
    char *attr;
    char *value;
} Pair;

static void
pair_free(Pair *p)
{
    g_free(p->element);
    g_free(p->attr);
    g_free(p->value);
    g_free(p);
}

/* attr='value', attr=value, and "with index '1'" */
static GPtrArray *
pairs_of(const char *message)
{
    g_autoptr(GRegex) re = g_regex_new("\\b([A-Za-z_][\\w.]*)=(?:'([^']*)'|\"([^\"]*)\"|([\\w.:-]+))", 0, 0, NULL);
    g_autoptr(GRegex) word = g_regex_new("\\b(index|port|bus|slot|unit|reg|uid) '?(\\w+)'?", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    GPtrArray *pairs = g_ptr_array_new_with_free_func((GDestroyNotify) pair_free);

    for (g_regex_match(re, message, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
        Pair *p = g_new0(Pair, 1);
        g_autofree char *name = g_match_info_fetch(m, 1);
        const char *dot = strrchr(name, '.');

        for (int k = 2; k <= 4 && !p->value; k++) {
            char *v = g_match_info_fetch(m, k);
            if (v && *v)
                p->value = v;
            else
                g_free(v);
        }
        if (!p->value)
            p->value = g_strdup("");
        p->attr = g_strdup(dot ? dot + 1 : name);
        p->element = dot ? g_strndup(name, (gsize) (dot - name)) : NULL;
        g_ptr_array_add(pairs, p);
    }
    g_clear_pointer(&m, g_match_info_free);
    for (g_regex_match(word, message, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
        Pair *p = g_new0(Pair, 1);
        p->attr = g_match_info_fetch(m, 1);
        p->value = g_match_info_fetch(m, 2);
        g_ptr_array_add(pairs, p);
    }
    return pairs;
}

/* Quoted words of the message: 'pci', 'sda', '/usr/bin/qemu-system-x86_64'. */
static GPtrArray *
quoted_of(const char *message)
{
    g_autoptr(GRegex) re = g_regex_new("'([^'\\s][^']*)'", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;
    GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

    for (g_regex_match(re, message, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL))
        g_ptr_array_add(out, g_match_info_fetch(m, 1));
    return out;
}

/* The element matching the most attr='value' pairs of the message (on a
 * tie the first, or the last when the message is about a duplicate);
 * quoted words equal to another of its attribute values count too. */
static xmlNodePtr
by_pairs(Ctx *c)
{
    g_autoptr(GPtrArray) pairs = pairs_of(c->message);
    g_autoptr(GPtrArray) quoted = quoted_of(c->message);
    xmlNodePtr best = NULL;
    int best_score = 0;

    if (pairs->len == 0)
        return NULL;
    for (guint i = 0; i < c->elements->len; i++) {
        xmlNodePtr n = g_ptr_array_index(c->elements, i);
        int hits = 0, score;

        for (guint j = 0; j < pairs->len; j++) {
            const Pair *p = g_ptr_array_index(pairs, j);
            if ((!p->element || vl_xml_is(n, p->element)) && value_equal(vl_xml_attr(n, p->attr), p->value))
                hits++;
        }
        if (!hits)
            continue;
        score = hits * 4;
        for (guint j = 0; j < quoted->len; j++)
            score += has_attr_value(n, g_ptr_array_index(quoted, j), false) ? 1 : 0;
        if (score > best_score || (score == best_score && c->prefer_last)) {
            best_score = score;
            best = n;
        }
    }
    return best ? device_of(best) : NULL;
}

static bool
is_number(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!g_ascii_isdigit(*s))
            return false;
    return true;
}

typedef enum {
    MATCH_ELEMENT,      /* an element of that name */
    MATCH_VALUE,        /* an attribute value or a text */
    MATCH_ATTRIBUTE,    /* an attribute of that name */
} Match;

static bool
matches(xmlNodePtr n, const char *w, Match how, bool caseless)
{
    switch (how) {
    case MATCH_ELEMENT:
        return !n->ns && (caseless ? g_ascii_strcasecmp((const char *) n->name, w) == 0 : vl_xml_is(n, w));
    case MATCH_VALUE:
        return has_attr_value(n, w, caseless) || has_text(n, w);
    case MATCH_ATTRIBUTE:
        return vl_xml_attr(n, w) != NULL;
    }
    return false;
}

/* A word of the message against the document: an element of that name, an
 * attribute value or text, an attribute name; the first such element, or
 * the last when the message is about a duplicate. */
static xmlNodePtr
by_word(Ctx *c, const char *w, bool element_names, bool attr_names, bool caseless)
{
    for (Match how = element_names ? MATCH_ELEMENT : MATCH_VALUE; how <= (attr_names ? MATCH_ATTRIBUTE : MATCH_VALUE);
         how++) {
        xmlNodePtr found = NULL;

        for (guint i = 0; i < c->elements->len && (!found || c->prefer_last); i++) {
            xmlNodePtr n = g_ptr_array_index(c->elements, i);
            if (matches(n, w, how, caseless))
                found = n;
        }
        if (found)
            return how == MATCH_VALUE ? device_of(found) : found;
    }
    return NULL;
}

static xmlNodePtr
by_quoted(Ctx *c)
{
    g_autoptr(GPtrArray) quoted = quoted_of(c->message);

    for (guint i = 0; i < quoted->len; i++) {
        const char *q = g_ptr_array_index(quoted, i);
        xmlNodePtr n;

        if (!is_number(q) && (n = by_word(c, q, true, true, false)))
            return n;
    }
    /* 'iothread' of "Cannot find 'iothread' : 2" is one of <iothreads>,
     * <iothreadpin>, <iothreadsched> */
    for (guint i = 0; i < quoted->len; i++) {
        const char *q = g_ptr_array_index(quoted, i);

        for (guint j = 0; strlen(q) >= 4 && j < c->elements->len; j++) {
            xmlNodePtr n = g_ptr_array_index(c->elements, j);
            if (!n->ns && g_str_has_prefix((const char *) n->name, q))
                return n;
        }
    }
    return NULL;
}

/* "<loader>", "<interface type='user'>" */
static xmlNodePtr
by_tag(Ctx *c)
{
    g_autoptr(GRegex) re = g_regex_new("<([A-Za-z][\\w-]*)", 0, 0, NULL);
    g_autoptr(GMatchInfo) m = NULL;

    for (g_regex_match(re, c->message, 0, &m); g_match_info_matches(m); g_match_info_next(m, NULL)) {
        g_autofree char *name = g_match_info_fetch(m, 1);
        xmlNodePtr n = first_named(c, name, NULL);
        if (n)
            return n;
    }
    return NULL;
}

/* Words too common in messages, or naming elements every domain has, to
 * say which element a message is about. */
static bool
stop_word(const char *w)
{
    static const char *const words[] = {
        "domain", "name", "type", "model", "source", "target", "address", "driver", "devices", "device",
        "os", "features", "feature", "value", "mode", "unit", "bus", "port", "index", "alias", "on", "off",
        "the", "and", "for", "with", "not", "only", "this", "must", "use", "yes", "no", "is", "be", "in", "of",
        "machine", "qemu", "binary", "supported", "configuration", "error", "xml", "invalid", "unsupported",
        "argument", "operation", "failed", "requires", "cannot", "element", "attribute", "guest", "host",
    };

    for (gsize i = 0; i < G_N_ELEMENTS(words); i++)
        if (g_ascii_strcasecmp(w, words[i]) == 0)
            return true;
    return false;
}

/* Plain words: distinctive ones (a MAC, a path, a CPU model) first, then
 * element names (with the names libvirt's messages use for them), then
 * attribute values such as a feature's or a timer's name. */
static xmlNodePtr
by_bare_words(Ctx *c)
{
    static const char *const synonyms[][2] = {
        { "uefi", "loader" }, { "efi", "loader" }, { "vcpus", "vcpu" }, { "chardev", "serial" },
        { "tseg", "tseg" }, { "vgpu", "hostdev" }, { "hugetlbfs", "hugepages" }, { "floppy", "disk" },
        { "opengl", "gl" }, { "security", "seclabel" }, { "char", "serial" }, { "char", "console" },
        { "char", "channel" }, { "char", "parallel" }, { "char", "backend" },
    };
    g_auto(GStrv) words = g_regex_split_simple("[\\s'\",;()\\[\\]]+", c->message, 0, 0);
    xmlNodePtr n;

    for (char **w = words; *w; w++) {
        gsize len;

        g_strchomp(*w);
        len = strlen(*w);
        while (len && strchr(".:", (*w)[len - 1]))
            (*w)[--len] = '\0';
        /* rx_queue_size: an attribute name */
        if (len >= 3 && strpbrk(*w, "0123456789/:-_") && !is_number(*w) &&
            (n = by_word(c, *w, false, strchr(*w, '_') != NULL, false)))
            return n;
    }
    /* "boot menu" is <bootmenu>, "memory backing" <memoryBacking> */
    for (char **w = words; *w && w[1]; w++) {
        g_autofree char *joined = g_strconcat(w[0], w[1], NULL);

        for (guint i = 0; i < c->elements->len; i++) {
            xmlNodePtr e = g_ptr_array_index(c->elements, i);
            if (!e->ns && g_ascii_strcasecmp((const char *) e->name, joined) == 0)
                return e;
        }
    }
    for (char **w = words; *w; w++) {
        g_autofree char *lower = g_ascii_strdown(*w, -1);
        gsize len = strlen(lower);

        if (len < 2 || stop_word(lower))
            continue;
        for (gsize i = 0; i < G_N_ELEMENTS(synonyms); i++)
            if (strcmp(lower, synonyms[i][0]) == 0 && (n = first_named(c, synonyms[i][1], NULL)))
                return n;
        if ((n = by_word(c, lower, true, strlen(lower) >= 4, true)) && !vl_xml_is(n, "name"))
            return n;
        if (len > 3 && lower[len - 1] == 's') { /* "interfaces", "controllers" */
            lower[len - 1] = '\0';
            if (!stop_word(lower) && (n = first_named(c, lower, NULL)))
                return n;
        }
    }
    return NULL;
}

xmlNodePtr
vl_libvirt_check_locate(xmlNodePtr domain, const char *message)
{
    static xmlNodePtr (*const strategies[])(Ctx *) = {
        by_pci_address, by_usb_ccw_address, by_attribute_in_element, by_target_or_alias,
        by_pairs, by_quoted, by_tag, by_bare_words,
    };
    g_autoptr(GPtrArray) elements = g_ptr_array_new();
    Ctx c = { .elements = elements, .message = message };

    if (!domain || !message)
        return domain;
    collect(elements, domain);
    c.prefer_last = strstr(message, "already") || strstr(message, "uplicate") || strstr(message, "double use") ||
                    strstr(message, "Multiple") || strstr(message, "multiple") || strstr(message, "Only one") ||
                    strstr(message, "only a single") || strstr(message, "non unique");
    for (gsize i = 0; i < G_N_ELEMENTS(strategies); i++) {
        xmlNodePtr n = strategies[i](&c);
        if (n && n != domain)
            return n;
    }
    return domain;
}
