/* Helpers shared by the fuzz harnesses (see fuzz.h). */
#include "config.h"

#include "fuzz.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "web/charset.h"
#include "web/form_encode.h"
#include "web/url.h"

static void (*fuzz_fail_hook)(const char *message);

void fuzz_set_fail_hook(void (*hook)(const char *message))
{
	fuzz_fail_hook = hook;
}

void fuzz_fail(const char *target, const char *fmt, ...)
{
	char message[512];
	int n = snprintf(message, sizeof message, "%s: ", target);
	va_list ap;

	va_start(ap, fmt);
	if (n > 0 && (size_t)n < sizeof message)
		vsnprintf(message + n, sizeof message - (size_t)n, fmt, ap);
	va_end(ap);
	if (fuzz_fail_hook)
		fuzz_fail_hook(message);
	fprintf(stderr, "\nfuzz property broken: %s\n", message);
	abort();
}

char *fuzz_strndup(const uint8_t *data, size_t len)
{
	char *copy = xmalloc(len + 1);

	if (len)
		memcpy(copy, data, len);
	copy[len] = '\0';
	return copy;
}

void fuzz_split_header(const uint8_t *data, size_t len, size_t max_line, char **header,
                       const uint8_t **rest, size_t *rest_len)
{
	const uint8_t *nl = len ? memchr(data, '\n', len < max_line + 1 ? len : max_line + 1)
	                        : NULL;

	*header = NULL;
	*rest = data;
	*rest_len = len;
	if (!nl || memchr(data, '<', (size_t)(nl - data)))
		return;
	if (nl > data)
		*header = fuzz_strndup(data, (size_t)(nl - data));
	*rest = nl + 1;
	*rest_len = len - (size_t)(nl + 1 - data);
}

bool fuzz_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		unsigned char c = u[i];
		size_t need;
		unsigned long cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			need = 1;
			cp = c & 0x1f;
			min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2;
			cp = c & 0x0f;
			min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			return false;
		}
		if (len - i <= need)
			return false;
		for (size_t k = 1; k <= need; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				return false;
			cp = (cp << 6) | (u[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return false;
		i += need + 1;
	}
	return true;
}

/* The list of RELIABILITY.md section 1, kept apart from
 * sanitize_is_unsafe_codepoint so that the sanitizer is checked against the
 * rules rather than against itself. */
static bool fuzz_is_terminal_control(unsigned long cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0xad || cp == 0x61c ||
	       (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2028 && cp <= 0x202e) ||
	       (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff;
}

bool fuzz_has_terminal_control(const char *s, size_t len, bool allow_newline, unsigned long *bad)
{
	size_t pos = 0;

	while (pos < len) {
		unsigned long cp;
		size_t n = utf8_decode(s + pos, len - pos, &cp);

		if (cp == UTF8_BAD || (cp == '\n' && !allow_newline) ||
		    (cp != '\n' && fuzz_is_terminal_control(cp))) {
			*bad = cp;
			return true;
		}
		pos += n;
	}
	return false;
}

/* url with every byte outside printable ASCII as \xNN, for a message. */
static void fuzz_show(const char *url, char *buf, size_t size)
{
	size_t n = 0;
	for (const char *p = url; *p && n + 5 < size; p++) {
		if (*p > 0x20 && *p < 0x7f)
			buf[n++] = *p;
		else
			n += (size_t)snprintf(buf + n, size - n, "\\x%02X", (unsigned char)*p);
	}
	buf[n] = '\0';
}

/* The host of an absolute URL: [*start, *end) after "://" and any user
 * info, up to the port, path, query or fragment. */
static void fuzz_host_span(const char *url, const char **start, const char **end)
{
	const char *p = strstr(url, "://");

	*start = *end = url;
	if (!p)
		return;
	p += 3;
	const char *stop = p + strcspn(p, "/?#");
	const char *at = memchr(p, '@', (size_t)(stop - p));
	*start = at ? at + 1 : p;
	*end = stop;
}

/* A scheme as url_resolve lets curl read it: alphanumerics, '+', '-' and
 * '.' before ':', but not starting with a letter (RFC 3986 requires one). */
static bool fuzz_bad_scheme(const char *url)
{
	size_t n = strspn(url, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	return n > 0 && url[n] == ':' && !((url[0] | 0x20) >= 'a' && (url[0] | 0x20) <= 'z');
}

void fuzz_check_url(const char *target, const char *what, const char *url)
{
	char shown[300];
	const char *host, *host_end;

	FUZZ_CHECK(target, url != NULL, "%s: NULL URL", what);
	fuzz_show(url, shown, sizeof shown);
	fuzz_host_span(url, &host, &host_end);
	for (const char *p = url; *p; p++) {
		if (FUZZ_OPEN_BUG_URL_RAW_HOST && p >= host && p < host_end &&
		    (unsigned char)*p >= 0x7f)
			continue;
		FUZZ_CHECK(target, *p > 0x20 && *p < 0x7f, "%s: byte %02X at %zu in the URL %s",
		           what, (unsigned char)*p, (size_t)(p - url), shown);
	}
	char *scheme = url_scheme(url);
	FUZZ_CHECK(target, scheme != NULL || (FUZZ_OPEN_BUG_URL_BAD_SCHEME && fuzz_bad_scheme(url)),
	           "%s: URL without a scheme: %s", what, shown);
	free(scheme);
}

void fuzz_check_request(const char *target, const struct form_request *req)
{
	FUZZ_CHECK(target, req != NULL && req->method != NULL && req->charset != NULL,
	           "incomplete request");
	fuzz_check_url(target, "request", req->url);
	if (strcmp(req->method, "GET") == 0) {
		FUZZ_CHECK(target, req->body == NULL || req->body_len == 0, "a GET with a body");
		return;
	}
	FUZZ_CHECK(target, strcmp(req->method, "POST") == 0, "method %s", req->method);
	FUZZ_CHECK(target, req->content_type != NULL, "a POST without a content type");
	FUZZ_CHECK(target,
	           strcmp(req->content_type, "application/x-www-form-urlencoded") == 0 ||
	                   strcmp(req->content_type, "text/plain") == 0 ||
	                   strncmp(req->content_type, "multipart/form-data; boundary=", 30) == 0,
	           "content type %s", req->content_type);
	FUZZ_CHECK(target, req->body != NULL || req->body_len == 0, "a NULL body of %zu bytes",
	           req->body_len);
}

/* The page as html_parse gives it to tidy: the same charset decision. */
bool fuzz_open_bug_tidy(const uint8_t *bytes, size_t len, const char *content_type)
{
	if (!FUZZ_OPEN_BUG_TIDY_DOCTYPE)
		return false;
	const char *charset = charset_detect((const char *)bytes, len, content_type, NULL);
	char *text = NULL;
	size_t text_len = 0;
	if (charset_to_utf8((const char *)bytes, len, charset, &text, &text_len, NULL) != 0)
		return false;
	/* tidy discards control characters: "<but\b\bton" is a <button>,
	 * "<!\bD" a declaration. */
	size_t n = 0;
	for (size_t i = 0; i < text_len; i++) {
		unsigned char c = (unsigned char)text[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			continue;
		if (c == 0xc2 && i + 1 < text_len && (unsigned char)text[i + 1] <= 0x9f) {
			i++;
			continue;
		}
		text[n++] = text[i];
	}
	text[n] = '\0';
	/* Any "<!d" but the first markup: wider than the bug (a <button>
	 * around it), so that no spelling of the button slips through. */
	const char *first = memchr(text, '<', n), *p = first;
	bool late_doctype = false;
	while (p && !late_doctype) {
		late_doctype = p != first && p[1] == '!' && (p[2] == 'd' || p[2] == 'D');
		p = memchr(p + 1, '<', n - (size_t)(p + 1 - text));
	}
	free(text);
	return late_doctype;
}

void fuzz_memout_open(struct fuzz_memout *m)
{
	m->data = NULL;
	m->len = 0;
	m->fp = open_memstream(&m->data, &m->len);
	if (!m->fp)
		abort();
}

char *fuzz_memout_close(struct fuzz_memout *m)
{
	fclose(m->fp);
	m->fp = NULL;
	return m->data;
}
