/* Accueil, the top screen: family, balance, "Payer mes factures", then the page itself. */
#include "config.h"

#include <stdlib.h>

#include "util/xalloc.h"
#include "money.h"
#include "portal/navigation.h"
#include "ui/app.h"

static void push(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof(char *));
	(*lines)[(*n)++] = line;
}

size_t scr_accueil_summary(struct ui *ui, char ***lines)
{
	size_t n = 0;
	*lines = NULL;
	if (ui->family)
		push(lines, &n, xasprintf("Famille : %s", ui->family));
	if (ui->has_balance) {
		char amount[32];
		money_format(ui->balance_cents, MONEY_FR, amount, sizeof(amount));
		push(lines, &n, xasprintf("Solde des factures : %s €", amount));
	}
	push(lines, &n, xstrdup("> Payer mes factures (p, ou Entrée ici)"));
	return n;
}

struct screen *scr_accueil_new(struct ui *ui, struct page_content *content)
{
	return scr_page_create(ui, LINK_ACCUEIL, content);
}
