/* Printing the invoice model for people (a table) and programs (JSON). */
#ifndef PF_CLI_INVOICE_OUTPUT_H
#define PF_CLI_INVOICE_OUTPUT_H

#include <stdio.h>

#include "util/json_write.h"
#include "portal/model.h"

/* {"invoices": [...], "balance_due_cents": N, "selected_total_cents": N}:
 * the schema of `parse invoices --json` and `invoices --json`. Strings are
 * exact, with every character that could act on a terminal written as a
 * \uXXXX escape. Returns 0, or -1 on a write error. */
int invoice_output_json(FILE *out, const struct invoice_page *page);

/* One invoice of that schema, as an element of the array w is in:
 * "overdue" is counted against today (portal/reminders.h). */
void invoice_output_json_invoice(struct json_writer *w, const struct invoice *inv,
                                 const struct date *today);

/* A readable table grouped by régie, with "Solde dû" and "Total à régler",
 * then "Solde dû, toutes régies" when the page has several régies;
 * every scraped string sanitized for the terminal (ASCII-only when the
 * locale is not UTF-8). Returns 0, or -1 on a write error. */
int invoice_output_table(FILE *out, const struct invoice_page *page);

/* CSV for French spreadsheets: ';' separators, decimal commas, a header
 * line, fields quoted when needed, text sanitized. A text cell (régie,
 * invoice number) starting with '=', '+', '-', '@', TAB or CR gets a
 * leading "'" so that no spreadsheet runs it as a formula; amounts are
 * ours and stay numbers. Returns 0 or -1. */
int invoice_output_csv(FILE *out, const struct invoice_page *page);

/* The UTF-8 byte order mark (--excel): without it, Excel reads a CSV
 * file in the Windows code page and garbles the accents. LibreOffice and
 * programs do not need it. */
void invoice_output_bom(FILE *out);

/* The page's own inconsistencies, one "warning: ..." line each, sanitized. */
void invoice_output_warnings(FILE *err, const struct invoice_page *page);

#endif
