/* Turning a page into bytes on the wire: charset, the body faults (500,
 * huge, truncated, stalled), gzip when asked, PHP-like headers, and the
 * throttling (latency before the headers, a bandwidth cap on the body,
 * written in timed chunks by a content-reader callback). */
#include "demo/internal.h"

#include <microhttpd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <zlib.h>

#define STALL_BYTES 64
#define DEFAULT_STALL_MS 300000u
#define DEFAULT_HUGE_BYTES 10000000ul

int demo_sleep(struct demo_server *srv, long long ms)
{
	struct timespec deadline;
	clock_gettime(CLOCK_MONOTONIC, &deadline);
	deadline.tv_sec += (time_t)(ms / 1000);
	deadline.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (deadline.tv_nsec >= 1000000000L) {
		deadline.tv_sec++;
		deadline.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&srv->lock);
	int rc = 0;
	while (!srv->stopping && rc == 0)
		rc = pthread_cond_timedwait(&srv->wake, &srv->lock, &deadline);
	bool stopping = srv->stopping;
	pthread_mutex_unlock(&srv->lock);
	return stopping ? -1 : 0;
}

void demo_reply_redirect(struct demo_reply *rep, unsigned status, const char *location)
{
	demo_buf_release(&rep->body);
	free(rep->location);
	rep->location = demo_xstrdup(location);
	rep->status = status;
	rep->kind = DEMO_BODY_RAW;
	rep->content_type = "text/html; charset=ISO-8859-1";
}

void demo_reply_release(struct demo_reply *rep)
{
	demo_buf_release(&rep->body);
	free(rep->location);
	free(rep->cookie);
	free(rep->disposition);
	rep->location = rep->cookie = rep->disposition = NULL;
}

/* What the reader callback sends: data[0..send_len) of a body announced
 * as len bytes long. */
struct body {
	struct demo_server *srv;
	char *data;
	size_t len, send_len;
	bool stall;
	unsigned stall_ms;
	unsigned long bps;
	long long start_ms;
};

static ssize_t body_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct body *b = cls;
	if (pos >= b->send_len) {
		/* Truncated: close now. Stalled: keep the client waiting, then
		 * close. Either way the announced Content-Length is not met. */
		if (b->stall)
			demo_sleep(b->srv, b->stall_ms);
		return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	size_t n = b->send_len - (size_t)pos;
	if (n > max)
		n = max;
	if (b->bps) {
		/* Slots of a tenth of a second; each chunk leaves when the
		 * link would have finished carrying it. */
		size_t chunk = b->bps / 10 ? b->bps / 10 : 1;
		if (n > chunk)
			n = chunk;
		if (pos == 0)
			b->start_ms = demo_now_ms();
		long long due = b->start_ms + (long long)((pos + n) * 1000 / b->bps);
		long long wait = due - demo_now_ms();
		if (wait > 0 && demo_sleep(b->srv, wait) < 0)
			return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	memcpy(buf, b->data + pos, n);
	pthread_mutex_lock(&b->srv->lock);
	b->srv->stats.body_bytes += n;
	pthread_mutex_unlock(&b->srv->lock);
	return (ssize_t)n;
}

/* The endless fault: the page's bytes, then filler, for as long as the
 * client reads, never more than bps a second when set. */
static ssize_t endless_reader(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct body *b = cls;
	if (pos < b->len)
		return body_reader(cls, pos, buf, max);
	pthread_mutex_lock(&b->srv->lock);
	bool stopping = b->srv->stopping;
	pthread_mutex_unlock(&b->srv->lock);
	if (stopping)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	size_t n = max;
	if (b->bps) {
		size_t chunk = b->bps / 10 ? b->bps / 10 : 1;
		if (n > chunk)
			n = chunk;
		long long due = b->start_ms + (long long)((pos + n) * 1000 / b->bps);
		long long wait = due - demo_now_ms();
		if (wait > 0 && demo_sleep(b->srv, wait) < 0)
			return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	memset(buf, '0', n);
	for (size_t i = 63; i < n; i += 64)
		buf[i] = '\n';
	pthread_mutex_lock(&b->srv->lock);
	b->srv->stats.body_bytes += n;
	pthread_mutex_unlock(&b->srv->lock);
	return (ssize_t)n;
}

static void body_free(void *cls)
{
	struct body *b = cls;
	free(b->data);
	free(b);
}

/* True when Accept-Encoding lists gzip without q=0. */
static bool wants_gzip(struct MHD_Connection *conn)
{
	const char *ae = MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
	                                             MHD_HTTP_HEADER_ACCEPT_ENCODING);
	while (ae && *ae) {
		ae += strspn(ae, " \t,");
		size_t tok = strcspn(ae, ",;");
		bool is_gzip = (tok == 4 && strncasecmp(ae, "gzip", 4) == 0) ||
		               (tok == 6 && strncasecmp(ae, "x-gzip", 6) == 0);
		const char *end = ae + strcspn(ae, ",");
		if (is_gzip) {
			const char *q = ae + tok;
			bool zero = false;
			while (q < end) {
				q += strspn(q, " \t;");
				if (q < end && (q[0] == 'q' || q[0] == 'Q') && q[1] == '=') {
					double v = strtod(q + 2, NULL);
					zero = v <= 0.0;
				}
				q += strcspn(q, ";,");
			}
			if (!zero)
				return true;
		}
		ae = end;
	}
	return false;
}

/* gzip of in; false (and nothing in out) if zlib fails. */
static bool gzip_body(const char *in, size_t len, struct demo_buf *out)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return false;
	size_t bound = deflateBound(&z, (uLong)len);
	char *dst = demo_xmalloc(bound);
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = (uInt)len;
	z.next_out = (Bytef *)dst;
	z.avail_out = (uInt)bound;
	int rc = deflate(&z, Z_FINISH);
	size_t produced = bound - z.avail_out;
	deflateEnd(&z);
	if (rc != Z_STREAM_END) {
		free(dst);
		return false;
	}
	demo_buf_add(out, dst, produced);
	free(dst);
	return true;
}

/* About huge_bytes of HTML comments before the closing body tag, as a
 * debug dump left switched on would add. */
static void add_huge(struct demo_buf *body, unsigned long want)
{
	struct demo_buf filler = DEMO_BUF_INIT;
	unsigned long line = 0;
	while (filler.len < want)
		demo_buf_printf(&filler,
		                "<!-- trace %08lu : requete SQL executee en 0.0003 s ; "
		                "cache de session valide ; aucune erreur -->\n",
		                line++);
	size_t pos = body->len;
	for (const char *tag = "</BODY>"; tag; tag = tag[2] == 'B' ? "</body>" : NULL) {
		const char *at = body->data ? strstr(body->data, tag) : NULL;
		if (at) {
			pos = (size_t)(at - body->data);
			break;
		}
	}
	demo_buf_insert(body, pos, filler.data, filler.len);
	demo_buf_release(&filler);
}

int demo_respond(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	const struct demo_faults *f = &srv->faults;

	if (rep->f_drop || rep->f_hang) {
		/* The work is done (under the lock, by the caller); the answer
		 * is lost. MHD_NO closes the connection without a byte. */
		if (srv->log)
			fprintf(srv->log, "demo: %s %s -> no answer (fault %s)\n", r->method,
			        r->path, rep->f_drop ? "drop" : "hang");
		if (rep->f_hang)
			demo_sleep(srv, f->stall_ms ? f->stall_ms : DEFAULT_STALL_MS);
		return MHD_NO;
	}
	if (rep->f_http500)
		demo_page_error(rep, 500, r->path);
	if (rep->f_huge)
		add_huge(&rep->body, f->huge_bytes ? f->huge_bytes : DEFAULT_HUGE_BYTES);

	struct demo_buf bytes = DEMO_BUF_INIT;
	char ctype[64];
	switch (rep->kind) {
	case DEMO_BODY_PORTAL: {
		const char *cs = demo_charset_header(f->charset);
		if (rep->body.len)
			demo_buf_encode(&bytes, rep->body.data, rep->body.len, f->charset);
		snprintf(ctype, sizeof ctype, "text/html%s%s", cs ? "; charset=" : "",
		         cs ? cs : "");
		break;
	}
	case DEMO_BODY_UTF8:
		demo_buf_add(&bytes, rep->body.data ? rep->body.data : "", rep->body.len);
		snprintf(ctype, sizeof ctype, "text/html; charset=UTF-8");
		break;
	case DEMO_BODY_RAW:
		demo_buf_add(&bytes, rep->body.data ? rep->body.data : "", rep->body.len);
		snprintf(ctype, sizeof ctype, "%s",
		         rep->content_type ? rep->content_type : "text/plain");
		break;
	}
	demo_buf_release(&rep->body);

	bool gz = false;
	/* Images are compressed already: servers leave them as they are. */
	if (bytes.len > 0 && !rep->f_endless && strncmp(ctype, "image/", 6) != 0 &&
	    wants_gzip(r->conn)) {
		struct demo_buf zipped = DEMO_BUF_INIT;
		if (gzip_body(bytes.data, bytes.len, &zipped)) {
			demo_buf_release(&bytes);
			bytes = zipped;
			gz = true;
		} else {
			demo_buf_release(&zipped);
		}
	}

	struct body *b = demo_xmalloc(sizeof *b);
	memset(b, 0, sizeof *b);
	b->srv = srv;
	b->len = bytes.len;
	b->data = demo_buf_take(&bytes);
	b->send_len = b->len;
	b->bps = rep->unthrottled ? 0 : f->bandwidth_bps;
	if (rep->f_truncate && b->len > 1)
		b->send_len = b->len * 6 / 10;
	if (rep->f_stall) {
		b->stall = true;
		b->stall_ms = f->stall_ms ? f->stall_ms : DEFAULT_STALL_MS;
		if (b->send_len > STALL_BYTES)
			b->send_len = STALL_BYTES;
	}
	size_t block = b->bps && b->bps < 16384 ? (b->bps / 10 ? b->bps / 10 : 1) : 16384;
	unsigned long long announced = b->len;
	if (rep->f_endless)
		b->start_ms = demo_now_ms();
	struct MHD_Response *resp =
	        rep->f_endless ? MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, block,
	                                                           endless_reader, b, body_free)
	                       : MHD_create_response_from_callback(b->len, block, body_reader, b,
	                                                           body_free);
	if (!resp) {
		body_free(b);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_SERVER, "Apache/2.4.10 (Debian)");
	if (rep->kind == DEMO_BODY_PORTAL || rep->location || rep->disposition) {
		MHD_add_response_header(resp, "X-Powered-By", "PHP/5.6.40-0+deb8u12");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_EXPIRES,
		                        "Thu, 19 Nov 1981 08:52:00 GMT");
		MHD_add_response_header(
		        resp, MHD_HTTP_HEADER_CACHE_CONTROL,
		        "no-store, no-cache, must-revalidate, post-check=0, pre-check=0");
		MHD_add_response_header(resp, MHD_HTTP_HEADER_PRAGMA, "no-cache");
	}
	if (rep->cookie)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_SET_COOKIE, rep->cookie);
	if (rep->disposition)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_DISPOSITION,
		                        rep->disposition);
	if (rep->location)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_LOCATION, rep->location);
	if (gz)
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_ENCODING, "gzip");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Accept-Encoding");

	pthread_mutex_lock(&srv->lock);
	if (gz)
		srv->stats.responses_gzip++;
	struct demo_logline line = *demo_stats_log(srv, r->method, r->path, rep->status, announced,
	                                           gz);
	pthread_mutex_unlock(&srv->lock);
	if (srv->log)
		fprintf(srv->log, "demo: %s %s -> %u, %llu bytes%s%s\n", line.method, line.path,
		        rep->status, announced, gz ? " gzip" : "",
		        rep->f_http500 || rep->f_truncate || rep->f_stall || rep->f_huge ||
		                        rep->f_endless
		                ? " (fault)"
		                : "");

	if (f->latency_ms && !rep->unthrottled)
		demo_sleep(srv, f->latency_ms);
	enum MHD_Result rc = MHD_queue_response(r->conn, rep->status, resp);
	MHD_destroy_response(resp);
	return rc;
}
