/* What the HTTP session tells the user (-v) and keeps (--save-pages).
 * Neither ever shows a request body, a cookie or a secret query string. */
#ifndef PF_WEB_HTTP_LOG_H
#define PF_WEB_HTTP_LOG_H

#include <curl/curl.h>
#include <stdbool.h>
#include <stdio.h>

#include "web/http.h"

/* The URL as it may appear in a log or message: url_redacted's (password
 * masked, secret-looking query values replaced by "…", sanitized), with
 * the whole query string dropped when sensitive. Newly allocated. */
char *http_log_url(const char *url, bool sensitive);

/* One line on log (when not NULL): method, URL, status, bytes, time. */
void http_log_transfer(FILE *log, CURL *curl, const char *method, const char *url, bool sensitive,
                       CURLcode rc, size_t body_len, bool compressed);

/* "2,067 bytes on the wire (3,757 decoded)": a session's totals, up and
 * down, headers included, and its bodies decompressed. Newly allocated. */
char *http_log_totals_text(const struct http_stats *stats);
/* That line on log, when not NULL. */
void http_log_totals(FILE *log, const struct http_stats *stats);

/* Saves the response body as DIR/NNN-host-path.html (mode 0600) when dir is
 * not NULL; *counter numbers the files. Failures are ignored: saving pages
 * is a debugging aid and must not break a payment. */
void http_log_save(const char *dir, unsigned *counter, const struct http_response *response);

#endif
