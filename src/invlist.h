/* The invoice selection: which invoices the user chose to pay, and the
 * running "Total à régler". Pure model (no curses, no network), shared by
 * the invoice screen and its tests.
 *
 * The selection is keyed by invoice number, never by row, so it survives a
 * re-read of the page (after an error, a re-login, a payment): invlist_reapply
 * keeps what still exists and says what changed. The selection may span
 * régies, as the portal serves it (checks in several régies); the portal
 * pays one régie at a time (each régie has its own Règlement form), so a
 * payment takes one régie's share: invlist_regie_to_pay says which.
 *
 * Conventions (util/xalloc.h): `invlist_free(&l)` accepts NULL and clears the
 * pointer; texts returned in `char **why` are malloc'd, owned by the caller,
 * and quote page text: they are NOT sanitized for the terminal. */
#ifndef PF_INVLIST_H
#define PF_INVLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "portal/model.h"

enum invlist_status {
	INVLIST_OK = 0,
	INVLIST_NO_SUCH,        /* row out of range, unknown number or régie */
	INVLIST_NOT_SELECTABLE, /* no checkbox, a disabled one, or nothing due */
	INVLIST_DUPLICATE,      /* the number appears more than once on the page */
	INVLIST_NOTHING,        /* toggle_regie: nothing payable in that régie */
};

struct invlist;

/* A selection over `page` (borrowed: it must outlive the list or be replaced
 * by invlist_reapply; NULL is an empty page). Starts empty. */
struct invlist *invlist_new(const struct invoice_page *page);
void invlist_free(struct invlist **list);

/* Takes the checks the portal served as the selection, in every régie
 * (the payable ones). Replaces the current selection. Returns how many
 * invoices were taken. */
size_t invlist_adopt_served(struct invlist *list);
/* The selection is not what the page served: the user changed it (a
 * selection toggled back to the served checks is not a change). */
bool invlist_differs_from_served(const struct invlist *list);

/* Selects or unselects the invoice on row `index` of the page. On refusal
 * the selection is unchanged and *why (when why is not NULL) explains it in
 * French, for the user. */
enum invlist_status invlist_toggle(struct invlist *list, size_t index, char **why);
enum invlist_status invlist_toggle_number(struct invlist *list, const char *number, char **why);
/* Every payable invoice of régie `regie` (index into page->regies): selects
 * them all, or unselects them all when they are all selected already. */
enum invlist_status invlist_toggle_regie(struct invlist *list, size_t regie, char **why);
void invlist_clear(struct invlist *list);

/* The invoice can be selected: an enabled checkbox, a positive balance, a
 * number printed once on the page. */
bool invlist_is_payable(const struct invlist *list, size_t index);
bool invlist_is_selected(const struct invlist *list, size_t index);
size_t invlist_count(const struct invlist *list);
/* Sum of the selected invoices' balances, in cents, every régie. */
int64_t invlist_total(const struct invlist *list);
/* Selected invoices of one régie (index into page->regies). */
size_t invlist_regie_count(const struct invlist *list, size_t regie);
/* "Total à régler" of one régie: its selected invoices' balances. */
int64_t invlist_regie_total(const struct invlist *list, size_t regie);
/* How many régies have selected invoices. */
size_t invlist_regies_selected(const struct invlist *list);
/* The régie a payment takes: `preferred` (the régie under the cursor, -1
 * for none) when it has selected invoices, else the only régie that has
 * any. -1 when nothing is selected, or when several régies have selected
 * invoices and `preferred` has none: the user must say which. */
long invlist_regie_to_pay(const struct invlist *list, long preferred);
/* "Solde dû" of one régie: what the page printed, else the sum of its
 * invoices' balances. 0 for an unknown régie. */
int64_t invlist_regie_balance(const struct invoice_page *page, size_t regie);

/* One régie's share of the selection in page order, for pay_request:
 * *numbers (pointing into the list: valid until it changes) and *balances
 * (what the user saw), two arrays of the returned count, owned by the
 * caller (free the arrays only). Both NULL when that régie has none. */
size_t invlist_regie_selection(const struct invlist *list, size_t regie, const char ***numbers,
                               int64_t **balances);

/* What a re-read did to the selection. */
enum invlist_change_kind {
	INVLIST_GONE,            /* the invoice is no longer on the page */
	INVLIST_SETTLED,         /* its balance is now 0: paid */
	INVLIST_NOW_UNPAYABLE,   /* still due but no longer selectable */
	INVLIST_BALANCE_CHANGED, /* kept, with a new balance */
};
struct invlist_change {
	enum invlist_change_kind kind;
	char *number;
	int64_t before, after; /* balances (after = 0 when gone) */
};
/* Moves the selection onto a fresh read of the page (borrowed, as for
 * invlist_new; NULL is an empty page): keeps the invoices that are still
 * payable, updates their balances, drops the others. Returns the number of
 * changes and an owned array in *changes (NULL when none). */
size_t invlist_reapply(struct invlist *list, const struct invoice_page *fresh,
                       struct invlist_change **changes);
void invlist_changes_free(struct invlist_change **changes, size_t n);
/* One change as a French sentence ("F2022-0388 : payée"), newly allocated. */
char *invlist_change_text(const struct invlist_change *change);

/* Where an invoice stands on a page: still due, settled (balance 0, or the
 * portal marks it paid by removing its checkbox with nothing due), or absent. */
enum invlist_state {
	INVLIST_STATE_DUE,
	INVLIST_STATE_SETTLED,
	INVLIST_STATE_ABSENT
};
enum invlist_state invlist_state_of(const struct invoice_page *page, const char *number);

/* Due date passed and something still to pay. */
bool invlist_is_overdue(const struct invoice *invoice, const struct date *today);

/* True when the invoice on row `index` matches a search: needle is compared
 * folded (case, accents and punctuation ignored, util/fold.h) as a substring
 * of the number, the régie, the dates (dd/mm/yyyy) and the amounts
 * ("181,99"). An empty needle matches nothing. */
bool invlist_matches(const struct invoice_page *page, size_t index, const char *needle);

#endif
