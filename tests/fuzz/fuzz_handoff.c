/* Fuzz target: the payment hand-off (portal/handoff.h), the path of `pay`
 * after the Règlement POST: the page → handoff_next → the next URL or form
 * toward PayFiP (meta refresh, location, window.open with or without
 * confirm, target _blank and named pop-up forms, auto-submitting forms,
 * "Payer par carte bancaire"). Input: an optional first line holding the
 * page's URL (see fuzz_split_header), resolved against a fixed portal URL
 * as a redirect would be (that URL when there is no line), then the
 * page. The whole input is also given to handoff_js_call_arg as a script,
 * for each function the extractor looks for.
 * Properties: a step is consistent with its kind (a GET has an absolute,
 * printable URL, a SUBMIT a well-formed request, both say how they were
 * found; NONE carries nothing), a failure has a message, and clearing a
 * step twice is safe. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "web/form_encode.h"
#include "web/html.h"
#include "web/url.h"
#include "portal/handoff/handoff.h"
#include "fuzz.h"

#define T "fuzz_handoff"
#define PAGE_URL "https://portail.example.fr/portail/compte_factures.php5?action=regler"

static void check_step(const struct handoff_step *step)
{
	switch (step->kind) {
	case HANDOFF_NONE:
		FUZZ_CHECK(T, !step->url && !step->request, "HANDOFF_NONE with a URL or request");
		return;
	case HANDOFF_GET:
		FUZZ_CHECK(T, step->url && !step->request, "HANDOFF_GET without a URL");
		fuzz_check_url(T, "hand-off GET", step->url);
		break;
	case HANDOFF_SUBMIT:
		FUZZ_CHECK(T, step->request && !step->url, "HANDOFF_SUBMIT without a request");
		fuzz_check_request(T, step->request);
		break;
	default: fuzz_fail(T, "unknown step kind %d", (int)step->kind);
	}
	FUZZ_CHECK(T, step->via != NULL, "a step that does not say how it was found");
}

static void call_args(const uint8_t *data, size_t size)
{
	static const char *const fns[] = { "window.open",
		                           "open",
		                           "location.replace",
		                           "location.assign",
		                           "confirm",
		                           "document.location.replace",
		                           "window.location.replace" };
	char *script = fuzz_strndup(data, size);

	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++)
		free(handoff_js_call_arg(script, fns[i]));
	free(script);
}

int fuzz_handoff(const uint8_t *data, size_t size)
{
	char *line = NULL, *page_url = NULL, *err = NULL;
	const uint8_t *bytes;
	size_t len;
	struct html_doc *doc = NULL;
	struct handoff_step step;

	if (size > FUZZ_MAX_HTML)
		return 0;
	call_args(data, size);
	fuzz_split_header(data, size, 512, &line, &bytes, &len);
	/* Page URLs reach handoff_next resolved (a link, a form, a Location
	 * header): resolve the line as a redirect would be. */
	if (line)
		page_url = url_resolve(PAGE_URL, line, NULL);
	free(line);
	if (fuzz_open_bug_tidy(bytes, len, NULL) ||
	    html_parse((const char *)bytes, len, NULL, &doc, &err) != 0) {
		free(err);
		free(page_url);
		return 0;
	}
	memset(&step, 0xa5, sizeof step); /* handoff_next must fill it, success or not */
	if (handoff_next(doc, page_url ? page_url : PAGE_URL, doc->charset, &step, &err) == 0)
		check_step(&step);
	else
		FUZZ_CHECK(T, err != NULL, "handoff_next failed without a message");
	handoff_step_clear(&step);
	FUZZ_CHECK(T,
	           step.kind == HANDOFF_NONE && !step.url && !step.request && !step.via &&
	                   !step.confirm,
	           "handoff_step_clear left something");
	handoff_step_clear(&step);
	free(err);
	free(page_url);
	html_doc_free(&doc);
	return 0;
}

FUZZ_ENTRY(fuzz_handoff)
