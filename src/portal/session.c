/* The portal session: logging in, finding pages by their links, reading
 * invoices. The only module that both fetches and parses. */
#include "config.h"

#include "util/i18n.h"
#include "portal/session.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "util/xalloc.h"
#include "web/form.h"
#include "web/form_encode.h"
#include "web/url.h"
#include "portal/invoices.h"
#include "portal/session_internal.h"

void portal_page_clear(struct portal_page *page)
{
	free(page->url);
	html_doc_free(&page->doc);
	page->url = NULL;
}

enum exit_code portal_new(const struct portal_options *options, struct portal **out, char **errp)
{
	*out = NULL;
	const char *login_url = options->login_url ? options->login_url : PORTAL_DEFAULT_URL;
	if (url_check_allowed(login_url, errp) < 0)
		return EXIT_USAGE;
	struct portal *p = xcalloc(1, sizeof(*p));
	p->options = *options;
	p->login_url = xstrdup(login_url);
	p->user = xstrdup(options->user ? options->user : "");
	p->http = http_session_new(&options->http, errp);
	if (!p->http) {
		free(p->login_url);
		free(p->user);
		free(p);
		return EXIT_ERROR;
	}
	*out = p;
	return EXIT_OK;
}

static bool always(const char *url, void *ctx)
{
	return true;
}

void portal_logout(struct portal *p, long timeout_s)
{
	if (!p || !p->logged_in || !p->links.url[LINK_LOGOUT])
		return;
	/* The logout's redirect (back to the login page) is not followed: one
	 * request is enough to end the session. */
	struct http_request logout = { .method = "GET",
		                       .url = p->links.url[LINK_LOGOUT],
		                       .label = _("logout"),
		                       .stop_at = always,
		                       .timeout_s = timeout_s };
	struct http_response r;
	char *err = NULL;
	http_perform(p->http, &logout, &r, &err);
	http_response_clear(&r);
	free(err);
	p->logged_in = false;
}

void portal_free(struct portal **portal)
{
	if (!portal || !*portal)
		return;
	struct portal *p = *portal;
	portal_page_clear(&p->landing);
	portal_links_clear(&p->links);
	http_session_free(&p->http);
	free(p->login_url);
	free(p->user);
	free(p);
	*portal = NULL;
}

const struct http_stats *portal_http_stats(const struct portal *portal)
{
	return http_session_stats(portal->http);
}

static enum exit_code http_failure(enum http_error err)
{
	return err == HTTP_ERR_CANCELLED ? EXIT_ERROR : EXIT_NETWORK;
}

/* Remembers every menu link a page shows, keeping the ones it lacks. */
static void learn_links(struct portal *p, const struct portal_page *page)
{
	struct portal_links found;
	portal_links_find(page->doc, page->url, &found);
	for (int i = 0; i < PORTAL_LINK_COUNT; i++)
		if (found.url[i]) {
			free(p->links.url[i]);
			p->links.url[i] = found.url[i];
			found.url[i] = NULL;
		}
	portal_links_clear(&found);
}

enum exit_code session_fetch(struct portal *p, const struct http_request *req,
                             struct portal_page *out, struct http_response *raw, char **errp)
{
	struct http_response r;
	enum http_error err = http_perform(p->http, req, &r, errp);
	if (err != HTTP_OK)
		return http_failure(err);
	if (r.status >= 400) {
		set_error(errp, _("%s: the portal answered HTTP %ld"), req->label, r.status);
		http_response_clear(&r);
		return EXIT_NETWORK;
	}
	char *why = NULL;
	struct html_doc *doc = NULL;
	if (!r.stopped_at && html_parse(r.body, r.len, r.content_type, &doc, &why) < 0) {
		set_error(errp, _("%s: page not understood: %s"), req->label, why);
		free(why);
		http_response_clear(&r);
		return EXIT_PAGE;
	}
	out->url = xstrdup(r.url);
	out->doc = doc;
	if (doc)
		learn_links(p, out);
	if (raw)
		*raw = r;
	else
		http_response_clear(&r);
	return EXIT_OK;
}

bool session_is_login_page(const struct portal_page *page)
{
	struct form_list *forms = form_list_from_doc(page->doc);
	bool login = page_is_login(forms);
	form_list_free(&forms);
	return login;
}

/* Fills the login form: user, password (wiped at once), hidden fields as
 * served, the pressed button. */
static enum exit_code build_login_request(struct portal *p, const struct portal_page *page,
                                          struct form_request **request, char **errp)
{
	struct form_list *forms = form_list_from_doc(page->doc);
	struct login_form login;
	char *why = NULL;
	if (login_form_find(forms, &login, &why) < 0) {
		char *shown = url_redacted(page->url);
		set_error(errp, _("login page (%s): %s"), shown, why);
		free(shown);
		free(why);
		form_list_free(&forms);
		return EXIT_PAGE;
	}
	const struct form *form = &forms->forms[login.form];
	struct form_values *values = form_values_new(form);
	form_values_set(values, login.user_control, p->user);
	char password[512];
	mlock(password, sizeof(password));
	enum exit_code rc = EXIT_OK;
	if (p->options.get_password(p->options.password_ctx, password, sizeof(password), errp) <
	    0) {
		rc = EXIT_ERROR;
	} else {
		form_values_set(values, login.password_control, password);
		if (form_encode(form, values, login.submit_control, page->url, page->doc->charset,
		                request, errp) < 0)
			rc = EXIT_PAGE;
	}
	explicit_bzero(password, sizeof(password));
	munlock(password, sizeof(password));
	form_values_free(&values);
	form_list_free(&forms);
	return rc;
}

static enum exit_code login_refused(const struct portal_page *page, char **errp)
{
	char *message = login_error_message(page->doc);
	set_error(errp, _("the portal refused the login: %s"),
	          message ? message : "(it showed the login form again, without a message)");
	free(message);
	return EXIT_LOGIN_REFUSED;
}

/* The page itself offers "Se déconnecter" (not a link remembered from an
 * earlier page: a maintenance page after an expiry must not pass). */
static bool page_shows_logout(const struct portal_page *page)
{
	if (!page->doc)
		return false;
	struct portal_links found;
	portal_links_find(page->doc, page->url, &found);
	bool shows = found.url[LINK_LOGOUT] != NULL;
	portal_links_clear(&found);
	return shows;
}

enum exit_code portal_login(struct portal *p, char **errp)
{
	struct portal_page page = { 0 };
	struct http_request get = { .method = "GET",
		                    .url = p->login_url,
		                    .label = _("login page") };
	enum exit_code rc = session_fetch(p, &get, &page, NULL, errp);
	if (rc != EXIT_OK)
		return rc;
	/* Cookies kept from an earlier run (--cookie-file) may still hold a
	 * live session: the portal then answers its login page with a page
	 * of the logged-in menu. That is a login, with no password asked. */
	if (page_shows_logout(&page) && !session_is_login_page(&page)) {
		p->logged_in = true;
		portal_page_clear(&p->landing);
		p->landing = page;
		return EXIT_OK;
	}
	struct form_request *request = NULL;
	rc = build_login_request(p, &page, &request, errp);
	if (rc != EXIT_OK) {
		portal_page_clear(&page);
		return rc;
	}
	struct http_request post = { .method = request->method,
		                     .url = request->url,
		                     .content_type = request->content_type,
		                     .body = request->body,
		                     .body_len = request->body_len,
		                     .referer = page.url,
		                     .label = _("login"),
		                     .sensitive = true };
	struct portal_page landing = { 0 };
	rc = session_fetch(p, &post, &landing, NULL, errp);
	form_request_free(&request);
	portal_page_clear(&page);
	if (rc != EXIT_OK)
		return rc;
	if (session_is_login_page(&landing)) {
		rc = login_refused(&landing, errp);
		portal_page_clear(&landing);
		return rc;
	}
	if (!p->links.url[LINK_LOGOUT]) {
		char *shown = url_redacted(landing.url);
		set_error(errp,
		          _("after login (%s): no \"Se déconnecter\" link: the portal did not "
		            "let us in"),
		          shown);
		free(shown);
		portal_page_clear(&landing);
		return EXIT_PAGE;
	}
	p->logged_in = true;
	portal_page_clear(&p->landing);
	p->landing = landing;
	return EXIT_OK;
}

static enum exit_code ensure_logged_in(struct portal *p, char **errp)
{
	return p->logged_in ? EXIT_OK : portal_login(p, errp);
}

enum exit_code session_get(struct portal *p, const char *url, const char *label,
                           struct portal_page *out, char **errp)
{
	for (int attempt = 0;; attempt++) {
		struct http_request get = { .method = "GET", .url = url, .label = label };
		enum exit_code rc = session_fetch(p, &get, out, NULL, errp);
		if (rc != EXIT_OK || !session_is_login_page(out))
			return rc;
		portal_page_clear(out);
		if (attempt > 0) {
			set_error(errp, _("%s: the portal keeps asking to log in again"), label);
			return EXIT_LOGIN_REFUSED;
		}
		/* The session expired: log in once more and retry (GETs only). */
		p->logged_in = false;
		rc = portal_login(p, errp);
		if (rc != EXIT_OK)
			return rc;
	}
}

static bool shows_logout(const struct portal_page *page)
{
	struct portal_links links;
	portal_links_find(page->doc, page->url, &links);
	bool found = links.url[LINK_LOGOUT] != NULL;
	portal_links_clear(&links);
	return found;
}

static enum exit_code open_link(struct portal *p, enum portal_link link, struct portal_page *out,
                                char **errp)
{
	const char *url = p->links.url[link];
	if (!url) {
		set_error(errp, _("no \"%s\" link on the portal's pages"), portal_link_label(link));
		return EXIT_PAGE;
	}
	char *copy = xstrdup(url); /* the fetch may learn a new one */
	enum exit_code rc = session_get(p, copy, portal_link_label(link), out, errp);
	free(copy);
	if (rc == EXIT_OK && link != LINK_LOGOUT && !shows_logout(out)) {
		/* Every page of a logged-in portal offers "Se déconnecter": one
		 * that does not is a maintenance or error page, not the page asked. */
		char *shown = url_redacted(out->url);
		set_error(errp,
		          _("%s (%s): not a page of the portal (no \"Se déconnecter\" link): "
		            "maintenance or error page?"),
		          portal_link_label(link), shown);
		free(shown);
		portal_page_clear(out);
		return EXIT_PAGE;
	}
	return rc;
}

enum exit_code portal_open_page(struct portal *p, enum portal_link link, struct portal_page *out,
                                char **errp)
{
	memset(out, 0, sizeof(*out));
	enum exit_code rc = ensure_logged_in(p, errp);
	if (rc != EXIT_OK)
		return rc;
	if (link == LINK_ACCUEIL && p->landing.doc) {
		*out = p->landing;
		memset(&p->landing, 0, sizeof(p->landing));
		return EXIT_OK;
	}
	if (link == LINK_FACTURES && !p->links.url[LINK_FACTURES]) {
		struct portal_page compte = { 0 };
		rc = open_link(p, LINK_COMPTE, &compte, errp);
		portal_page_clear(&compte);
		if (rc != EXIT_OK)
			return rc;
	}
	return open_link(p, link, out, errp);
}

static enum exit_code parse_invoice_page(const struct portal_page *page,
                                         struct invoice_page **invoices, char **errp)
{
	char *why = NULL;
	if (invoice_page_parse(page->doc, invoices, &why) == 0) {
		invoice_page_resolve_documents(*invoices, page->url);
		return EXIT_OK;
	}
	char *shown = url_redacted(page->url);
	set_error(errp, "%s (%s)", why, shown);
	free(shown);
	free(why);
	return EXIT_PAGE;
}

enum exit_code portal_read_invoices(struct portal *p, struct invoice_page **invoices,
                                    struct portal_page *out_page, char **errp)
{
	*invoices = NULL;
	enum exit_code rc = ensure_logged_in(p, errp);
	if (rc != EXIT_OK)
		return rc;
	/* Straight to the invoices when the page in hand links there; "Payer
	 * mes factures" leads there on AIGA portals; "Mon compte" otherwise. */
	struct portal_page page = { 0 };
	bool via_payer = !p->links.url[LINK_FACTURES] && p->links.url[LINK_PAYER];
	rc = portal_open_page(p, via_payer ? LINK_PAYER : LINK_FACTURES, &page, errp);
	if (rc == EXIT_OK)
		rc = parse_invoice_page(&page, invoices, errp);
	if (rc == EXIT_PAGE && via_payer && p->links.url[LINK_COMPTE]) {
		portal_page_clear(&page);
		free(*errp);
		*errp = NULL;
		rc = portal_open_page(p, LINK_FACTURES, &page, errp);
		if (rc == EXIT_OK)
			rc = parse_invoice_page(&page, invoices, errp);
	}
	if (rc == EXIT_OK && out_page)
		*out_page = page;
	else
		portal_page_clear(&page);
	return rc;
}
