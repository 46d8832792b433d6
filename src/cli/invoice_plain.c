/* Invoices as labelled lines, for screen readers (--plain). */
#include "config.h"

#include "cli/invoice_plain.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "money.h"
#include "portal/invoices.h"
#include "app/invoice_words.h"

static void print_invoice(FILE *out, const struct invoice *inv, const struct date *today, int flags)
{
	const char *selection = invoice_selection_words(inv, invoice_is_payable(inv),
	                                                inv->selected);
	char *line = invoice_words(inv, today, selection, INVOICE_SENTENCE);
	char *safe = sanitize_str(line, flags);
	fprintf(out, "%s\n", safe);
	free(safe);
	free(line);
}

static void print_sum(FILE *out, const char *label, int64_t cents, int flags)
{
	char amount[32];
	struct strbuf sb = STRBUF_INIT;
	strbuf_printf(&sb, "%s %s €", label, money_format(cents, MONEY_FR, amount, sizeof(amount)));
	char *safe = sanitize_str(sb.data, flags);
	fprintf(out, "%s\n", safe);
	free(safe);
	strbuf_release(&sb);
}

int invoice_output_plain(FILE *out, const struct invoice_page *page, const struct date *today,
                         int flags)
{
	if (page->ninvoices == 0)
		fputs(_("No invoices.\n"), out);
	for (size_t r = 0; r < page->nregies; r++) {
		const struct regie *regie = &page->regies[r];
		if (!regie->ninvoices)
			continue;
		struct strbuf sb = STRBUF_INIT;
		strbuf_printf(&sb, _("Régie: %s"),
		              regie->name[0] ? regie->name : _("(unnamed régie)"));
		char *safe = sanitize_str(sb.data, flags);
		fprintf(out, "%s\n", safe);
		free(safe);
		strbuf_release(&sb);
		int64_t balance = 0, selected = 0;
		for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices;
		     i++) {
			const struct invoice *inv = &page->invoices[i];
			print_invoice(out, inv, today, flags);
			balance += inv->balance_cents;
			selected += inv->selected ? inv->balance_cents : 0;
		}
		print_sum(out, _("Balance due:"), balance, flags);
		print_sum(out, _("Total to pay:"), selected, flags);
		fputc('\n', out);
	}
	if (page->nregies > 1)
		print_sum(out, _("Balance due, all régies:"), invoice_page_balance_due(page),
		          flags);
	return ferror(out) ? -1 : 0;
}
