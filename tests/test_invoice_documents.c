/* Unit tests of the invoice rows' document links (portal/invoice_document)
 * on fixtures in several markups (tests/fixtures/invoices/documents-*):
 * what each row links as the page writes it, the address it resolves to,
 * and the rows that link none (a detail page, a payment, mailto:, file:,
 * a script computing the address). */
#include "config.h"

#include <stdio.h>

#include "util/file.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/invoices.h"
#include "test_util.h"

#define BASE "https://portail2.aiga.fr/v4/compte_factures.php5"

static struct invoice_page *read_fixture(const char *name)
{
	char *path = xasprintf("%s/invoices/%s", fixtures_dir(), name);
	char *bytes = NULL, *err = NULL;
	size_t len = 0;
	if (file_read_all(path, 1 << 20, &bytes, &len, &err) != 0)
		fail_msg("%s", err);
	struct html_doc *doc = NULL;
	if (html_parse(bytes, len, NULL, &doc, &err) != 0)
		fail_msg("%s: %s", path, err);
	struct invoice_page *page = NULL;
	if (invoice_page_parse(doc, &page, &err) != 0)
		fail_msg("%s: %s", path, err);
	invoice_page_resolve_documents(page, BASE);
	html_doc_free(&doc);
	free(bytes);
	free(path);
	return page;
}

struct expected {
	const char *number;
	const char *href; /* NULL: no document */
	const char *url;  /* resolved against BASE */
};

static void expect_documents(const char *fixture, const struct expected *want, size_t n)
{
	struct invoice_page *page = read_fixture(fixture);
	assert_int_equal(page->ninvoices, n);
	for (size_t i = 0; i < n; i++) {
		const struct invoice *inv = &page->invoices[i];
		assert_string_equal(inv->number, want[i].number);
		if (!want[i].href) {
			if (inv->document_href)
				fail_msg("%s %s: no document expected, got \"%s\"", fixture,
				         inv->number, inv->document_href);
			assert_null(inv->document_url);
			continue;
		}
		if (!inv->document_href)
			fail_msg("%s %s: \"%s\" expected, got none", fixture, inv->number,
			         want[i].href);
		assert_string_equal(inv->document_href, want[i].href);
		assert_non_null(inv->document_url);
		assert_string_equal(inv->document_url, want[i].url);
		/* Whatever the page wrote, the address we would fetch is
		 * printable ASCII (controls percent-encoded). */
		for (const char *c = inv->document_url; *c; c++)
			assert_true(*c > 0x20 && *c < 0x7f);
	}
	invoice_page_free(&page);
}

#define EXPECT(fixture, ...)                                                     \
	do {                                                                     \
		static const struct expected want[] = { __VA_ARGS__ };           \
		expect_documents(fixture, want, sizeof(want) / sizeof(want[0])); \
	} while (0)

static void test_number_as_link(void **state)
{
	(void)state;
	EXPECT("documents-number-link.html",
	       { "F2022-0912", "facture.php5?id=912",
	         "https://portail2.aiga.fr/v4/facture.php5?id=912" },
	       { "F2022-0388", NULL, NULL },
	       /* UPPERCASE, a title, the number wrapped in newlines. */
	       { "F2022-0301", "../editions/factures/2022/F2022-0301.pdf",
	         "https://portail2.aiga.fr/editions/factures/2022/F2022-0301.pdf" });
}

static void test_icon_column(void **state)
{
	(void)state;
	EXPECT("documents-icon-cell.html",
	       /* alt="Télécharger" */
	       { "CL2022-0457", "facture.php5?id=457&type=pdf",
	         "https://portail2.aiga.fr/v4/facture.php5?id=457&type=pdf" },
	       /* no alt: the column is "Facture" */
	       { "CL2022-0315", "facture.php5?id=315&type=pdf",
	         "https://portail2.aiga.fr/v4/facture.php5?id=315&type=pdf" },
	       { "CL2022-0288", NULL, NULL },
	       { "CL2022-0201", "documents.php5?fac=201",
	         "https://portail2.aiga.fr/v4/documents.php5?fac=201" });
}

static void test_text_links(void **state)
{
	(void)state;
	EXPECT("documents-text-links.html",
	       /* "Voir la facture" beats the number's link to a detail page */
	       { "R2023-0011", "voir_facture.php5?num=R2023-0011",
	         "https://portail2.aiga.fr/v4/voir_facture.php5?num=R2023-0011" },
	       /* a "Détail" magnifier is no document */
	       { "R2023-0012", NULL, NULL },
	       /* nothing else: the number's own link */
	       { "R2023-0013", "detail_facture.php5?id=13",
	         "https://portail2.aiga.fr/v4/detail_facture.php5?id=13" },
	       /* "Payer cette facture" pays */
	       { "R2023-0014", NULL, NULL },
	       /* mailto: */
	       { "R2023-0015", NULL, NULL });
}

static void test_scripts_and_schemes(void **state)
{
	(void)state;
	EXPECT("documents-javascript.html",
	       { "P-1", "facture.php5?id=1", "https://portail2.aiga.fr/v4/facture.php5?id=1" },
	       { "P-2", "../docs/P-2.pdf", "https://portail2.aiga.fr/docs/P-2.pdf" },
	       { "P-3", "impression.php5?id=3",
	         "https://portail2.aiga.fr/v4/impression.php5?id=3" },
	       /* afficher(4) computes it; '...' + 5 too */
	       { "P-4", NULL, NULL }, { "P-5", NULL, NULL },
	       /* file: and ftp: are no links */
	       { "P-6", NULL, NULL },
	       /* another host: a link (the session refuses to fetch it) */
	       { "P-7", "https://factures.example.net/P-7.pdf",
	         "https://factures.example.net/P-7.pdf" },
	       /* ESC and OSC in the address percent-encoded, the trailing BEL
	        * dropped (as a browser trims C0 controls) */
	       { "P-8", "facture.php5?id=8\x1b]0;pwned\x07",
	         "https://portail2.aiga.fr/v4/facture.php5?id=8%1B]0;pwned" });
}

/* Every other fixture: no row links a document, so nothing is taken for
 * one (a checkbox, a total, a heading). */
static void test_plain_pages_link_nothing(void **state)
{
	(void)state;
	static const char *const plain[] = { "seed.html",
		                             "two-regies.html",
		                             "many.html",
		                             "column-order.html",
		                             "th-headers.html",
		                             "paid-no-checkbox.html",
		                             "escape-in-names.html",
		                             "latin1.html" };
	for (size_t f = 0; f < sizeof(plain) / sizeof(plain[0]); f++) {
		struct invoice_page *page = read_fixture(plain[f]);
		for (size_t i = 0; i < page->ninvoices; i++)
			if (page->invoices[i].document_href)
				fail_msg("%s %s: unexpected document \"%s\"", plain[f],
				         page->invoices[i].number, page->invoices[i].document_href);
		invoice_page_free(&page);
	}
}

/* Inline rows: the smallest pages that show one rule each. */
static void test_inline_rules(void **state)
{
	(void)state;
	static const struct {
		const char *cell, *header, *href;
	} cases[] = {
		{ "<a href=\"f.pdf\">x</a>", "Divers", "f.pdf" }, /* .pdf */
		{ "<a href=\"f.php5\"><img src=\"i/PDF_16.png\"></a>", "", "f.php5" },
		{ "<a href=\"f.php5\" title=\"Imprimer\">&#9113;</a>", "", "f.php5" },
		{ "<a href=\"f.php5\">Télécharger</a>", "Montant de la facture", "f.php5" },
		{ "<a href=\"f.php5\">?</a>", "Date de la facture",
		  NULL }, /* not a document column */
		{ "<a href=\"f.php5\">Régler en ligne</a>", "Facture", NULL },
		{ "<a href=\"  \">PDF</a>", "", NULL },
		{ "<a href=\"#\">PDF</a>", "", NULL },
		{ "<a href=\"JavaScript:window.open('f.php5')\">PDF</a>", "", "f.php5" },
		{ "<a href=\"javascript:window.open('javascript:alert(1)')\">PDF</a>", "", NULL },
		{ "<button onclick=\"window.open('b.php5')\">Voir la facture</button>", "",
		  "b.php5" },
		{ "<a href=\"data:application/pdf;base64,JVBERi0=\">PDF</a>", "", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *html = xasprintf(
		        "<html><body><p><a href=\"logout.php5\">Se déconnecter</a><h3>R</h3>"
		        "<table><tr><td>N° de la facture<td>Date de la facture<td>A payer "
		        "avant le<td>Montant dû<td>Solde<td>%s<tr><td>F-1<td>01/01/2023"
		        "<td>01/02/2023<td>1,00<td>1,00<td>%s</table>",
		        cases[i].header, cases[i].cell);
		struct html_doc *doc = parse_html(html);
		struct invoice_page *page = NULL;
		char *err = NULL;
		if (invoice_page_parse(doc, &page, &err) != 0)
			fail_msg("case %zu: %s", i, err);
		assert_int_equal(page->ninvoices, 1);
		const char *got = page->invoices[0].document_href;
		if (!cases[i].href != !got || (got && strcmp(got, cases[i].href) != 0))
			fail_msg("case %zu (%s): expected %s, got %s", i, cases[i].cell,
			         cases[i].href ? cases[i].href : "none", got ? got : "none");
		invoice_page_free(&page);
		html_doc_free(&doc);
		free(html);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_number_as_link),
		cmocka_unit_test(test_icon_column),
		cmocka_unit_test(test_text_links),
		cmocka_unit_test(test_scripts_and_schemes),
		cmocka_unit_test(test_plain_pages_link_nothing),
		cmocka_unit_test(test_inline_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
