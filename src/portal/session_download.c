/* Fetching an invoice's document: the session fetches it like a page and
 * tells a document from a web page answering in its place (the login
 * page of an expired session, an error page). */
#include "config.h"

#include "util/i18n.h"
#include "portal/session.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/xalloc.h"
#include "web/disposition.h"
#include "web/url.h"
#include "portal/session_internal.h"

/* How far into a PDF its "%PDF-" may stand (as readers accept it). */
#define PDF_MAGIC_WINDOW 1024
/* How much of a web page's title a message quotes. */
#define TITLE_MAX 80

void portal_document_clear(struct portal_document *doc)
{
	free(doc->data);
	free(doc->content_type);
	free(doc->filename);
	memset(doc, 0, sizeof(*doc));
}

static bool type_is(const char *type, const char *want)
{
	size_t n = strlen(want);
	return type && strncasecmp(type, want, n) == 0 &&
	       (type[n] == '\0' || type[n] == ';' || type[n] == ' ');
}

/* A web page rather than a document: said so, or served untyped (or as
 * bytes) and beginning like one. */
static bool is_web_page(const struct http_response *r)
{
	if (type_is(r->content_type, "text/html") ||
	    type_is(r->content_type, "application/xhtml+xml"))
		return true;
	if (r->content_type && !type_is(r->content_type, "text/plain") &&
	    !type_is(r->content_type, "application/octet-stream"))
		return false;
	const char *s = r->body;
	size_t len = r->len < PDF_MAGIC_WINDOW ? r->len : PDF_MAGIC_WINDOW;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3, len -= 3;
	while (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++, len--;
	if (!len || *s != '<')
		return false;
	char head[PDF_MAGIC_WINDOW + 1];
	memcpy(head, s, len);
	head[len] = '\0';
	return strcasestr(head, "<html") || strcasestr(head, "<body") ||
	       strcasestr(head, "<head") || strcasestr(head, "<!doctype html");
}

static bool begins_like_pdf(const char *data, size_t len)
{
	size_t n = len < PDF_MAGIC_WINDOW ? len : PDF_MAGIC_WINDOW;
	return memmem(data, n, "%PDF-", 5) != NULL;
}

static bool named_pdf(const char *name)
{
	size_t n = name ? strlen(name) : 0;
	return n >= 4 && strcasecmp(name + n - 4, ".pdf") == 0;
}

/* The title of a page (its <title>, else its first heading), cut short. */
static char *page_title(const struct html_doc *doc)
{
	static const char *const tags[] = { "title", "h1", "h2", "h3", NULL };
	for (const char *const *t = tags; *t; t++) {
		const struct html_node *n = html_find(doc->root, *t);
		char *text = n ? html_text_capped(n, TITLE_MAX * 4) : NULL;
		if (text && *text) {
			if (strlen(text) > TITLE_MAX)
				strcpy(text + TITLE_MAX - 3, "...");
			return text;
		}
		free(text);
	}
	return xstrdup(_("(a page without a title)"));
}

/* A web page answered: the login page (*expired), or EXIT_PAGE. */
static enum exit_code web_page_answer(const char *label, struct http_response *r, bool *expired,
                                      char **errp)
{
	struct portal_page page = { .url = r->url };
	char *why = NULL;
	if (html_parse(r->body, r->len, r->content_type, &page.doc, &why) < 0) {
		set_error(errp, _("%s: the portal answered with a web page, not a document (%s)"),
		          label, why);
		free(why);
		return EXIT_PAGE;
	}
	if (session_is_login_page(&page)) {
		*expired = true;
		html_doc_free(&page.doc);
		return EXIT_OK;
	}
	char *title = page_title(page.doc);
	set_error(errp, _("%s: the portal answered with a web page, not a document: \"%s\""), label,
	          title);
	free(title);
	html_doc_free(&page.doc);
	return EXIT_PAGE;
}

static enum exit_code take_document(const char *label, struct http_response *r,
                                    struct portal_document *out, char **errp)
{
	char *name = http_disposition_filename(r->content_disposition);
	bool pdf = type_is(r->content_type, "application/pdf") || named_pdf(name);
	if (r->len == 0 || (pdf && !begins_like_pdf(r->body, r->len))) {
		if (r->len == 0)
			set_error(errp, _("%s: the portal sent an empty document"), label);
		else
			set_error(errp, _("%s: the portal says it sends a PDF, but it is not one"),
			          label);
		free(name);
		return EXIT_PAGE;
	}
	out->data = r->body;
	out->len = r->len;
	out->content_type = r->content_type;
	out->filename = name;
	r->body = r->content_type = NULL;
	return EXIT_OK;
}

/* One GET of the document; *expired when the login page answered. */
static enum exit_code fetch_once(struct portal *p, const char *label, const char *url,
                                 struct portal_document *out, bool *expired, char **errp)
{
	struct http_request get = { .method = "GET", .url = url, .label = label };
	struct http_response r;
	enum http_error err = http_perform(p->http, &get, &r, errp);
	if (err != HTTP_OK)
		return err == HTTP_ERR_CANCELLED ? EXIT_ERROR : EXIT_NETWORK;
	enum exit_code rc;
	if (r.status >= 400) {
		set_error(errp, _("%s: the portal answered HTTP %ld"), label, r.status);
		rc = EXIT_NETWORK;
	} else if (is_web_page(&r)) {
		rc = web_page_answer(label, &r, expired, errp);
	} else {
		rc = take_document(label, &r, out, errp);
	}
	http_response_clear(&r);
	return rc;
}

enum exit_code portal_fetch_document(struct portal *p, const char *number, const char *url,
                                     struct portal_document *out, char **errp)
{
	memset(out, 0, sizeof(*out));
	char *label = xasprintf(_("document of invoice %s"), number);
	enum exit_code rc = EXIT_OK;
	if (!url) {
		set_error(errp, _("invoice %s: the portal shows no document for it"), number);
		rc = EXIT_PAGE;
	} else if (!url_same_host(url, p->login_url)) {
		char *host = url_host(url), *shown = url_redacted(host ? host : url);
		set_error(errp, _("%s: its link leads to another site (%s): not followed"), label,
		          shown);
		free(shown);
		free(host);
		rc = EXIT_PAGE;
	} else if (!p->logged_in) {
		rc = portal_login(p, errp);
	}
	for (int attempt = 0; rc == EXIT_OK; attempt++) {
		bool expired = false;
		rc = fetch_once(p, label, url, out, &expired, errp);
		if (rc != EXIT_OK || !expired)
			break;
		if (attempt > 0) {
			set_error(errp, _("%s: the portal keeps asking to log in again"), label);
			rc = EXIT_LOGIN_REFUSED;
			break;
		}
		/* The session expired: log in once more and ask again (a GET). */
		p->logged_in = false;
		rc = portal_login(p, errp);
	}
	free(label);
	return rc;
}
