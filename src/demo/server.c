/* The demo portal's libmicrohttpd plumbing: the listening socket on
 * loopback, one thread per connection (so a stalled or throttled response
 * holds up only its own client), request bodies, routing, and the public
 * demo_* entry points. */
#include "demo/internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_POST_BYTES (64 * 1024)
#define MAX_FIELDS 256

/* ---- request accessors ---- */

const char *demo_req_arg(const struct demo_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

const char *demo_req_cookie(const struct demo_request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *demo_req_field(const struct demo_request *r, const char *name)
{
	for (size_t i = 0; i < r->nfields; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			return r->fields[i].value.data ? r->fields[i].value.data : "";
	return NULL;
}

size_t demo_req_fields(const struct demo_request *r, const char *name, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < r->nfields && n < max; i++)
		if (strcmp(r->fields[i].name, name) == 0)
			out[n++] = r->fields[i].value.data ? r->fields[i].value.data : "";
	return n;
}

/* MHD hands a field's value in pieces; off == 0 starts a new field, which
 * keeps repeated names (fact[]) apart. */
static enum MHD_Result on_post_field(void *cls, enum MHD_ValueKind kind, const char *key,
                                     const char *filename, const char *content_type,
                                     const char *transfer_encoding, const char *data, uint64_t off,
                                     size_t size)
{
	struct demo_request *r = cls;
	(void)kind, (void)filename, (void)content_type, (void)transfer_encoding;
	if (!key)
		return MHD_YES;
	if (off == 0 || r->nfields == 0) {
		if (r->nfields == MAX_FIELDS)
			return MHD_NO;
		if (r->nfields == r->capfields) {
			r->capfields = r->capfields ? r->capfields * 2 : 8;
			r->fields = demo_xrealloc(r->fields, r->capfields * sizeof *r->fields);
		}
		struct demo_field *f = &r->fields[r->nfields++];
		f->name = demo_xstrdup(key);
		f->value = (struct demo_buf)DEMO_BUF_INIT;
		demo_buf_add(&f->value, "", 0);
	}
	demo_buf_add(&r->fields[r->nfields - 1].value, data, size);
	return MHD_YES;
}

static void request_free(struct demo_request *r)
{
	if (!r)
		return;
	if (r->pp)
		MHD_destroy_post_processor(r->pp);
	for (size_t i = 0; i < r->nfields; i++) {
		free(r->fields[i].name);
		demo_buf_release(&r->fields[i].value);
	}
	free(r->fields);
	free(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                         enum MHD_RequestTerminationCode toe)
{
	(void)cls, (void)conn, (void)toe;
	request_free(*con_cls);
	*con_cls = NULL;
}

/* Counts TCP connections, so a test or a benchmark can tell whether a
 * client kept one connection for its requests. */
static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_ctx,
                          enum MHD_ConnectionNotificationCode toe)
{
	struct demo_server *srv = cls;
	(void)conn, (void)socket_ctx;
	if (toe != MHD_CONNECTION_NOTIFY_STARTED)
		return;
	pthread_mutex_lock(&srv->lock);
	srv->stats.connections++;
	pthread_mutex_unlock(&srv->lock);
}

/* ---- routing (all handlers run with srv->lock held) ---- */

static void h_info(struct demo_request *r, struct demo_reply *rep)
{
	if (demo_require_session(r, rep))
		demo_page_info(r->srv, rep, rep->page);
}

static void h_history(struct demo_request *r, struct demo_reply *rep)
{
	if (!demo_require_session(r, rep))
		return;
	if (r->srv->history == DEMO_HISTORY_PAGE)
		demo_page_history(r->srv, rep);
	else
		demo_page_error(rep, 404, r->path);
}

static void h_home(struct demo_request *r, struct demo_reply *rep)
{
	(void)r;
	demo_reply_redirect(rep, 302, "/v4/login.php5");
}

static void h_mentions(struct demo_request *r, struct demo_reply *rep)
{
	demo_page_public(r->srv, rep, "mentions");
}

static void h_contact(struct demo_request *r, struct demo_reply *rep)
{
	demo_page_public(r->srv, rep, "contact");
}

static void h_mdp(struct demo_request *r, struct demo_reply *rep)
{
	demo_page_public(r->srv, rep, "mdp");
}

static void h_css(struct demo_request *r, struct demo_reply *rep)
{
	(void)r;
	demo_page_css(rep);
}

static const struct route {
	const char *path;
	enum demo_page get_page, post_page;
	void (*handle)(struct demo_request *, struct demo_reply *);
} routes[] = {
	{ "/", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_home },
	{ "/v4", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_home },
	{ "/v4/", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_home },
	{ "/v4/login.php5", DEMO_PAGE_LOGIN, DEMO_PAGE_LOGIN, demo_handle_login },
	{ "/v4/logout.php5", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, demo_handle_logout },
	{ "/v4/accueil.php5", DEMO_PAGE_ACCUEIL, DEMO_PAGE_ACCUEIL, h_info },
	{ "/v4/tableau_bord.php5", DEMO_PAGE_TABLEAU_BORD, DEMO_PAGE_TABLEAU_BORD, h_info },
	{ "/v4/famille.php5", DEMO_PAGE_FAMILLE, DEMO_PAGE_FAMILLE, h_info },
	{ "/v4/coordonnees.php5", DEMO_PAGE_COORDONNEES, DEMO_PAGE_COORDONNEES, h_info },
	{ "/v4/inscriptions.php5", DEMO_PAGE_INSCRIPTIONS, DEMO_PAGE_INSCRIPTIONS, h_info },
	{ "/v4/compte.php5", DEMO_PAGE_COMPTE, DEMO_PAGE_COMPTE, h_info },
	{ "/v4/compte_factures.php5", DEMO_PAGE_FACTURES, DEMO_PAGE_REGLEMENT,
	  demo_handle_factures },
	{ "/v4/aide.php5", DEMO_PAGE_AIDE, DEMO_PAGE_AIDE, h_info },
	{ "/v4/facture.php5", DEMO_PAGE_DOCUMENT, DEMO_PAGE_DOCUMENT, demo_handle_document },
	{ "/v4/compte_reglements.php5", DEMO_PAGE_HISTORIQUE, DEMO_PAGE_HISTORIQUE, h_history },
	{ "/v4/paiement_popup.php5", DEMO_PAGE_POPUP, DEMO_PAGE_POPUP, demo_handle_popup },
	{ "/v4/paiement_redirect.php5", DEMO_PAGE_REDIRECT, DEMO_PAGE_REDIRECT,
	  demo_handle_redirect },
	{ "/v4/mentions_legales.php5", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_mentions },
	{ "/v4/contact.php5", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_contact },
	{ "/v4/mdp_oublie.php5", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_mdp },
	{ "/v4/css/portail.css", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, h_css },
	{ "/v4/images/payer.gif", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, demo_handle_asset },
	{ "/v4/images/menu_on.gif", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, demo_handle_asset },
	{ "/favicon.ico", DEMO_PAGE_OTHER, DEMO_PAGE_OTHER, demo_handle_asset },
	{ "/tpa/paiementws.web", DEMO_PAGE_PAYFIP, DEMO_PAGE_PAYFIP, demo_handle_payfip },
	{ "/tpa/paiement.web", DEMO_PAGE_PAYFIP, DEMO_PAGE_PAYFIP, demo_handle_payfip_entry },
};

static void route(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	const struct route *rt = NULL;
	for (size_t i = 0; i < sizeof routes / sizeof routes[0] && !rt; i++)
		if (strcmp(r->path, routes[i].path) == 0)
			rt = &routes[i];
	rep->page = rt ? (r->post ? rt->post_page : rt->get_page) : DEMO_PAGE_OTHER;
	srv->stats.requests++;
	if (demo_faults_maintenance(srv, rep->page)) {
		demo_page_maintenance(srv, rep);
		return;
	}
	if (!rt)
		demo_page_error(rep, 404, r->path);
	else if (r->body_too_big)
		demo_page_error(rep, 413, r->path);
	else
		rt->handle(r, rep);
	demo_faults_pick(srv, rep);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
                                  const char *method, const char *version, const char *upload_data,
                                  size_t *upload_data_size, void **con_cls)
{
	struct demo_server *srv = cls;
	struct demo_request *r = *con_cls;
	(void)version;
	if (!r) {
		r = demo_xmalloc(sizeof *r);
		memset(r, 0, sizeof *r);
		r->srv = srv;
		r->conn = conn;
		snprintf(r->method, sizeof r->method, "%s", method);
		r->post = strcmp(method, MHD_HTTP_METHOD_POST) == 0;
		if (r->post)
			r->pp = MHD_create_post_processor(conn, 16 * 1024, on_post_field, r);
		*con_cls = r;
		return MHD_YES;
	}
	if (*upload_data_size) {
		r->body_bytes += *upload_data_size;
		if (r->body_bytes > MAX_POST_BYTES)
			r->body_too_big = true;
		else if (r->pp &&
		         MHD_post_process(r->pp, upload_data, *upload_data_size) != MHD_YES)
			r->body_too_big = true;
		*upload_data_size = 0;
		return MHD_YES;
	}
	r->path = url;

	struct demo_reply rep;
	memset(&rep, 0, sizeof rep);
	rep.status = 200;
	bool control = strncmp(url, "/__demo/", 8) == 0;
	pthread_mutex_lock(&srv->lock);
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0 &&
	    !r->post) {
		srv->stats.requests += !control;
		demo_page_error(&rep, 405, url);
	} else if (control && strcmp(url, "/__demo/stats") == 0) {
		demo_handle_stats(r, &rep);
	} else if (control && strcmp(url, "/__demo/reset") == 0 && r->post) {
		pthread_mutex_unlock(&srv->lock);
		demo_reset(srv);
		pthread_mutex_lock(&srv->lock);
		rep.kind = DEMO_BODY_RAW;
		rep.content_type = "application/json";
		demo_buf_puts(&rep.body, "{\"reset\": true}\n");
	} else if (control) {
		demo_page_error(&rep, 404, url);
	} else {
		route(r, &rep);
	}
	pthread_mutex_unlock(&srv->lock);

	/* The control endpoints bypass throttling (and faults: route() is
	 * where those are picked). */
	rep.unthrottled = control;
	enum MHD_Result rc = (enum MHD_Result)demo_respond(r, &rep);
	demo_reply_release(&rep);
	return rc;
}

DEMO_PRINTF(2, 0) static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct demo_server *srv = cls;
	if (!srv->log)
		return;
	fputs("demo: libmicrohttpd: ", srv->log);
	vfprintf(srv->log, fmt, ap);
}

/* ---- public API ---- */

static bool valid_host_name(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 253)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '.' || *s == '-'))
			return false;
	return true;
}

static void server_free(struct demo_server *srv)
{
	free(srv->host);
	free(srv->payfip_host);
	free(srv->user);
	free(srv->password);
	pthread_cond_destroy(&srv->wake);
	pthread_mutex_destroy(&srv->lock);
	free(srv);
}

static int listen_socket(struct demo_server *srv, const struct in_addr *addr, unsigned port,
                         int *fdp, char **errp)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return demo_error(errp, "demo portal: socket: %s", strerror(errno));
	int one = 1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	struct sockaddr_in sa;
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr = *addr;
	socklen_t len = sizeof sa;
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) < 0 || listen(fd, 64) < 0 ||
	    getsockname(fd, (struct sockaddr *)&sa, &len) < 0) {
		int e = errno;
		close(fd);
		return demo_error(errp, "demo portal: cannot listen on %s:%u: %s", srv->host, port,
		                  strerror(e));
	}
	srv->port = ntohs(sa.sin_port);
	*fdp = fd;
	return 0;
}

int demo_start(const struct demo_options *opts, struct demo_server **out, char **errp)
{
	static const struct demo_options defaults;
	if (!opts)
		opts = &defaults;
	const char *host = opts->host ? opts->host : "127.0.0.1";
	struct in_addr addr;
	if (inet_pton(AF_INET, host, &addr) != 1 || (ntohl(addr.s_addr) >> 24) != 127)
		return demo_error(errp,
		                  "demo portal: bind address must be an IPv4 loopback "
		                  "address (127.x.y.z), not \"%.64s\"",
		                  host);
	if (opts->port > 65535)
		return demo_error(errp, "demo portal: port %u out of range", opts->port);
	if ((unsigned)opts->family >= DEMO_FAMILY_COUNT ||
	    (unsigned)opts->history >= DEMO_HISTORY_COUNT)
		return demo_error(errp, "demo portal: unknown family or history variant");
	if ((unsigned)opts->handoff >= DEMO_HANDOFF_COUNT)
		return demo_error(errp, "demo portal: unknown hand-off variant %d",
		                  (int)opts->handoff);
	const char *payfip = opts->payfip_host                ? opts->payfip_host
	                     : strcmp(host, "127.0.0.1") == 0 ? "localhost"
	                                                      : host;
	if (!valid_host_name(payfip))
		return demo_error(errp, "demo portal: bad PayFiP host name \"%.64s\"", payfip);

	struct demo_server *srv = demo_xmalloc(sizeof *srv);
	memset(srv, 0, sizeof *srv);
	srv->host = demo_xstrdup(host);
	srv->payfip_host = demo_xstrdup(payfip);
	srv->user = demo_xstrdup(opts->user ? opts->user : "demo");
	srv->password = demo_xstrdup(opts->password ? opts->password : "demo");
	srv->handoff = opts->handoff;
	srv->token_ttl_s = opts->token_ttl_s ? opts->token_ttl_s : 900;
	srv->faults = opts->faults;
	srv->log = opts->log;
	pthread_mutex_init(&srv->lock, NULL);
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&srv->wake, &ca);
	pthread_condattr_destroy(&ca);
	srv->history = opts->history;
	demo_data_init(&srv->data, srv->faults.evil_names, opts->family);

	int fd = -1;
	if (listen_socket(srv, &addr, opts->port, &fd, errp) < 0) {
		server_free(srv);
		return -1;
	}
	/* The server's threads inherit the creating thread's signal mask:
	 * block the asynchronous signals so that SIGINT, SIGTERM, SIGWINCH...
	 * keep going to the application's own threads. */
	sigset_t all, old;
	sigfillset(&all);
	static const int synchronous[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT };
	for (size_t i = 0; i < sizeof synchronous / sizeof synchronous[0]; i++)
		sigdelset(&all, synchronous[i]);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION | MHD_USE_INTERNAL_POLLING_THREAD |
	                 MHD_USE_ITC;
	if (MHD_is_feature_supported(MHD_FEATURE_POLL) == MHD_YES)
		flags |= MHD_USE_POLL;
	if (srv->log)
		flags |= MHD_USE_ERROR_LOG;
	srv->mhd = MHD_start_daemon(flags, 0, NULL, NULL, on_request, srv, MHD_OPTION_LISTEN_SOCKET,
	                            fd, MHD_OPTION_NOTIFY_COMPLETED, on_completed, srv,
	                            MHD_OPTION_NOTIFY_CONNECTION, on_connection, srv,
	                            MHD_OPTION_CONNECTION_LIMIT, 128u,
	                            MHD_OPTION_CONNECTION_TIMEOUT, 60u, MHD_OPTION_EXTERNAL_LOGGER,
	                            on_mhd_log, srv, MHD_OPTION_END);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!srv->mhd) {
		close(fd);
		server_free(srv);
		return demo_error(errp, "demo portal: libmicrohttpd could not start on %s", host);
	}
	*out = srv;
	return 0;
}

unsigned demo_port(const struct demo_server *srv)
{
	return srv->port;
}

char *demo_login_url(const struct demo_server *srv)
{
	return demo_xasprintf("http://%s:%u/v4/login.php5", srv->host, srv->port);
}

struct demo_stats demo_stats(const struct demo_server *csrv)
{
	/* The lock is not part of the server's observable state. */
	struct demo_server *srv = (struct demo_server *)(uintptr_t)csrv;
	pthread_mutex_lock(&srv->lock);
	struct demo_stats st = srv->stats;
	pthread_mutex_unlock(&srv->lock);
	return st;
}

void demo_reset(struct demo_server *srv)
{
	pthread_mutex_lock(&srv->lock);
	demo_data_init(&srv->data, srv->faults.evil_names, srv->data.family);
	memset(&srv->stats, 0, sizeof srv->stats);
	memset(srv->fault_hits, 0, sizeof srv->fault_hits);
	srv->lognext = srv->logcount = 0;
	pthread_mutex_unlock(&srv->lock);
}

void demo_stop(struct demo_server **psrv)
{
	if (!psrv || !*psrv)
		return;
	struct demo_server *srv = *psrv;
	*psrv = NULL;
	pthread_mutex_lock(&srv->lock);
	srv->stopping = true;
	pthread_cond_broadcast(&srv->wake);
	pthread_mutex_unlock(&srv->lock);
	MHD_stop_daemon(srv->mhd);
	server_free(srv);
}
