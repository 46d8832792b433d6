/* Shared between the session's files (session.c, session_pay.c) only. */
#ifndef PF_PORTAL_SESSION_INTERNAL_H
#define PF_PORTAL_SESSION_INTERNAL_H

#include "web/http.h"
#include "portal/navigation.h"
#include "portal/session.h"

struct portal {
	struct portal_options options;
	char *login_url;
	char *user;
	struct http_session *http;
	bool logged_in;
	struct portal_links links;  /* the menu links seen so far */
	struct portal_page landing; /* the page after login, until used */
};

/* Performs req; HTTP errors and statuses >= 400 become exit codes, the
 * body is parsed (unless the request stopped at a redirect) and the menu
 * links it shows are learnt. raw (may be NULL) receives the response. */
enum exit_code session_fetch(struct portal *p, const struct http_request *req,
                             struct portal_page *out, struct http_response *raw, char **errp);

/* GET of a portal page; when the portal answers with its login form (the
 * session expired), logs in again once and retries. */
enum exit_code session_get(struct portal *p, const char *url, const char *label,
                           struct portal_page *out, char **errp);

/* True when the page holds a login form (a password field). */
bool session_is_login_page(const struct portal_page *page);

#endif
