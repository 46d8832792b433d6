/* Printing the payment history: a table for people, JSON and CSV for
 * programs, and a year's sums per régie. Scraped text is sanitized for the
 * terminal (tables, CSV) or written inert (JSON, util/json_print). */
#ifndef PF_CLI_PAYMENT_OUTPUT_H
#define PF_CLI_PAYMENT_OUTPUT_H

#include <stdio.h>

#include "portal/model.h"

/* Date, amount, means, régie, reference, one payment a line; "No payment."
 * when there is none. Returns 0 or -1 on a write error. */
int payment_output_table(FILE *out, const struct payment_history *h);

/* For screen readers (--plain): one line a payment, its fields named
 * ("Payment of 52,50 € on 15/07/2022, by Carte bancaire, régie CENTRE DE
 * LOISIRS, reference TPA-2022-00315"). Returns 0 or -1. */
int payment_output_plain(FILE *out, const struct payment_history *h);
/* {"payments": [{"date": "YYYY-MM-DD"|null, "date_text", "amount_cents",
 * "means", "regie", "reference"}], "total_cents": N}. */
int payment_output_json(FILE *out, const struct payment_history *h);
/* date;amount;means;regie;reference (French spreadsheet CSV, as
 * invoice_output_csv: formula-looking text cells get a leading "'"). */
int payment_output_csv(FILE *out, const struct payment_history *h);

enum payment_format {
	PAYMENT_TABLE,
	PAYMENT_JSON,
	PAYMENT_CSV
};
/* The year's sums per régie in the format: a table with a total line,
 * {"year", "regies": [{"regie", "amount_cents", "count"}], "total_cents",
 * "undated"}, or CSV regie;count;amount. */
int payment_output_year(FILE *out, const struct payment_history *h, int year,
                        enum payment_format format);

/* The history's warnings, "portail-famille: warning: ..." each. */
void payment_output_warnings(FILE *err, const struct payment_history *h);

#endif
