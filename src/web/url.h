/* URLs: resolution against a page, hosts, and which URLs we may fetch.
 * Built on libcurl's URL API so we parse URLs exactly as the transfer will. */
#ifndef PF_WEB_URL_H
#define PF_WEB_URL_H

#include <stdbool.h>

/* Resolves ref (an href, a form action, a Location header, "" = base
 * itself) against the absolute URL base, as a browser does (RFC 3986;
 * fragments dropped). Leading/trailing whitespace in ref is ignored.
 * As in browsers (WHATWG URL): tabs and newlines inside ref are dropped,
 * '\' is '/' in an http(s) path, spaces, quotes, <>`{} and non-ASCII
 * bytes are percent-encoded (as UTF-8; ' too in the query), the host is
 * lowercased and a default port dropped.
 * Returns a newly allocated absolute URL, or NULL with *errp set. */
char *url_resolve(const char *base, const char *ref, char **errp);

/* url with its query replaced by `query` (already encoded, may be "": the
 * URL then ends in "?", as a browser's GET form submission does) and its
 * fragment dropped. Returns a newly allocated URL, or NULL with *errp set. */
char *url_with_query(const char *url, const char *query, char **errp);

/* The scheme ("http", "https", ...) or host (lowercase, without port or
 * brackets) of an absolute URL, newly allocated; NULL when absent/invalid. */
char *url_scheme(const char *url);
char *url_host(const char *url);

/* True when both absolute URLs have the same host (case-insensitive;
 * ports are ignored). False if either cannot be parsed. */
bool url_same_host(const char *a, const char *b);

/* True for "localhost", 127.0.0.0/8 and ::1. */
bool url_host_is_loopback(const char *host);

/* Our fetch policy: https anywhere, plain http only toward a loopback host
 * (the demo portal and test servers), nothing else (file:, javascript:,
 * ftp:...). Returns 0, or -1 with a message naming the URL's scheme/host. */
int url_check_allowed(const char *url, char **errp);

/* True for "javascript:..." hrefs and actions (case-insensitive, leading
 * whitespace ignored). */
bool url_is_javascript(const char *ref);

/* True when url is not empty, printable ASCII without spaces, and its
 * %-encoded bytes decode to no control, bidi override or invisible
 * character (%1B, %C2%9B, %E2%80%AE...): what a payment URL must be before
 * we print it as the answer, copy it, draw it as a QR code or hand it to a
 * browser, which would decode them. */
bool url_is_plain(const char *url);

/* url as an error message or a log may show it: the password of a
 * "user:password@" part masked as "user:***@" (as curl shows it), the
 * values of query parameters that look secret (names holding pass, pwd,
 * mdp, token, sess, sid, key, secret or auth) replaced by "…", and the
 * whole sanitized for the terminal on one line. Works on any string, URLs
 * that curl refuses included; NULL reads as "". Every URL that reaches an
 * error message, a log line or a saved page's name passes through here.
 * Newly allocated. */
char *url_redacted(const char *url);

#endif
