/* Form submission as a browser builds it: entry list, charset, encoding. */
#include "config.h"

#include "util/i18n.h"
#include "web/form_encode.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "util/sanitize.h"
#include "util/secbuf.h"
#include "util/xalloc.h"
#include "web/charset.h"
#include "web/url.h"

/* Every buffer here may hold a password: each is wiped before it is freed
 * (util/secbuf.h), and none grows by realloc. */

struct form_values *form_values_new(const struct form *form)
{
	struct form_values *values = xcalloc(1, sizeof(*values));
	size_t n = form ? form->ncontrols : 0;

	values->count = n;
	values->value = xcalloc(n ? n : 1, sizeof(*values->value));
	values->checked = xcalloc(n ? n : 1, sizeof(*values->checked));
	for (size_t i = 0; i < n; i++)
		values->checked[i] = form->controls[i].checked;
	return values;
}

void form_values_set(struct form_values *values, size_t control, const char *value)
{
	if (!values || control >= values->count)
		return;
	secbuf_free_string(values->value[control]);
	values->value[control] = value ? xstrdup(value) : NULL;
}

void form_values_set_checked(struct form_values *values, size_t control, bool checked)
{
	if (values && control < values->count)
		values->checked[control] = checked;
}

void form_values_free(struct form_values **values)
{
	if (!values || !*values)
		return;
	for (size_t i = 0; i < (*values)->count; i++)
		secbuf_free_string((*values)->value[i]);
	free((*values)->value);
	free((*values)->checked);
	free(*values);
	*values = NULL;
}

void form_request_free(struct form_request **request)
{
	if (!request || !*request)
		return;
	struct form_request *r = *request;
	if (r->body) {
		explicit_bzero(r->body, r->body_len);
		free(r->body);
	}
	secbuf_free_string(r->url); /* a GET login form puts the password there */
	free(r->method);
	free(r->content_type);
	free(r->charset);
	free(r);
	*request = NULL;
}

/* application/x-www-form-urlencoded keeps these bytes as they are. */
static bool urlencode_kept(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '*' || c == '-' || c == '.' || c == '_';
}

char *form_urlencode(const char *bytes, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t need = 1;

	/* Sized exactly first: a password never goes through a realloc. */
	for (size_t i = 0; i < len; i++)
		need += urlencode_kept((unsigned char)bytes[i]) || bytes[i] == ' ' ? 1 : 3;
	char *out = xmalloc(need), *o = out;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)bytes[i];
		if (urlencode_kept(c) || c == ' ') {
			*o++ = c == ' ' ? '+' : (char)c;
		} else {
			*o++ = '%';
			*o++ = hex[c >> 4];
			*o++ = hex[c & 15];
		}
	}
	*o = '\0';
	return out;
}

/* One name/value pair of the entry list (HTML "constructing the entry
 * list"), still in UTF-8. Strings are borrowed except owned_name. */
struct entry {
	const char *name;
	const char *value;
	bool is_file;
	char *owned_name;
};

struct entries {
	struct entry *e;
	size_t n;
};

static void entries_add(struct entries *list, const char *name, const char *value, bool is_file)
{
	list->e = xreallocarray(list->e, list->n + 1, sizeof(*list->e));
	list->e[list->n++] = (struct entry){ name, value, is_file, NULL };
}

static void entries_free(struct entries *list)
{
	for (size_t i = 0; i < list->n; i++)
		free(list->e[i].owned_name);
	free(list->e);
}

/* A control inside a disabled <fieldset> is disabled too, unless it sits in
 * that fieldset's first <legend>. */
static bool in_disabled_fieldset(const struct html_node *node)
{
	for (const struct html_node *a = node ? node->parent : NULL; a; a = a->parent) {
		if (!html_is(a, "fieldset") || !html_attr(a, "disabled"))
			continue;
		const struct html_node *legend = a->first_child;
		while (legend && legend->type != HTML_ELEMENT)
			legend = legend->next;
		if (!(legend && html_is(legend, "legend") && html_is_ancestor(legend, node)))
			return true;
	}
	return false;
}

/* HTML's selectedness for a select without `multiple`: the last option
 * marked selected, else (display size 1) the first enabled option. */
static long single_select_choice(const struct form_control *c)
{
	const char *size = c->node ? html_attr(c->node, "size") : NULL;

	for (size_t i = c->noptions; i-- > 0;)
		if (c->options[i].selected)
			return (long)i;
	if (size && atol(size) > 1)
		return -1;
	for (size_t i = 0; i < c->noptions; i++)
		if (!c->options[i].disabled)
			return (long)i;
	return -1;
}

static void add_select(struct entries *list, const struct form_control *c, const char *set)
{
	if (set) {
		entries_add(list, c->name, set, false);
	} else if (c->multiple) {
		for (size_t i = 0; i < c->noptions; i++)
			if (c->options[i].selected && !c->options[i].disabled)
				entries_add(list, c->name, c->options[i].value, false);
	} else {
		long i = single_select_choice(c);
		if (i >= 0 && !c->options[i].disabled)
			entries_add(list, c->name, c->options[i].value, false);
	}
}

static void add_image_coordinates(struct entries *list, const struct form_control *c)
{
	for (int axis = 0; axis < 2; axis++) {
		char *name = *c->name ? xasprintf("%s.%c", c->name, "xy"[axis])
		                      : xstrdup(axis ? "y" : "x");
		entries_add(list, name, "0", false);
		list->e[list->n - 1].owned_name = name;
	}
}

static void add_control(struct entries *list, const struct form_control *c, const char *set,
                        bool checked, bool pressed, const char *charset_name)
{
	switch (c->kind) {
	case FC_SUBMIT:
		if (pressed && *c->name)
			entries_add(list, c->name, c->value, false);
		return;
	case FC_IMAGE:
		if (pressed)
			add_image_coordinates(list, c);
		return;
	case FC_BUTTON:
	case FC_RESET: return;
	default: break;
	}
	if (!*c->name)
		return;
	if (c->kind == FC_CHECKBOX || c->kind == FC_RADIO) {
		if (checked)
			entries_add(list, c->name, c->value, false);
	} else if (c->kind == FC_SELECT) {
		add_select(list, c, set);
	} else if (c->kind == FC_FILE) {
		entries_add(list, c->name, "", true);
	} else if (c->kind == FC_HIDDEN && !set && strcasecmp(c->name, "_charset_") == 0) {
		entries_add(list, c->name, charset_name, false);
	} else {
		entries_add(list, c->name, set ? set : c->value, false);
	}
}

static void build_entries(const struct form *form, const struct form_values *values, long submitter,
                          const char *charset_name, struct entries *list)
{
	for (size_t i = 0; i < form->ncontrols; i++) {
		const struct form_control *c = &form->controls[i];
		if (c->disabled || in_disabled_fieldset(c->node))
			continue;
		add_control(list, c, values ? values->value[i] : NULL,
		            values ? values->checked[i] : c->checked, (long)i == submitter,
		            charset_name);
	}
}

/* Newlines as CRLF (HTML normalises every entry so), then the target
 * charset with &#N; for what it lacks. Single-line fields have already
 * lost their newlines (see field_value). */
static char *encode_text(const char *utf8, const char *charset)
{
	struct secbuf crlf = SECBUF_INIT;

	for (const char *p = utf8; *p; p++) {
		if (*p == '\r' || *p == '\n') {
			secbuf_puts(&crlf, "\r\n");
			if (*p == '\r' && p[1] == '\n')
				p++;
		} else {
			secbuf_append(&crlf, p, 1);
		}
	}
	char *out = charset_from_utf8(crlf.data ? crlf.data : "", charset);
	secbuf_wipe(&crlf);
	return out ? out : xstrdup(""); /* the charset was checked: cannot happen */
}

/* Text and password inputs cannot hold newlines (HTML value sanitization):
 * a value attribute with one loses it. Returns an owned copy or NULL. */
static char *strip_newlines(const char *s)
{
	char *out = xstrdup(s), *o = out;

	for (const char *p = s; *p; p++)
		if (*p != '\r' && *p != '\n')
			*o++ = *p;
	*o = '\0';
	return out;
}

/* The canonical name of a charset we can encode to, or NULL. */
static char *known_charset(const char *label)
{
	const char *canonical = charset_canonical(label);
	char *probe;

	if (canonical)
		return xstrdup(strncmp(canonical, "UTF-16", 6) == 0 ? "UTF-8" : canonical);
	if (!label || !*label || !(probe = charset_from_utf8("", label)))
		return NULL;
	free(probe);
	char *name = xstrdup(label);
	for (char *p = name; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	return name;
}

/* HTML: the first accept-charset token we know, else the page's charset. */
static char *pick_charset(const char *accept_charset, const char *page_charset, char **errp)
{
	const char *p = accept_charset ? accept_charset : "";

	while (*p) {
		size_t n;
		p += strspn(p, " \t\r\n\f,");
		n = strcspn(p, " \t\r\n\f,");
		if (!n)
			break;
		char *label = xstrndup(p, n), *name = known_charset(label);
		free(label);
		if (name)
			return name;
		p += n;
	}
	char *name = known_charset(page_charset ? page_charset : "UTF-8");
	if (!name) {
		char *shown = sanitize_text(page_charset, strlen(page_charset),
		                            SANITIZE_SINGLE_LINE, 40);
		set_error(errp, _("cannot encode the form: unknown character set \"%s\""), shown);
		free(shown);
	}
	return name;
}

/* The WHATWG name of the encoding, for a _charset_ field. */
static const char *whatwg_charset_name(const char *canonical)
{
	return strcmp(canonical, "WINDOWS-1252") == 0 ? "windows-1252" : canonical;
}

struct encoded {
	char **name, **value;
	size_t n;
};

static void encoded_wipe(struct encoded *enc)
{
	for (size_t i = 0; i < enc->n; i++) {
		secbuf_free_string(enc->name[i]);
		secbuf_free_string(enc->value[i]);
	}
	free(enc->name);
	free(enc->value);
}

static void encode_entries(const struct entries *list, const char *charset, struct encoded *enc)
{
	enc->n = list->n;
	enc->name = xcalloc(list->n ? list->n : 1, sizeof(char *));
	enc->value = xcalloc(list->n ? list->n : 1, sizeof(char *));
	for (size_t i = 0; i < list->n; i++) {
		enc->name[i] = encode_text(list->e[i].name, charset);
		enc->value[i] = encode_text(list->e[i].value, charset);
	}
}

static void serialize_urlencoded(const struct encoded *enc, struct secbuf *out)
{
	for (size_t i = 0; i < enc->n; i++) {
		char *name = form_urlencode(enc->name[i], strlen(enc->name[i]));
		char *value = form_urlencode(enc->value[i], strlen(enc->value[i]));
		if (i)
			secbuf_puts(out, "&");
		secbuf_puts(out, name);
		secbuf_puts(out, "=");
		secbuf_puts(out, value);
		secbuf_free_string(name);
		secbuf_free_string(value);
	}
}

static void serialize_text_plain(const struct encoded *enc, struct secbuf *out)
{
	for (size_t i = 0; i < enc->n; i++) {
		secbuf_puts(out, enc->name[i]);
		secbuf_puts(out, "=");
		secbuf_puts(out, enc->value[i]);
		secbuf_puts(out, "\r\n");
	}
}

/* A name in a multipart header: HTML escapes CR, LF and '"'. */
static void multipart_name(struct secbuf *out, const char *name)
{
	for (const char *p = name; *p; p++) {
		if (*p == '\r')
			secbuf_puts(out, "%0D");
		else if (*p == '\n')
			secbuf_puts(out, "%0A");
		else if (*p == '"')
			secbuf_puts(out, "%22");
		else
			secbuf_append(out, p, 1);
	}
}

static void random_bytes(unsigned char *buf, size_t n)
{
	if (getrandom(buf, n, 0) == (ssize_t)n)
		return;
	/* Uniqueness, not secrecy, is what a boundary needs. */
	uint64_t x = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) ^ (uintptr_t)buf;
	for (size_t i = 0; i < n; i++) {
		x = x * 6364136223846793005ULL + 1442695040888963407ULL;
		buf[i] = (unsigned char)(x >> 56);
	}
}

/* A boundary as browsers make them: a fixed prefix and 16 random
 * alphanumerics, redrawn if any name or value happens to contain it. */
static void new_boundary(const struct encoded *enc, char *boundary, size_t size)
{
	static const char alnum[] =
	        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static const char prefix[] = "----PortailFamilleBoundary";
	unsigned char r[16];
	bool clash;

	do {
		random_bytes(r, sizeof r);
		size_t n = strlen(prefix);
		memcpy(boundary, prefix, n);
		for (size_t i = 0; i < sizeof r && n + 1 < size; i++)
			boundary[n++] = alnum[r[i] % (sizeof(alnum) - 1)];
		boundary[n] = '\0';
		clash = false;
		for (size_t i = 0; i < enc->n && !clash; i++)
			clash = strstr(enc->name[i], boundary) || strstr(enc->value[i], boundary);
	} while (clash);
}

static void serialize_multipart(const struct encoded *enc, const struct entries *list,
                                const char *boundary, struct secbuf *out)
{
	for (size_t i = 0; i < enc->n; i++) {
		secbuf_puts(out, "--");
		secbuf_puts(out, boundary);
		secbuf_puts(out, "\r\nContent-Disposition: form-data; name=\"");
		multipart_name(out, enc->name[i]);
		if (list->e[i].is_file)
			secbuf_puts(out, "\"; filename=\"\"\r\n"
			                 "Content-Type: application/octet-stream");
		else
			secbuf_puts(out, "\"");
		secbuf_puts(out, "\r\n\r\n");
		secbuf_puts(out, enc->value[i]);
		secbuf_puts(out, "\r\n");
	}
	secbuf_puts(out, "--");
	secbuf_puts(out, boundary);
	secbuf_puts(out, "--\r\n");
}

/* The submitter may override the form's action, method and enctype. */
struct submission {
	const char *action, *method, *enctype;
};

static int check_submitter(const struct form *form, long submitter, struct submission *sub,
                           char **errp)
{
	sub->action = form->action;
	sub->method = form->method;
	sub->enctype = form->enctype;
	if (submitter < 0)
		return 0;
	if ((size_t)submitter >= form->ncontrols ||
	    !form_control_is_submit(&form->controls[submitter]))
		return set_error(errp, _("control %ld is not a submit button of the form"),
		                 submitter);
	const struct form_control *c = &form->controls[submitter];
	if (c->disabled || in_disabled_fieldset(c->node))
		return set_error(errp, _("the submit button %ld is disabled"), submitter);
	const char *v;
	if (c->node && (v = html_attr(c->node, "formaction")) && *v)
		sub->action = v;
	if (c->node && (v = html_attr(c->node, "formmethod")))
		sub->method = strcasecmp(v, "post") == 0 ? "POST" : "GET";
	if (c->node && (v = html_attr(c->node, "formenctype")) && *v)
		sub->enctype = v;
	return 0;
}

static void serialize_post(const struct encoded *enc, const struct entries *list,
                           const char *enctype, struct form_request *req, struct secbuf *body)
{
	if (strcasecmp(enctype, "multipart/form-data") == 0) {
		char boundary[64];
		new_boundary(enc, boundary, sizeof boundary);
		serialize_multipart(enc, list, boundary, body);
		req->content_type = xasprintf("multipart/form-data; boundary=%s", boundary);
	} else if (strcasecmp(enctype, "text/plain") == 0) {
		serialize_text_plain(enc, body);
		req->content_type = xstrdup("text/plain");
	} else {
		serialize_urlencoded(enc, body);
		req->content_type = xstrdup("application/x-www-form-urlencoded");
	}
}

static int build_request(const struct encoded *enc, const struct entries *list,
                         const struct submission *sub, const char *action_url,
                         struct form_request *req, char **errp)
{
	struct secbuf body = SECBUF_INIT;

	secbuf_append(&body, "", 0); /* an empty body is "", not NULL */
	if (strcmp(sub->method, "POST") == 0) {
		req->method = xstrdup("POST");
		req->url = xstrdup(action_url);
		serialize_post(enc, list, sub->enctype, req, &body);
		req->body = xmalloc(body.len + 1);
		memcpy(req->body, body.data, body.len + 1);
		req->body_len = body.len;
	} else {
		req->method = xstrdup("GET");
		serialize_urlencoded(enc, &body);
		req->url = url_with_query(action_url, body.data, errp);
	}
	secbuf_wipe(&body);
	return req->url ? 0 : -1;
}

/* Lays the values over the form: text and password inputs lose newlines. */
static struct form_values *field_values(const struct form *form, const struct form_values *in)
{
	struct form_values *v = form_values_new(form);

	for (size_t i = 0; i < form->ncontrols; i++) {
		const struct form_control *c = &form->controls[i];
		const char *set = in ? in->value[i] : NULL;
		if (in)
			v->checked[i] = in->checked[i];
		if (c->kind == FC_TEXT || c->kind == FC_PASSWORD)
			v->value[i] = strip_newlines(set ? set : c->value);
		else if (set)
			v->value[i] = xstrdup(set);
	}
	return v;
}

int form_encode(const struct form *form, const struct form_values *values, long submitter,
                const char *page_url, const char *page_charset, struct form_request **out,
                char **errp)
{
	struct submission sub;
	struct entries list = { NULL, 0 };
	struct encoded enc = { NULL, NULL, 0 };
	char *charset, *action_url;

	*out = NULL;
	if (values && values->count != form->ncontrols)
		return set_error(errp,
		                 _("form values do not match the form "
		                   "(%zu controls, %zu values)"),
		                 form->ncontrols, values->count);
	if (check_submitter(form, submitter, &sub, errp) != 0)
		return -1;
	if (url_is_javascript(sub.action))
		return set_error(errp, _("the form's action is JavaScript, not a URL"));
	if (!(charset = pick_charset(form->accept_charset, page_charset, errp)))
		return -1;
	if (!(action_url = url_resolve(page_url, sub.action, errp))) {
		free(charset);
		return -1;
	}
	struct form_values *fields = field_values(form, values);
	build_entries(form, fields, submitter, whatwg_charset_name(charset), &list);
	encode_entries(&list, charset, &enc);
	struct form_request *req = xcalloc(1, sizeof(*req));
	req->charset = charset;
	int rc = build_request(&enc, &list, &sub, action_url, req, errp);
	encoded_wipe(&enc);
	entries_free(&list);
	form_values_free(&fields);
	free(action_url);
	if (rc != 0)
		form_request_free(&req);
	*out = req;
	return rc;
}
