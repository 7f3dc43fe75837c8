/* Shared by the check-based unit tests. */
#pragma once

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "lint/engine/context.h"
#include "lint/load/document.h"
#include "lint/model/model.h"

/* The context the tests' engines share: one per test program, made on
 * first use and kept for its life. */
static inline VlContext *
vl_check_context(void)
{
    static VlContext *context;

    if (!context)
        context = vl_context_new();
    return context;
}

/* Run every test case in SUITE and return main()'s exit status. */
static inline int
vl_check_run(Suite *suite)
{
    SRunner *sr = srunner_create(suite);
    int failed;

    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

/* TEXT parsed as "t.xml" (the test fails when it does not parse). */
static inline VlDocument *
vl_check_parse(const char *text)
{
    VlInputError *error = NULL;
    VlDocument *doc = vl_document_parse("t.xml", g_strdup(text), strlen(text), &error);

    ck_assert_msg(doc != NULL, "parse: %s", error ? error->message : "?");
    return doc;
}

/* A domain parsed from text and its model, for tests of the model and of
 * the helpers rules share. */
typedef struct {
    VlDocument *doc;
    VlModel *model;
} Built;

/* <domain ROOT_ATTRS><name>t</name> BODY </domain>, its model built with
 * CONFIG; ROOT_ATTRS starts with a space (" type='kvm'"). */
static inline Built
vl_check_build(const char *root_attrs, const char *body, const VlConfig *config)
{
    g_autofree char *text = g_strdup_printf("<domain%s>\n<name>t</name>\n%s\n</domain>\n", root_attrs, body);
    VlInputError *error = NULL;
    Built b;

    b.doc = vl_document_parse("t.xml", g_strdup(text), strlen(text), &error);
    ck_assert_msg(b.doc != NULL, "parse failed: %s", error ? error->message : "?");
    b.model = vl_model_build(b.doc, config);
    return b;
}

static inline void
vl_check_built_free(Built b)
{
    vl_model_free(b.model);
    vl_document_free(b.doc);
}

/* One rule run on a domain's text with HOST's facts (NULL: none); its
 * findings stay in run.report until vl_check_rule_run_free. */
#include "lint/engine/registry.h"
#include "lint/engine/report.h"
#include "lint/host/host.h"

typedef struct {
    VlConfig config; /* the model keeps a pointer to it */
    VlDocument *doc;
    VlModel *model;
    VlReport report;
} VlCheckRuleRun;

static inline void
vl_check_rule_run(VlCheckRuleRun *run, const char *rule_id, const char *domain, VlHost *host)
{
    const VlRule *rule = vl_registry_find(rule_id);
    VlInputError *error = NULL;

    ck_assert_msg(rule != NULL, "no rule %s", rule_id);
    vl_config_init(&run->config);
    run->config.host = host;
    run->doc = vl_document_parse("t.xml", g_strdup(domain), strlen(domain), &error);
    ck_assert_msg(run->doc != NULL, "parse failed: %s", error ? error->message : "?");
    run->model = vl_model_build(run->doc, &run->config);
    vl_report_init(&run->report, run->doc);
    run->report.rule = rule;
    rule->check(run->model, &run->report);
}

static inline void
vl_check_rule_run_free(VlCheckRuleRun *run)
{
    vl_report_clear(&run->report);
    vl_model_free(run->model);
    vl_document_free(run->doc);
}
