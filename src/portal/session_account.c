/* The session's reads beyond the invoices: the payment history (Mon
 * compte, or the history page it links) and the documents the home page
 * asks for. */
#include "config.h"

#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "web/url.h"
#include "portal/documents_due.h"
#include "portal/payments.h"
#include "portal/session_internal.h"

/* 1 found, 0 none, -1 error (*errp names the page). */
static int parse_history(const struct portal_page *page, struct payment_history **out, char **errp)
{
	char *why = NULL;
	int found = payment_history_parse(page->doc, out, &why);
	if (found < 0) {
		char *shown = url_redacted(page->url);
		set_error(errp, "%s (%s)", why, shown);
		free(shown);
		free(why);
	}
	return found;
}

static enum exit_code read_history_page(struct portal *p, const char *url,
                                        struct payment_history **out, char **errp)
{
	struct portal_page page = { 0 };
	enum exit_code rc = session_get(p, url, _("payment history page"), &page, errp);
	if (rc != EXIT_OK)
		return rc;
	int found = parse_history(&page, out, errp);
	portal_page_clear(&page);
	return found < 0 ? EXIT_PAGE : EXIT_OK;
}

enum exit_code portal_read_payments(struct portal *p, struct payment_history **out, char **errp)
{
	*out = NULL;
	struct portal_page compte = { 0 };
	enum exit_code rc = portal_open_page(p, LINK_COMPTE, &compte, errp);
	if (rc != EXIT_OK)
		return rc;
	char *link = payment_history_link(compte.doc, compte.url);
	if (link)
		rc = read_history_page(p, link, out, errp);
	if (link && rc == EXIT_OK && !*out) {
		/* The portal links a history that is not there (maintenance, an
		 * error page): Mon compte's short list would pass for all of it. */
		char *shown = url_redacted(link);
		set_error(errp,
		          _("payment history page (%s): no table or list with Date and Montant "
		            "columns"),
		          shown);
		free(shown);
		rc = EXIT_PAGE;
	}
	free(link);
	if (rc == EXIT_OK && !*out && parse_history(&compte, out, errp) < 0)
		rc = EXIT_PAGE;
	if (rc == EXIT_OK && !*out) {
		char *shown = url_redacted(compte.url);
		set_error(
		        errp,
		        _("Mon compte (%s): the portal shows no payment history (no "
		          "\"Historique des règlements\" link, no \"Derniers règlements\" list, no "
		          "table with Date and Montant columns)"),
		        shown);
		free(shown);
		rc = EXIT_PAGE;
	}
	portal_page_clear(&compte);
	return rc;
}

enum exit_code portal_read_documents_due(struct portal *p, struct documents_due **out, char **errp)
{
	*out = NULL;
	struct portal_page accueil = { 0 };
	enum exit_code rc = portal_open_page(p, LINK_ACCUEIL, &accueil, errp);
	if (rc != EXIT_OK)
		return rc;
	*out = documents_due_parse(accueil.doc);
	portal_page_clear(&accueil);
	return EXIT_OK;
}
