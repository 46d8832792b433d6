/* What the portal's page header says about the account: the town ("Ville
 * de L'Horme"), the family ("► Famille : MARTIN") and the balance
 * ("Solde des factures : 262,11 €"). Pure: document in, struct out; the
 * UI shows them in its header and on Accueil. */
#ifndef PF_UI_SUMMARY_H
#define PF_UI_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "web/html.h"

struct ui_summary {
	char *town; /* NOT sanitized; NULL when not found */
	char *family;
	bool has_balance;
	int64_t balance_cents;
};

void ui_summary_read(const struct html_doc *doc, struct ui_summary *out);
void ui_summary_clear(struct ui_summary *s);

#endif
