/* Accueil, the top screen: family, balance, "Payer mes factures", then the page itself. */
#include "config.h"

#include <libintl.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/navigation.h"
#include "portal/reminders.h"
#include "ui/app.h"

static void push(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof(char *));
	(*lines)[(*n)++] = line;
}

/* What is due soon and what is overdue, once the invoices were read (the
 * home page itself does not say). */
static void reminder_lines(struct ui *ui, char ***lines, size_t *n)
{
	if (!ui->invoices)
		return;
	struct date today = date_today(), before;
	size_t soon = reminders_due_soon(ui->invoices, &today, REMINDER_DEFAULT_DAYS, &before);
	if (soon) {
		char day[11];
		date_to_fr(&before, day);
		day[5] = '\0'; /* "06/12": within the week, the year goes without saying */
		push(lines, n,
		     xasprintf(ngettext("%zu invoice to pay before %s",
		                        "%zu invoices to pay before %s", (unsigned long)soon),
		               soon, day));
	}
	size_t late = 0;
	for (size_t i = 0; i < ui->invoices->ninvoices; i++)
		late += invoice_is_overdue(&ui->invoices->invoices[i], &today);
	if (late)
		push(lines, n,
		     xasprintf(ngettext("%zu overdue invoice", "%zu overdue invoices",
		                        (unsigned long)late),
		               late));
}

size_t scr_accueil_summary(struct ui *ui, char ***lines)
{
	size_t n = 0;
	*lines = NULL;
	/* "Famille" and "Solde des factures": the portal's home page, in its words. */
	if (ui->family)
		push(lines, &n, xasprintf("Famille : %s", ui->family));
	if (ui->has_balance) {
		char amount[32];
		money_format(ui->balance_cents, MONEY_FR, amount, sizeof(amount));
		push(lines, &n, xasprintf("Solde des factures : %s €", amount));
	}
	push(lines, &n, xstrdup(_("> Payer mes factures (p, or Enter here)")));
	reminder_lines(ui, lines, &n);
	return n;
}

struct screen *scr_accueil_new(struct ui *ui, struct page_content *content)
{
	return scr_page_create(ui, LINK_ACCUEIL, content);
}
