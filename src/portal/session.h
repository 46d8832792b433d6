/* A session with the portal: the one place that fetches pages and hands
 * them to the scrapers. Commands and screens talk to the portal only
 * through here.
 *
 * Every function returns an exit_code (exit_codes.h): EXIT_OK, or the
 * class of failure with a message in *errp that names the step (the page)
 * and what went wrong. */
#ifndef PF_PORTAL_SESSION_H
#define PF_PORTAL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "exit_codes.h"
#include "web/html.h"
#include "web/http.h"
#include "portal/model.h"
#include "portal/navigation.h"

#define PORTAL_DEFAULT_URL "https://portail2.aiga.fr/v4/login.php5"

struct portal_options {
	const char *login_url; /* NULL = PORTAL_DEFAULT_URL */
	const char *user;
	/* Gives the password when the portal asks for it (first login, or a
	 * new login after the session expired), into buf of size bytes,
	 * NUL-terminated. Returns 0, or -1 with *errp. The session copies
	 * nothing: the buffer is wiped by the caller after use. */
	int (*get_password)(void *ctx, char *buf, size_t size, char **errp);
	void *password_ctx;
	struct http_options http;
};

struct portal;

/* A page of the portal, fetched and parsed. */
struct portal_page {
	char *url;
	struct html_doc *doc;
};
void portal_page_clear(struct portal_page *page);

/* Creates the session (no request yet). */
enum exit_code portal_new(const struct portal_options *options, struct portal **out, char **errp);
/* Ends the portal's session ("Se déconnecter") when logged in, waiting at
 * most timeout_s seconds; errors are ignored (the session dies with its
 * cookies anyway). The interface calls it on the way out; the commands do
 * not: their cookies live in memory and die with the process, unless
 * --cookie-file keeps them for the next run. */
void portal_logout(struct portal *portal, long timeout_s);
/* Frees the session (no request). Accepts NULL. */
void portal_free(struct portal **portal);

/* Logs in: the login page, its form filled (user, password, hidden fields,
 * the pressed button) and submitted as a browser would. EXIT_LOGIN_REFUSED
 * with the portal's own message when it says no. */
enum exit_code portal_login(struct portal *portal, char **errp);

/* Fetches a page of the menu by its link (logging in first if needed, and
 * once more if the session expired on the way). */
enum exit_code portal_open_page(struct portal *portal, enum portal_link link,
                                struct portal_page *out, char **errp);

/* Reads "Détail financier par facture" (through "Payer mes factures" or
 * "Mon compte"). *out_page (may be NULL) receives the page itself, which
 * pay needs for the régie forms. */
enum exit_code portal_read_invoices(struct portal *portal, struct invoice_page **invoices,
                                    struct portal_page *out_page, char **errp);

/* Reads the payments made: the "Historique des règlements" page when Mon
 * compte links one, else Mon compte's own "Derniers règlements". A portal
 * that shows none is EXIT_PAGE, the message naming the page and what was
 * looked for (portal/payments.h). */
enum exit_code portal_read_payments(struct portal *portal, struct payment_history **out,
                                    char **errp);

/* Reads the home page's "Documents à transmettre à la structure": always
 * an owned result on EXIT_OK (section_found false when the page has no
 * such list, which is no error). */
enum exit_code portal_read_documents_due(struct portal *portal, struct documents_due **out,
                                         char **errp);

/* A document the portal sent (an invoice's PDF): its bytes and what the
 * answer said about them. */
struct portal_document {
	char *data; /* len bytes, NUL-terminated */
	size_t len;
	char *content_type; /* NULL when the portal did not say */
	/* The name Content-Disposition proposed, as UTF-8, NOT safe to use
	 * as a file name (util/file.h file_name_safe); NULL when none. */
	char *filename;
};
void portal_document_clear(struct portal_document *doc);

/* Fetches the document of invoice `number` (for messages) from url (its
 * row's document_url: portal_read_invoices sets it), as pages are fetched:
 * every hop checked by url_check_allowed, the size cap, the time-out;
 * logging in first if needed. A link to another host than the portal's is
 * not followed (EXIT_PAGE). An answer that is a web page is no document:
 * the login page (the session expired) is a new login, once, then the
 * same request again; another page is EXIT_PAGE naming the invoice and
 * the page's title. An answer that says it is a PDF (its type or its
 * name) and does not begin like one, or an empty one, is EXIT_PAGE; an
 * HTTP error EXIT_NETWORK. out is filled on EXIT_OK only. */
enum exit_code portal_fetch_document(struct portal *portal, const char *number, const char *url,
                                     struct portal_document *out, char **errp);

/* What the user asked to pay, and what they saw. */
struct pay_request {
	const char *const *numbers; /* invoice numbers; ignored when all */
	size_t count;
	bool all; /* every payable invoice (of one régie) */
	/* A régie's name as typed (regie_find: folded, a unique prefix):
	 * only its invoices. NULL = the invoices' own régie. */
	const char *regie;
	/* Balances the user saw, by number, to compare with the fresh read
	 * (NULL = nothing to compare: the command line reads and pays at once). */
	const int64_t *expected_balances;
	/* The portal's JavaScript confirm() texts, in order: those of the
	 * Règlement (invoice_regie_confirms: before_submit has not run yet;
	 * returning false stops, nothing sent), then those met on the
	 * hand-off's pages (after before_submit; false stops there). Every
	 * text is also kept in pay_result.messages. */
	bool (*confirm)(void *ctx, const char *portal_text);
	void *confirm_ctx;
	/* Called right before the Règlement POST with the chosen invoices, so a
	 * marker can be recorded. Returning false stops (nothing sent). */
	bool (*before_submit)(void *ctx, const struct invoice *const *chosen, size_t n,
	                      int64_t amount_cents);
	void *before_ctx;
};

/* How far a payment went, whatever the exit code: what the user may do
 * next depends on it. */
enum pay_progress {
	/* The Règlement never reached the portal (refused before sending, no
	 * connection made), or the portal turned it away with its login page:
	 * nothing was paid, paying again is safe. */
	PAY_NOT_SENT = 0,
	/* The Règlement was sent and its answer lost (connection closed,
	 * time-out, HTTP error, cancelled on the way): the portal may have
	 * started the payment. Check the invoices before paying again. */
	PAY_MAYBE_RECEIVED,
	/* The portal answered the Règlement: the payment is started. */
	PAY_SENT,
};

struct pay_result {
	enum pay_progress progress;
	char *payment_url; /* the first URL on a host other than the portal's */
	int64_t amount_cents;
	char **numbers; /* the invoices sent to payment */
	size_t count;
	char *regie;
	char **messages; /* the portal's own messages met on the way
	                            (confirm texts), in order */
	size_t nmessages;
};
void pay_result_clear(struct pay_result *result);

/* Re-reads the invoices, selects exactly the requested ones (unchecking
 * the others), refuses as a usage error (EXIT_USAGE, the message naming
 * the régies or the invoice) a régie name that names none or several,
 * an invoice the page does not show or not in the named régie, and "all"
 * when payable invoices are in several régies and none was named; refuses
 * a mix of régies or an invoice without an enabled checkbox or with
 * nothing to pay (EXIT_NOTHING_PAYABLE), stops if
 * balances changed since the user saw them (EXIT_PAGE), submits the
 * régie's Règlement form once — never again automatically: no re-send on
 * a new connection, after a redirect or after a new login — and follows
 * the hand-off to the card-payment site. On failure, result->progress
 * says whether anything may have reached the portal, and the message says
 * it in words. */
enum exit_code portal_pay(struct portal *portal, const struct pay_request *request,
                          struct pay_result *result, char **errp);

const struct http_stats *portal_http_stats(const struct portal *portal);

#endif
