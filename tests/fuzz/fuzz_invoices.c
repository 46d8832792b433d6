/* Fuzz target: a downloaded page to the invoice list, the path of
 * `invoices` and `parse invoices`: bytes → html_parse (charset, pre-scan,
 * tidy) → invoice_page_parse → invoice_output_json, and the table, CSV and
 * warnings outputs. Input: an optional first line holding the Content-Type
 * header value (see fuzz_split_header), then the page.
 * Properties: the model's indexes stay inside their arrays (model.h); the
 * JSON is valid, lists every invoice and carries the same totals; no
 * output holds a raw terminal control (only '\n'); a row's document link is
 * never empty and resolves to a URL the program could fetch, or to none. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/html.h"
#include "portal/invoices.h"
#include "cli/invoice_output.h"
#include "cli/invoice_plain.h"
#include "fuzz.h"

#define T "fuzz_invoices"

static void check_model(const struct invoice_page *page)
{
	const struct form_list *forms = page->forms;

	FUZZ_CHECK(T, forms != NULL, "the page keeps no form list");
	for (size_t r = 0; r < page->nregies; r++) {
		const struct regie *g = &page->regies[r];
		FUZZ_CHECK(T,
		           g->first_invoice <= page->ninvoices &&
		                   g->ninvoices <= page->ninvoices - g->first_invoice,
		           "régie %zu: invoices %zu+%zu of %zu", r, g->first_invoice, g->ninvoices,
		           page->ninvoices);
		FUZZ_CHECK(T, g->form_index >= -1 && g->form_index < (long)forms->count,
		           "régie %zu: form %ld of %zu", r, g->form_index, forms->count);
		size_t ncontrols = g->form_index >= 0 ? forms->forms[g->form_index].ncontrols : 0;
		FUZZ_CHECK(T, g->pay.control >= -1 && g->pay.control < (long)ncontrols,
		           "régie %zu: pay button %ld of %zu", r, g->pay.control, ncontrols);
		FUZZ_CHECK(T, g->back.control >= -1 && g->back.control < (long)ncontrols,
		           "régie %zu: back button %ld of %zu", r, g->back.control, ncontrols);
		for (size_t i = g->first_invoice; i < g->first_invoice + g->ninvoices; i++) {
			const struct invoice *inv = &page->invoices[i];
			FUZZ_CHECK(T, inv->regie_index == r, "invoice %zu in régie %zu says %zu", i,
			           r, inv->regie_index);
			FUZZ_CHECK(T,
			           inv->checkbox_control >= -1 &&
			                   inv->checkbox_control < (long)ncontrols,
			           "invoice %zu: checkbox %ld of %zu", i, inv->checkbox_control,
			           ncontrols);
		}
	}
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		FUZZ_CHECK(T, inv->regie_index < page->nregies, "invoice %zu: régie %zu of %zu", i,
		           inv->regie_index, page->nregies);
		FUZZ_CHECK(T, inv->has_checkbox || (!inv->selectable && !inv->selected),
		           "invoice %zu selectable without a checkbox", i);
		FUZZ_CHECK(T, inv->has_checkbox || inv->checkbox_name == NULL,
		           "invoice %zu: a checkbox name without a checkbox", i);
		FUZZ_CHECK(T,
		           !inv->has_date ||
		                   date_is_valid(inv->date.year, inv->date.month, inv->date.day),
		           "invoice %zu: invalid date", i);
		FUZZ_CHECK(T,
		           !inv->has_due ||
		                   date_is_valid(inv->due.year, inv->due.month, inv->due.day),
		           "invoice %zu: invalid due date", i);
		FUZZ_CHECK(T, !inv->document_href || *inv->document_href,
		           "invoice %zu: an empty document link", i);
		FUZZ_CHECK(T, !inv->document_url, "invoice %zu: a document URL before resolving",
		           i);
	}
}

/* The document links, made absolute as the session does: each a URL the
 * program could fetch, or none. */
static void check_documents(struct invoice_page *page)
{
	invoice_page_resolve_documents(page, "https://portail.example/v4/compte_factures.php5");
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		FUZZ_CHECK(T, inv->document_href || !inv->document_url,
		           "invoice %zu: a document URL without a link", i);
		if (inv->document_url)
			fuzz_check_url(T, "document URL", inv->document_url);
	}
}

static void check_inert(const char *what, const char *text, size_t len)
{
	unsigned long bad = 0;

	FUZZ_CHECK(T, strlen(text) == len, "%s: a NUL byte in the output", what);
	FUZZ_CHECK(T, !fuzz_has_terminal_control(text, len, true, &bad),
	           "%s: U+%04lX reaches the terminal", what, bad);
}

static void check_json(const struct invoice_page *page)
{
	struct fuzz_memout m;
	fuzz_memout_open(&m);
	FUZZ_CHECK(T, invoice_output_json(m.fp, page) == 0, "invoice_output_json failed");
	char *text = fuzz_memout_close(&m);
	check_inert("JSON", text, m.len);

	json_error_t jerr;
	json_t *root = json_loadb(text, m.len, 0, &jerr);
	if (!root)
		fuzz_fail(T, "invalid JSON: %s at %d", jerr.text, jerr.position);
	json_t *list = json_object_get(root, "invoices");
	FUZZ_CHECK(T, json_is_array(list) && json_array_size(list) == page->ninvoices,
	           "JSON lists %zu invoices of %zu", json_array_size(list), page->ninvoices);
	FUZZ_CHECK(T,
	           json_integer_value(json_object_get(root, "balance_due_cents")) ==
	                   invoice_page_balance_due(page),
	           "JSON balance_due_cents differs");
	FUZZ_CHECK(T,
	           json_integer_value(json_object_get(root, "selected_total_cents")) ==
	                   invoice_page_selected_total(page),
	           "JSON selected_total_cents differs");
	for (size_t i = 0; i < json_array_size(list); i++) {
		json_t *inv = json_array_get(list, i);
		FUZZ_CHECK(T,
		           json_is_string(json_object_get(inv, "number")) &&
		                   json_is_string(json_object_get(inv, "regie")),
		           "invoice %zu: number or régie is not a string in the JSON", i);
	}
	json_decref(root);
	free(text);
}

static void check_text_outputs(const struct invoice_page *page)
{
	struct fuzz_memout m;
	char *text;

	fuzz_memout_open(&m);
	FUZZ_CHECK(T, invoice_output_table(m.fp, page) == 0, "invoice_output_table failed");
	text = fuzz_memout_close(&m);
	check_inert("table", text, m.len);
	free(text);

	fuzz_memout_open(&m);
	FUZZ_CHECK(T, invoice_output_csv(m.fp, page) == 0, "invoice_output_csv failed");
	text = fuzz_memout_close(&m);
	check_inert("CSV", text, m.len);
	free(text);

	fuzz_memout_open(&m);
	struct date today = { 2022, 9, 20 };
	FUZZ_CHECK(T, invoice_output_plain(m.fp, page, &today, 0) == 0,
	           "invoice_output_plain failed");
	text = fuzz_memout_close(&m);
	check_inert("plain", text, m.len);
	free(text);

	/* The Règlement's questions, read through the page's own functions. */
	for (size_t r = 0; r < page->nregies; r++) {
		char *texts[INVOICE_MAX_CONFIRMS];
		size_t n = invoice_regie_confirms(page, r, texts);
		FUZZ_CHECK(T, n <= INVOICE_MAX_CONFIRMS, "régie %zu: %zu confirm texts", r, n);
		for (size_t k = 0; k < n; k++) {
			FUZZ_CHECK(T, texts[k] != NULL, "régie %zu: confirm %zu is NULL", r, k);
			free(texts[k]);
		}
	}

	fuzz_memout_open(&m);
	invoice_output_warnings(m.fp, page);
	text = fuzz_memout_close(&m);
	check_inert("warnings", text, m.len);
	free(text);
}

int fuzz_invoices(const uint8_t *data, size_t size)
{
	char *content_type = NULL, *err = NULL;
	const uint8_t *bytes;
	size_t len;
	struct html_doc *doc = NULL;
	struct invoice_page *page = NULL;

	if (size > FUZZ_MAX_HTML)
		return 0;
	fuzz_split_header(data, size, 256, &content_type, &bytes, &len);
	if (fuzz_open_bug_tidy(bytes, len, content_type))
		goto out;
	if (html_parse((const char *)bytes, len, content_type, &doc, &err) != 0) {
		FUZZ_CHECK(T, err != NULL && doc == NULL, "html_parse failed without a message");
		goto out;
	}
	if (invoice_page_parse(doc, &page, &err) != 0) {
		FUZZ_CHECK(T, err != NULL && page == NULL,
		           "invoice_page_parse failed without a message");
		goto out;
	}
	check_model(page);
	check_json(page);
	check_text_outputs(page);
	check_documents(page);
out:
	invoice_page_free(&page);
	html_doc_free(&doc);
	free(err);
	free(content_type);
	return 0;
}

FUZZ_ENTRY(fuzz_invoices)
