/* Counters and the request log, for tests and benchmarks: demo_stats() in
 * process, GET /__demo/stats as JSON from outside. */
#include "demo/internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* Keeps printable ASCII only, so the log is valid JSON text whatever a
 * client asked for. */
static void copy_printable(char *dst, size_t size, const char *src)
{
	size_t i = 0;
	for (; src && *src && i + 1 < size; src++)
		dst[i++] = (*src >= 0x20 && *src < 0x7f) ? *src : '?';
	dst[i] = '\0';
}

const struct demo_logline *demo_stats_log(struct demo_server *srv, const char *method,
                                          const char *path, unsigned status,
                                          unsigned long long bytes, bool gzip)
{
	struct demo_logline *l = &srv->logring[srv->lognext];
	copy_printable(l->method, sizeof l->method, method);
	copy_printable(l->path, sizeof l->path, path);
	l->status = status;
	l->bytes = bytes;
	l->gzip = gzip;
	srv->lognext = (srv->lognext + 1) % DEMO_LOG_LINES;
	if (srv->logcount < DEMO_LOG_LINES)
		srv->logcount++;
	return l;
}

static void set_u(json_t *o, const char *key, unsigned long long v)
{
	json_object_set_new(o, key, json_integer((json_int_t)v));
}

void demo_handle_stats(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	const struct demo_stats *s = &srv->stats;
	json_t *o = json_object();
	set_u(o, "requests", s->requests);
	set_u(o, "connections", s->connections);
	set_u(o, "logins_ok", s->logins_ok);
	set_u(o, "logins_failed", s->logins_failed);
	set_u(o, "reglement_posts", s->reglement_posts);
	set_u(o, "payfip_posts", s->payfip_posts);
	set_u(o, "payments_started", s->payments_started);
	set_u(o, "payments_paid", s->payments_paid);
	set_u(o, "payments_refused", s->payments_refused);
	set_u(o, "payments_abandoned", s->payments_abandoned);
	set_u(o, "invoices_settled", s->invoices_settled);
	set_u(o, "invoices_paid_twice", s->invoices_paid_twice);
	set_u(o, "sessions_expired", s->sessions_expired);
	set_u(o, "responses_gzip", s->responses_gzip);
	set_u(o, "faults_fired", s->faults_fired);
	set_u(o, "body_bytes", s->body_bytes);
	set_u(o, "balance_cents", (unsigned long long)demo_data_balance(&srv->data, 0));
	json_object_set_new(o, "handoff", json_string(demo_handoff_name(srv->handoff)));

	json_t *log = json_array();
	size_t first = (srv->lognext + DEMO_LOG_LINES - srv->logcount) % DEMO_LOG_LINES;
	for (size_t k = 0; k < srv->logcount; k++) {
		const struct demo_logline *l = &srv->logring[(first + k) % DEMO_LOG_LINES];
		json_array_append_new(log,
		                      json_pack("{s:s, s:s, s:i, s:I, s:b}", "method", l->method,
		                                "path", l->path, "status", (int)l->status, "bytes",
		                                (json_int_t)l->bytes, "gzip", (int)l->gzip));
	}
	json_object_set_new(o, "log", log);

	char *text = json_dumps(o, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
	json_decref(o);
	rep->status = 200;
	rep->kind = DEMO_BODY_RAW;
	rep->content_type = "application/json";
	if (text) {
		demo_buf_puts(&rep->body, text);
		demo_buf_puts(&rep->body, "\n");
		free(text);
	}
}
