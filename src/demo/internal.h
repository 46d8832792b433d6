/* What the demo portal's files share; nothing here leaves src/demo/.
 *
 * Every non-static name carries the demo_ prefix: the library is linked into
 * portail-famille next to src/libportail.a, so it must not clash with the
 * project's own xmalloc or strbuf.
 *
 * Locking: one mutex per server (srv->lock) guards the sessions, the
 * invoices and payments, the counters and the request log. Page handlers and
 * templates run with it held; nothing sleeps or does I/O with it held.
 */
#ifndef PF_DEMO_INTERNAL_H
#define PF_DEMO_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "demo/demo.h"

#define DEMO_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* ---- buf.c: memory, growable buffers, escaping, charsets, randomness ---- */

/* Abort on memory exhaustion: a demo server has nothing better to do. */
void *demo_xmalloc(size_t size);
void *demo_xrealloc(void *ptr, size_t size);
char *demo_xstrdup(const char *s);
char *demo_xasprintf(const char *fmt, ...) DEMO_PRINTF(1, 2);
/* Stores a formatted message in *errp (when errp is not NULL); returns -1. */
int demo_error(char **errp, const char *fmt, ...) DEMO_PRINTF(2, 3);

/* Always NUL-terminated once something was added; data NULL before. */
struct demo_buf {
	char *data;
	size_t len, cap;
};
#define DEMO_BUF_INIT      \
	{                  \
		NULL, 0, 0 \
	}
void demo_buf_add(struct demo_buf *b, const void *data, size_t len);
void demo_buf_puts(struct demo_buf *b, const char *s);
void demo_buf_printf(struct demo_buf *b, const char *fmt, ...) DEMO_PRINTF(2, 3);
/* Appends text with & < > " ' escaped, as PHP's htmlspecialchars(ENT_QUOTES)
 * does. Control characters pass unchanged: only the evil-names fault puts
 * any in the data. */
void demo_buf_html(struct demo_buf *b, const char *text);
/* Inserts data at offset pos (pos <= len). */
void demo_buf_insert(struct demo_buf *b, size_t pos, const void *data, size_t len);
/* Returns the contents ("" when empty; owned by the caller), empties b. */
char *demo_buf_take(struct demo_buf *b);
void demo_buf_release(struct demo_buf *b);

/* Appends UTF-8 text converted to the byte encoding cs calls for; characters
 * the target cannot hold become numeric character references "&#N;", as a
 * PHP site writing latin-1 would have them. */
void demo_buf_encode(struct demo_buf *out, const char *utf8, size_t len, enum demo_charset cs);
/* The charset name for the HTTP header (NULL: none) and for the <meta>. */
const char *demo_charset_header(enum demo_charset cs);
const char *demo_charset_meta(enum demo_charset cs);

/* Writes len random characters from alphabet, then a NUL, into out. */
void demo_random_string(char *out, size_t len, const char *alphabet);
/* "181.99" (sep '.') or "181,99" (sep ','); out holds at least 32 bytes. */
void demo_format_cents(char out[32], int64_t cents, char sep);
/* Milliseconds on the monotonic clock. */
long long demo_now_ms(void);
/* Constant-time string equality (passwords, tokens). */
bool demo_secret_equal(const char *a, const char *b);

/* ---- data.c: the family, its invoices, payments ---- */

#define DEMO_NREGIES 2
#define DEMO_NINVOICES 4
#define DEMO_MAX_PAYMENTS 256
#define DEMO_IDOP_LEN 32

struct demo_invoice {
	unsigned id;            /* the checkbox value */
	unsigned regie;         /* 1..DEMO_NREGIES */
	const char *number;     /* "F2022-0912" */
	char date[11], due[11]; /* "05/09/2022" */
	int64_t amount_cents;   /* Montant dû */
	int64_t balance_cents;  /* Solde: set to 0 when paid */
	bool checked;           /* checked as served */
};

enum demo_pay_state {
	DEMO_PAY_PENDING,
	DEMO_PAY_PAID,
	DEMO_PAY_REFUSED,
	DEMO_PAY_ABANDONED
};

struct demo_payment {
	unsigned ref;                 /* portal reference, "refdet" */
	char idop[DEMO_IDOP_LEN + 1]; /* PayFiP token */
	unsigned regie;
	bool inv[DEMO_NINVOICES]; /* which invoices, by index */
	int64_t amount_cents;
	long long created_ms;
	enum demo_pay_state state;
};

struct demo_data {
	bool evil;
	enum demo_family_kind family;
	struct demo_invoice inv[DEMO_NINVOICES];
	struct demo_payment pay[DEMO_MAX_PAYMENTS]; /* ring: oldest reused */
	size_t npay, nextpay;
	unsigned next_ref;
};

struct demo_person {
	const char *civility, *first, *last, *role, *birth, *mobile, *email, *employer;
};
struct demo_child {
	const char *first, *birth, *school, *level, *teacher, *diet;
};
struct demo_enrolment {
	const char *child, *activity, *place, *days, *period;
};
struct demo_family {
	const struct demo_person *parents;
	size_t nparents;
	const struct demo_child *children;
	size_t nchildren;
	const struct demo_enrolment *enrolments;
	size_t nenrolments;
	const char *street, *postcode, *city, *phone, *caf_number, *quotient;
};
extern const struct demo_family demo_family;

void demo_data_init(struct demo_data *d, bool evil, enum demo_family_kind family);
/* "dd/mm/yyyy" of the server's local today moved by days, into out. */
void demo_date_from_today(char out[11], int days);
const char *demo_data_family_name(const struct demo_data *d);
const char *demo_data_regie_name(const struct demo_data *d, unsigned regie);
const char *demo_data_invoice_number(const struct demo_data *d, const struct demo_invoice *inv);
/* Sum of the balances of one régie, or of all with regie 0. */
int64_t demo_data_balance(const struct demo_data *d, unsigned regie);
/* Sum of the balances of the invoices checked as served. */
int64_t demo_data_checked_total(const struct demo_data *d, unsigned regie);
struct demo_invoice *demo_data_invoice(struct demo_data *d, unsigned id);
/* Creates a pending payment for the invoices ids[0..n) of a régie; NULL and a
 * static French message in *why when the choice is not payable. */
struct demo_payment *demo_data_new_payment(struct demo_data *d, unsigned regie, const unsigned *ids,
                                           size_t n, long long now_ms, const char **why);
struct demo_payment *demo_data_payment_by_ref(struct demo_data *d, unsigned ref);
struct demo_payment *demo_data_payment_by_idop(struct demo_data *d, const char *idop);
/* Applies an outcome to a pending payment; counts it in *st. */
void demo_data_finish_payment(struct demo_data *d, struct demo_payment *p,
                              enum demo_pay_state outcome, struct demo_stats *st);

/* ---- session.c: PHPSESSID sessions ---- */

#define DEMO_MAX_SESSIONS 256
#define DEMO_SID_LEN 26
#define DEMO_JETON_LEN 32

struct demo_session {
	bool used;
	char id[DEMO_SID_LEN + 1];
	char jeton[DEMO_JETON_LEN + 1]; /* the login form's hidden token */
	bool logged_in;
	unsigned requests; /* served while logged in */
	long long last_ms;
};

struct demo_sessions {
	struct demo_session s[DEMO_MAX_SESSIONS];
};

/* ---- the server and one request ---- */

struct demo_logline {
	char method[8];
	char path[96]; /* printable ASCII only */
	unsigned status;
	unsigned long long bytes;
	bool gzip;
};
#define DEMO_LOG_LINES 512

struct demo_server {
	/* Set by demo_start, read-only afterwards. */
	char *host, *payfip_host, *user, *password;
	unsigned port;
	enum demo_handoff handoff;
	enum demo_history history;
	unsigned token_ttl_s;
	struct demo_faults faults;
	FILE *log;
	struct MHD_Daemon *mhd;

	pthread_mutex_t lock;
	pthread_cond_t wake; /* signalled (broadcast) when stopping */
	/* Guarded by lock. */
	bool stopping;
	struct demo_data data;
	struct demo_sessions sessions;
	struct demo_stats stats;
	unsigned fault_hits[DEMO_PAGE_COUNT_];
	struct demo_logline logring[DEMO_LOG_LINES];
	size_t lognext, logcount;
};

struct demo_field {
	char *name;
	struct demo_buf value;
};

struct demo_request {
	struct demo_server *srv;
	struct MHD_Connection *conn;
	char method[8];
	const char *path;
	bool post;
	struct demo_field *fields; /* POST fields in order */
	size_t nfields, capfields;
	size_t body_bytes;
	bool body_too_big;
	struct MHD_PostProcessor *pp;
	struct demo_session *sess; /* valid while the lock is held */
};

enum demo_body_kind {
	DEMO_BODY_PORTAL, /* portal HTML: converted to the fault's charset */
	DEMO_BODY_UTF8,   /* HTML always sent as UTF-8 (PayFiP) */
	DEMO_BODY_RAW,    /* content_type given, bytes as they are */
};

struct demo_reply {
	unsigned status;
	enum demo_page page;
	enum demo_body_kind kind;
	const char *content_type; /* DEMO_BODY_RAW only */
	struct demo_buf body;     /* UTF-8 text, or raw bytes */
	char *location;           /* owned: Location header, or NULL */
	char *cookie;             /* owned: Set-Cookie header, or NULL */
	char *disposition;        /* owned: Content-Disposition header, or NULL */
	/* Decided by the fault code under the lock, applied by respond.c. */
	bool f_http500, f_truncate, f_stall, f_huge, f_drop, f_hang, f_endless;
	bool unthrottled; /* /__demo/ endpoints: no latency, no cap */
	bool to_login;    /* the 302 of a page asked without session */
};

/* server.c: request accessors. */
const char *demo_req_arg(const struct demo_request *r, const char *name);
const char *demo_req_field(const struct demo_request *r, const char *name);
/* Stores up to max values of the POST fields called name; returns how many. */
size_t demo_req_fields(const struct demo_request *r, const char *name, const char **out,
                       size_t max);
const char *demo_req_cookie(const struct demo_request *r, const char *name);

/* reply helpers (respond.c) */
void demo_reply_redirect(struct demo_reply *rep, unsigned status, const char *location);
void demo_reply_release(struct demo_reply *rep);
/* Sends rep on the connection: applies charset, faults, gzip, latency and
 * bandwidth. Called without the lock. Returns an MHD_Result. */
int demo_respond(struct demo_request *r, struct demo_reply *rep);
/* Sleeps ms milliseconds or until the server stops; -1 when stopping. */
int demo_sleep(struct demo_server *srv, long long ms);

/* session.c */
struct demo_session *demo_session_find(struct demo_server *srv, const char *id);
struct demo_session *demo_session_new(struct demo_server *srv);
void demo_session_drop(struct demo_session *s);
/* A new id for the same session (after login, as session_regenerate_id). */
void demo_session_regenerate(struct demo_session *s);
char *demo_session_cookie(const struct demo_session *s);
char *demo_session_cookie_clear(void);
/* The login and logout pages' logic. */
void demo_handle_login(struct demo_request *r, struct demo_reply *rep);
void demo_handle_logout(struct demo_request *r, struct demo_reply *rep);
/* Resolves the session of a page that needs one, counting the request for
 * the expiry fault. false: rep is already the 302 to login.php5. */
bool demo_require_session(struct demo_request *r, struct demo_reply *rep);

/* pages.c: templates. Each appends a whole HTML document to rep->body. */
void demo_page_head(struct demo_buf *b, const struct demo_server *srv, const char *title,
                    const char *extra_head);
void demo_page_top(struct demo_buf *b, const struct demo_server *srv, const char *crumbs);
void demo_page_bottom(struct demo_buf *b);
void demo_page_login(struct demo_server *srv, struct demo_reply *rep,
                     const struct demo_session *sess, const char *login, const char *message);
void demo_page_info(struct demo_server *srv, struct demo_reply *rep, enum demo_page page);
void demo_page_public(struct demo_server *srv, struct demo_reply *rep, const char *which);
void demo_page_maintenance(struct demo_server *srv, struct demo_reply *rep);
void demo_page_error(struct demo_reply *rep, unsigned status, const char *path);
void demo_page_css(struct demo_reply *rep);

/* assets.c: the images a browser fetches beside the pages, by r->path. */
void demo_handle_asset(struct demo_request *r, struct demo_reply *rep);

/* history.c: Historique des règlements, and Mon compte's short list. */
void demo_page_history(struct demo_server *srv, struct demo_reply *rep);
void demo_history_recent(struct demo_buf *b, const struct demo_server *srv);

/* account.c: the invoice page, the Règlement and the hand-off pages. */
void demo_handle_factures(struct demo_request *r, struct demo_reply *rep);
void demo_handle_popup(struct demo_request *r, struct demo_reply *rep);
void demo_handle_redirect(struct demo_request *r, struct demo_reply *rep);

/* document.c: GET facture.php5?id=ID, an invoice's PDF. */
void demo_handle_document(struct demo_request *r, struct demo_reply *rep);
/* Whether the invoice has a document the invoice page links. */
bool demo_invoice_has_document(const struct demo_invoice *inv);
/* "http://localhost:PORT" */
char *demo_payfip_origin(const struct demo_server *srv);

/* payfip.c: the PayFiP stand-in. */
void demo_handle_payfip(struct demo_request *r, struct demo_reply *rep);
void demo_handle_payfip_entry(struct demo_request *r, struct demo_reply *rep);

/* faults.c */
/* Decides (under the lock) which page faults fire for this reply. */
void demo_faults_pick(struct demo_server *srv, struct demo_reply *rep);
bool demo_faults_maintenance(const struct demo_server *srv, enum demo_page page);
/* Evil variants of names (UTF-8, with raw control characters). */
extern const char demo_evil_family[];
extern const char demo_evil_invoice[];
extern const char demo_evil_regie[];
extern const char demo_evil_regie_html[]; /* as the invoice page writes it */
extern const char demo_evil_login_error[];
extern const char demo_evil_links_html[];

/* stats.c */
/* Records one request in the log ring (path reduced to printable ASCII);
 * returns the entry, valid while the lock is held. */
const struct demo_logline *demo_stats_log(struct demo_server *srv, const char *method,
                                          const char *path, unsigned status,
                                          unsigned long long bytes, bool gzip);
void demo_handle_stats(struct demo_request *r, struct demo_reply *rep);

#endif
