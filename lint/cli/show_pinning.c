#include "lint/cli/show_pinning.h"

#include <stdio.h>
#include <string.h>

#include "lint/host/host.h"
#include "lint/host/live.h"
#include "lint/load/document.h"
#include "lint/load/xml.h"
#include "lint/model/model.h"
#include "lint/output/pinning_map.h"

#define EXIT_TROUBLE 2

/* Draw DOC (a domain) headed by LABEL; false when it is no domain. */
static bool
draw(const VlConfig *config, const VlHost *host, VlDocument *doc, const char *label)
{
    VlModel *model;
    const char *name;
    g_autofree char *head = NULL;
    char buf[256];

    if (doc->kind != VL_DOC_DOMAIN) {
        fprintf(stderr, "virtlint: %s: --show-pinning: not a domain\n", label);
        return false;
    }
    model = vl_model_build(doc, config);
    name = vl_xml_text(vl_xml_child(model->root, "name"), buf, sizeof(buf));
    head = name && *name && strcmp(name, label) != 0 ? g_strdup_printf("%s (%s)", name, label) : g_strdup(label);
    vl_pinning_map_print(stdout, config, host, model, head);
    vl_model_free(model);
    return true;
}

int
vl_show_pinning(const VlConfig *config, const VlCli *cli)
{
    g_autoptr(VlHost) host = vl_host_new();
    g_autoptr(GError) error = NULL;
    g_autoptr(VlLive) live = NULL;
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
    bool uses_connection = cli->domains || cli->all_domains;
    const char *uri = cli->connects ? cli->connects[0] : NULL;
    int rc = 0;
    guint drawn = 0;

    if (cli->connects && cli->connects[0] && cli->connects[1]) {
        fprintf(stderr, "virtlint: --show-pinning takes one --connect URI\n");
        return EXIT_TROUBLE;
    }
    if (cli->capabilities) {
        g_autofree char *caps = NULL;

        if (!g_file_get_contents(cli->capabilities, &caps, NULL, &error) ||
            !vl_host_add_capabilities(host, caps, cli->capabilities, &error)) {
            fprintf(stderr, "virtlint: %s\n", error->message);
            return EXIT_TROUBLE;
        }
    }
    if (uses_connection || (uri && !cli->capabilities)) {
        if (!(live = vl_live_open(uri, &error)) || (!cli->capabilities && !vl_live_host(live, host, &error))) {
            fprintf(stderr, "virtlint: %s\n", error->message);
            return EXIT_TROUBLE;
        }
    }
    if (host->topology->len == 0) {
        fprintf(stderr, "virtlint: --show-pinning needs the host's CPU topology: give --capabilities FILE "
                        "(saved `virsh capabilities` output) or --connect URI%s\n",
                cli->capabilities ? " (this file lists no host CPUs)" : "");
        return EXIT_TROUBLE;
    }
    for (char **p = cli->paths; p && *p; p++) {
        VlInputError *load_error = NULL;
        VlDocument *doc = strcmp(*p, "-") == 0 ? vl_document_load_stdin(config, &load_error)
                                               : vl_document_load_file(*p, config, &load_error);

        if (drawn && doc)
            printf("\n");
        if (!doc) {
            g_autofree char *msg = vl_input_error_format(load_error);

            fprintf(stderr, "%s\n", msg);
            vl_input_error_free(load_error);
            rc = EXIT_TROUBLE;
            continue;
        }
        if (draw(config, host, doc, strcmp(*p, "-") == 0 ? "<stdin>" : *p))
            drawn++;
        else
            rc = EXIT_TROUBLE;
        vl_document_free(doc);
    }
    if (cli->all_domains) {
        g_autoptr(GPtrArray) all = vl_live_list(live, &error);

        if (!all) {
            fprintf(stderr, "virtlint: %s\n", error->message);
            return EXIT_TROUBLE;
        }
        for (guint i = 0; i < all->len; i++)
            g_ptr_array_add(names, g_strdup(g_ptr_array_index(all, i)));
    }
    for (char **d = cli->domains; d && *d; d++)
        g_ptr_array_add(names, g_strdup(*d));
    for (guint i = 0; i < names->len; i++) {
        g_autoptr(GError) get_error = NULL;
        g_autofree char *name = NULL;
        char *xml = vl_live_get_xml(live, g_ptr_array_index(names, i), &name, &get_error);
        VlInputError *load_error = NULL;
        VlDocument *doc;

        if (!xml) {
            fprintf(stderr, "virtlint: %s\n", get_error->message);
            rc = EXIT_TROUBLE;
            continue;
        }
        doc = vl_document_parse(name ? name : g_ptr_array_index(names, i), xml, strlen(xml), &load_error);
        if (!doc) {
            g_autofree char *msg = vl_input_error_format(load_error);

            fprintf(stderr, "%s\n", msg);
            vl_input_error_free(load_error);
            rc = EXIT_TROUBLE;
            continue;
        }
        if (drawn)
            printf("\n");
        if (draw(config, host, doc, name ? name : g_ptr_array_index(names, i)))
            drawn++;
        vl_document_free(doc);
    }
    return rc;
}
