/* Fuzz target: a downloaded page to the payment history, the path of
 * `payments`: bytes → html_parse → payment_history_parse → the table,
 * JSON, CSV and year outputs and the history link. Input: an optional
 * first line holding the Content-Type header value (fuzz_split_header),
 * then the page.
 * Properties: a parse either fails with a message and no history, or
 * gives one; every date kept is valid; the JSON is valid and lists every
 * payment with the same total; a year's sums add up to what the payments
 * of that year add up to; no output holds a raw terminal control. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/html.h"
#include "portal/payments.h"
#include "cli/payment_output.h"
#include "fuzz.h"

#define T "fuzz_payments"

static char *capture(int (*write)(FILE *, const struct payment_history *),
                     const struct payment_history *h, size_t *len)
{
	struct fuzz_memout m;
	fuzz_memout_open(&m);
	FUZZ_CHECK(T, write(m.fp, h) == 0, "an output failed");
	char *text = fuzz_memout_close(&m);
	*len = m.len;
	unsigned long bad = 0;
	FUZZ_CHECK(T, strlen(text) == m.len, "a NUL byte in the output");
	FUZZ_CHECK(T, !fuzz_has_terminal_control(text, m.len, true, &bad),
	           "U+%04lX reaches the terminal", bad);
	return text;
}

static void check_history(const struct payment_history *h)
{
	int64_t total = 0;
	for (size_t i = 0; i < h->count; i++) {
		const struct payment *p = &h->items[i];
		FUZZ_CHECK(T,
		           !p->has_date || date_is_valid(p->date.year, p->date.month, p->date.day),
		           "payment %zu: invalid date kept", i);
		FUZZ_CHECK(T, p->means && p->regie && p->reference && p->date_text,
		           "payment %zu: a NULL text", i);
		total += p->amount_cents;
	}
	size_t len;
	char *text = capture(payment_output_json, h, &len);
	json_error_t jerr;
	json_t *root = json_loadb(text, len, 0, &jerr);
	if (!root)
		fuzz_fail(T, "invalid JSON: %s", jerr.text);
	FUZZ_CHECK(T, json_array_size(json_object_get(root, "payments")) == h->count,
	           "JSON lists another number of payments");
	FUZZ_CHECK(T, json_integer_value(json_object_get(root, "total_cents")) == total,
	           "JSON total differs");
	json_decref(root);
	free(text);
	free(capture(payment_output_table, h, &len));
	free(capture(payment_output_csv, h, &len));
	for (size_t i = 0; i < h->count; i++) {
		if (!h->items[i].has_date)
			continue;
		int year = h->items[i].date.year;
		size_t n, undated;
		struct payment_year_total *t = payment_history_year(h, year, &n, &undated);
		int64_t sum = 0, expected = 0;
		for (size_t k = 0; k < n; k++)
			sum += t[k].cents;
		for (size_t k = 0; k < h->count; k++)
			if (h->items[k].has_date && h->items[k].date.year == year)
				expected += h->items[k].amount_cents;
		FUZZ_CHECK(T, n > 0 && sum == expected, "year %d: sums %lld, payments %lld", year,
		           (long long)sum, (long long)expected);
		free(t);
		break;
	}
}

int fuzz_payments(const uint8_t *data, size_t size)
{
	char *content_type = NULL, *err = NULL, *link = NULL;
	const uint8_t *bytes;
	size_t len;
	struct html_doc *doc = NULL;
	struct payment_history *h = NULL;

	if (size > FUZZ_MAX_HTML)
		return 0;
	fuzz_split_header(data, size, 256, &content_type, &bytes, &len);
	if (fuzz_open_bug_tidy(bytes, len, content_type))
		goto out;
	if (html_parse((const char *)bytes, len, content_type, &doc, &err) != 0)
		goto out;
	int found = payment_history_parse(doc, &h, &err);
	FUZZ_CHECK(T, found >= -1 && found <= 1, "payment_history_parse returned %d", found);
	FUZZ_CHECK(T, (found == 1) == (h != NULL), "a history without success, or none with");
	FUZZ_CHECK(T, found != -1 || err != NULL, "a failure without a message");
	if (h)
		check_history(h);
	link = payment_history_link(doc, "https://portail.example.fr/v4/compte.php5");
	if (link)
		fuzz_check_url(T, "history link", link);
out:
	free(link);
	payment_history_free(&h);
	html_doc_free(&doc);
	free(err);
	free(content_type);
	return 0;
}

FUZZ_ENTRY(fuzz_payments)
