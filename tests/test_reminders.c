/* Unit tests of what `check` reports: day counts (date.c), overdue and
 * due-soon invoices against an injected today (portal/reminders), the
 * reminder lines and JSON (cli/reminder_output) and the home page's
 * documents list on fixtures in several markups (portal/documents_due). */
#include "config.h"

#include <jansson.h>
#include <locale.h>
#include <stdio.h>

#include "util/xalloc.h"
#include "date.h"
#include "portal/documents_due.h"
#include "portal/reminders.h"
#include "cli/reminder_output.h"
#include "test_util.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static struct date d(int y, int m, int day)
{
	return (struct date){ y, m, day };
}

static void test_days_between(void **state)
{
	static const struct {
		struct date from, to;
		long days;
	} cases[] = {
		{ { 2026, 12, 7 }, { 2026, 12, 7 }, 0 },
		{ { 2026, 12, 7 }, { 2026, 12, 10 }, 3 },
		{ { 2026, 12, 7 }, { 2026, 11, 27 }, -10 },
		{ { 2024, 2, 28 }, { 2024, 3, 1 }, 2 },
		{ { 2025, 2, 28 }, { 2025, 3, 1 }, 1 },
		{ { 2026, 12, 31 }, { 2027, 1, 1 }, 1 },
		{ { 2000, 1, 1 }, { 2001, 1, 1 }, 366 },
		{ { 1900, 3, 1 }, { 1900, 2, 28 }, -1 },
		{ { 2026, 3, 28 }, { 2026, 3, 30 }, 2 }, /* across the DST change */
	};
	(void)state;
	for (size_t i = 0; i < COUNT(cases); i++) {
		assert_int_equal(date_days_between(&cases[i].from, &cases[i].to), cases[i].days);
		struct date back = date_add_days(&cases[i].from, cases[i].days);
		assert_int_equal(date_compare(&back, &cases[i].to), 0);
	}
}

static void test_add_days_stays_valid(void **state)
{
	(void)state;
	struct date start = d(2023, 12, 25);
	for (long n = -800; n <= 800; n += 7) {
		struct date x = date_add_days(&start, n);
		assert_true(date_is_valid(x.year, x.month, x.day));
		assert_int_equal(date_days_between(&start, &x), n);
	}
}

static struct invoice inv(const char *number, struct date due, int64_t balance)
{
	return (struct invoice){ .regie = (char *)"CENTRE DE LOISIRS",
		                 .number = (char *)number,
		                 .has_due = true,
		                 .due = due,
		                 .balance_cents = balance };
}

static void test_overdue_and_due_soon(void **state)
{
	(void)state;
	struct date today = d(2026, 12, 7);
	struct invoice yesterday = inv("A", d(2026, 12, 6), 100);
	struct invoice due_today = inv("B", d(2026, 12, 7), 100);
	struct invoice in7 = inv("C", d(2026, 12, 14), 100);
	struct invoice in8 = inv("D", d(2026, 12, 15), 100);
	struct invoice paid = inv("E", d(2026, 1, 1), 0);
	struct invoice no_due = inv("F", d(2026, 1, 1), 100);
	no_due.has_due = false;
	assert_true(invoice_is_overdue(&yesterday, &today));
	assert_false(invoice_is_overdue(&due_today, &today));
	assert_true(invoice_is_due_soon(&due_today, &today, 7));
	assert_true(invoice_is_due_soon(&in7, &today, 7));
	assert_false(invoice_is_due_soon(&in8, &today, 7));
	assert_true(invoice_is_due_soon(&in8, &today, 8));
	assert_false(invoice_is_due_soon(&in7, &today, 0));
	assert_false(invoice_is_overdue(&paid, &today));
	assert_false(invoice_is_due_soon(&paid, &today, 400));
	assert_false(invoice_is_overdue(&no_due, &today));
	assert_false(invoice_is_due_soon(&no_due, &today, 400));
	assert_false(invoice_is_due_soon(&yesterday, &today, 7));
}

static void test_select_in_page_order(void **state)
{
	(void)state;
	struct date today = d(2026, 12, 7);
	struct invoice list[] = { inv("LATER", d(2027, 1, 30), 500),
		                  inv("SOON", d(2026, 12, 10), 300),
		                  inv("LATE", d(2026, 11, 27), 200), inv("PAID", d(2026, 12, 1), 0),
		                  inv("SOON2", d(2026, 12, 12), 100) };
	struct invoice_page page = { .invoices = list, .ninvoices = COUNT(list) };
	size_t n;
	const struct invoice **chosen = reminders_select(&page, &today, 7, &n);
	assert_int_equal(n, 3);
	assert_string_equal(chosen[0]->number, "SOON");
	assert_string_equal(chosen[1]->number, "LATE");
	assert_string_equal(chosen[2]->number, "SOON2");
	free(chosen);
	struct date before;
	assert_int_equal(reminders_due_soon(&page, &today, 7, &before), 2);
	assert_int_equal(date_compare(&before, &(struct date){ 2026, 12, 12 }), 0);
	assert_null(reminders_select(&page, &(struct date){ 2020, 1, 1 }, 7, &n));
	assert_int_equal(n, 0);
	assert_int_equal(reminders_due_soon(&page, &(struct date){ 2020, 1, 1 }, 7, &before), 0);
}

static char *output(int (*write)(FILE *, const struct reminders *), const struct reminders *r)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(write(f, r), 0);
	fclose(f);
	return text;
}

static void test_lines_and_json(void **state)
{
	(void)state;
	struct invoice a = inv("CL2022-0457", d(2026, 12, 10), 3600);
	struct invoice b = inv("F2022-0388", d(2026, 11, 27), 4412);
	struct invoice c = inv("F-TODAY", d(2026, 12, 7), 100);
	struct invoice e = inv("F-TOMORROW", d(2026, 12, 8), 1);
	const struct invoice *list[] = { &a, &b, &c, &e };
	struct document_due doc = { (char *)"Attestation CAF", (char *)"", (char *)"A fournir" };
	struct documents_due docs = { true, &doc, 1 };
	struct reminders r = { list, COUNT(list), &docs, d(2026, 12, 7) };
	char *text = output(reminder_output_text, &r);
	assert_string_equal(text,
	                    "CENTRE DE LOISIRS  CL2022-0457  10/12/2026  36,00 €  due in 3 days\n"
	                    "CENTRE DE LOISIRS  F2022-0388  27/11/2026  44,12 €  overdue\n"
	                    "CENTRE DE LOISIRS  F-TODAY  07/12/2026  1,00 €  due today\n"
	                    "CENTRE DE LOISIRS  F-TOMORROW  08/12/2026  0,01 €  due in 1 day\n"
	                    "Total to pay: 81,13 €\n"
	                    "Document to provide: Attestation CAF: A fournir\n");
	free(text);
	text = output(reminder_output_json, &r);
	json_error_t jerr;
	json_t *root = json_loads(text, 0, &jerr);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "balance_due_cents")), 8113);
	json_t *invoices = json_object_get(root, "invoices");
	assert_int_equal(json_array_size(invoices), 4);
	assert_false(json_is_true(json_object_get(json_array_get(invoices, 0), "overdue")));
	assert_true(json_is_true(json_object_get(json_array_get(invoices, 1), "overdue")));
	json_t *d0 = json_array_get(json_object_get(root, "documents"), 0);
	assert_string_equal(json_string_value(json_object_get(d0, "state")), "A fournir");
	assert_true(json_is_null(json_object_get(d0, "for")));
	json_decref(root);
	free(text);

	struct reminders none = { NULL, 0, NULL, d(2026, 12, 7) };
	assert_true(reminders_empty(&none));
	text = output(reminder_output_text, &none);
	assert_string_equal(text, "");
	free(text);
}

static struct documents_due *read_fixture(const char *name)
{
	char *path = xasprintf("%s/documents/%s", fixtures_dir(), name);
	FILE *f = fopen(path, "rb");
	if (!f)
		fail_msg("cannot open %s", path);
	char buf[65536];
	size_t len = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	struct html_doc *doc = NULL;
	char *err = NULL;
	if (html_parse(buf, len, NULL, &doc, &err) != 0)
		fail_msg("%s: %s", path, err);
	free(path);
	struct documents_due *docs = documents_due_parse(doc);
	html_doc_free(&doc);
	return docs;
}

static void expect_doc(const struct documents_due *docs, size_t i, const char *name,
                       const char *who, const char *state)
{
	assert_true(i < docs->count);
	assert_string_equal(docs->items[i].name, name);
	assert_string_equal(docs->items[i].who, who);
	assert_string_equal(docs->items[i].state, state);
}

static void test_documents_table(void **state)
{
	(void)state;
	struct documents_due *docs = read_fixture("table.html");
	assert_true(docs->section_found);
	assert_int_equal(docs->count, 3);
	expect_doc(docs, 0, "Attestation d'assurance scolaire 2022-2023", "Léo", "A fournir");
	expect_doc(docs, 1, "Projet d'accueil individualisé (PAI)", "Emma",
	           "A RENOUVELER avant le 30/09");
	expect_doc(docs, 2, "Attestation de quotient familial CAF", "", "à fournir");
	documents_due_free(&docs);
	assert_null(docs);
}

static void test_documents_list(void **state)
{
	(void)state;
	struct documents_due *docs = read_fixture("list.html");
	assert_true(docs->section_found);
	assert_int_equal(docs->count, 2);
	expect_doc(docs, 0, "Certificat médical (Léo)", "", "A fournir");
	expect_doc(docs, 1, "Attestation CAF", "", "Expiré");
	documents_due_free(&docs);
}

static void test_documents_heading_in_table(void **state)
{
	(void)state;
	struct documents_due *docs = read_fixture("caption.html");
	assert_true(docs->section_found);
	assert_int_equal(docs->count, 1);
	expect_doc(docs, 0, "Attestation d'assurance", "", "Manquant");
	documents_due_free(&docs);
}

static void test_documents_absent_or_empty(void **state)
{
	(void)state;
	struct documents_due *docs = read_fixture("none.html");
	assert_false(docs->section_found);
	assert_int_equal(docs->count, 0);
	documents_due_free(&docs);
	docs = read_fixture("empty.html");
	assert_true(docs->section_found);
	assert_int_equal(docs->count, 0);
	documents_due_free(&docs);
	documents_due_free(&docs);
}

static void test_document_states(void **state)
{
	(void)state;
	static const char *const due[] = { "A fournir", "À FOURNIR",  "a renouveler",
		                           "Manquant",  "Non fourni", "Expiré le 01/09",
		                           "Refusé" };
	static const char *const done[] = { "Reçu le 01/09/2022",
		                            "Validé",
		                            "Fourni",
		                            "",
		                            "Afournir",
		                            "Document à fournir par l'école ?" };
	for (size_t i = 0; i < COUNT(due); i++)
		assert_true(document_state_is_due(due[i]));
	for (size_t i = 0; i < COUNT(done); i++)
		assert_false(document_state_is_due(done[i]));
}

int main(void)
{
	/* A UTF-8 terminal ("€"); under C the lines fold to ASCII (EUR). */
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_between),
		cmocka_unit_test(test_add_days_stays_valid),
		cmocka_unit_test(test_overdue_and_due_soon),
		cmocka_unit_test(test_select_in_page_order),
		cmocka_unit_test(test_lines_and_json),
		cmocka_unit_test(test_documents_table),
		cmocka_unit_test(test_documents_list),
		cmocka_unit_test(test_documents_heading_in_table),
		cmocka_unit_test(test_documents_absent_or_empty),
		cmocka_unit_test(test_document_states),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
