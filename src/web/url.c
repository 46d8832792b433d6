/* URL resolution, hosts and the fetch policy, on libcurl's URL parser. */
#include "config.h"

#include "util/i18n.h"
#include "web/url.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/hex.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* How much of a URL an error message shows: enough to recognise it. */
#define URL_SHOWN_CHARS 120

static char *url_redact(const char *url, size_t max_chars);

static char *url_shown(const char *url)
{
	return url_redact(url, URL_SHOWN_CHARS);
}

static int url_error(char **errp, const char *what, const char *url, CURLUcode rc)
{
	char *shown = url_shown(url);

	set_error(errp, "%s \"%s\": %s", what, shown, curl_url_strerror(rc));
	free(shown);
	return -1;
}

/* WHATWG "C0 control or space": what browsers trim around an href. */
static bool url_is_c0_or_space(char c)
{
	return (unsigned char)c <= 0x20;
}

static bool url_is_tab_or_newline(char c)
{
	return c == '\t' || c == '\n' || c == '\r';
}

/* Length of the RFC 3986 scheme at the start of s (before ':'), or 0. */
static size_t url_scheme_len(const char *s)
{
	size_t i = 0;

	if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		return 0;
	for (i = 1; s[i] && s[i] != ':'; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' || s[i] == '.'))
			return 0;
	return s[i] == ':' ? i : 0;
}

static bool url_is_special_scheme(const char *s, size_t len)
{
	return (len == 4 && strncasecmp(s, "http", 4) == 0) ||
	       (len == 5 && strncasecmp(s, "https", 5) == 0);
}

/* Bytes a browser percent-encodes before sending (WHATWG path and
 * special-query percent-encode sets, plus every non-ASCII byte: the URL
 * reaches curl as UTF-8, which is what browsers send for paths). */
static bool url_needs_escape(unsigned char c, bool in_query)
{
	if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>')
		return true;
	if (in_query)
		return c == '\'';
	return c == '`' || c == '{' || c == '}';
}

/* A reference as a browser reads it before resolution: surrounding C0 and
 * spaces trimmed, tabs and newlines removed anywhere, the fragment
 * dropped, '\' read as '/' in an http(s) path, and unsafe bytes escaped. */
static char *url_clean_ref(const char *ref)
{
	struct strbuf sb = STRBUF_INIT;
	const char *end;
	size_t scheme;
	bool special, in_query = false;

	while (*ref && url_is_c0_or_space(*ref))
		ref++;
	end = ref + strlen(ref);
	while (end > ref && url_is_c0_or_space(end[-1]))
		end--;
	scheme = url_scheme_len(ref);
	special = !scheme || url_is_special_scheme(ref, scheme);
	for (const char *p = ref; p < end && *p != '#'; p++) {
		unsigned char c = (unsigned char)*p;

		if (url_is_tab_or_newline(*p))
			continue;
		if (c == '?')
			in_query = true;
		if (c == '\\' && special && !in_query)
			c = '/';
		if (url_needs_escape(c, in_query))
			strbuf_printf(&sb, "%%%02X", c);
		else
			strbuf_putc(&sb, (char)c);
	}
	return strbuf_detach(&sb);
}

/* "http:g" against an http base means "g" in browsers (a special scheme
 * equal to the base's, without "//"); curl would refuse it. */
static const char *url_strip_same_scheme(const char *ref, const char *base)
{
	size_t len = url_scheme_len(ref);

	if (!len || !url_is_special_scheme(ref, len) || strncmp(ref + len + 1, "//", 2) == 0)
		return ref;
	if (url_scheme_len(base) != len || strncasecmp(ref, base, len) != 0)
		return ref;
	return ref + len + 1;
}

static void url_lowercase(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* Lowercases the host in place, as browsers show and send it. */
static void url_lowercase_host(CURLU *u)
{
	char *host = NULL;

	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		return;
	char *lower = xstrdup(host);
	url_lowercase(lower);
	if (strcmp(lower, host) != 0)
		curl_url_set(u, CURLUPART_HOST, lower, 0);
	free(lower);
	curl_free(host);
}

/* The handle's URL without its fragment, as a malloc'd string. */
static char *url_get_normalized(CURLU *u, CURLUcode *rc)
{
	char *got = NULL, *out;

	curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0);
	url_lowercase_host(u);
	*rc = curl_url_get(u, CURLUPART_URL, &got, CURLU_NO_DEFAULT_PORT);
	if (*rc != CURLUE_OK)
		return NULL;
	out = xstrdup(got);
	curl_free(got);
	return out;
}

/* RFC 3986: a scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). A
 * reference whose first ':' comes before any '/', '?' or '#' but after
 * something that is not a scheme ("5:/e") is a relative path; curl would
 * read it as a scheme, so such a reference is given a "./" first. */
static bool looks_like_bad_scheme(const char *ref)
{
	size_t colon = strcspn(ref, ":/?#");
	if (ref[colon] != ':' || colon == 0)
		return false;
	if (!isalpha((unsigned char)ref[0]))
		return true;
	for (size_t i = 1; i < colon; i++)
		if (!isalnum((unsigned char)ref[i]) && ref[i] != '+' && ref[i] != '-' &&
		    ref[i] != '.')
			return true;
	return false;
}

/* What we hand on is printable ASCII: curl keeps a host's raw bytes (UTF-8,
 * DEL, percent-decoded controls), and such a host is refused rather than
 * shown or fetched (we do not convert international names). */
static bool url_is_plain_ascii(const char *url)
{
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f)
			return false;
	return true;
}

char *url_resolve(const char *base, const char *ref, char **errp)
{
	CURLU *u;
	CURLUcode rc;
	char *clean, *out = NULL;
	const char *rel;

	if (!base || !ref) {
		set_error(errp, _("no URL to resolve"));
		return NULL;
	}
	u = curl_url();
	if (!u) {
		set_error(errp, _("out of memory"));
		return NULL;
	}
	rc = curl_url_set(u, CURLUPART_URL, base, CURLU_NON_SUPPORT_SCHEME);
	if (rc != CURLUE_OK) {
		url_error(errp, "bad base URL", base, rc);
		curl_url_cleanup(u);
		return NULL;
	}
	clean = url_clean_ref(ref);
	if (looks_like_bad_scheme(clean)) {
		char *dotted = xasprintf("./%s", clean);
		free(clean);
		clean = dotted;
	}
	rel = url_strip_same_scheme(clean, base);
	/* An empty reference (or a bare fragment) is the base document itself;
	 * curl would drop the base's last path segment. */
	if (*rel)
		rc = curl_url_set(u, CURLUPART_URL, rel, CURLU_NON_SUPPORT_SCHEME);
	if (rc == CURLUE_OK)
		out = url_get_normalized(u, &rc);
	if (rc != CURLUE_OK)
		url_error(errp, "cannot resolve URL", ref, rc);
	if (out && !url_is_plain_ascii(out)) {
		free(out);
		out = NULL;
		set_error(errp, _("refusing a URL whose host is not plain ASCII"));
	}
	free(clean);
	curl_url_cleanup(u);
	return out;
}

char *url_with_query(const char *url, const char *query, char **errp)
{
	CURLU *u = curl_url();
	CURLUcode rc;
	char *bare = NULL, *out;

	if (!u) {
		set_error(errp, _("out of memory"));
		return NULL;
	}
	rc = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (rc == CURLUE_OK)
		rc = curl_url_set(u, CURLUPART_QUERY, NULL, 0);
	if (rc == CURLUE_OK)
		bare = url_get_normalized(u, &rc);
	curl_url_cleanup(u);
	if (rc != CURLUE_OK) {
		url_error(errp, "bad URL", url, rc);
		return NULL;
	}
	/* Appended by hand: curl drops an empty query, browsers keep the '?'. */
	out = xasprintf("%s?%s", bare, query);
	free(bare);
	return out;
}

char *url_scheme(const char *url)
{
	size_t len;

	if (!url)
		return NULL;
	len = url_scheme_len(url);
	if (!len)
		return NULL;
	char *scheme = xstrndup(url, len);
	url_lowercase(scheme);
	return scheme;
}

char *url_host(const char *url)
{
	CURLU *u;
	char *host = NULL, *out = NULL;

	/* curl takes "1http://x" for a URL; RFC 3986 does not. */
	if (!url || !url_scheme_len(url) || !(u = curl_url()))
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && *host) {
		size_t len = strlen(host);

		if (host[0] == '[' && len >= 2 && host[len - 1] == ']')
			out = xstrndup(host + 1, len - 2);
		else
			out = xstrdup(host);
		url_lowercase(out);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return out;
}

bool url_same_host(const char *a, const char *b)
{
	char *ha = url_host(a), *hb = url_host(b);
	bool same = ha && hb && strcmp(ha, hb) == 0;

	free(ha);
	free(hb);
	return same;
}

bool url_host_is_loopback(const char *host)
{
	struct in_addr v4;
	struct in6_addr v6;
	char buf[INET6_ADDRSTRLEN + 2];
	size_t len;

	if (!host)
		return false;
	if (strcasecmp(host, "localhost") == 0)
		return true;
	if (inet_pton(AF_INET, host, &v4) == 1)
		return (ntohl(v4.s_addr) >> 24) == 127;
	len = strlen(host);
	if (host[0] == '[' && len >= 2 && host[len - 1] == ']' && len - 2 < sizeof(buf)) {
		memcpy(buf, host + 1, len - 2);
		buf[len - 2] = '\0';
		host = buf;
	}
	if (inet_pton(AF_INET6, host, &v6) != 1)
		return false;
	if (IN6_IS_ADDR_LOOPBACK(&v6))
		return true;
	/* ::ffff:127.x.y.z reaches the IPv4 loopback too. */
	return IN6_IS_ADDR_V4MAPPED(&v6) && v6.s6_addr[12] == 127;
}

/* The policy's refusal message, naming the part that is refused. */
static int url_refuse(char **errp, const char *before, const char *part, const char *after)
{
	char *shown = url_shown(part);

	set_error(errp, "%s%s%s", before, shown, after);
	free(shown);
	return -1;
}

int url_check_allowed(const char *url, char **errp)
{
	char *scheme, *host;
	int rc;

	if (!url)
		return set_error(errp, _("no URL"));
	scheme = url_scheme(url);
	host = url_host(url);
	if (!scheme)
		rc = url_refuse(errp, "not a valid absolute URL: \"", url, "\"");
	else if (strcmp(scheme, "https") != 0 && strcmp(scheme, "http") != 0)
		rc = url_refuse(errp, "refusing a ", scheme,
		                ": URL: only https (and http toward the loopback) is allowed");
	else if (!host)
		rc = url_refuse(errp, "not a valid absolute URL: \"", url, "\"");
	else if (strcmp(scheme, "https") == 0 || url_host_is_loopback(host))
		rc = 0;
	else
		rc = url_refuse(errp, "refusing plain http:// toward ", host,
		                ": only https is allowed outside the loopback");
	free(scheme);
	free(host);
	return rc;
}

bool url_is_javascript(const char *ref)
{
	static const char word[] = "javascript:";
	size_t matched = 0;

	if (!ref)
		return false;
	while (*ref && url_is_c0_or_space(*ref))
		ref++;
	/* Browsers drop tabs and newlines anywhere in a URL, so "java\tscript:"
	 * runs too. */
	for (; *ref && matched < sizeof(word) - 1; ref++) {
		if (url_is_tab_or_newline(*ref))
			continue;
		char c = *ref >= 'A' && *ref <= 'Z' ? (char)(*ref - 'A' + 'a') : *ref;
		if (c != word[matched++])
			return false;
	}
	return matched == sizeof(word) - 1;
}

/* The bytes a browser would show for url: its %XX sequences decoded. */
static char *percent_decode(const char *url, size_t *len)
{
	struct strbuf out = STRBUF_INIT;
	strbuf_reserve(&out, strlen(url));
	for (const char *p = url; *p; p++) {
		if (*p == '%' && hex_digit_value(p[1]) >= 0 && hex_digit_value(p[2]) >= 0) {
			strbuf_putc(&out,
			            (char)(hex_digit_value(p[1]) * 16 + hex_digit_value(p[2])));
			p += 2;
		} else {
			strbuf_putc(&out, *p);
		}
	}
	*len = out.len;
	return strbuf_detach(&out);
}

/* Bytes that are not UTF-8 (%E9, a Latin-1 'é') are left to the browser;
 * characters that are, and that a terminal or a display would act on
 * (controls, bidi overrides, invisible characters), are not. */
static bool decodes_to_unsafe(const char *url)
{
	size_t len = 0, n;
	char *bytes = percent_decode(url, &len);
	bool unsafe = false;
	for (size_t pos = 0; pos < len && !unsafe; pos += n) {
		unsigned long cp;
		n = utf8_decode(bytes + pos, len - pos, &cp);
		unsafe = cp != UTF8_BAD &&
		         (cp < 0x20 || cp == 0x7f || sanitize_is_unsafe_codepoint(cp));
	}
	free(bytes);
	return unsafe;
}

bool url_is_plain(const char *url)
{
	if (!url || !*url)
		return false;
	for (const char *p = url; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return false;
	return !decodes_to_unsafe(url);
}

/* ---- URLs in messages and logs ---- */

static bool url_param_looks_secret(const char *name, size_t len)
{
	static const char *const secret[] = { "pass", "pwd", "mdp",    "token", "sess",
		                              "sid",  "key", "secret", "auth",  NULL };
	char *lower = xstrndup(name, len);
	url_lowercase(lower);
	bool found = false;
	for (const char *const *s = secret; *s && !found; s++)
		found = strstr(lower, *s) != NULL;
	free(lower);
	return found;
}

/* Copies the query, with secret-looking values replaced by "…". */
static void url_redact_query(struct strbuf *sb, const char *query)
{
	while (*query) {
		size_t field = strcspn(query, "&");
		size_t name = strcspn(query, "=&");
		strbuf_append(sb, query, name);
		if (name < field) {
			strbuf_putc(sb, '=');
			if (url_param_looks_secret(query, name))
				strbuf_puts(sb, "…");
			else
				strbuf_append(sb, query + name + 1, field - name - 1);
		}
		query += field;
		if (*query == '&') {
			strbuf_putc(sb, '&');
			query++;
		}
	}
}

static bool url_is_slash(char c)
{
	return c == '/' || c == '\\';
}

/* Copies head[0..len) (a URL before its query) with the password of a
 * "user:password@" part replaced by "***". The authority is found by
 * hand, not by curl: a URL curl refuses is shown in messages too. As in
 * browsers, the last '@' before the path ends the user part, and '\' is
 * a '/'. */
static void url_mask_userinfo(struct strbuf *sb, const char *head, size_t len)
{
	size_t auth = url_scheme_len(head);
	auth = auth ? auth + 1 : 0;
	if (auth + 2 > len || !url_is_slash(head[auth]) || !url_is_slash(head[auth + 1])) {
		strbuf_append(sb, head, len);
		return;
	}
	auth += 2;
	size_t end = auth, at = len;
	while (end < len && !url_is_slash(head[end]) && head[end] != '#')
		end++;
	for (size_t i = auth; i < end; i++)
		if (head[i] == '@')
			at = i;
	const char *colon = at < len ? memchr(head + auth, ':', at - auth) : NULL;
	if (!colon) {
		strbuf_append(sb, head, len);
		return;
	}
	strbuf_append(sb, head, (size_t)(colon + 1 - head));
	strbuf_puts(sb, "***");
	strbuf_append(sb, head + at, len - at);
}

/* Browsers drop tabs and newlines anywhere in a URL, so "ht\ttp://u:p@h"
 * carries a password too: they are dropped before masking (a message
 * would show them as spaces anyway). */
static char *url_redact(const char *url, size_t max_chars)
{
	struct strbuf plain = STRBUF_INIT, sb = STRBUF_INIT;
	for (const char *p = url ? url : ""; *p; p++)
		if (!url_is_tab_or_newline(*p))
			strbuf_putc(&plain, *p);
	const char *s = plain.data ? plain.data : "";
	size_t head = strcspn(s, "?");
	url_mask_userinfo(&sb, s, head);
	if (s[head] == '?') {
		strbuf_putc(&sb, '?');
		url_redact_query(&sb, s + head + 1);
	}
	char *safe = sanitize_text(sb.data ? sb.data : "", sb.len, SANITIZE_SINGLE_LINE, max_chars);
	strbuf_release(&plain);
	strbuf_release(&sb);
	return safe;
}

char *url_redacted(const char *url)
{
	return url_redact(url, 0);
}
