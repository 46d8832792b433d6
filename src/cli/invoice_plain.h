/* The invoices for a screen reader (--plain): one line per invoice that
 * reads alone, its fields named, no columns to follow. */
#ifndef PF_CLI_INVOICE_PLAIN_H
#define PF_CLI_INVOICE_PLAIN_H

#include <stdio.h>

#include "date.h"
#include "portal/model.h"

/* Per régie: "Régie : NAME", then for each invoice one line
 * (app/invoice_words: "Facture F2022-0912 : solde 181,99 €, sélectionnée,
 * en retard, échéance 30/09/2022, …", the selection as served),
 * then "Solde dû" and "Total à régler"; "overdue" is counted against
 * today. Every string sanitized with flags (util/sanitize.h: ASCII for
 * --ascii or a LANG=C terminal). Returns 0, or -1 on a write error. */
int invoice_output_plain(FILE *out, const struct invoice_page *page, const struct date *today,
                         int flags);

#endif
