/* Every saved invoice page under tests/fixtures/invoices/ against its
 * expected JSON (NAME.json) or expected refusal (NAME.error), and its
 * expected CSV when there is a NAME.csv: one test case per fixture. */
#include "config.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <strings.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "portal/invoices.h"
#include "cli/invoice_output.h"
#include "test_util.h"

struct fixture {
	char *html_path;
	char *expect_path; /* .json or .error */
	char *csv_path;    /* .csv, or NULL */
	bool expect_error;
};

static char *page_json(const struct invoice_page *page)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	assert_non_null(mem);
	assert_int_equal(invoice_output_json(mem, page), 0);
	fclose(mem);
	return text;
}

static char *page_csv(const struct invoice_page *page)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	assert_non_null(mem);
	assert_int_equal(invoice_output_csv(mem, page), 0);
	fclose(mem);
	return text;
}

static void expect_csv(const struct fixture *f, const struct invoice_page *page)
{
	char *want = NULL, *err = NULL;
	size_t len = 0;
	if (file_read_all(f->csv_path, 1u << 20, &want, &len, &err) < 0)
		fail_msg("%s", err);
	char *actual = page_csv(page);
	if (strcmp(actual, want) != 0) {
		print_error("expected\n%s\nactual\n%s\n", want, actual);
		free(actual);
		free(want);
		fail_msg("%s: CSV differs", f->html_path);
	}
	free(actual);
	free(want);
}

static int parse_fixture(const char *path, struct invoice_page **page, char **err)
{
	char *bytes = NULL;
	size_t len = 0;
	if (file_read_all(path, HTML_MAX_BYTES, &bytes, &len, err) < 0)
		fail_msg("%s", *err);
	struct html_doc *doc = NULL;
	int rc = html_parse(bytes, len, NULL, &doc, err);
	free(bytes);
	if (rc == 0)
		rc = invoice_page_parse(doc, page, err);
	html_doc_free(&doc);
	return rc;
}

static void expect_json(const struct fixture *f)
{
	struct invoice_page *page = NULL;
	char *err = NULL;
	if (parse_fixture(f->html_path, &page, &err) != 0)
		fail_msg("%s was refused: %s", f->html_path, err);
	char *actual_text = page_json(page);
	if (f->csv_path)
		expect_csv(f, page);
	invoice_page_free(&page);
	json_error_t jerr;
	json_t *expected = json_load_file(f->expect_path, 0, &jerr);
	if (!expected)
		fail_msg("%s: %s", f->expect_path, jerr.text);
	json_t *actual = json_loads(actual_text, 0, &jerr);
	assert_non_null(actual);
	if (!json_equal(expected, actual)) {
		char *want = json_dumps(expected, JSON_INDENT(1));
		print_error("expected %s\nactual   %s\n", want, actual_text);
		free(want);
		json_decref(expected);
		json_decref(actual);
		free(actual_text);
		fail_msg("%s: JSON differs", f->html_path);
	}
	json_decref(expected);
	json_decref(actual);
	free(actual_text);
}

static void expect_refusal(const struct fixture *f)
{
	char *want = NULL, *err = NULL;
	size_t len = 0;
	assert_int_equal(file_read_all(f->expect_path, 4096, &want, &len, &err), 0);
	want[strcspn(want, "\r\n")] = '\0';
	struct invoice_page *page = NULL;
	int rc = parse_fixture(f->html_path, &page, &err);
	invoice_page_free(&page);
	if (rc == 0)
		fail_msg("%s was accepted; expected an error mentioning \"%s\"", f->html_path,
		         want);
	if (!strcasestr(err, want))
		fail_msg("%s: error \"%s\" does not mention \"%s\"", f->html_path, err, want);
	free(err);
	free(want);
}

static void run_fixture(void **state)
{
	const struct fixture *f = *state;
	if (f->expect_error)
		expect_refusal(f);
	else
		expect_json(f);
}

/* The portal's own questions before a régie's Règlement: the confirm()
 * of the button's onclick, then of the form's onsubmit, also when a page
 * function asks it. */
static void test_regie_confirms(void **state)
{
	(void)state;
	static const struct {
		const char *fixture;
		size_t regie;
		size_t count;
		const char *text; /* the first one */
	} cases[] = {
		{ "pages/factures.html", 0, 1,
		  "Vous allez être redirigé vers le site de paiement. Continuer ?" },
		{ "invoices/form-between-table-and-tr.html", 0, 1,
		  "Vous allez être redirigé vers le site de paiement sécurisé. Voulez-vous "
		  "continuer ?" },
		/* onsubmit="return valider_reglement(1);": the question is the
		 * page function's */
		{ "invoices/overdue.html", 0, 1,
		  "Vous allez être redirigé vers le site de paiement sécurisé de la DGFiP "
		  "(PayFiP).\nUne fois le paiement effectué, cliquez sur « Retour site ».\n\n"
		  "Voulez-vous continuer ?" },
		/* the Se déconnecter link's question is not the Règlement's */
		{ "invoices/seed.html", 0, 1,
		  "Vous allez être redirigé vers le site de paiement sécurisé de la DGFiP "
		  "(PayFiP).\nUne fois le paiement effectué, cliquez sur « Retour site ».\n\n"
		  "Voulez-vous continuer ?" },
		{ "pages/factures.html", 99, 0, NULL }, /* no such régie */
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *path = xasprintf("%s/%s", fixtures_dir(), cases[i].fixture);
		struct invoice_page *page = NULL;
		char *err = NULL;
		if (parse_fixture(path, &page, &err) != 0)
			fail_msg("%s was refused: %s", path, err);
		char *texts[INVOICE_MAX_CONFIRMS];
		size_t n = invoice_regie_confirms(page, cases[i].regie, texts);
		if (n != cases[i].count)
			fail_msg("%s régie %zu: %zu texts, want %zu", cases[i].fixture,
			         cases[i].regie, n, cases[i].count);
		if (cases[i].text)
			assert_string_equal(texts[0], cases[i].text);
		for (size_t k = n; k < INVOICE_MAX_CONFIRMS; k++)
			assert_null(texts[k]);
		for (size_t k = 0; k < n; k++)
			free(texts[k]);
		invoice_page_free(&page);
		free(path);
	}
	char *none[INVOICE_MAX_CONFIRMS];
	assert_int_equal(invoice_regie_confirms(NULL, 0, none), 0);
	assert_null(none[0]);
}

static bool exists(const char *path)
{
	FILE *f = fopen(path, "r");
	if (f)
		fclose(f);
	return f != NULL;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct CMUnitTest *)a)->name, ((const struct CMUnitTest *)b)->name);
}

int main(void)
{
	char *dir = xasprintf("%s/invoices", fixtures_dir());
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "cannot open %s\n", dir);
		return 1;
	}
	struct CMUnitTest *tests = NULL;
	struct fixture *fixtures = xcalloc(1024, sizeof(*fixtures));
	size_t count = 0;
	struct dirent *e;
	while ((e = readdir(d)) && count < 1024) {
		size_t n = strlen(e->d_name);
		if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0)
			continue;
		struct fixture *f = &fixtures[count];
		f->html_path = xasprintf("%s/%s", dir, e->d_name);
		f->expect_path = xasprintf("%s/%.*s.json", dir, (int)(n - 5), e->d_name);
		if (!exists(f->expect_path)) {
			free(f->expect_path);
			f->expect_path = xasprintf("%s/%.*s.error", dir, (int)(n - 5), e->d_name);
			f->expect_error = true;
		}
		f->csv_path = xasprintf("%s/%.*s.csv", dir, (int)(n - 5), e->d_name);
		if (!exists(f->csv_path)) {
			free(f->csv_path);
			f->csv_path = NULL;
		}
		tests = xreallocarray(tests, count + 1, sizeof(*tests));
		tests[count] = (struct CMUnitTest){ .name = xstrdup(e->d_name),
			                            .test_func = run_fixture,
			                            .initial_state = f };
		count++;
	}
	closedir(d);
	qsort(tests, count, sizeof(*tests), by_name);
	/* One plan: the fixtures, then the pay confirms read from some. */
	size_t nfixtures = count;
	tests = xreallocarray(tests, count + 1, sizeof(*tests));
	tests[count++] = (struct CMUnitTest){ .name = xstrdup("pay confirms"),
		                              .test_func = test_regie_confirms };
	int failed = nfixtures
	                     ? _cmocka_run_group_tests("invoice fixtures", tests, count, NULL, NULL)
	                     : 1;

	for (size_t i = 0; i < count; i++)
		free((char *)tests[i].name);
	for (size_t i = 0; i < nfixtures; i++) {
		free(fixtures[i].html_path);
		free(fixtures[i].expect_path);
		free(fixtures[i].csv_path);
	}
	free(tests);
	free(fixtures);
	free(dir);
	return failed;
}
