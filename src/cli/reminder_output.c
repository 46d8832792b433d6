/* check's output: reminder lines for a cron mail, or JSON. */
#include "config.h"

#include "cli/reminder_output.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/json_write.h"
#include "util/sanitize.h"
#include "money.h"
#include "portal/reminders.h"
#include "cli/invoice_output.h"

bool reminders_empty(const struct reminders *r)
{
	return r->ninvoices == 0 && (!r->documents || r->documents->count == 0);
}

static void put_sanitized(FILE *out, const char *text, int flags)
{
	char *safe = sanitize_text(text, strlen(text), flags, 80);
	fputs(safe, out);
	free(safe);
}

/* "overdue", "due today", "due in 3 days". */
static void put_when(FILE *out, const struct invoice *inv, const struct date *today, int flags)
{
	long left = invoice_days_left(inv, today);
	if (left < 0)
		sanitize_fprintf(out, flags, "%s", _("overdue"));
	else if (left == 0)
		sanitize_fprintf(out, flags, "%s", _("due today"));
	else
		sanitize_fprintf(out, flags,
		                 ngettext("due in %ld day", "due in %ld days", (unsigned long)left),
		                 left);
}

static void put_invoice(FILE *out, const struct invoice *inv, const struct date *today, int flags)
{
	char due[11], balance[32];
	put_sanitized(out, inv->regie[0] ? inv->regie : _("(unnamed régie)"), flags);
	fputs("  ", out);
	put_sanitized(out, inv->number, flags);
	sanitize_fprintf(out, flags, "  %s  %s €  ", date_to_fr(&inv->due, due),
	                 money_format(inv->balance_cents, MONEY_FR, balance, sizeof(balance)));
	put_when(out, inv, today, flags);
	fputc('\n', out);
}

static void put_document(FILE *out, const struct document_due *d, int flags)
{
	char *name = sanitize_text(d->name, strlen(d->name), flags, 120);
	char *who = sanitize_text(d->who, strlen(d->who), flags, 60);
	char *state = sanitize_text(d->state, strlen(d->state), flags, 60);
	if (who[0])
		sanitize_fprintf(out, flags, _("Document to provide: %s (%s): %s\n"), name, who,
		                 state);
	else
		sanitize_fprintf(out, flags, _("Document to provide: %s: %s\n"), name, state);
	free(name);
	free(who);
	free(state);
}

static int64_t listed_total(const struct reminders *r)
{
	int64_t sum = 0;
	for (size_t i = 0; i < r->ninvoices; i++)
		sum += r->invoices[i]->balance_cents;
	return sum;
}

int reminder_output_text(FILE *out, const struct reminders *r)
{
	int flags = sanitize_terminal_flags();
	for (size_t i = 0; i < r->ninvoices; i++)
		put_invoice(out, r->invoices[i], &r->today, flags);
	if (r->ninvoices) {
		char total[32];
		sanitize_fprintf(out, flags, _("Total to pay: %s €\n"),
		                 money_format(listed_total(r), MONEY_FR, total, sizeof(total)));
	}
	for (size_t i = 0; r->documents && i < r->documents->count; i++)
		put_document(out, &r->documents->items[i], flags);
	return ferror(out) ? -1 : 0;
}

int reminder_output_json(FILE *out, const struct reminders *r)
{
	struct json_writer w;
	json_writer_init(&w, out);
	json_begin_object(&w, NULL);
	json_begin_array(&w, "invoices");
	for (size_t i = 0; i < r->ninvoices; i++)
		invoice_output_json_invoice(&w, r->invoices[i], &r->today);
	json_end(&w);
	json_put_int(&w, "balance_due_cents", listed_total(r));
	json_begin_array(&w, "documents");
	for (size_t i = 0; r->documents && i < r->documents->count; i++) {
		const struct document_due *d = &r->documents->items[i];
		json_begin_object(&w, NULL);
		json_put_string(&w, "name", d->name);
		json_put_string(&w, "for", d->who[0] ? d->who : NULL);
		json_put_string(&w, "state", d->state);
		json_end(&w);
	}
	json_end(&w);
	json_end(&w);
	return json_writer_finish(&w);
}
