/* Invoices in words (--plain), shared by the command line and the screen. */
#include "config.h"

#include "app/invoice_words.h"

#include "util/i18n.h"
#include "util/strbuf.h"
#include "money.h"
#include "portal/reminders.h"

const char *invoice_selection_words(const struct invoice *inv, bool payable, bool selected)
{
	if (payable)
		return selected ? _("selected") : _("not selected");
	if (inv->balance_cents <= 0)
		return _("paid");
	if (inv->has_checkbox && !inv->selectable)
		return inv->selected ? _("selected, cannot be changed") : _("cannot be selected");
	return _("not payable online");
}

char *invoice_words(const struct invoice *inv, const struct date *today, const char *selection,
                    enum invoice_words_form form)
{
	char date[11], due[11], amount[32], balance[32];
	struct strbuf sb = STRBUF_INIT;
	strbuf_printf(
	        &sb,
	        form == INVOICE_ROW ? _("%s: balance %s €, %s") : _("Invoice %s: balance %s €, %s"),
	        inv->number ? inv->number : "",
	        money_format(inv->balance_cents, MONEY_FR, balance, sizeof(balance)), selection);
	if (invoice_is_overdue(inv, today))
		strbuf_printf(&sb, ", %s", _("overdue"));
	else if (invoice_is_due_soon(inv, today, REMINDER_DEFAULT_DAYS))
		strbuf_printf(&sb, ", %s", _("due within 7 days"));
	if (inv->has_due)
		strbuf_printf(&sb, _(", due %s"), date_to_fr(&inv->due, due));
	strbuf_printf(&sb, _(", amount due %s €"),
	              money_format(inv->amount_cents, MONEY_FR, amount, sizeof(amount)));
	if (inv->has_date)
		strbuf_printf(&sb, _(", of %s"), date_to_fr(&inv->date, date));
	if (inv->document_href)
		strbuf_printf(&sb, ", %s", _("document available"));
	return strbuf_detach(&sb);
}
