/* Overdue and due-soon invoices, against an injected today. */
#include "config.h"

#include "portal/reminders.h"

#include "util/xalloc.h"

bool invoice_is_overdue(const struct invoice *inv, const struct date *today)
{
	return inv && today && inv->has_due && inv->balance_cents > 0 &&
	       date_compare(&inv->due, today) < 0;
}

long invoice_days_left(const struct invoice *inv, const struct date *today)
{
	return date_days_between(today, &inv->due);
}

bool invoice_is_due_soon(const struct invoice *inv, const struct date *today, int days)
{
	if (!inv || !today || !inv->has_due || inv->balance_cents <= 0)
		return false;
	long left = invoice_days_left(inv, today);
	return left >= 0 && left <= days;
}

const struct invoice **reminders_select(const struct invoice_page *page, const struct date *today,
                                        int days, size_t *count)
{
	const struct invoice **chosen = NULL;
	*count = 0;
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		if (!invoice_is_overdue(inv, today) && !invoice_is_due_soon(inv, today, days))
			continue;
		chosen = xreallocarray(chosen, *count + 1, sizeof(*chosen));
		chosen[(*count)++] = inv;
	}
	return chosen;
}

size_t reminders_due_soon(const struct invoice_page *page, const struct date *today, int days,
                          struct date *before)
{
	size_t n = 0;
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		if (!invoice_is_due_soon(inv, today, days))
			continue;
		/* "2 invoices to pay before 06/12": all of them by the latest
		 * due date, which is the one that makes the sentence true. */
		if (n == 0 || date_compare(&inv->due, before) > 0)
			*before = inv->due;
		n++;
	}
	return n;
}
