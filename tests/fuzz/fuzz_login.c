/* Fuzz target: the login page, the path of portal_login: bytes →
 * html_parse → form_list_from_doc → login_form_find / page_is_login, the
 * login submission built as the session builds it (form_values_set on the
 * user and password fields, form_encode), login_error_message (a refused
 * login) and portal_links_find (the menu every page carries).
 * Properties: login_form_find's indexes point at a text field before a
 * password field of a form and at an enabled submit control; a page with
 * a login form is a login page; the request is well formed and carries
 * the password when its field has a name; every link URL is absolute and
 * printable. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "web/form.h"
#include "web/form_encode.h"
#include "web/html.h"
#include "portal/navigation.h"
#include "fuzz.h"

#define T "fuzz_login"
#define PAGE_URL "https://portail.example.fr/portail/index.php5"
#define USER "famille.test@example.fr"
#define PASSWORD "s3cret!x"

static void check_login_request(const struct form *form, const struct login_form *login,
                                const struct form_request *req)
{
	const struct form_control *pw = &form->controls[login->password_control];

	fuzz_check_request(T, req);
	if (!*pw->name || pw->disabled)
		return;
	/* Every enctype and charset we send keeps ASCII readable: urlencoded
	 * gives "s3cret%21x", multipart and text/plain the value itself. */
	const char *where = strcmp(req->method, "GET") == 0 ? req->url : req->body;
	size_t len = strcmp(req->method, "GET") == 0 ? strlen(req->url) : req->body_len;
	FUZZ_CHECK(T,
	           where && (memmem(where, len, "s3cret%21x", 10) ||
	                     memmem(where, len, PASSWORD, strlen(PASSWORD))),
	           "the password is not in the %s request", req->method);
}

static void check_login(const struct html_doc *doc, const struct form_list *forms)
{
	struct login_form login;
	char *err = NULL;

	if (login_form_find(forms, &login, &err) != 0) {
		FUZZ_CHECK(T, err != NULL, "login_form_find failed without a message");
		free(err);
		return;
	}
	FUZZ_CHECK(T, page_is_login(forms), "a login form on a page that is not a login page");
	FUZZ_CHECK(T, login.form < forms->count, "form %zu of %zu", login.form, forms->count);
	const struct form *form = &forms->forms[login.form];
	FUZZ_CHECK(T,
	           login.user_control < login.password_control &&
	                   login.password_control < form->ncontrols,
	           "user %zu, password %zu of %zu controls", login.user_control,
	           login.password_control, form->ncontrols);
	FUZZ_CHECK(T, form->controls[login.password_control].kind == FC_PASSWORD,
	           "the password control is not a password field");
	FUZZ_CHECK(T, form->controls[login.user_control].kind == FC_TEXT,
	           "the user control is not a text field");
	FUZZ_CHECK(T, login.submit_control >= -1 && login.submit_control < (long)form->ncontrols,
	           "submit %ld of %zu", login.submit_control, form->ncontrols);
	if (login.submit_control >= 0)
		FUZZ_CHECK(T, form_control_is_submit(&form->controls[login.submit_control]),
		           "the submit control does not submit");

	struct form_values *values = form_values_new(form);
	form_values_set(values, login.user_control, USER);
	form_values_set(values, login.password_control, PASSWORD);
	struct form_request *req = NULL;
	if (form_encode(form, values, login.submit_control, PAGE_URL, doc->charset, &req, &err) ==
	    0)
		check_login_request(form, &login, req);
	else
		FUZZ_CHECK(T, err != NULL && req == NULL, "form_encode failed without a message");
	form_request_free(&req);
	form_values_free(&values);
	free(err);
}

static void check_links(const struct html_doc *doc)
{
	struct portal_links links;

	portal_links_find(doc, PAGE_URL, &links);
	for (int i = 0; i < PORTAL_LINK_COUNT; i++)
		if (links.url[i])
			fuzz_check_url(T, portal_link_name((enum portal_link)i), links.url[i]);
	portal_links_clear(&links);
}

int fuzz_login(const uint8_t *data, size_t size)
{
	struct html_doc *doc = NULL;
	char *err = NULL;

	if (size > FUZZ_MAX_HTML)
		return 0;
	if (fuzz_open_bug_tidy(data, size, NULL) ||
	    html_parse((const char *)data, size, NULL, &doc, &err) != 0) {
		free(err);
		return 0;
	}
	struct form_list *forms = form_list_from_doc(doc);
	FUZZ_CHECK(T, forms != NULL, "form_list_from_doc returned NULL");
	check_login(doc, forms);
	char *message = login_error_message(doc);
	if (message)
		FUZZ_CHECK(T, strlen(message) <= 1000, "a %zu-byte login message", strlen(message));
	free(message);
	check_links(doc);
	form_list_free(&forms);
	html_doc_free(&doc);
	return 0;
}

FUZZ_ENTRY(fuzz_login)
