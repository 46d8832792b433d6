/* What `check` prints: the invoices to pay soon or overdue, the documents
 * the portal asks for, as lines for a person (a cron mail) or as JSON. */
#ifndef PF_CLI_REMINDER_OUTPUT_H
#define PF_CLI_REMINDER_OUTPUT_H

#include <stdio.h>

#include "date.h"
#include "portal/model.h"

struct reminders {
	const struct invoice **invoices; /* overdue or due soon, page order */
	size_t ninvoices;
	const struct documents_due *documents; /* may be NULL */
	struct date today;
};

/* True when there is nothing to report: no invoice and no document. */
bool reminders_empty(const struct reminders *r);

/* One line per invoice (régie, number, due date, balance, "overdue" /
 * "due in 3 days", translated), a last line with their total when there
 * is an invoice, then one line per document; text sanitized. Nothing at
 * all when empty. Returns 0, or -1 on a write error. */
int reminder_output_text(FILE *out, const struct reminders *r);

/* {"invoices": [invoice objects as `invoices --json` writes them],
 *  "balance_due_cents": N (sum of their balances),
 *  "documents": [{"name", "for", "state"}]}. Returns 0 or -1. */
int reminder_output_json(FILE *out, const struct reminders *r);

#endif
