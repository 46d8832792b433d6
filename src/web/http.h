/* The HTTP session: one libcurl handle that only moves bytes, cookies and
 * redirects. It never parses a page.
 *
 * Settings follow RELIABILITY.md section 2: cookies in memory, TLS always
 * verified, http/https only (plain http only toward loopback), redirects
 * followed by us hop by hop so every hop is checked, compressed responses,
 * connect and low-speed timeouts, a cap on decoded bytes (gzip bombs). */
#ifndef PF_WEB_HTTP_H
#define PF_WEB_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define HTTP_MAX_REDIRECTS 10
#define HTTP_DEFAULT_MAX_BYTES (8u * 1024u * 1024u)
#define HTTP_DEFAULT_TIMEOUT 60

struct http_options {
	const char *ca_file;  /* extra CA bundle (--ca-file), NULL = system */
	long connect_timeout; /* seconds, 0 = 20 (never more than total) */
	long low_speed_time;  /* abort below 50 B/s for this long, 0 = 60 */
	/* Seconds one request may take in all, connecting and every redirect
	 * hop included, 0 = HTTP_DEFAULT_TIMEOUT. */
	long total_timeout;
	size_t max_bytes;        /* decoded body cap, 0 = HTTP_DEFAULT_MAX_BYTES */
	FILE *log;               /* -v: one line per request, NULL = quiet */
	const char *save_dir;    /* --save-pages: keep every page, NULL = don't */
	const char *cookie_file; /* keep cookies there (mode 0600), NULL = memory */
	/* Called during transfers; returning true cancels the request (Ctrl-C,
	 * a key in the UI). NULL = never. */
	bool (*cancelled)(void *ctx);
	void *cancel_ctx;
	/* Called before each request leaves (label: the request's, "request"
	 * when it has none; hop: 0, then the redirect followed) and with a
	 * NULL label once its answer is in, failed or not. NULL = never. */
	void (*progress)(void *ctx, const char *label, unsigned hop);
	void *progress_ctx;
};

enum http_error {
	HTTP_OK = 0,
	HTTP_ERR_NETWORK,   /* DNS, connect, reset, timeout, TLS, truncated body */
	HTTP_ERR_POLICY,    /* a URL or redirect we refuse (file:, http to a
	                       remote host, too many redirects) */
	HTTP_ERR_TOO_BIG,   /* the body passed max_bytes */
	HTTP_ERR_CANCELLED, /* the cancelled() callback said so */
};

struct http_response {
	long status;        /* of the last hop */
	char *url;          /* the URL of the last hop (after redirects) */
	char *content_type; /* NULL when absent */
	/* The Content-Disposition header's value as sent (a download's file
	 * name: web/disposition.h reads it), NULL when absent. */
	char *content_disposition;
	char *body; /* NUL-terminated, len bytes */
	size_t len;
	char *stopped_at; /* set when a redirect to a URL that stop_at()
	                        accepted was not followed: that URL */
	unsigned hops;    /* redirects followed */
};

/* Optional: decides, before each redirect hop is fetched, whether to stop
 * there instead (the payment hand-off stops at the first foreign host). */
typedef bool (*http_stop_fn)(const char *url, void *ctx);

struct http_request {
	const char *method; /* "GET" or "POST" */
	const char *url;
	const char *content_type; /* POST */
	const char *body;         /* POST, len bytes; never logged or saved */
	size_t body_len;
	const char *referer;  /* NULL = none */
	http_stop_fn stop_at; /* NULL = follow every allowed redirect */
	void *stop_ctx;
	const char *label; /* short name of the step for logs/errors
	                              ("login", "invoice page"), may be NULL */
	bool sensitive;    /* the URL or body holds a secret: logs show
	                              no query string */
	/* The request may start a payment: it is sent at most once. On a
	 * connection of its own (libcurl re-sends a request whose reused
	 * connection died before answering), over HTTP/1.1, without
	 * "Expect: 100-continue", and a 307/308 that would send its body
	 * again is refused instead of followed. */
	bool once;
	/* Seconds this request may take in all, 0 = the session's
	 * total_timeout (a logout on the way out waits 2 s, not 60). */
	long timeout_s;
};

struct http_stats {
	unsigned requests;
	size_t bytes_down; /* on the wire (compressed), headers included */
	size_t bytes_up;
	size_t bytes_decoded; /* bodies after decompression */
	double seconds;       /* total transfer time */
	unsigned compressed;  /* responses that came compressed */
};

struct http_session;

/* Returns a new session, or NULL with *errp (libcurl failed to start, bad
 * save_dir). */
struct http_session *http_session_new(const struct http_options *options, char **errp);
/* With a log (-v), its last line says the bytes moved (http_log_totals). */
void http_session_free(struct http_session **session);

/* Performs the request and follows redirects (303, and 301/302 after a
 * POST, become GETs; 307/308 keep the method and body), at most
 * HTTP_MAX_REDIRECTS hops, each checked by url_check_allowed. Any HTTP
 * status is a success here: the caller judges 4xx/5xx. Returns HTTP_OK
 * with *out filled, or an error with *errp naming the step and URL. */
enum http_error http_perform(struct http_session *session, const struct http_request *request,
                             struct http_response *out, char **errp);
/* GET shorthand. */
enum http_error http_get(struct http_session *session, const char *url, const char *label,
                         struct http_response *out, char **errp);
void http_response_clear(struct http_response *response);

const struct http_stats *http_session_stats(const struct http_session *session);

/* Whether the last http_perform may have delivered its request to a
 * server: false only when it certainly did not (refused by our URL policy
 * before sending, no connection made, TLS handshake failed), so a caller
 * can tell "nothing was sent" from "sent, answer lost". */
bool http_request_may_have_arrived(const struct http_session *session);

#endif
