/* Finding our way on the portal by what a person sees: the menu entries,
 * the logout link, the login form. Pure: document in, struct out. */
#ifndef PF_PORTAL_NAVIGATION_H
#define PF_PORTAL_NAVIGATION_H

#include <stdbool.h>
#include <stddef.h>

#include "web/form.h"
#include "web/html.h"

enum portal_link {
	LINK_ACCUEIL,         /* "Accueil" */
	LINK_TABLEAU_DE_BORD, /* "Mon tableau de bord" */
	LINK_FAMILLE,         /* "Ma famille" */
	LINK_COORDONNEES,     /* "Mes coordonnées" */
	LINK_INSCRIPTIONS,    /* "Mes inscriptions" */
	LINK_COMPTE,          /* "Mon compte" */
	LINK_AIDE,            /* "Comment utiliser le portail ?" */
	LINK_LOGOUT,          /* "Se déconnecter" */
	LINK_PAYER,           /* "Payer mes factures" */
	LINK_FACTURES,        /* "Détail financier par facture" */
	PORTAL_LINK_COUNT
};

/* The link's text as the portal prints it, and the command-line name
 * (`page famille`): "accueil", "tableau-de-bord", "famille", "coordonnees",
 * "inscriptions", "compte", "aide", "logout", "payer", "factures". */
const char *portal_link_label(enum portal_link link);
const char *portal_link_name(enum portal_link link);
/* The link named by a command-line name, or -1. */
int portal_link_from_name(const char *name);
/* The link a visible text names, or -1. Compared with fold_label (case,
 * accents, punctuation and spacing ignored, so "+ Ma famille" and
 * "MES COORDONNEES" match), against the portal's label and a few variants
 * other portal versions print:
 *   Accueil:              "Page d'accueil"
 *   Mon tableau de bord:  "Tableau de bord"
 *   Ma famille:           "Famille"
 *   Mes coordonnées:      "Coordonnées"
 *   Mes inscriptions:     "Inscriptions"
 *   Comment utiliser...:  "Aide", "Comment utiliser le portail"
 *   Se déconnecter:       "Déconnexion", "Se déconnecter", "Déconnecter"
 *   Payer mes factures:   "Payer", "Payer en ligne", "Paiement en ligne"
 *   Détail financier...:  "Détail financier", "Mes factures", "Factures" */
int portal_link_from_text(const char *text);

/* What a person reads on the link element `a`: its visible text, else the
 * alt or title of a picture inside it, else its own alt (an image map's
 * <area>) or title attribute.
 * Newly allocated, "" when none (NOT sanitized). */
char *portal_link_text(const struct html_node *a);

/* Where the link element `a` leads, resolved against page_url (as written
 * when page_url is NULL): its href; for a "javascript:" href, or an href
 * that is empty or only a fragment ("#"), the URL literal it passes to
 * window.open('...') or assigns to location (location.href = '...',
 * location.replace('...')), in the href or the onclick. Newly allocated,
 * or NULL when the link leads nowhere we can follow (an in-page anchor,
 * other scripts, an unresolvable URL). */
char *portal_link_url(const struct html_node *a, const char *page_url);

/* Absolute URLs of the links found on a page (matched on their visible
 * text, or the alt/title of an image link, ignoring case, accents and
 * spacing; javascript: links are skipped unless they only wrap a URL in
 * window.open/location). url[i] is NULL when the page lacks link i. The
 * first usable link in document order wins. The logout link alone is also
 * recognised, when no text names it, by an icon link whose href contains
 * "logout", "deconnexion" or "deconnect" (a picture without alt text). */
struct portal_links {
	char *url[PORTAL_LINK_COUNT];
};
void portal_links_find(const struct html_doc *doc, const char *page_url, struct portal_links *out);
void portal_links_clear(struct portal_links *links);

/* The login form: the form holding a password field, its login field (the
 * text/email field before the password, whatever its name), the password
 * field and the submit button (index or -1). */
struct login_form {
	size_t form;         /* index into the form list */
	size_t user_control; /* index into that form's controls */
	size_t password_control;
	long submit_control;
};
/* Returns 0 when the page has a login form, -1 with *errp naming what is
 * missing ("login form: no field for the user name"). */
int login_form_find(const struct form_list *forms, struct login_form *out, char **errp);
/* True when the page is a login page (a form with a password field). */
bool page_is_login(const struct form_list *forms);
/* The portal's own message on a refused login page ("Identifiant ou mot de
 * passe incorrect."): the visible text (trimmed, NOT sanitized) of, in
 * this order of preference,
 *  1. an error-looking element (class/id containing erreur/error/alert/
 *     message/msg, a red <font color> or style color) whose text has an
 *     error word (incorrect, invalide, erreur, échec, refusé, inconnu,
 *     erroné, expiré, bloqué, verrouillé...): the innermost one that still
 *     reads as a sentence (3 words or more), so "<span class=erreur>Erreur :
 *     </span>identifiant inconnu" inside a message box gives the whole box;
 *  2. a non-empty element whose class/id says erreur/error/alert outright;
 *  3. a line with an error word near the password field (the largest block
 *     around it whose text stays short: the login box).
 * Newly allocated, or NULL when none is found (elements over 1000 bytes of
 * text are layout, never a message). */
char *login_error_message(const struct html_doc *doc);

#endif
