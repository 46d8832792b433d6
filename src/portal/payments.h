/* The payments made, as the portal lists them ("Derniers règlements" on Mon
 * compte, a "Historique des règlements" page), read by labels.
 *
 * A table holds payments when one of its rows names at least a date and an
 * amount column, and a means, régie or reference column, by header text
 * (folded, portal/column_match: "Date du règlement", "Montant", "Mode de
 * règlement", "Régie", "Référence"...), and no invoice column (A payer
 * avant le, Solde: that is the invoice table). A list (<ul>/<ol>) under a
 * "Derniers règlements"/"Historique des règlements" heading holds one
 * payment per item, "15/07/2022 - Carte bancaire - 52,50 € - CENTRE DE
 * LOISIRS": the parts are told apart by what they read as (a date, an
 * amount, a known means of payment; the rest is the régie, then the
 * reference). */
#ifndef PF_PORTAL_PAYMENTS_H
#define PF_PORTAL_PAYMENTS_H

#include <stdint.h>

#include "web/html.h"
#include "portal/model.h"

/* Reads the payments a page shows. Returns 1 with an owned history in *out
 * (possibly with no payment: "Aucun règlement"), 0 when the page shows no
 * payment history at all (*out NULL), -1 with *errp when it shows one but
 * a row cannot be read: an amount that does not parse is never guessed,
 * the message names the row. A date that is empty or impossible
 * ("31/02/2025") keeps the payment, without a date, with a warning. */
int payment_history_parse(const struct html_doc *doc, struct payment_history **out, char **errp);
void payment_history_free(struct payment_history **history);

/* The resolved URL of a link to the full history ("Historique des
 * règlements", "Historique des paiements", "Tous les règlements", "Mes
 * règlements"), or NULL. Owned by the caller. */
char *payment_history_link(const struct html_doc *doc, const char *page_url);

/* True when a text names a means of payment (carte, chèque, prélèvement,
 * espèces, virement, TIP, CESU, ANCV, PayFiP...). */
bool payment_means_known(const char *text);

/* One régie's payments in a year. */
struct payment_year_total {
	const char *regie; /* points into the history ("" when not shown) */
	int64_t cents;
	size_t count;
};

/* The payments of `year` summed per régie, in order of first appearance:
 * an owned array (free it), *count entries; *undated receives how many
 * payments have no readable date (they are in no year). */
struct payment_year_total *payment_history_year(const struct payment_history *history, int year,
                                                size_t *count, size_t *undated);

#endif
