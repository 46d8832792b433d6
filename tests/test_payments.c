/* Unit tests of the payment history reader (portal/payments) on fixtures
 * in several markups, its year sums, and its outputs (cli/payment_output). */
#include "config.h"

#include <jansson.h>
#include <stdio.h>

#include "util/xalloc.h"
#include "portal/payments.h"
#include "cli/payment_output.h"
#include "test_util.h"

static struct html_doc *load(const char *name)
{
	char *path = xasprintf("%s/payments/%s", fixtures_dir(), name);
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
	return doc;
}

/* 1 with *out, 0, or -1 with *err. */
static int read_fixture(const char *name, struct payment_history **out, char **err)
{
	struct html_doc *doc = load(name);
	int rc = payment_history_parse(doc, out, err);
	html_doc_free(&doc);
	return rc;
}

static void expect_payment(const struct payment *p, const char *iso, int64_t cents,
                           const char *means, const char *regie, const char *reference)
{
	char date[11] = "";
	if (p->has_date)
		date_to_iso(&p->date, date);
	assert_string_equal(date, iso);
	assert_int_equal(p->amount_cents, cents);
	assert_string_equal(p->means, means);
	assert_string_equal(p->regie, regie);
	assert_string_equal(p->reference, reference);
}

static void test_nested_latin1_table(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	char *err = NULL;
	assert_int_equal(read_fixture("nested-latin1.html", &h, &err), 1);
	assert_int_equal(h->count, 6);
	expect_payment(&h->items[0], "2025-11-03", 123456, "Prélèvement",
	               "MAIRIE SERVICE ENFANCE JEUNESSE", "PR-2025-1103");
	expect_payment(&h->items[2], "", 3600, "Chèque", "CENTRE DE LOISIRS", "CHQ 0045871");
	assert_string_equal(h->items[2].date_text, "31/02/2025");
	expect_payment(&h->items[3], "", 1200, "Espèces", "CENTRE DE LOISIRS", "");
	expect_payment(&h->items[4], "2025-06-02", 4800, "Chèque vacances ANCV",
	               "centre de loisirs", "ANCV-77");
	assert_int_equal(h->nwarnings, 2);
	assert_non_null(strstr(h->warnings[0], "row 3"));
	assert_non_null(strstr(h->warnings[0], "31/02/2025"));
	assert_non_null(strstr(h->warnings[1], "row 4"));

	size_t n, undated;
	struct payment_year_total *t = payment_history_year(h, 2025, &n, &undated);
	assert_int_equal(n, 2);
	assert_int_equal(undated, 2);
	assert_string_equal(t[0].regie, "MAIRIE SERVICE ENFANCE JEUNESSE");
	assert_int_equal(t[0].cents, 141655);
	assert_int_equal(t[0].count, 2);
	/* "centre de loisirs" and "CENTRE DE LOISIRS" are one régie. */
	assert_int_equal(t[1].cents, 4800);
	free(t);
	t = payment_history_year(h, 2022, &n, &undated);
	assert_int_equal(n, 1);
	assert_int_equal(t[0].cents, 5250);
	free(t);
	assert_null(payment_history_year(h, 1999, &n, &undated));
	assert_int_equal(n, 0);
	payment_history_free(&h);
	assert_null(h);
}

static void test_list_on_mon_compte(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	assert_int_equal(read_fixture("list.html", &h, NULL), 1);
	assert_int_equal(h->count, 2);
	expect_payment(&h->items[0], "2022-07-15", 5250, "Carte bancaire", "CENTRE DE LOISIRS", "");
	expect_payment(&h->items[1], "2022-04-11", 9640, "Chèque",
	               "MAIRIE SERVICE ENFANCE JEUNESSE", "");
	payment_history_free(&h);
}

static void test_columns_by_header_not_position(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	assert_int_equal(read_fixture("columns-reordered.html", &h, NULL), 1);
	/* The invoice table on the same page is not a history. */
	assert_int_equal(h->count, 1);
	expect_payment(&h->items[0], "2025-01-05", 123450, "TIP", "Restauration scolaire",
	               "=HYPERLINK(\"x\")");
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(payment_output_csv(f, h), 0);
	fclose(f);
	assert_string_equal(
	        text, "date;amount;means;regie;reference\n"
	              "2025-01-05;1234,50;TIP;Restauration scolaire;\"'=HYPERLINK(\"\"x\"\")\"\n");
	free(text);
	payment_history_free(&h);
}

static void test_empty_history_and_none(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	assert_int_equal(read_fixture("empty-table.html", &h, NULL), 1);
	assert_int_equal(h->count, 0);
	payment_history_free(&h);
	assert_int_equal(read_fixture("none.html", &h, NULL), 0);
	assert_null(h);
}

static void test_bad_amounts_name_the_row(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	char *err = NULL;
	assert_int_equal(read_fixture("bad-amount.html", &h, &err), -1);
	assert_null(h);
	assert_non_null(strstr(err, "row 2"));
	assert_non_null(strstr(err, "\"1.234\""));
	free(err);
	err = NULL;
	assert_int_equal(read_fixture("bad-amount-list.html", &h, &err), -1);
	assert_non_null(strstr(err, "item 2"));
	assert_non_null(strstr(err, "quatre-vingt"));
	free(err);
}

static void test_history_link(void **state)
{
	(void)state;
	struct html_doc *doc = load("link.html");
	char *url = payment_history_link(doc, "https://portail.example.fr/v4/compte.php5");
	assert_string_equal(url, "https://portail.example.fr/v4/historique.php5?page=1");
	free(url);
	html_doc_free(&doc);
	doc = load("list.html");
	assert_null(payment_history_link(doc, "https://portail.example.fr/v4/compte.php5"));
	html_doc_free(&doc);
}

static void test_outputs(void **state)
{
	(void)state;
	struct payment_history *h = NULL;
	assert_int_equal(read_fixture("nested-latin1.html", &h, NULL), 1);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(payment_output_json(f, h), 0);
	fclose(f);
	json_error_t jerr;
	json_t *root = json_loads(text, 0, &jerr);
	assert_non_null(root);
	assert_int_equal(json_integer_value(json_object_get(root, "total_cents")), 156505);
	json_t *third = json_array_get(json_object_get(root, "payments"), 2);
	assert_true(json_is_null(json_object_get(third, "date")));
	assert_string_equal(json_string_value(json_object_get(third, "date_text")), "31/02/2025");
	json_decref(root);
	free(text);
	f = open_memstream(&text, &len);
	assert_int_equal(payment_output_year(f, h, 2025, PAYMENT_JSON), 0);
	fclose(f);
	root = json_loads(text, 0, &jerr);
	assert_int_equal(json_integer_value(json_object_get(root, "total_cents")), 146455);
	assert_int_equal(json_integer_value(json_object_get(root, "undated")), 2);
	assert_int_equal(json_array_size(json_object_get(root, "regies")), 2);
	json_decref(root);
	free(text);
	payment_history_free(&h);
}

static void test_means(void **state)
{
	(void)state;
	assert_true(payment_means_known("Carte bancaire"));
	assert_true(payment_means_known("CHÈQUE"));
	assert_true(payment_means_known("Prélèvement automatique"));
	assert_false(payment_means_known("CENTRE DE LOISIRS"));
	assert_false(payment_means_known(""));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nested_latin1_table),
		cmocka_unit_test(test_list_on_mon_compte),
		cmocka_unit_test(test_columns_by_header_not_position),
		cmocka_unit_test(test_empty_history_and_none),
		cmocka_unit_test(test_bad_amounts_name_the_row),
		cmocka_unit_test(test_history_link),
		cmocka_unit_test(test_outputs),
		cmocka_unit_test(test_means),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
