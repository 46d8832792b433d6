/* The payment hand-off: from the page the Règlement form leads to, the next
 * step toward the card-payment site (PayFiP), without running JavaScript.
 *
 * Portals reach PayFiP in many ways; each is recognised here from the page
 * alone (pure: document in, step out):
 *   - <meta http-equiv="refresh" content="0; url=...">;
 *   - script setting location: location.href = '...', window.location =
 *     "...", location.replace('...'), document.location.href = ...;
 *   - window.open('URL', ...) in an onclick/onsubmit/href="javascript:" or
 *     a script, with or without a confirm('...') before it (the confirm
 *     text is kept to show the user);
 *   - a form whose target is _blank or a named pop-up;
 *   - an auto-submitting form (<body onload="document.forms[0].submit()">,
 *     document.formName.submit(), document.getElementById('x').submit()
 *     in a script) toward the payment host;
 *   - a "Payer par carte bancaire" link, button or form on a pop-up page.
 * HTTP redirects (302/303) are followed by the HTTP layer, not here.
 *
 * When a page holds several, the first level that has one wins: (1) what
 * happens without a click — inline scripts in document order, then <body
 * onload>, then a meta refresh; (2) a "Payer par carte bancaire" control
 * (visible text, value, alt or title; case and accents ignored); (3)
 * window.open/location on the main pay button ("Règlement", "Régler",
 * "Payer", "Paiement", "Valider", "Continuer"...) or in a form's onsubmit;
 * (4) a form targeting _blank or a named window (the one whose button
 * reads like paying, else the first), pressed with its first enabled
 * submit button. A URL leading back to the page itself is never a step.
 * JavaScript is read, never run (see handoff_js.h): a URL must be written
 * as string literals. */
#ifndef PF_PORTAL_HANDOFF_HANDOFF_H
#define PF_PORTAL_HANDOFF_HANDOFF_H

#include "web/form_encode.h"
#include "web/html.h"

enum handoff_kind {
	HANDOFF_NONE,   /* nothing on this page leads on */
	HANDOFF_GET,    /* fetch step->url next */
	HANDOFF_SUBMIT, /* submit step->request next (a form, maybe auto-submitting) */
};

struct handoff_step {
	enum handoff_kind kind;
	char *url;                    /* HANDOFF_GET: absolute URL */
	struct form_request *request; /* HANDOFF_SUBMIT */
	char *confirm;                /* confirm('...') text met on the way, or NULL */
	char *via;                    /* how it was found, for -v and tests:
	                                 "meta refresh"; the location statement
	                                 as written ("location.href",
	                                 "window.location", "document.location.
	                                 replace"...); "window.open"; "auto-submit
	                                 form"; "Payer par carte bancaire link"
	                                 (or "button", "form"); "form target
	                                 _blank" or "form target pop-up" */
};

/* Finds the next step on a page fetched from page_url (charset = the
 * charset the page was decoded from, used to encode a form). Returns 0 with
 * *step filled (kind HANDOFF_NONE when nothing leads on), or -1 with *errp
 * for a step that exists but cannot be followed (a javascript: URL we do
 * not understand, an unresolvable URL). That error is only raised by a
 * control a person would click (levels 2-4 above), and it ends the search:
 * a lower level is not tried, since that would be a guess. Statements that
 * run without a click but cannot be read (location.href = url) are
 * skipped. Step strings are not sanitized for the terminal; the message in
 * *errp is. */
int handoff_next(const struct html_doc *doc, const char *page_url, const char *charset,
                 struct handoff_step *step, char **errp);
void handoff_step_clear(struct handoff_step *step);

/* Extracts the first JavaScript string literal argument of call `fn` in
 * script (e.g. fn = "window.open" in "if (confirm('Sûr ?')) window.open('p.php5?id=3','pop')"):
 * handles '...' and "..." with \' \" \\ \/ \xNN \uNNNN escapes. Returns a
 * newly allocated string or NULL. Exposed for tests and fuzzing.
 * fn is matched as a whole member chain ("window.open" does not match
 * "w.window.open" or "window.opener"); calls in comments and strings do
 * not count; the first call whose argument is literal wins, and literals
 * joined with '+' count as one. */
char *handoff_js_call_arg(const char *script, const char *fn);

/* The page's JavaScript (its <script> elements of a JavaScript type, in
 * document order, joined), for handoff_confirm_text: a newly allocated
 * string, NULL when the page has none. */
char *handoff_page_scripts(const struct html_doc *doc);

/* The first confirm('...') text that running handler (an onclick or
 * onsubmit) would show, following calls into the page's own functions
 * (page_scripts from handoff_page_scripts, may be NULL): "return valider()"
 * finds the question valider() asks. Newly allocated, or NULL. */
char *handoff_confirm_text(const char *page_scripts, const char *handler);

#endif
