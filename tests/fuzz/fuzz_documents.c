/* Fuzz target: a downloaded home page to the documents it asks for, the
 * path of `check`: bytes → html_parse → documents_due_parse → the
 * reminder lines and JSON. Input: an optional Content-Type line
 * (fuzz_split_header), then the page.
 * Properties: a result always; no item without the section; every item's
 * state reads as one to act on; the JSON is valid and lists every item;
 * no output holds a raw terminal control. */
#include "config.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "web/html.h"
#include "portal/documents_due.h"
#include "cli/reminder_output.h"
#include "fuzz.h"

#define T "fuzz_documents"

static char *capture(int (*write)(FILE *, const struct reminders *), const struct reminders *r,
                     size_t *len)
{
	struct fuzz_memout m;
	fuzz_memout_open(&m);
	FUZZ_CHECK(T, write(m.fp, r) == 0, "an output failed");
	char *text = fuzz_memout_close(&m);
	*len = m.len;
	unsigned long bad = 0;
	FUZZ_CHECK(T, strlen(text) == m.len, "a NUL byte in the output");
	FUZZ_CHECK(T, !fuzz_has_terminal_control(text, m.len, true, &bad),
	           "U+%04lX reaches the terminal", bad);
	return text;
}

int fuzz_documents(const uint8_t *data, size_t size)
{
	char *content_type = NULL, *err = NULL;
	const uint8_t *bytes;
	size_t len;
	struct html_doc *doc = NULL;
	struct documents_due *docs = NULL;

	if (size > FUZZ_MAX_HTML)
		return 0;
	fuzz_split_header(data, size, 256, &content_type, &bytes, &len);
	if (fuzz_open_bug_tidy(bytes, len, content_type))
		goto out;
	if (html_parse((const char *)bytes, len, content_type, &doc, &err) != 0)
		goto out;
	docs = documents_due_parse(doc);
	FUZZ_CHECK(T, docs != NULL, "no result");
	FUZZ_CHECK(T, docs->section_found || docs->count == 0, "documents without the section");
	for (size_t i = 0; i < docs->count; i++)
		FUZZ_CHECK(T, document_state_is_due(docs->items[i].state) && docs->items[i].name[0],
		           "document %zu: not one to provide", i);
	struct reminders r = { NULL, 0, docs, { 2026, 12, 7 } };
	char *text = capture(reminder_output_text, &r, &len);
	free(text);
	text = capture(reminder_output_json, &r, &len);
	json_error_t jerr;
	json_t *root = json_loadb(text, len, 0, &jerr);
	if (!root)
		fuzz_fail(T, "invalid JSON: %s", jerr.text);
	FUZZ_CHECK(T, json_array_size(json_object_get(root, "documents")) == docs->count,
	           "JSON lists another number of documents");
	json_decref(root);
	free(text);
out:
	documents_due_free(&docs);
	html_doc_free(&doc);
	free(err);
	free(content_type);
	return 0;
}

FUZZ_ENTRY(fuzz_documents)
