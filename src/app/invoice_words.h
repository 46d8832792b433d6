/* An invoice said in words, for screen readers (--plain): the line the
 * command line prints and the interface shows. */
#ifndef PF_APP_INVOICE_WORDS_H
#define PF_APP_INVOICE_WORDS_H

#include <stdbool.h>

#include "date.h"
#include "portal/model.h"

/* What the selection column says, as words ("[x]" is read out as "left
 * bracket x right bracket"): selected / not selected for a payable
 * invoice, paid, not payable online, or a disabled checkbox. Static. */
const char *invoice_selection_words(const struct invoice *inv, bool payable, bool selected);

/* "Invoice F2022-0912: balance 181,99 €, selected, overdue, to pay
 * before 30/09/2022, amount due 181,99 €, of 05/09/2022": the most
 * useful first, so that a line cut by a narrow window loses the least.
 * "overdue" / "due within 7 days" are counted against today; selection
 * from invoice_selection_words. Not sanitized (the number is the
 * portal's). Newly allocated. */
enum invoice_words_form {
	INVOICE_SENTENCE, /* "Invoice F2022-0912: balance …" (the command line) */
	INVOICE_ROW,      /* "F2022-0912: balance …": under its régie's heading,
	                     the word "invoice" would only push the rest off an
	                     80-column row */
};
char *invoice_words(const struct invoice *inv, const struct date *today, const char *selection,
                    enum invoice_words_form form);

#endif
