/* PHPSESSID sessions as a PHP 5 site keeps them: an anonymous session from
 * the first GET of the login page (it holds the form's hidden jeton), a new
 * id at login, a 302 to login.php5 for any page asked without a session.
 * All functions run with the server lock held. */
#include "demo/internal.h"

#include <stdlib.h>
#include <string.h>

/* PHP's session.hash_bits_per_character = 5 alphabet. */
static const char sid_alphabet[] = "0123456789abcdefghijklmnopqrstuv";

struct demo_session *demo_session_find(struct demo_server *srv, const char *id)
{
	if (!id || strlen(id) != DEMO_SID_LEN)
		return NULL;
	for (size_t i = 0; i < DEMO_MAX_SESSIONS; i++) {
		struct demo_session *s = &srv->sessions.s[i];
		if (s->used && demo_secret_equal(s->id, id)) {
			s->last_ms = demo_now_ms();
			return s;
		}
	}
	return NULL;
}

struct demo_session *demo_session_new(struct demo_server *srv)
{
	/* A free slot, else the least recently used one: a benchmark that
	 * never sends cookies back must not grow the server without bound. */
	struct demo_session *slot = NULL;
	for (size_t i = 0; i < DEMO_MAX_SESSIONS; i++) {
		struct demo_session *s = &srv->sessions.s[i];
		if (!s->used) {
			slot = s;
			break;
		}
		if (!slot || s->last_ms < slot->last_ms)
			slot = s;
	}
	memset(slot, 0, sizeof *slot);
	slot->used = true;
	demo_random_string(slot->id, DEMO_SID_LEN, sid_alphabet);
	demo_random_string(slot->jeton, DEMO_JETON_LEN, "0123456789abcdef");
	slot->last_ms = demo_now_ms();
	return slot;
}

void demo_session_drop(struct demo_session *s)
{
	memset(s, 0, sizeof *s);
}

void demo_session_regenerate(struct demo_session *s)
{
	demo_random_string(s->id, DEMO_SID_LEN, sid_alphabet);
}

char *demo_session_cookie(const struct demo_session *s)
{
	return demo_xasprintf("PHPSESSID=%s; path=/", s->id);
}

char *demo_session_cookie_clear(void)
{
	return demo_xstrdup("PHPSESSID=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT; "
	                    "Max-Age=0; path=/");
}

static struct demo_session *request_session(struct demo_request *r)
{
	return demo_session_find(r->srv, demo_req_cookie(r, "PHPSESSID"));
}

/* The anonymous session that will carry the login form's jeton. */
static struct demo_session *ensure_session(struct demo_request *r, struct demo_reply *rep,
                                           struct demo_session *s)
{
	if (s)
		return s;
	s = demo_session_new(r->srv);
	free(rep->cookie);
	rep->cookie = demo_session_cookie(s);
	return s;
}

void demo_handle_login(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	struct demo_session *s = request_session(r);
	rep->page = DEMO_PAGE_LOGIN;

	if (!r->post) {
		if (s && s->logged_in) {
			demo_reply_redirect(rep, 302, "/v4/accueil.php5");
			return;
		}
		s = ensure_session(r, rep, s);
		demo_page_login(srv, rep, s, NULL, NULL);
		return;
	}

	const char *login = demo_req_field(r, "txtLogin");
	const char *password = demo_req_field(r, "txtPassword");
	const char *jeton = demo_req_field(r, "jeton");
	/* PHP: if (isset($_POST['btnConnexion'])) { ... } — a POST without
	 * the pressed button is not a login attempt at all. */
	if (!demo_req_field(r, "btnConnexion")) {
		s = ensure_session(r, rep, s);
		demo_page_login(srv, rep, s, login, NULL);
		return;
	}
	if (!s || !jeton || !demo_secret_equal(s->jeton, jeton)) {
		s = ensure_session(r, rep, s);
		srv->stats.logins_failed++;
		demo_page_login(srv, rep, s, login,
		                "Votre session a expir&eacute;, veuillez vous reconnecter.");
		return;
	}
	bool ok = login && password && demo_secret_equal(login, srv->user) &&
	          demo_secret_equal(password, srv->password);
	if (!ok) {
		srv->stats.logins_failed++;
		demo_page_login(srv, rep, s, login,
		                srv->faults.evil_names ? demo_evil_login_error
		                                       : "Identifiant ou mot de passe incorrect.");
		return;
	}
	demo_session_regenerate(s);
	s->logged_in = true;
	s->requests = 0;
	srv->stats.logins_ok++;
	free(rep->cookie);
	rep->cookie = demo_session_cookie(s);
	demo_reply_redirect(rep, 302, "/v4/accueil.php5");
}

void demo_handle_logout(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_session *s = request_session(r);
	if (s)
		demo_session_drop(s);
	rep->page = DEMO_PAGE_OTHER;
	free(rep->cookie);
	rep->cookie = demo_session_cookie_clear();
	demo_reply_redirect(rep, 302, "login.php5");
}

bool demo_require_session(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	struct demo_session *s = request_session(r);
	if (!s || !s->logged_in) {
		/* PHP's header("Location: login.php5"): relative, as sent. */
		demo_reply_redirect(rep, 302, "login.php5");
		rep->to_login = true;
		return false;
	}
	if (srv->faults.expire_after) {
		if (s->requests >= srv->faults.expire_after) {
			demo_session_drop(s);
			srv->stats.sessions_expired++;
			demo_reply_redirect(rep, 302, "login.php5");
			rep->to_login = true;
			return false;
		}
		s->requests++;
	}
	r->sess = s;
	return true;
}
