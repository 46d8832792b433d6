/* Paying: the selection, the Règlement form sent once, and the hand-off
 * followed up to the first page on the payment site's host. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/form_encode.h"
#include "web/url.h"
#include "portal/handoff/handoff.h"
#include "portal/invoices.h"
#include "portal/regie_name.h"
#include "portal/session_internal.h"

/* How many pages the hand-off may cross after the Règlement. */
#define HANDOFF_MAX_STEPS 8

void pay_result_clear(struct pay_result *r)
{
	free(r->payment_url);
	for (size_t i = 0; i < r->count; i++)
		free(r->numbers[i]);
	free(r->numbers);
	free(r->regie);
	for (size_t i = 0; i < r->nmessages; i++)
		free(r->messages[i]);
	free(r->messages);
	memset(r, 0, sizeof(*r));
}

static void add_message(struct pay_result *r, const char *text)
{
	r->messages = xreallocarray(r->messages, r->nmessages + 1, sizeof(char *));
	r->messages[r->nmessages++] = xstrdup(text);
}

static const struct invoice *find_invoice(const struct invoice_page *page, const char *number)
{
	for (size_t i = 0; i < page->ninvoices; i++)
		if (strcmp(page->invoices[i].number, number) == 0)
			return &page->invoices[i];
	return NULL;
}

static enum exit_code refuse(char **errp, const char *number, const char *why)
{
	set_error(errp, "invoice %s: %s", number, why);
	return EXIT_NOTHING_PAYABLE;
}

static enum exit_code check_payable(const struct invoice *inv, char **errp)
{
	const char *why = invoice_unpayable_reason(inv);
	return why ? refuse(errp, inv->number ? inv->number : "?", why) : EXIT_OK;
}

struct selection {
	const struct invoice **chosen;
	size_t count;
	int64_t amount;
};

static void select_invoice(struct selection *sel, const struct invoice *inv)
{
	for (size_t i = 0; i < sel->count; i++)
		if (sel->chosen[i] == inv)
			return;
	sel->chosen = xreallocarray(sel->chosen, sel->count + 1, sizeof(*sel->chosen));
	sel->chosen[sel->count++] = inv;
	sel->amount = invoices_balance_sum(sel->chosen, sel->count);
}

/* --all: the payable invoices of régie (-1 = of any; they must then all
 * be of one). */
static enum exit_code choose_all(const struct invoice_page *page, long regie, struct selection *sel,
                                 char **errp)
{
	long first = -1;
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		if (check_payable(inv, NULL) != EXIT_OK ||
		    (regie >= 0 && inv->regie_index != (size_t)regie))
			continue;
		if (first < 0)
			first = (long)inv->regie_index;
		if (inv->regie_index != (size_t)first) {
			char *list = regie_list(page);
			set_error(errp,
			          _("invoices to pay in several régies (%s), which the portal pays "
			            "separately: choose one with --regie NAME"),
			          list);
			free(list);
			return EXIT_USAGE;
		}
		select_invoice(sel, inv);
	}
	return EXIT_OK;
}

static enum exit_code choose_invoices(const struct invoice_page *page,
                                      const struct pay_request *req, struct selection *sel,
                                      char **errp)
{
	long regie = req->regie ? regie_find(page, req->regie, errp) : -1;
	if (req->regie && regie < 0)
		return EXIT_USAGE;
	if (req->all) {
		enum exit_code rc = choose_all(page, regie, sel, errp);
		if (rc != EXIT_OK)
			return rc;
	}
	for (size_t i = 0; !req->all && i < req->count; i++) {
		const struct invoice *inv = find_invoice(page, req->numbers[i]);
		if (!inv) {
			set_error(errp, _("invoice %s is not on the portal's invoice page"),
			          req->numbers[i]);
			return EXIT_USAGE;
		}
		if (regie >= 0 && inv->regie_index != (size_t)regie) {
			set_error(errp, _("invoice %s is in the régie \"%s\", not \"%s\""),
			          inv->number, inv->regie, page->regies[regie].name);
			return EXIT_USAGE;
		}
		enum exit_code rc = check_payable(inv, errp);
		if (rc != EXIT_OK)
			return rc;
		if (req->expected_balances && inv->balance_cents != req->expected_balances[i]) {
			set_error(errp,
			          _("invoice %s: its balance changed on the portal since it was "
			            "shown; nothing was sent, please check it again"),
			          inv->number);
			return EXIT_PAGE;
		}
		select_invoice(sel, inv);
	}
	if (sel->count == 0) {
		set_error(errp, _("nothing payable: no invoice with an enabled checkbox and a "
		                  "balance to pay"));
		return EXIT_NOTHING_PAYABLE;
	}
	for (size_t i = 1; i < sel->count; i++)
		if (sel->chosen[i]->regie_index != sel->chosen[0]->regie_index) {
			set_error(errp,
			          _("invoices %s and %s belong to two régies (\"%s\" and \"%s\"), "
			            "which the portal pays separately: pay one régie at a time"),
			          sel->chosen[0]->number, sel->chosen[i]->number,
			          sel->chosen[0]->regie, sel->chosen[i]->regie);
			return EXIT_NOTHING_PAYABLE;
		}
	return EXIT_OK;
}

/* The régie's form with exactly the chosen invoices checked. */
static struct form_values *checked_values(const struct invoice_page *page, const struct form *form,
                                          const struct regie *regie, const struct selection *sel)
{
	struct form_values *values = form_values_new(form);
	for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		if (inv->checkbox_control < 0)
			continue;
		bool chosen = false;
		for (size_t j = 0; j < sel->count; j++)
			chosen = chosen || sel->chosen[j] == inv;
		form_values_set_checked(values, (size_t)inv->checkbox_control, chosen);
	}
	return values;
}

static bool ask(const struct pay_request *req, struct pay_result *result, const char *text)
{
	add_message(result, text);
	return !req->confirm || req->confirm(req->confirm_ctx, text);
}

/* The portal's confirm('...') on the button or the form, if any: the
 * texts invoice_regie_confirms reads, so that a front end that quoted
 * them before the payment recognises them. */
static bool confirm_portal_text(const struct pay_request *req, const struct invoice_page *invoices,
                                size_t regie, struct pay_result *result)
{
	char *texts[INVOICE_MAX_CONFIRMS];
	size_t n = invoice_regie_confirms(invoices, regie, texts);
	bool go = true;
	for (size_t i = 0; i < n; i++) {
		go = go && ask(req, result, texts[i]);
		free(texts[i]);
	}
	return go;
}

struct foreign_ctx {
	const char *portal_url;
};

static bool is_foreign(const char *url, void *ctx)
{
	const struct foreign_ctx *f = ctx;
	return !url_same_host(url, f->portal_url);
}

static enum exit_code handoff_failed(char **errp, const char *url, const char *what)
{
	char *shown = url_redacted(url);
	set_error(errp, _("payment hand-off (%s): %s"), shown, what);
	free(shown);
	return EXIT_PAGE;
}

/* Sends one step of the hand-off. A request to the payment host itself is
 * sent (the payment is created when it arrives) and stopped at its first
 * redirect, which is the page the user's browser must open. */
static enum exit_code send_step(struct portal *p, const struct http_request *base,
                                struct foreign_ctx *fc, struct portal_page *page,
                                struct http_response *raw, char **errp)
{
	struct http_request req = *base;
	bool to_payment_host = is_foreign(req.url, fc);
	req.stop_at = is_foreign;
	req.stop_ctx = fc;
	struct foreign_ctx any = { "" };
	if (to_payment_host)
		req.stop_ctx = &any; /* every hop from there is already foreign */
	return session_fetch(p, &req, page, raw, errp);
}

/* The last GET of the hand-off, which may be sent again after a new login
 * (never a POST: the Règlement is sent once). */
struct handoff_retry {
	char *get_url;
	bool done;
	const char *reglement_url; /* never POSTed to again */
	struct pay_result *result;
};

/* After the Règlement was answered, a lost step of the hand-off leaves a
 * started payment behind: the message must say so. */
static enum exit_code lost_after_reglement(enum exit_code rc, char **errp)
{
	if (rc == EXIT_OK || !errp || !*errp)
		return rc;
	char *why = *errp;
	*errp = xasprintf(_("%s. The portal received the Règlement: the payment may have been "
	                    "started. Check the invoices (r in the interface, or the invoices "
	                    "command) before paying again"),
	                  why);
	free(why);
	return rc;
}

/* Same page: the same URL up to its query string. */
static bool url_same_page(const char *a, const char *b)
{
	size_t la = strcspn(a, "?#"), lb = strcspn(b, "?#");
	return la == lb && strncmp(a, b, la) == 0;
}

/* The portal answered a hand-off step with its login page. */
static enum exit_code after_expiry(struct portal *p, int step, struct handoff_retry *retry,
                                   struct portal_page *page, struct http_response *resp,
                                   char **errp)
{
	if (step == 0) {
		retry->result->progress = PAY_NOT_SENT;
		return handoff_failed(errp, page->url,
		                      "the portal answered the Règlement with its login page: the "
		                      "session had expired, nothing was sent to payment; run pay "
		                      "again");
	}
	if (!retry->get_url || retry->done)
		return handoff_failed(errp, page->url,
		                      _("the session expired during the hand-off"));
	retry->done = true;
	p->logged_in = false;
	enum exit_code rc = portal_login(p, errp);
	if (rc != EXIT_OK)
		return rc;
	portal_page_clear(page);
	http_response_clear(resp);
	struct http_request get = { .method = "GET",
		                    .url = retry->get_url,
		                    .label = _("payment hand-off") };
	struct foreign_ctx fc = { retry->get_url };
	return send_step(p, &get, &fc, page, resp, errp);
}

static enum exit_code follow_steps(struct portal *p, const struct pay_request *req,
                                   struct foreign_ctx *fc, struct http_response *resp,
                                   struct portal_page *page, struct pay_result *result,
                                   struct handoff_retry *retry, char **errp)
{
	for (int step = 0; step < HANDOFF_MAX_STEPS; step++) {
		if (resp->stopped_at || is_foreign(resp->url, fc)) {
			result->payment_url = xstrdup(resp->stopped_at ? resp->stopped_at
			                                               : resp->url);
			return EXIT_OK;
		}
		if (!page->doc)
			return handoff_failed(errp, resp->url, _("empty answer"));
		if (session_is_login_page(page)) {
			enum exit_code rc = after_expiry(p, step, retry, page, resp, errp);
			if (rc != EXIT_OK)
				return rc;
			continue;
		}
		struct handoff_step hs = { 0 };
		char *why = NULL;
		if (handoff_next(page->doc, page->url, page->doc->charset, &hs, &why) < 0) {
			enum exit_code rc = handoff_failed(errp, page->url, why);
			free(why);
			return rc;
		}
		if (hs.confirm && !ask(req, result, hs.confirm)) {
			handoff_step_clear(&hs);
			set_error(errp, _("payment cancelled at the portal's question"));
			return EXIT_ERROR;
		}
		if (hs.kind == HANDOFF_NONE) {
			handoff_step_clear(&hs);
			return handoff_failed(errp, page->url,
			                      "no way on to the payment site (no redirect, pop-up, "
			                      "form or \"Payer par carte bancaire\")");
		}
		if (hs.kind == HANDOFF_SUBMIT && strcmp(hs.request->method, "POST") == 0 &&
		    url_same_page(hs.request->url, retry->reglement_url)) {
			handoff_step_clear(&hs);
			return handoff_failed(errp, page->url,
			                      "the portal offered its Règlement form again: it is "
			                      "not sent twice");
		}
		if (hs.kind == HANDOFF_GET && is_foreign(hs.url, fc)) {
			result->payment_url = hs.url;
			hs.url = NULL;
			handoff_step_clear(&hs);
			return EXIT_OK;
		}
		struct http_request next = { .method = "GET",
			                     .url = hs.url,
			                     .referer = page->url,
			                     .label = _("payment hand-off") };
		if (hs.kind == HANDOFF_SUBMIT) {
			next.method = hs.request->method;
			next.url = hs.request->url;
			next.content_type = hs.request->content_type;
			next.body = hs.request->body;
			next.body_len = hs.request->body_len;
			/* A form of the hand-off may create the payment on the
			 * payment site: sent once, like the Règlement. */
			next.once = strcmp(next.method, "GET") != 0;
		}
		free(retry->get_url);
		retry->get_url = strcmp(next.method, "GET") == 0 ? xstrdup(next.url) : NULL;
		char *referer = page->url;
		page->url = NULL;
		portal_page_clear(page);
		http_response_clear(resp);
		next.referer = referer;
		enum exit_code rc = send_step(p, &next, fc, page, resp, errp);
		free(referer);
		handoff_step_clear(&hs);
		if (rc != EXIT_OK)
			return rc;
	}
	return handoff_failed(errp, resp->url, _("too many pages before the payment site"));
}

static enum exit_code follow_handoff(struct portal *p, const struct pay_request *req,
                                     struct foreign_ctx *fc, const char *reglement_url,
                                     struct http_response *resp, struct portal_page *page,
                                     struct pay_result *result, char **errp)
{
	struct handoff_retry retry = { NULL, false, reglement_url, result };
	enum exit_code rc = follow_steps(p, req, fc, resp, page, result, &retry, errp);
	free(retry.get_url);
	return result->progress == PAY_SENT ? lost_after_reglement(rc, errp) : rc;
}

static void fill_result(struct pay_result *result, const struct selection *sel)
{
	result->amount_cents = sel->amount;
	result->count = sel->count;
	result->numbers = xcalloc(sel->count, sizeof(char *));
	for (size_t i = 0; i < sel->count; i++)
		result->numbers[i] = xstrdup(sel->chosen[i]->number);
	result->regie = xstrdup(sel->chosen[0]->regie);
}

/* The Règlement POST failed: did it reach the portal? The answer decides
 * between "nothing was sent" and "check before paying again". */
static enum exit_code reglement_lost(struct portal *p, enum exit_code rc, struct pay_result *result,
                                     char **errp)
{
	char *why = errp ? *errp : NULL;
	if (!http_request_may_have_arrived(p->http)) {
		result->progress = PAY_NOT_SENT;
		if (errp)
			*errp = xasprintf(_("%s. Nothing was sent: no payment was started"),
			                  why ? why : "");
	} else if (rc == EXIT_PAGE) {
		/* The portal answered, with a page we could not read. */
		result->progress = PAY_SENT;
		return lost_after_reglement(rc, errp);
	} else {
		result->progress = PAY_MAYBE_RECEIVED;
		if (errp)
			*errp = xasprintf(
			        _("%s. The Règlement may have been received by the portal, "
			          "and the payment started: check the invoices (r in the "
			          "interface, or the invoices command) before paying again"),
			        why ? why : "");
		if (rc != EXIT_ERROR)
			rc = EXIT_NETWORK;
	}
	free(why);
	return rc;
}

static enum exit_code submit_reglement(struct portal *p, const struct pay_request *req,
                                       const struct invoice_page *invoices,
                                       const struct portal_page *page, const struct selection *sel,
                                       struct pay_result *result, char **errp)
{
	const struct regie *regie = &invoices->regies[sel->chosen[0]->regie_index];
	if (regie->form_index < 0 || !regie->pay.present) {
		char *shown = url_redacted(page->url);
		set_error(errp, _("invoice page (%s): régie \"%s\" has no \"Règlement\" button"),
		          shown, regie->name);
		free(shown);
		return EXIT_PAGE;
	}
	const struct form *form = &invoices->forms->forms[regie->form_index];
	if (!confirm_portal_text(req, invoices, sel->chosen[0]->regie_index, result)) {
		set_error(errp, _("payment cancelled at the portal's question"));
		return EXIT_ERROR;
	}
	struct form_values *values = checked_values(invoices, form, regie, sel);
	struct form_request *fr = NULL;
	long submitter = regie->pay.is_submit ? regie->pay.control : -1;
	int rc = form_encode(form, values, submitter, page->url, page->doc->charset, &fr, errp);
	form_values_free(&values);
	if (rc < 0)
		return EXIT_PAGE;
	if (req->before_submit &&
	    !req->before_submit(req->before_ctx, sel->chosen, sel->count, sel->amount)) {
		form_request_free(&fr);
		set_error(errp, _("payment not sent"));
		return EXIT_ERROR;
	}
	struct foreign_ctx fc = { page->url };
	struct http_request post = { .method = fr->method,
		                     .url = fr->url,
		                     .content_type = fr->content_type,
		                     .body = fr->body,
		                     .body_len = fr->body_len,
		                     .referer = page->url,
		                     .label = "Règlement",
		                     .once = true };
	struct portal_page next = { 0 };
	struct http_response resp = { 0 };
	/* Sent once: whatever happens next, it is never re-sent by us. */
	enum exit_code code = send_step(p, &post, &fc, &next, &resp, errp);
	if (code == EXIT_OK) {
		result->progress = PAY_SENT;
		code = follow_handoff(p, req, &fc, post.url, &resp, &next, result, errp);
	} else {
		code = reglement_lost(p, code, result, errp);
	}
	form_request_free(&fr);
	http_response_clear(&resp);
	portal_page_clear(&next);
	return code;
}

enum exit_code portal_pay(struct portal *p, const struct pay_request *req,
                          struct pay_result *result, char **errp)
{
	memset(result, 0, sizeof(*result));
	struct invoice_page *invoices = NULL;
	struct portal_page page = { 0 };
	enum exit_code rc = portal_read_invoices(p, &invoices, &page, errp);
	if (rc != EXIT_OK)
		return rc;
	struct selection sel = { 0 };
	rc = choose_invoices(invoices, req, &sel, errp);
	if (rc == EXIT_OK) {
		fill_result(result, &sel);
		rc = submit_reglement(p, req, invoices, &page, &sel, result, errp);
	}
	free(sel.chosen);
	invoice_page_free(&invoices);
	portal_page_clear(&page);
	return rc;
}
