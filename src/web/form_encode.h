/* Submitting a form as a browser would: its successful controls, the
 * pressed button, in the form's method, enctype and charset. */
#ifndef PF_WEB_FORM_ENCODE_H
#define PF_WEB_FORM_ENCODE_H

#include <stdbool.h>
#include <stddef.h>

#include "web/form.h"

/* What the user changed before submitting: per control (same index as
 * form->controls), a new value (NULL = as served) and checked state. */
struct form_values {
	size_t count;
	char **value;  /* owned copies; NULL = keep the served value */
	bool *checked; /* initialised from the served state */
};

/* Values as served. Never NULL. */
struct form_values *form_values_new(const struct form *form);
/* Sets a text/password/hidden/textarea/select value (a select then sends
 * exactly that value); the old value is wiped (it may have been a
 * password). NULL goes back to the served value; an index out of range is
 * ignored. */
void form_values_set(struct form_values *values, size_t control, const char *value);
void form_values_set_checked(struct form_values *values, size_t control, bool checked);
/* Wipes every value (explicit_bzero) before freeing. Accepts NULL. */
void form_values_free(struct form_values **values);

/* A request ready for the HTTP layer. */
struct form_request {
	char *method;       /* "GET" or "POST" */
	char *url;          /* absolute; for GET with the query built in */
	char *content_type; /* POST only: "application/x-www-form-urlencoded",
	                       "multipart/form-data; boundary=..." or "text/plain" */
	char *body;         /* POST only, body_len bytes (not NUL-safe) */
	size_t body_len;
	char *charset; /* the charset the values were encoded in */
};

/* Builds the submission of form with values (NULL = as served) when the
 * submit control `submitter` (an index into form->controls, or -1 for an
 * implicit submission without a button) is pressed. Successful controls
 * follow HTML: named, not disabled, checkboxes/radios only when checked,
 * only the pressed submit button (image buttons send name.x/name.y = 0),
 * selects send their selected options (the first enabled one when none is
 * selected in a single select), no file contents, reset/button never.
 * The charset is the first of the form's accept-charset that we know, else
 * page_charset; characters it cannot hold become &#NNNN; as in browsers.
 * The action is resolved against page_url; a GET replaces the action's
 * query. Returns 0, or -1 with *errp (bad action URL, unknown charset). */
int form_encode(const struct form *form, const struct form_values *values, long submitter,
                const char *page_url, const char *page_charset, struct form_request **out,
                char **errp);
/* Wipes the body and the URL (either may hold a password) and frees.
 * Accepts NULL. */
void form_request_free(struct form_request **request);

/* application/x-www-form-urlencoded escaping of bytes: alnum and "*-._"
 * as is, space as '+', everything else %XX. Appends to a newly allocated
 * string. */
char *form_urlencode(const char *bytes, size_t len);

#endif
