/* The demo portal: a stand-in for the AIGA "Portail familles" of L'Horme
 * and for the PayFiP card-payment site, served by libmicrohttpd.
 *
 * One implementation, one program (portail-famille-demo, src/demo/main.c),
 * used three ways: started by `portail-famille --demo`, by the end-to-end
 * tests and the benchmarks, and with faults switched on to show the client
 * the portal at its worst. The client never links it.
 *
 * The server runs in its own threads (one polling thread plus one thread per
 * connection), so demo_start() returns at once and the caller keeps its own
 * thread. Those threads block every asynchronous signal: SIGINT, SIGTERM,
 * SIGWINCH and the like are delivered to the application's threads only.
 * It listens on a loopback address only. The portal is addressed as
 * http://127.0.0.1:PORT/v4/... and the PayFiP stand-in as
 * http://localhost:PORT/tpa/... : one listening socket, two host names, so
 * that a client sees the hand-off leave the portal's host exactly as it does
 * on the real site (browsers and libcurl keep cookies apart per host name).
 *
 * Conventions (as everywhere in portail-famille, see src/util/xalloc.h):
 * fallible functions return 0 or -1 and store a malloc'd message in *errp
 * on failure (errp may be NULL); `x_free(struct x **)` accepts NULL or a
 * pointer to NULL and clears the caller's pointer. This library depends on
 * libc, libmicrohttpd, zlib, jansson and pthreads only; it writes nothing to
 * stdout or stderr unless demo_options.log says where to. On memory
 * exhaustion it aborts.
 *
 * URL map (paths on 127.0.0.1:PORT unless said otherwise):
 *   /                         302 to /v4/login.php5
 *   /v4/login.php5            GET: login form; POST: log in (see below)
 *   /v4/logout.php5           ends the session, 302 to login.php5
 *   /v4/accueil.php5          Accueil                      (session needed)
 *   /v4/tableau_bord.php5     Mon tableau de bord          (session needed)
 *   /v4/famille.php5          Ma famille                   (session needed)
 *   /v4/coordonnees.php5      Mes coordonnées              (session needed)
 *   /v4/inscriptions.php5     Mes inscriptions             (session needed)
 *   /v4/compte.php5           Mon compte                   (session needed)
 *   /v4/compte_factures.php5  Détail financier par facture: GET shows the
 *                             invoices, POST with btnReglement is the
 *                             Règlement of one régie       (session needed)
 *   /v4/compte_reglements.php5 Historique des règlements (session needed;
 *                             --history page only)
 *   /v4/aide.php5             Comment utiliser le portail ? (session needed)
 *   /v4/facture.php5          GET ?id=ID[&type=pdf]: the invoice's document,
 *                             a small PDF (application/pdf, Content-
 *                             Disposition naming it); an unknown id, or
 *                             F2022-0388 (no document), answers 200 with
 *                             an HTML error page      (session needed)
 *   /v4/paiement_popup.php5   the pop-up window (?id=REF or POST id=REF)
 *   /v4/paiement_redirect.php5 the "redirects" hand-off chain (?id=&etape=)
 *   /v4/mentions_legales.php5, /v4/contact.php5, /v4/mdp_oublie.php5
 *                             public pages of the footer and login form
 *   /v4/css/portail.css       the style sheet
 *   localhost:PORT/tpa/paiement.web     POST of the "autosubmit" hand-off
 *   localhost:PORT/tpa/paiementws.web   GET ?idop=TOKEN: the payment page;
 *                             POST idop=TOKEN&action=...: its outcome
 *   /__demo/stats             JSON counters (struct demo_stats + a log of
 *                             the last requests); not counted itself
 *   /__demo/reset             POST: invoices due again, payments and
 *                             counters cleared (sessions kept)
 * A page needing a session, requested without a valid one, answers 302 with
 * "Location: login.php5" (relative, as the PHP site sends it).
 *
 * Data as first served (Famille MARTIN: Julie and Thomas; Léo, CE2, and
 * Emma, CP; 12 rue Jean Jaurès, 42152 L'Horme):
 *   MAIRIE SERVICE ENFANCE JEUNESSE  F2022-0912 05/09/2022 30/09/2022 181.99
 *                                    due, checked (id 912)
 *                                    F2022-0388 08/03/2022 31/03/2022  44.12
 *                                    due, unchecked (id 388)
 *                                    Solde dû 226,11, Total à régler 181.99
 *   CENTRE DE LOISIRS                CL2022-0457 07/09/2022 07/10/2022 36.00
 *                                    due, checked (id 457)
 *                                    CL2022-0315 04/07/2022 31/07/2022 52.50
 *                                    paid: Solde 0.00, no checkbox (id 315)
 *   Documents: the MAIRIE's invoice numbers are links to facture.php5?id=ID
 *   (F2022-0388's is not: it has none); the CENTRE DE LOISIRS table has a
 *   last column "Facture" of <a href="facture.php5?id=ID&amp;type=pdf"><img
 *   src="images/pdf.gif" alt="Télécharger"></a> cells. F2022-0912 comes as
 *   attachment; filename="Facture_F2022-0912.pdf", the others as inline;
 *   filename=NUMBER.pdf (evil-names: a name with "../", controls and a
 *   leading dot instead).
 *
 * Forms as served:
 *   login:  <form name="frmConnexion" method="post" action="login.php5">,
 *           txtLogin (label "Identifiant"), txtPassword type=password
 *           (label "Mot de passe"), hidden jeton (must come back, it is
 *           tied to the PHPSESSID cookie set by the GET), submit
 *           btnConnexion="Se connecter" (must be present). Success: a new
 *           PHPSESSID and 302 to /v4/accueil.php5. Wrong credentials: 200,
 *           the form again with "Identifiant ou mot de passe incorrect.".
 *           Missing or stale jeton: 200, the form again with "Votre
 *           session a expiré, veuillez vous reconnecter.".
 *   régie:  <form name="frmRegieN" method="post" action="compte_factures.php5">
 *           hidden idregie=N, checkboxes fact[]=ID, submit
 *           btnReglement="Règlement", button btnRetour="Retour".
 *   PayFiP: <form method="post" action="paiementws.web">, hidden idop, and
 *           three <button type="submit" name="action">: value "valider"
 *           (label "Valider le paiement": the invoices are settled),
 *           "refuser" ("Refuser") and "abandonner" ("Abandonner"), both
 *           leaving them due. Each outcome page links "Retour au site" to
 *           http://127.0.0.1:PORT/v4/compte_factures.php5. The idop is 32
 *           random hex digits, used once, valid token_ttl_s; otherwise
 *           the page says "Opération expirée ou déjà traitée".
 *   autosubmit entry: POST /tpa/paiement.web with numcli=012345, refdet=REF
 *           and montant=<cents> matching a pending payment → 303 to
 *           /tpa/paiementws.web?idop=TOKEN.
 *
 * Header balance: "Solde des factures" is the sum of every régie's
 * balances (262,11 € as first served: 226,11 + 36,00), so it stays equal
 * to what the invoice page lists.
 */
#ifndef PF_DEMO_DEMO_H
#define PF_DEMO_DEMO_H

#include <stdbool.h>
#include <stdio.h>

/* How the answer to the Règlement POST leads to the PayFiP stand-in. Every
 * variant ends on http://localhost:PORT/tpa/paiementws.web?idop=TOKEN. */
enum demo_handoff {
	/* 200 page whose button has onclick="if (confirm('Vous allez être
	 * redirigé vers le site de paiement sécurisé. Continuer ?')) {
	 * window.open('/v4/paiement_popup.php5?id=REF','paiement',
	 * 'width=800,height=600'); } return false;"; the pop-up page has a
	 * "Payer par carte bancaire" link to PayFiP. The realistic default. */
	DEMO_HANDOFF_POPUP = 0,
	/* The Règlement POST answers 303 straight to PayFiP. */
	DEMO_HANDOFF_DIRECT,
	/* 200 page with <form target="_blank" method="post"
	 * action="paiement_popup.php5"> (hidden id=REF, submit btnContinuer);
	 * the pop-up page then has the "Payer par carte bancaire" link. */
	DEMO_HANDOFF_TARGET,
	/* 303 to paiement_redirect.php5?id=REF&etape=1 (relative), which
	 * answers 302 to etape=2 (absolute path), which is a <meta
	 * http-equiv="refresh" content="0;url=...etape=3"> page, which is a
	 * page doing location.href = 'http://localhost:PORT/tpa/...'. */
	DEMO_HANDOFF_REDIRECTS,
	/* 200 page <body onload="document.forms[0].submit()"> whose form posts
	 * hidden numcli, exer, refdet, montant (cents), objet, mel, urlnotif,
	 * urlredirect and saisie to http://localhost:PORT/tpa/paiement.web,
	 * which answers 303 to paiementws.web?idop=TOKEN. */
	DEMO_HANDOFF_AUTOSUBMIT,
	/* The Règlement POST answers 200 with the pop-up page itself, whose
	 * only way on is a "Payer par carte bancaire" submit button of a GET
	 * form (action .../tpa/paiementws.web, hidden idop). */
	DEMO_HANDOFF_BUTTON,
};
#define DEMO_HANDOFF_COUNT 6

/* Which family is served (--family): what `check` has to say about it. */
enum demo_family_kind {
	/* The seed's invoices of 2022 (all overdue today), two documents "A
	 * fournir" / "A renouveler" on the home page. The default. */
	DEMO_FAMILY_MARTIN = 0,
	/* The same invoices with due dates counted from the server's today:
	 * F2022-0912 due in 3 days, F2022-0388 overdue by 10 days,
	 * CL2022-0457 due in 20 days, CL2022-0315 paid. */
	DEMO_FAMILY_CURRENT,
	/* Every invoice paid and every document received: nothing to report. */
	DEMO_FAMILY_SETTLED,
};
#define DEMO_FAMILY_COUNT 3

/* Where the payments made are shown (--history). */
enum demo_history {
	/* Mon compte lists "Derniers règlements" and links "Historique des
	 * règlements" (/v4/compte_reglements.php5): a table nested in layout
	 * tables, French amounts ("1 234,56 €"), a date "31/02/2025" and an
	 * empty one, a total row, and the card payments made through the
	 * demo. The default. */
	DEMO_HISTORY_PAGE = 0,
	/* Only Mon compte's "Derniers règlements" list, no history page. */
	DEMO_HISTORY_LIST,
	/* No payment history anywhere. */
	DEMO_HISTORY_NONE,
};
#define DEMO_HISTORY_COUNT 3

/* The bytes and the label of every portal page (PayFiP is always UTF-8). */
enum demo_charset {
	DEMO_CHARSET_LATIN1 = 0,     /* ISO-8859-1 bytes, labelled so (default) */
	DEMO_CHARSET_UTF8,           /* UTF-8 bytes, labelled UTF-8 */
	DEMO_CHARSET_UTF8_AS_LATIN1, /* UTF-8 bytes labelled ISO-8859-1 */
	DEMO_CHARSET_LATIN1_AS_UTF8, /* ISO-8859-1 bytes labelled UTF-8 */
	DEMO_CHARSET_META_ONLY,      /* ISO-8859-1; no charset in the HTTP
	                                header, only in the <meta> */
	DEMO_CHARSET_CP1252,         /* windows-1252 bytes ("€" is 0x80),
	                                labelled windows-1252 */
};

/* Pages a fault can be aimed at; DEMO_PAGE_BIT(p) builds the masks below. */
enum demo_page {
	DEMO_PAGE_OTHER = 0, /* 404s, css, public footer pages, redirects */
	DEMO_PAGE_LOGIN,     /* /v4/login.php5, GET and POST */
	DEMO_PAGE_ACCUEIL,
	DEMO_PAGE_TABLEAU_BORD,
	DEMO_PAGE_FAMILLE,
	DEMO_PAGE_COORDONNEES,
	DEMO_PAGE_INSCRIPTIONS,
	DEMO_PAGE_COMPTE,
	DEMO_PAGE_FACTURES, /* GET compte_factures.php5 */
	DEMO_PAGE_AIDE,
	DEMO_PAGE_REGLEMENT,  /* POST compte_factures.php5 */
	DEMO_PAGE_POPUP,      /* paiement_popup.php5 */
	DEMO_PAGE_REDIRECT,   /* paiement_redirect.php5 */
	DEMO_PAGE_PAYFIP,     /* /tpa/... */
	DEMO_PAGE_HISTORIQUE, /* compte_reglements.php5 */
	DEMO_PAGE_DOCUMENT,   /* facture.php5: an invoice's PDF */
	DEMO_PAGE_COUNT_
};
#define DEMO_PAGE_BIT(p) (1u << (p))
#define DEMO_PAGE_ALL ((1u << DEMO_PAGE_COUNT_) - 1u)

/* Fault injection. An all-zero struct means no fault. Each field below has
 * a --fault spelling, parsed by demo_fault_parse():
 *   expire-after=N     expire_after
 *   http500[=PAGES]    http500      (PAGES: comma-separated names from
 *   truncate[=PAGES]   truncate      demo_page_name(), or "all"; the default
 *   stall[=PAGES]      stall         is "factures"; for maintenance every
 *                                    page but "payfip")
 *   huge[=PAGES]       huge
 *   maintenance[=PAGES] maintenance
 *   drop[=PAGES]       drop          (default page: reglement)
 *   hang[=PAGES]       hang          (default page: reglement)
 *   endless[=PAGES]    endless       (default page: document)
 *   times=N            times
 *   stall-ms=N         stall_ms
 *   huge-bytes=N       huge_bytes
 *   evil-names         evil_names
 *   charset=latin1|utf8|utf8-as-latin1|latin1-as-utf8|meta-only|cp1252
 *   latency-ms=N       latency_ms
 *   bandwidth-bps=N    bandwidth_bps
 * Page faults fire on the page itself: never on the 302 to login.php5 of a
 * page asked without a session, and truncate, stall and huge never on a
 * redirect (there is no page to spoil); http500, drop and hang do replace
 * a redirect.
 */
struct demo_faults {
	/* A logged-in session dies after serving N requests: the next
	 * request with it answers 302 to login.php5. Per session, so a new
	 * login gets N more. 0 = sessions never expire. */
	unsigned expire_after;
	/* Masks of DEMO_PAGE_BIT(). The page answers 500 with Apache's
	 * "Internal Server Error" page; a Règlement POST is processed first
	 * (the payment exists, the answer is lost: the outcome is unknown). */
	unsigned http500;
	/* Content-Length announces the whole body, 60% of it is sent, then
	 * the connection is closed. */
	unsigned truncate;
	/* Headers and the first 64 bytes of the body are sent, then nothing
	 * for stall_ms (or until demo_stop), then the connection is closed. */
	unsigned stall;
	/* About 10 MB (huge_bytes) of HTML comments are added before
	 * </BODY>. */
	unsigned huge;
	/* The request is processed (a Règlement starts its payment), then the
	 * connection is closed without a byte of answer: what a client sees
	 * when a keep-alive connection dies at the worst moment. */
	unsigned drop;
	/* The request is processed, then nothing is sent for stall_ms (or
	 * until demo_stop), then the connection is closed without an answer. */
	unsigned hang;
	/* The body never ends: the page's first bytes, then filler for as
	 * long as the client reads (at bandwidth_bps when set), with no
	 * Content-Length: what a cap and a time-out must stop. */
	unsigned endless;
	/* The page is replaced by "Le portail est en maintenance" served with
	 * status 200, before anything is processed (no login, no payment). */
	unsigned maintenance;
	/* http500, truncate, stall, huge, drop, hang and endless fire on the first N matching
	 * requests only, then the page is served normally. 0 = always. */
	unsigned times;
	unsigned stall_ms;        /* 0 = 300000 (5 minutes) */
	unsigned long huge_bytes; /* 0 = 10 MB (10,000,000 bytes) */
	/* Terminal escape sequences and odd characters in the family name
	 * (CSI "\x1b[31m", OSC 52 clipboard write ending in BEL), in invoice
	 * F2022-0388's number (RLO U+202E, backspaces), in the first régie's
	 * name (C1 CSI U+009B, OSC 0 title as numeric character references)
	 * and in the login error message ("&#27;[2J"). These are
	 * deliberately not neutralised. */
	bool evil_names;
	enum demo_charset charset;
	/* Throttling: each response waits latency_ms before its headers, and
	 * its body is written at no more than bandwidth_bps bytes per second
	 * (0 = no limit), in timed chunks. Headers are not counted. */
	unsigned latency_ms;
	unsigned long bandwidth_bps;
};

struct demo_options {
	const char *host;     /* bind address; NULL = "127.0.0.1"; must be an
	                          IPv4 address in 127.0.0.0/8 */
	unsigned port;        /* 0 = any free port (see demo_port()) */
	const char *user;     /* NULL = "demo" */
	const char *password; /* NULL = "demo" */
	/* The PayFiP stand-in's host name; it must resolve to host. NULL =
	 * "localhost" when host is 127.0.0.1, else host itself (then the
	 * hand-off stays on one host name). */
	const char *payfip_host;
	enum demo_handoff handoff;
	enum demo_family_kind family;
	enum demo_history history;
	unsigned token_ttl_s; /* PayFiP idop lifetime; 0 = 900 (15 min) */
	struct demo_faults faults;
	/* Where to log one line per request and the server's errors; NULL =
	 * nowhere. Never a password or cookie value. */
	FILE *log;
};

struct demo_server;

/* Counters since start (or the last reset). */
struct demo_stats {
	unsigned long requests;    /* every request but /__demo/... */
	unsigned long connections; /* TCP connections accepted, /__demo/'s too */
	unsigned long logins_ok, logins_failed;
	unsigned long reglement_posts;  /* POSTs carrying btnReglement */
	unsigned long payfip_posts;     /* POSTs to /tpa/paiement.web */
	unsigned long payments_started; /* accepted Règlements */
	unsigned long payments_paid, payments_refused, payments_abandoned;
	unsigned long invoices_settled;    /* balance set to 0 by "paid" */
	unsigned long invoices_paid_twice; /* paid while already settled */
	unsigned long sessions_expired;    /* by faults.expire_after */
	unsigned long responses_gzip;      /* bodies sent gzip-encoded */
	unsigned long faults_fired;        /* page faults that fired */
	unsigned long long body_bytes;     /* body bytes written (after gzip) */
};

/* Starts the server. opts may be NULL (all defaults); its strings are copied,
 * so the caller may free them on return. On success *out is an owned server
 * (free it with demo_stop) and 0 is returned; on failure (bad option, port
 * in use, ...) -1 and a message in *errp. */
int demo_start(const struct demo_options *opts, struct demo_server **out, char **errp);

/* The TCP port the server listens on (the one chosen when opts->port was 0). */
unsigned demo_port(const struct demo_server *srv);

/* "http://127.0.0.1:PORT/v4/login.php5" (with the bind address); owned by
 * the caller. */
char *demo_login_url(const struct demo_server *srv);

/* A consistent snapshot of the counters; safe while the server runs. */
struct demo_stats demo_stats(const struct demo_server *srv);

/* Puts every invoice back as first served, forgets payments and zeroes the
 * counters; sessions survive. Same as POST /__demo/reset. */
void demo_reset(struct demo_server *srv);

/* Stops the server: wakes stalled and throttled responses, closes every
 * connection, joins the threads and frees everything. Accepts NULL or a
 * pointer to NULL; clears *srv. */
void demo_stop(struct demo_server **srv);

/* "popup", "direct", "target", "redirects", "autosubmit", "button". */
const char *demo_handoff_name(enum demo_handoff h);
/* Parses one of those names; 0 or -1 with a message listing them. */
int demo_handoff_parse(const char *name, enum demo_handoff *out, char **errp);

/* "martin", "current", "settled" and "page", "list", "none": 0, or -1
 * with a message listing them. */
int demo_family_parse(const char *name, enum demo_family_kind *out, char **errp);
int demo_history_parse(const char *name, enum demo_history *out, char **errp);

/* "login", "accueil", "tableau_bord", "famille", "coordonnees",
 * "inscriptions", "compte", "factures", "aide", "reglement", "popup",
 * "redirect", "payfip", "historique", "document", or "other". */
const char *demo_page_name(enum demo_page p);

/* Adds one --fault spec (see struct demo_faults) to *faults; 0, or -1 with a
 * message naming the bad part. */
int demo_fault_parse(struct demo_faults *faults, const char *spec, char **errp);

/* A static multi-line help text listing the fault specs. */
const char *demo_fault_help(void);

#endif
