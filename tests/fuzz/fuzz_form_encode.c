/* Fuzz target: forms as a browser reads and submits them (form.h,
 * form_encode.h), the path of every login, menu and Règlement submission.
 * Input: one byte choosing the page charset (the detected one, or a fixed
 * one, even an unknown name), one byte choosing the page URL, then the page.
 * Every form (the first 8) is encoded as served with every submitter
 * (-1, each control, one past the end; the first 24), then once more with
 * values typed into every field (accents, "€", a character no 8-bit
 * charset holds, controls) and every checkbox flipped.
 * Properties: the form list's indexes agree with form_list_control_for_node
 * and are in document order; form_encode either fails with a message or
 * gives a well-formed request (fuzz_check_request). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/form_encode.h"
#include "web/html.h"
#include "fuzz.h"

#define T "fuzz_form_encode"
#define MAX_FORMS 8
#define MAX_SUBMITTERS 24

static const char *const page_urls[] = {
	"https://portail.example.fr/portail/factures.php5?idf=12&x=1",
	"http://127.0.0.1:8080/portail/",
	"https://portail.example.fr/a/b/c/d.php5#haut",
	"https://xn--mairie-lhorme-8kb.fr:8443/portail/index.php5",
};

static const char *const page_charsets[] = {
	NULL, /* the charset the page was decoded from */
	"UTF-8", "WINDOWS-1252", "ISO-8859-15", "UTF-16LE", "latin1", "x-unknown-charset",
};

#define TYPED "\xc3\xa9t\xc3\xa9 \xe2\x82\xac & = + %20 \"'<> \xf0\x9d\x84\x9e \x01\x1b[2J\r\n."

static void encode(const struct form *form, const struct form_values *values, long submitter,
                   const char *url, const char *charset)
{
	struct form_request *req = NULL;
	char *err = NULL;

	if (form_encode(form, values, submitter, url, charset, &req, &err) == 0)
		fuzz_check_request(T, req);
	else
		FUZZ_CHECK(T, err != NULL && req == NULL, "form_encode failed without a message");
	form_request_free(&req);
	free(err);
}

static void check_list(const struct form_list *list)
{
	size_t total = 0;

	for (size_t f = 0; f < list->count; f++) {
		total += list->forms[f].ncontrols;
		for (size_t c = 0; c < list->forms[f].ncontrols; c++) {
			size_t fi = (size_t)-1;
			const struct form_control *ctl = &list->forms[f].controls[c];
			FUZZ_CHECK(T,
			           form_list_control_for_node(list, ctl->node, &fi) == ctl &&
			                   fi == f,
			           "form %zu control %zu is not found from its node", f, c);
			FUZZ_CHECK(T, ctl->name != NULL, "form %zu control %zu has a NULL name", f,
			           c);
		}
	}
	FUZZ_CHECK(T, list->ncontrols == total, "by_order lists %zu controls of %zu",
	           list->ncontrols, total);
	for (size_t i = 0; i < list->ncontrols; i++) {
		const struct form_control_ref *ref = &list->by_order[i];
		FUZZ_CHECK(T,
		           ref->form < list->count &&
		                   ref->control < list->forms[ref->form].ncontrols,
		           "by_order[%zu] points outside", i);
		FUZZ_CHECK(T, i == 0 || list->by_order[i - 1].order < ref->order,
		           "by_order is not in document order at %zu", i);
	}
}

int fuzz_form_encode(const uint8_t *data, size_t size)
{
	struct html_doc *doc = NULL;
	char *err = NULL;

	if (size < 2 || size > FUZZ_MAX_HTML)
		return 0;
	const char *charset =
	        page_charsets[data[0] % (sizeof page_charsets / sizeof *page_charsets)];
	const char *url = page_urls[data[1] % (sizeof page_urls / sizeof *page_urls)];
	if (fuzz_open_bug_tidy(data + 2, size - 2, NULL) ||
	    html_parse((const char *)data + 2, size - 2, NULL, &doc, &err) != 0) {
		free(err);
		return 0;
	}
	if (!charset)
		charset = doc->charset;
	struct form_list *list = form_list_from_doc(doc);
	check_list(list);

	for (size_t f = 0; f < list->count && f < MAX_FORMS; f++) {
		const struct form *form = &list->forms[f];
		long last = (long)form->ncontrols < MAX_SUBMITTERS ? (long)form->ncontrols
		                                                   : MAX_SUBMITTERS;
		long first_submit = -1;
		for (long s = -1; s <= last; s++) {
			encode(form, NULL, s, url, charset);
			if (first_submit < 0 && s >= 0 && s < (long)form->ncontrols &&
			    form_control_is_submit(&form->controls[s]))
				first_submit = s;
		}

		struct form_values *values = form_values_new(form);
		FUZZ_CHECK(T, values->count == form->ncontrols, "%zu values for %zu controls",
		           values->count, form->ncontrols);
		for (size_t c = 0; c < form->ncontrols; c++) {
			switch (form->controls[c].kind) {
			case FC_TEXT:
			case FC_PASSWORD:
			case FC_HIDDEN:
			case FC_TEXTAREA:
			case FC_SELECT: form_values_set(values, c, TYPED); break;
			case FC_CHECKBOX:
			case FC_RADIO:
				form_values_set_checked(values, c, !values->checked[c]);
				break;
			default: break;
			}
		}
		encode(form, values, first_submit, url, charset);
		form_values_free(&values);
		FUZZ_CHECK(T, values == NULL, "form_values_free left the pointer");
	}
	form_list_free(&list);
	html_doc_free(&doc);
	return 0;
}

FUZZ_ENTRY(fuzz_form_encode)
