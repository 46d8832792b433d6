/* Mon compte » Détail financier par facture: the invoice page → model.
 *
 * Everything is found by what a person sees: a table is an invoice table
 * when one of its rows carries the column headers (N° de la facture, Date
 * de la facture, A payer avant le, Montant dû, Solde, Sélection), matched
 * ignoring case, accents, punctuation and spacing, in any order, with
 * extra columns ignored. */
#ifndef PF_PORTAL_INVOICES_H
#define PF_PORTAL_INVOICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "web/html.h"
#include "portal/model.h"

/* Reads the invoice page. Returns 0 and an owned page in *out, or -1 with
 * a message naming what was missing (the page is not an invoice page, a
 * column is missing, an amount or date cannot be read) in *errp. Zero
 * invoices is a success only when the page says "Aucune facture". */
int invoice_page_parse(const struct html_doc *doc, struct invoice_page **out, char **errp);
void invoice_page_free(struct invoice_page **page);

/* Sets each invoice's document_url: its document_href resolved against
 * the page's address base_url (left NULL when it cannot be). */
void invoice_page_resolve_documents(struct invoice_page *page, const char *base_url);

/* Why the portal would not let this invoice be paid online (NULL: it
 * would): no checkbox, a disabled one, nothing left to pay, no number.
 * The one rule the UI's selection and pay both follow. */
const char *invoice_unpayable_reason(const struct invoice *inv);
static inline bool invoice_is_payable(const struct invoice *inv)
{
	return invoice_unpayable_reason(inv) == NULL;
}

/* The portal's own questions before régie `regie`'s Règlement leaves: the
 * confirm('...') text of the button's onclick, then of the form's
 * onsubmit, also when they ask it from one of the page's functions
 * (onclick="return valider()"). Stores up to two newly allocated texts in texts[] (the caller
 * frees them; the others are set to NULL) and returns how many. Page text:
 * not sanitized. 0 for an unknown régie. */
#define INVOICE_MAX_CONFIRMS 2
size_t invoice_regie_confirms(const struct invoice_page *page, size_t regie,
                              char *texts[INVOICE_MAX_CONFIRMS]);

/* Sum of the balances of these invoices: what paying them costs. */
int64_t invoices_balance_sum(const struct invoice *const *invoices, size_t count);

/* Sum of every invoice's balance. */
int64_t invoice_page_balance_due(const struct invoice_page *page);
/* Sum of the balances of the invoices checked as served. */
int64_t invoice_page_selected_total(const struct invoice_page *page);

#endif
