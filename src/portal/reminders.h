/* What a reminder reports: invoices still to pay whose due date is past or
 * near, counted against a "today" the caller passes in (date_today() in the
 * program, a fixed date in the tests). Pure: no clock, no I/O. */
#ifndef PF_PORTAL_REMINDERS_H
#define PF_PORTAL_REMINDERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "portal/model.h"

/* The window of `check` and of the UI's "due soon" mark, in days. */
#define REMINDER_DEFAULT_DAYS 7

/* Something left to pay (balance > 0) and a due date before today. An
 * invoice due today is not overdue yet: the portal takes it until the
 * evening. */
bool invoice_is_overdue(const struct invoice *inv, const struct date *today);

/* Something left to pay, not overdue, due within `days` days of today
 * (today itself included). */
bool invoice_is_due_soon(const struct invoice *inv, const struct date *today, int days);

/* Days from today to the due date (negative when past). The invoice must
 * have a due date. */
long invoice_days_left(const struct invoice *inv, const struct date *today);

/* The invoices of page a reminder lists, overdue or due within `days`
 * days, in page order: an owned array of pointers into page (free it, not
 * the invoices), NULL when none; *count receives how many. */
const struct invoice **reminders_select(const struct invoice_page *page, const struct date *today,
                                        int days, size_t *count);

/* How many invoices are due soon (not overdue) within `days` days, and
 * the latest of their due dates: what the home screen says ("2 invoices
 * to pay before 06/12"). Returns the count; *before is set only when it
 * is not 0. */
size_t reminders_due_soon(const struct invoice_page *page, const struct date *today, int days,
                          struct date *before);

#endif
