/* The invoice selection model: toggles, running totals by régie, the régie a payment takes, re-reads. */
#include "config.h"

#include "util/i18n.h"
#include "invlist.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/invoices.h"

/* A selected invoice. The number is our own copy, so the selection outlives
 * the page it was made on (the key a re-read looks for). */
struct pick {
	char *number;
	int64_t seen; /* the balance the user saw */
	size_t row;   /* on the current page */
	size_t regie; /* of that row */
};

struct invlist {
	const struct invoice_page *page;
	struct pick *picks; /* page order */
	size_t npicks;
	bool *duplicate; /* per row: the number appeared on an earlier row */
	long *row_pick;  /* per row: index into picks, or -1 */
};

static size_t page_rows(const struct invoice_page *page)
{
	return page ? page->ninvoices : 0;
}

/* Row of a number on the page, or -1: the first row printing it. */
static long find_row(const struct invoice_page *page, const char *number)
{
	for (size_t i = 0; i < page_rows(page); i++)
		if (page->invoices[i].number && strcmp(page->invoices[i].number, number) == 0)
			return (long)i;
	return -1;
}

static int by_number_then_row(const void *a, const void *b, void *ctx)
{
	const struct invoice_page *page = ctx;
	size_t ra = *(const size_t *)a, rb = *(const size_t *)b;
	const char *na = page->invoices[ra].number, *nb = page->invoices[rb].number;
	int c = strcmp(na ? na : "", nb ? nb : "");
	return c ? c : (ra > rb) - (ra < rb);
}

/* Marks every row whose number an earlier row already printed: sorting keeps
 * a page of thousands of invoices fast. */
static void find_duplicates(struct invlist *l, size_t n)
{
	size_t *order = xcalloc(n, sizeof(size_t));
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	qsort_r(order, n, sizeof(size_t), by_number_then_row, (void *)l->page);
	for (size_t i = 1; i < n; i++) {
		const char *prev = l->page->invoices[order[i - 1]].number;
		const char *cur = l->page->invoices[order[i]].number;
		l->duplicate[order[i]] = prev && cur && strcmp(prev, cur) == 0;
	}
	free(order);
}

/* Per-row tables for a (new) page; the picks are not looked at. */
static void index_page(struct invlist *l)
{
	size_t n = page_rows(l->page);
	free(l->duplicate);
	free(l->row_pick);
	l->duplicate = xcalloc(n, sizeof(bool));
	l->row_pick = xcalloc(n, sizeof(long));
	for (size_t i = 0; i < n; i++)
		l->row_pick[i] = -1;
	if (n > 1)
		find_duplicates(l, n);
}

static void renumber_picks(struct invlist *l, size_t from)
{
	for (size_t k = from; k < l->npicks; k++)
		l->row_pick[l->picks[k].row] = (long)k;
}

struct invlist *invlist_new(const struct invoice_page *page)
{
	struct invlist *l = xcalloc(1, sizeof(*l));
	l->page = page;
	index_page(l);
	return l;
}

static void drop_picks(struct invlist *l)
{
	for (size_t k = 0; k < l->npicks; k++) {
		l->row_pick[l->picks[k].row] = -1;
		free(l->picks[k].number);
	}
	free(l->picks);
	l->picks = NULL;
	l->npicks = 0;
}

void invlist_free(struct invlist **list)
{
	if (!list || !*list)
		return;
	drop_picks(*list);
	free((*list)->duplicate);
	free((*list)->row_pick);
	free(*list);
	*list = NULL;
}

void invlist_clear(struct invlist *l)
{
	if (l)
		drop_picks(l);
}

bool invlist_is_payable(const struct invlist *l, size_t index)
{
	if (!l || index >= page_rows(l->page))
		return false;
	const struct invoice *inv = &l->page->invoices[index];
	return invoice_is_payable(inv) && !l->duplicate[index];
}

bool invlist_is_selected(const struct invlist *l, size_t index)
{
	return l && index < page_rows(l->page) && l->row_pick[index] >= 0;
}

size_t invlist_count(const struct invlist *l)
{
	return l ? l->npicks : 0;
}

int64_t invlist_total(const struct invlist *l)
{
	int64_t total = 0;
	for (size_t k = 0; l && k < l->npicks; k++)
		total += l->picks[k].seen;
	return total;
}

size_t invlist_regie_count(const struct invlist *l, size_t regie)
{
	size_t n = 0;
	for (size_t k = 0; l && k < l->npicks; k++)
		n += l->picks[k].regie == regie;
	return n;
}

int64_t invlist_regie_total(const struct invlist *l, size_t regie)
{
	int64_t total = 0;
	for (size_t k = 0; l && k < l->npicks; k++)
		if (l->picks[k].regie == regie)
			total += l->picks[k].seen;
	return total;
}

size_t invlist_regies_selected(const struct invlist *l)
{
	size_t n = 0;
	/* Picks are in page order, so a régie's picks are adjacent. */
	for (size_t k = 0; l && k < l->npicks; k++)
		n += k == 0 || l->picks[k].regie != l->picks[k - 1].regie;
	return n;
}

long invlist_regie_to_pay(const struct invlist *l, long preferred)
{
	if (!l || l->npicks == 0)
		return -1;
	if (preferred >= 0 && invlist_regie_count(l, (size_t)preferred) > 0)
		return preferred;
	return invlist_regies_selected(l) == 1 ? (long)l->picks[0].regie : -1;
}

int64_t invlist_regie_balance(const struct invoice_page *page, size_t regie)
{
	if (!page || regie >= page->nregies)
		return 0;
	const struct regie *r = &page->regies[regie];
	if (r->has_balance_due)
		return r->balance_due_cents;
	int64_t sum = 0;
	for (size_t i = r->first_invoice;
	     i < r->first_invoice + r->ninvoices && i < page->ninvoices; i++)
		sum += page->invoices[i].balance_cents;
	return sum;
}

/* Picks stay in page order, so numbers reach the session as the user
 * sees them. */
static void add_pick(struct invlist *l, size_t row)
{
	const struct invoice *inv = &l->page->invoices[row];
	size_t k = 0;
	while (k < l->npicks && l->picks[k].row < row)
		k++;
	l->picks = xreallocarray(l->picks, l->npicks + 1, sizeof(*l->picks));
	memmove(&l->picks[k + 1], &l->picks[k], (l->npicks - k) * sizeof(*l->picks));
	l->picks[k] = (struct pick){ xstrdup(inv->number), inv->balance_cents, row,
		                     inv->regie_index };
	l->npicks++;
	renumber_picks(l, k);
}

static void remove_pick(struct invlist *l, size_t row)
{
	size_t k = (size_t)l->row_pick[row];
	free(l->picks[k].number);
	memmove(&l->picks[k], &l->picks[k + 1], (l->npicks - k - 1) * sizeof(*l->picks));
	l->row_pick[row] = -1;
	l->npicks--;
	renumber_picks(l, k);
}

static const char *regie_name(const struct invoice_page *page, size_t regie)
{
	if (regie < page->nregies && page->regies[regie].name && *page->regies[regie].name)
		return page->regies[regie].name;
	return "?";
}

static enum invlist_status refuse_unpayable(const struct invlist *l, size_t row, char **why)
{
	const struct invoice *inv = &l->page->invoices[row];
	const char *num = inv->number && *inv->number ? inv->number : "(sans numéro)";
	if (why && l->duplicate[row])
		*why = xasprintf(_("Invoice %s is twice on the page: it cannot be selected here."),
		                 num);
	else if (why && inv->has_checkbox && inv->balance_cents <= 0)
		*why = xasprintf(_("Invoice %s has nothing to pay."), num);
	else if (why)
		*why = xasprintf(_("The portal does not offer to pay invoice %s online."), num);
	return l->duplicate[row] ? INVLIST_DUPLICATE : INVLIST_NOT_SELECTABLE;
}

enum invlist_status invlist_toggle(struct invlist *l, size_t index, char **why)
{
	if (!l || index >= page_rows(l->page)) {
		if (why)
			*why = xstrdup("Aucune facture sur cette ligne.");
		return INVLIST_NO_SUCH;
	}
	if (l->row_pick[index] >= 0) {
		remove_pick(l, index);
		return INVLIST_OK;
	}
	if (!invlist_is_payable(l, index))
		return refuse_unpayable(l, index, why);
	add_pick(l, index);
	return INVLIST_OK;
}

enum invlist_status invlist_toggle_number(struct invlist *l, const char *number, char **why)
{
	long row = l && number ? find_row(l->page, number) : -1;
	if (row < 0) {
		if (why)
			*why = xasprintf(_("Invoice %s is not on the page."), number ? number : "");
		return INVLIST_NO_SUCH;
	}
	return invlist_toggle(l, (size_t)row, why);
}

/* The rows of a régie, clamped to the page. */
static void regie_rows(const struct invoice_page *page, size_t regie, size_t *first, size_t *end)
{
	const struct regie *r = &page->regies[regie];
	*first = r->first_invoice < page->ninvoices ? r->first_invoice : page->ninvoices;
	*end = r->ninvoices <= page->ninvoices - *first ? *first + r->ninvoices : page->ninvoices;
}

enum invlist_status invlist_toggle_regie(struct invlist *l, size_t regie, char **why)
{
	if (!l || !l->page || regie >= l->page->nregies) {
		if (why)
			*why = xstrdup("Aucune régie ici.");
		return INVLIST_NO_SUCH;
	}
	size_t first, end, payable = 0, picked = 0;
	regie_rows(l->page, regie, &first, &end);
	for (size_t i = first; i < end; i++)
		if (invlist_is_payable(l, i)) {
			payable++;
			picked += l->row_pick[i] >= 0;
		}
	if (payable == 0) {
		if (why)
			*why = xasprintf(_("Nothing to pay online for \"%s\"."),
			                 regie_name(l->page, regie));
		return INVLIST_NOTHING;
	}
	bool select = picked < payable;
	for (size_t i = first; i < end; i++) {
		if (!invlist_is_payable(l, i) || (l->row_pick[i] >= 0) == select)
			continue;
		if (select)
			add_pick(l, i);
		else
			remove_pick(l, i);
	}
	return INVLIST_OK;
}

/* Checked as served, and selectable here: what the portal's own page
 * would submit. */
static bool served(const struct invlist *l, size_t row)
{
	return l->page->invoices[row].selected && invlist_is_payable(l, row);
}

size_t invlist_adopt_served(struct invlist *l)
{
	if (!l)
		return 0;
	drop_picks(l);
	for (size_t i = 0; i < page_rows(l->page); i++)
		if (served(l, i))
			add_pick(l, i);
	return l->npicks;
}

bool invlist_differs_from_served(const struct invlist *l)
{
	for (size_t i = 0; l && i < page_rows(l->page); i++)
		if (served(l, i) != invlist_is_selected(l, i))
			return true;
	return false;
}

size_t invlist_regie_selection(const struct invlist *l, size_t regie, const char ***numbers,
                               int64_t **balances)
{
	size_t n = invlist_regie_count(l, regie), j = 0;
	*numbers = NULL;
	*balances = NULL;
	if (n == 0)
		return 0;
	*numbers = xcalloc(n, sizeof(**numbers));
	*balances = xcalloc(n, sizeof(**balances));
	for (size_t k = 0; k < l->npicks; k++)
		if (l->picks[k].regie == regie) {
			(*numbers)[j] = l->picks[k].number;
			(*balances)[j++] = l->picks[k].seen;
		}
	return n;
}

static void add_change(struct invlist_change **changes, size_t *n, enum invlist_change_kind kind,
                       const char *number, int64_t before, int64_t after)
{
	*changes = xreallocarray(*changes, *n + 1, sizeof(**changes));
	(*changes)[*n] = (struct invlist_change){ kind, xstrdup(number), before, after };
	(*n)++;
}

/* Decides the fate of one old pick on the fresh page; returns its new row
 * when it is kept, -1 when dropped (with the change recorded). */
static long carry_pick(struct invlist *l, const struct pick *p, struct invlist_change **changes,
                       size_t *n)
{
	long row = find_row(l->page, p->number);
	if (row < 0) {
		add_change(changes, n, INVLIST_GONE, p->number, p->seen, 0);
		return -1;
	}
	const struct invoice *inv = &l->page->invoices[row];
	if (inv->balance_cents <= 0) {
		add_change(changes, n, INVLIST_SETTLED, p->number, p->seen, inv->balance_cents);
		return -1;
	}
	if (!invlist_is_payable(l, (size_t)row)) {
		add_change(changes, n, INVLIST_NOW_UNPAYABLE, p->number, p->seen,
		           inv->balance_cents);
		return -1;
	}
	if (inv->balance_cents != p->seen)
		add_change(changes, n, INVLIST_BALANCE_CHANGED, p->number, p->seen,
		           inv->balance_cents);
	return row;
}

size_t invlist_reapply(struct invlist *l, const struct invoice_page *fresh,
                       struct invlist_change **changes)
{
	*changes = NULL;
	if (!l)
		return 0;
	struct pick *old = l->picks;
	size_t nold = l->npicks, n = 0;
	l->picks = NULL;
	l->npicks = 0;
	l->page = fresh;
	index_page(l);
	for (size_t k = 0; k < nold; k++) {
		long row = carry_pick(l, &old[k], changes, &n);
		if (row >= 0 && l->row_pick[row] < 0)
			add_pick(l, (size_t)row);
		free(old[k].number);
	}
	free(old);
	return n;
}

void invlist_changes_free(struct invlist_change **changes, size_t n)
{
	if (!changes || !*changes)
		return;
	for (size_t i = 0; i < n; i++)
		free((*changes)[i].number);
	free(*changes);
	*changes = NULL;
}

char *invlist_change_text(const struct invlist_change *c)
{
	char before[32], after[32];
	money_format(c->before, MONEY_FR, before, sizeof(before));
	money_format(c->after, MONEY_FR, after, sizeof(after));
	switch (c->kind) {
	case INVLIST_GONE:
		return xasprintf(_("%s: no longer on the page, taken out of the selection"),
		                 c->number);
	case INVLIST_SETTLED:
		return xasprintf(_("%s: paid (balance 0), taken out of the selection"), c->number);
	case INVLIST_NOW_UNPAYABLE:
		return xasprintf(_("%s: can no longer be selected, taken out of the selection"),
		                 c->number);
	case INVLIST_BALANCE_CHANGED:
		return xasprintf(_("%s: the balance went from %s € to %s €"), c->number, before,
		                 after);
	}
	return xasprintf("%s : modifiée", c->number);
}

enum invlist_state invlist_state_of(const struct invoice_page *page, const char *number)
{
	long row = number ? find_row(page, number) : -1;
	if (row < 0)
		return INVLIST_STATE_ABSENT;
	return page->invoices[row].balance_cents > 0 ? INVLIST_STATE_DUE : INVLIST_STATE_SETTLED;
}

bool invlist_is_overdue(const struct invoice *inv, const struct date *today)
{
	return inv && today && inv->has_due && inv->balance_cents > 0 &&
	       date_compare(&inv->due, today) < 0;
}

static void append_field(struct strbuf *sb, const char *text)
{
	strbuf_puts(sb, text);
	strbuf_putc(sb, '\n');
}

bool invlist_matches(const struct invoice_page *page, size_t index, const char *needle)
{
	if (!needle || index >= page_rows(page))
		return false;
	char *want = fold_label(needle);
	if (!*want) {
		free(want);
		return false;
	}
	const struct invoice *inv = &page->invoices[index];
	struct strbuf sb = STRBUF_INIT;
	char buf[32];
	append_field(&sb, inv->number ? inv->number : "");
	append_field(&sb, regie_name(page, inv->regie_index));
	if (inv->has_date)
		append_field(&sb, date_to_fr(&inv->date, buf));
	if (inv->has_due)
		append_field(&sb, date_to_fr(&inv->due, buf));
	append_field(&sb, money_format(inv->amount_cents, MONEY_PLAIN, buf, sizeof(buf)));
	append_field(&sb, money_format(inv->balance_cents, MONEY_PLAIN, buf, sizeof(buf)));
	char *text = strbuf_detach(&sb);
	char *have = fold_label(text);
	bool found = strstr(have, want) != NULL;
	free(text);
	free(have);
	free(want);
	return found;
}
