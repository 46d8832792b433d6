/* The libcurl session: bytes, cookies and redirects, hop by hop. */
#include "config.h"

#include "util/i18n.h"
#include "web/http.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util/strbuf.h"
#include "util/xalloc.h"
#include "web/curl_lazy.h"
#include "web/http_log.h"
#include "web/url.h"

struct http_session {
	CURL *curl;
	struct http_options options;
	char errbuf[CURL_ERROR_SIZE];
	struct http_stats stats;
	char *noproxy;
	char *save_dir;
	unsigned saved;
	/* per transfer */
	struct strbuf body;
	bool too_big;
	bool compressed;
	char *disposition; /* Content-Disposition of this hop, NULL when none */
	/* per http_perform */
	bool may_have_arrived;
	long long deadline_ms; /* monotonic */
};

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;

static void curl_init_once(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

static size_t on_body(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct http_session *s = userdata;
	size_t len = size * nmemb;
	/* Counted after decompression, so a small gzip bomb stops here too. */
	if (s->body.len + len > s->options.max_bytes) {
		s->too_big = true;
		return 0;
	}
	strbuf_append(&s->body, data, len);
	return len;
}

/* The value of header `name:` (lowercase, with the colon) in the header
 * line data[0..len), trimmed, or NULL when the line is another header. */
static char *header_value(const char *data, size_t len, const char *name)
{
	size_t n = strlen(name);
	if (len < n || strncasecmp(data, name, n) != 0)
		return NULL;
	const char *v = data + n, *end = data + len;
	while (v < end && (*v == ' ' || *v == '\t'))
		v++;
	while (end > v && (end[-1] == '\r' || end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\t'))
		end--;
	return xstrndup(v, (size_t)(end - v));
}

static size_t on_header(char *data, size_t size, size_t nmemb, void *userdata)
{
	struct http_session *s = userdata;
	size_t len = size * nmemb;
	char *v = header_value(data, len, "content-encoding:");
	if (v) {
		s->compressed = strncasecmp(v, "identity", 8) != 0;
		free(v);
	} else if ((v = header_value(data, len, "content-disposition:")) != NULL) {
		/* A header line is at most CURL_MAX_HTTP_HEADER (100 KB). */
		free(s->disposition);
		s->disposition = v;
	}
	return len;
}

static int on_progress(void *userdata, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
	struct http_session *s = userdata;
	return s->options.cancelled && s->options.cancelled(s->options.cancel_ctx) ? 1 : 0;
}

/* Loopback hosts never go through a proxy, whatever no_proxy says. */
static char *build_noproxy(void)
{
	const char *env = getenv("no_proxy");
	if (!env || !*env)
		env = getenv("NO_PROXY");
	return xasprintf("%s%slocalhost,127.0.0.1,::1", env && *env ? env : "",
	                 env && *env ? "," : "");
}

static int prepare_cookie_file(const char *path, char **errp)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0)
		return set_error(errp, _("cannot create the cookie file %s: %s"), path,
		                 strerror(errno));
	int rc = fchmod(fd, 0600);
	close(fd);
	return rc == 0 ? 0 : set_error(errp, _("cannot protect the cookie file %s"), path);
}

static int prepare_save_dir(const char *dir, char **errp)
{
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return set_error(errp, _("cannot create %s: %s"), dir, strerror(errno));
	if (chmod(dir, 0700) < 0)
		return set_error(errp, _("cannot protect %s: %s"), dir, strerror(errno));
	return 0;
}

static void configure_handle(struct http_session *s)
{
	CURL *c = s->curl;
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "https");
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_COOKIEFILE,
	                 s->options.cookie_file ? s->options.cookie_file : "");
	if (s->options.cookie_file)
		curl_easy_setopt(c, CURLOPT_COOKIEJAR, s->options.cookie_file);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, s->options.connect_timeout);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 50L);
	curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, s->options.low_speed_time);
	/* CURLOPT_TIMEOUT_MS is set per hop: what is left of the request's. */
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)s->options.max_bytes);
	curl_easy_setopt(c, CURLOPT_USERAGENT,
	                 PACKAGE_NAME "/" PACKAGE_VERSION " (text-mode client; libcurl)");
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, s->errbuf);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, s);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, s);
	curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
	curl_easy_setopt(c, CURLOPT_XFERINFODATA, s);
	curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(c, CURLOPT_NOPROXY, s->noproxy);
	if (s->options.ca_file)
		curl_easy_setopt(c, CURLOPT_CAINFO, s->options.ca_file);
}

struct http_session *http_session_new(const struct http_options *options, char **errp)
{
	if (curl_lazy_load(errp) < 0)
		return NULL;
	pthread_once(&curl_once, curl_init_once);
	struct http_session *s = xcalloc(1, sizeof(*s));
	s->options = *options;
	if (!s->options.connect_timeout)
		s->options.connect_timeout = 20;
	if (!s->options.low_speed_time)
		s->options.low_speed_time = 60;
	if (!s->options.total_timeout)
		s->options.total_timeout = HTTP_DEFAULT_TIMEOUT;
	if (s->options.connect_timeout > s->options.total_timeout)
		s->options.connect_timeout = s->options.total_timeout;
	if (!s->options.max_bytes)
		s->options.max_bytes = HTTP_DEFAULT_MAX_BYTES;
	if ((options->cookie_file && prepare_cookie_file(options->cookie_file, errp) < 0) ||
	    (options->save_dir && prepare_save_dir(options->save_dir, errp) < 0)) {
		free(s);
		return NULL;
	}
	s->curl = curl_easy_init();
	if (!s->curl) {
		free(s);
		set_error(errp, _("cannot start libcurl"));
		return NULL;
	}
	s->noproxy = build_noproxy();
	configure_handle(s);
	return s;
}

void http_session_free(struct http_session **session)
{
	if (!session || !*session)
		return;
	struct http_session *s = *session;
	http_log_totals(s->options.log, &s->stats);
	curl_easy_cleanup(s->curl);
	strbuf_release(&s->body);
	free(s->disposition);
	free(s->noproxy);
	free(s);
	*session = NULL;
}

void http_response_clear(struct http_response *r)
{
	free(r->url);
	free(r->content_type);
	free(r->content_disposition);
	free(r->body);
	free(r->stopped_at);
	memset(r, 0, sizeof(*r));
}

const struct http_stats *http_session_stats(const struct http_session *session)
{
	return &session->stats;
}

static const char *step_name(const struct http_request *req)
{
	return req->label ? req->label : _("request");
}

static enum http_error transfer_error(struct http_session *s, const struct http_request *req,
                                      const char *url, CURLcode rc, char **errp)
{
	char *shown = http_log_url(url, req->sensitive);
	enum http_error err = HTTP_ERR_NETWORK;
	if (s->too_big) {
		set_error(errp, _("%s: the page is larger than %zu bytes (%s)"), step_name(req),
		          s->options.max_bytes, shown);
		err = HTTP_ERR_TOO_BIG;
	} else if (rc == CURLE_ABORTED_BY_CALLBACK) {
		set_error(errp, _("%s: cancelled"), step_name(req));
		err = HTTP_ERR_CANCELLED;
	} else {
		/* The cause first: a screen 80 columns wide cuts the end. */
		set_error(errp, "%s: %s (%s)", step_name(req),
		          s->errbuf[0] ? s->errbuf : curl_easy_strerror(rc), shown);
	}
	free(shown);
	return err;
}

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A request that may start a payment never goes out twice by libcurl's
 * doing: a connection of its own (libcurl silently re-sends a request
 * whose reused connection died before answering), HTTP/1.1 (no stream
 * retries) and no "Expect: 100-continue" round. */
static struct curl_slist *set_once(CURL *c, bool once, struct curl_slist *headers)
{
	curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, once ? 1L : 0L);
	curl_easy_setopt(c, CURLOPT_HTTP_VERSION,
	                 once ? (long)CURL_HTTP_VERSION_1_1 : (long)CURL_HTTP_VERSION_NONE);
	return once ? curl_slist_append(headers, "Expect:") : headers;
}

/* One hop: sets the method, sends, collects the body. */
static CURLcode send_once(struct http_session *s, const char *method, const char *url,
                          const struct http_request *req, bool with_body)
{
	CURL *c = s->curl;
	struct curl_slist *headers = NULL;
	strbuf_reset(&s->body);
	s->too_big = false;
	s->compressed = false;
	free(s->disposition);
	s->disposition = NULL;
	s->errbuf[0] = '\0';
	long long left = s->deadline_ms - now_ms();
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, left > 1 ? (long)left : 1L);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_REFERER, req->referer);
	headers = set_once(c, req->once && with_body, headers);
	if (strcmp(method, "POST") == 0) {
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, with_body ? req->body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
		                 (curl_off_t)(with_body ? req->body_len : 0));
		if (req->content_type) {
			char *h = xasprintf("Content-Type: %s", req->content_type);
			headers = curl_slist_append(headers, h);
			free(h);
		}
	} else {
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
	CURLcode rc = curl_easy_perform(c);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
	curl_slist_free_all(headers);
	/* libcurl keeps a pointer to the body only: nothing to wipe here, the
	 * caller owns and wipes it. */
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, NULL);
	return rc;
}

/* Whether a hop's request may have reached the server. Only a failure
 * before any byte left says "no": no connection, no TLS, nothing sent. */
static bool hop_may_have_arrived(CURL *c, CURLcode rc)
{
	switch (rc) {
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_URL_MALFORMAT:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CERTPROBLEM:
	case CURLE_SSL_CIPHER:
	case CURLE_SSL_CACERT_BADFILE: return false;
	default: break;
	}
	long request_bytes = 0;
	curl_off_t pretransfer = 0;
	curl_easy_getinfo(c, CURLINFO_REQUEST_SIZE, &request_bytes);
	curl_easy_getinfo(c, CURLINFO_PRETRANSFER_TIME_T, &pretransfer);
	return rc == CURLE_OK || request_bytes > 0 || pretransfer > 0;
}

bool http_request_may_have_arrived(const struct http_session *session)
{
	return session->may_have_arrived;
}

static void count_stats(struct http_session *s)
{
	curl_off_t down = 0, up = 0;
	long header = 0;
	double total = 0;
	curl_easy_getinfo(s->curl, CURLINFO_SIZE_DOWNLOAD_T, &down);
	curl_easy_getinfo(s->curl, CURLINFO_SIZE_UPLOAD_T, &up);
	curl_easy_getinfo(s->curl, CURLINFO_HEADER_SIZE, &header);
	curl_easy_getinfo(s->curl, CURLINFO_TOTAL_TIME, &total);
	s->stats.requests++;
	s->stats.bytes_down += (size_t)down + (size_t)header;
	s->stats.bytes_up += (size_t)up;
	s->stats.bytes_decoded += s->body.len;
	s->stats.seconds += total;
	if (s->compressed)
		s->stats.compressed++;
}

static void fill_response(struct http_session *s, const char *url, struct http_response *out)
{
	const char *type = NULL;
	curl_easy_getinfo(s->curl, CURLINFO_RESPONSE_CODE, &out->status);
	curl_easy_getinfo(s->curl, CURLINFO_CONTENT_TYPE, &type);
	free(out->url);
	free(out->content_type);
	free(out->content_disposition);
	free(out->body);
	out->url = xstrdup(url);
	out->content_type = type ? xstrdup(type) : NULL;
	out->content_disposition = s->disposition;
	s->disposition = NULL;
	out->len = s->body.len;
	out->body = strbuf_detach(&s->body);
}

static bool is_redirect(long status)
{
	return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

enum http_error http_perform(struct http_session *s, const struct http_request *req,
                             struct http_response *out, char **errp)
{
	memset(out, 0, sizeof(*out));
	char *url = xstrdup(req->url);
	const char *method = req->method ? req->method : "GET";
	bool with_body = true;
	s->may_have_arrived = false;
	long timeout_s = req->timeout_s > 0 ? req->timeout_s : s->options.total_timeout;
	s->deadline_ms = now_ms() + timeout_s * 1000LL;
	for (;;) {
		/* On every error, out is left empty (it may hold an earlier hop). */
		if (url_check_allowed(url, errp) < 0) {
			free(url);
			http_response_clear(out);
			return HTTP_ERR_POLICY;
		}
		if (out->hops > 0 && now_ms() >= s->deadline_ms) {
			set_error(errp, _("%s: no answer within %ld seconds"), step_name(req),
			          timeout_s);
			free(url);
			http_response_clear(out);
			return HTTP_ERR_NETWORK;
		}
		if (s->options.progress)
			s->options.progress(s->options.progress_ctx, step_name(req), out->hops);
		CURLcode rc = send_once(s, method, url, req, with_body);
		if (s->options.progress)
			s->options.progress(s->options.progress_ctx, NULL, out->hops);
		s->may_have_arrived = s->may_have_arrived || hop_may_have_arrived(s->curl, rc);
		count_stats(s);
		http_log_transfer(s->options.log, s->curl, method, url, req->sensitive, rc,
		                  s->body.len, s->compressed);
		if (rc != CURLE_OK) {
			enum http_error err = transfer_error(s, req, url, rc, errp);
			free(url);
			http_response_clear(out);
			return err;
		}
		fill_response(s, url, out);
		http_log_save(s->options.save_dir, &s->saved, out);
		char *next = NULL;
		curl_easy_getinfo(s->curl, CURLINFO_REDIRECT_URL, &next);
		if (!is_redirect(out->status) || !next)
			break;
		if (out->hops >= HTTP_MAX_REDIRECTS) {
			set_error(errp, _("%s: more than %d redirects"), step_name(req),
			          HTTP_MAX_REDIRECTS);
			free(url);
			http_response_clear(out);
			return HTTP_ERR_POLICY;
		}
		if (req->once && with_body && (out->status == 307 || out->status == 308)) {
			set_error(errp,
			          _("%s: the server asked for it to be sent again elsewhere "
			            "(HTTP %ld): it is sent once only"),
			          step_name(req), out->status);
			free(url);
			http_response_clear(out);
			return HTTP_ERR_POLICY;
		}
		free(url);
		url = xstrdup(next);
		out->hops++;
		if (req->stop_at && req->stop_at(url, req->stop_ctx)) {
			out->stopped_at = url;
			return HTTP_OK;
		}
		/* As browsers do: 303, and 301/302 after a POST, become a GET. */
		if (out->status == 303 ||
		    ((out->status == 301 || out->status == 302) && strcmp(method, "POST") == 0)) {
			method = "GET";
			with_body = false;
		}
	}
	free(url);
	return HTTP_OK;
}

enum http_error http_get(struct http_session *session, const char *url, const char *label,
                         struct http_response *out, char **errp)
{
	struct http_request req = { .method = "GET", .url = url, .label = label };
	return http_perform(session, &req, out, errp);
}
