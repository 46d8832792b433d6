/* Unit tests for invlist.c: the invoice selection, totals by régie, the régie a payment takes, re-reads. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "invlist.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* One row of a hand-made invoice page. */
struct row {
	size_t regie;
	const char *number;
	int64_t balance;
	bool checkbox, enabled, served;
	const char *due; /* dd/mm/yyyy or NULL */
};

/* An invoice page built from rows (grouped by régie, in order), with the
 * portal's Solde dû printed for each régie. */
static struct invoice_page *make_page(const struct row *rows, size_t n, size_t nregies)
{
	static const char *const names[] = { "MAIRIE SERVICE ENFANCE JEUNESSE", "CENTRE DE LOISIRS",
		                             "RESTAURATION" };
	struct invoice_page *p = calloc(1, sizeof(*p));
	p->invoices = calloc(n ? n : 1, sizeof(struct invoice));
	p->ninvoices = n;
	p->regies = calloc(nregies ? nregies : 1, sizeof(struct regie));
	p->nregies = nregies;
	for (size_t r = 0; r < nregies; r++) {
		p->regies[r].name = strdup(names[r]);
		p->regies[r].first_invoice = n;
		p->regies[r].form_index = -1;
	}
	for (size_t i = 0; i < n; i++) {
		struct invoice *inv = &p->invoices[i];
		struct regie *r = &p->regies[rows[i].regie];
		inv->regie = strdup(r->name);
		inv->number = rows[i].number ? strdup(rows[i].number) : NULL;
		inv->amount_cents = inv->balance_cents = rows[i].balance;
		inv->has_checkbox = rows[i].checkbox;
		inv->selectable = rows[i].checkbox && rows[i].enabled;
		inv->selected = rows[i].served;
		inv->regie_index = rows[i].regie;
		inv->checkbox_control = -1;
		inv->has_due = rows[i].due && date_parse_fr(rows[i].due, &inv->due, NULL) == 0;
		if (r->first_invoice == n)
			r->first_invoice = i;
		r->ninvoices++;
		r->has_balance_due = true;
		r->balance_due_cents += rows[i].balance;
	}
	return p;
}

static void free_page(struct invoice_page **pp)
{
	struct invoice_page *p = *pp;
	for (size_t i = 0; i < p->ninvoices; i++) {
		free(p->invoices[i].regie);
		free(p->invoices[i].number);
	}
	for (size_t r = 0; r < p->nregies; r++)
		free(p->regies[r].name);
	free(p->invoices);
	free(p->regies);
	free(p);
	*pp = NULL;
}

/* The demo portal's page: the seed's two invoices, and a second régie with
 * one invoice due and one paid. */
/* A table, aligned by hand: */
/* clang-format off */
static const struct row demo_rows[] = {
	{ 0, "F2022-0912", 18199, true, true, true, "30/09/2022" },
	{ 0, "F2022-0388", 4412, true, true, false, "31/03/2022" },
	{ 1, "CL2022-0457", 3600, true, true, true, "07/10/2022" },
	{ 1, "CL2022-0315", 0, true, false, false, "31/07/2022" },
};
/* clang-format on */

static void test_null_and_empty(void **state)
{
	(void)state;
	char *why = NULL;
	struct invlist *l = invlist_new(NULL);
	assert_int_equal(invlist_count(l), 0);
	assert_int_equal(invlist_total(l), 0);
	assert_int_equal(invlist_regie_to_pay(l, -1), -1);
	assert_int_equal(invlist_regie_to_pay(l, 0), -1);
	assert_int_equal(invlist_regies_selected(l), 0);
	assert_false(invlist_is_selected(l, 0));
	assert_false(invlist_is_payable(l, 0));
	assert_int_equal(invlist_adopt_served(l), 0);
	assert_false(invlist_differs_from_served(l));
	assert_int_equal(invlist_toggle(l, 0, &why), INVLIST_NO_SUCH);
	assert_non_null(why);
	free(why);
	why = NULL;
	assert_int_equal(invlist_toggle_regie(l, 0, &why), INVLIST_NO_SUCH);
	free(why);
	assert_int_equal(invlist_toggle_number(l, NULL, NULL), INVLIST_NO_SUCH);
	assert_int_equal(invlist_toggle_number(l, "F1", NULL), INVLIST_NO_SUCH);
	const char **numbers;
	int64_t *balances;
	assert_int_equal(invlist_regie_selection(l, 0, &numbers, &balances), 0);
	assert_null(numbers);
	assert_null(balances);
	struct invlist_change *changes;
	assert_int_equal(invlist_reapply(l, NULL, &changes), 0);
	assert_null(changes);
	invlist_clear(l);
	invlist_free(&l);
	assert_null(l);
	invlist_free(&l);
	invlist_free(NULL);
	/* Functions taking NULL lists answer "nothing". */
	assert_int_equal(invlist_count(NULL), 0);
	assert_int_equal(invlist_total(NULL), 0);
	assert_int_equal(invlist_regie_to_pay(NULL, 0), -1);
	assert_int_equal(invlist_regie_count(NULL, 0), 0);
	assert_int_equal(invlist_regie_total(NULL, 0), 0);
	assert_int_equal(invlist_regies_selected(NULL), 0);
	assert_false(invlist_differs_from_served(NULL));
	assert_int_equal(invlist_regie_selection(NULL, 0, &numbers, &balances), 0);
	assert_null(numbers);
	assert_int_equal(invlist_toggle(NULL, 0, NULL), INVLIST_NO_SUCH);
	assert_int_equal(invlist_regie_balance(NULL, 0), 0);
	assert_int_equal(invlist_state_of(NULL, "F1"), INVLIST_STATE_ABSENT);
	assert_false(invlist_matches(NULL, 0, "F"));
	assert_false(invlist_is_overdue(NULL, NULL));
}

static void test_page_without_invoices(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(NULL, 0, 1);
	struct invlist *l = invlist_new(p);
	char *why = NULL;
	assert_int_equal(invlist_toggle_regie(l, 0, &why), INVLIST_NOTHING);
	assert_non_null(strstr(why, "MAIRIE"));
	free(why);
	assert_int_equal(invlist_toggle_regie(l, 1, NULL), INVLIST_NO_SUCH);
	assert_int_equal(invlist_regie_balance(p, 0), 0);
	assert_int_equal(invlist_regie_balance(p, 7), 0);
	invlist_free(&l);
	free_page(&p);
}

/* Each toggle of a row on the demo page, from an empty selection. */
static void test_toggle_table(void **state)
{
	(void)state;
	static const struct {
		size_t row;
		enum invlist_status want;
		int64_t total;
	} cases[] = {
		{ 0, INVLIST_OK, 18199 },
		{ 1, INVLIST_OK, 4412 },
		{ 2, INVLIST_OK, 3600 },
		{ 3, INVLIST_NOT_SELECTABLE, 0 }, /* paid: disabled checkbox */
		{ 4, INVLIST_NO_SUCH, 0 },
		{ (size_t)-1, INVLIST_NO_SUCH, 0 },
	};
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct invlist *l = invlist_new(p);
		char *why = NULL;
		enum invlist_status got = invlist_toggle(l, cases[i].row, &why);
		if (got != cases[i].want)
			fail_msg("row %zu: status %d, want %d", cases[i].row, got, cases[i].want);
		assert_int_equal(invlist_total(l), cases[i].total);
		assert_true(got == INVLIST_OK ? why == NULL : why != NULL);
		assert_int_equal(invlist_is_selected(l, cases[i].row), got == INVLIST_OK);
		/* Toggling again undoes it. */
		if (got == INVLIST_OK) {
			assert_int_equal(invlist_toggle(l, cases[i].row, NULL), INVLIST_OK);
			assert_int_equal(invlist_count(l), 0);
			assert_int_equal(invlist_regies_selected(l), 0);
		}
		free(why);
		invlist_free(&l);
	}
	free_page(&p);
}

static void test_unpayable_kinds(void **state)
{
	(void)state;
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct row rows[] = {
		{ 0, "A1", 100, false, false, false, NULL }, /* no checkbox */
		{ 0, "A2", 100, true, false, false, NULL },  /* disabled */
		{ 0, "A3", 0, true, true, false, NULL },     /* nothing due */
		{ 0, "A4", -500, true, true, false, NULL },  /* credit */
		{ 0, "", 100, true, true, false, NULL },     /* no number */
		{ 0, NULL, 100, true, true, false, NULL },
		{ 0, "A7", 100, true, true, false, NULL },
		{ 0, "A7", 200, true, true, false, NULL },   /* printed twice */
	};
	/* clang-format on */
	static const enum invlist_status want[] = {
		INVLIST_NOT_SELECTABLE, INVLIST_NOT_SELECTABLE, INVLIST_NOT_SELECTABLE,
		INVLIST_NOT_SELECTABLE, INVLIST_NOT_SELECTABLE, INVLIST_NOT_SELECTABLE,
		INVLIST_DUPLICATE,      INVLIST_DUPLICATE,
	};
	struct invoice_page *p = make_page(rows, COUNT(rows), 1);
	struct invlist *l = invlist_new(p);
	for (size_t i = 0; i < COUNT(rows); i++) {
		char *why = NULL;
		enum invlist_status got = invlist_toggle(l, i, &why);
		/* The first of two rows printing the same number is fine; the
		 * second is not: A7 is payable once. */
		enum invlist_status expect = i == 6 ? INVLIST_OK : want[i];
		if (got != expect)
			fail_msg("row %zu: status %d, want %d", i, got, expect);
		assert_true(got == INVLIST_OK || (why && *why));
		free(why);
	}
	assert_int_equal(invlist_count(l), 1);
	assert_int_equal(invlist_total(l), 100);
	invlist_free(&l);
	free_page(&p);
}

/* Two régies side by side: each keeps its selection and its own total; a
 * payment takes the régie under the cursor, else the only one selected. */
static void test_regies_side_by_side(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	struct invlist *l = invlist_new(p);
	char *why = NULL;
	assert_int_equal(invlist_toggle(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_toggle(l, 2, &why), INVLIST_OK);
	assert_null(why);
	assert_int_equal(invlist_count(l), 2);
	assert_int_equal(invlist_regies_selected(l), 2);
	assert_int_equal(invlist_regie_count(l, 0), 1);
	assert_int_equal(invlist_regie_count(l, 1), 1);
	assert_int_equal(invlist_regie_total(l, 0), 18199);
	assert_int_equal(invlist_regie_total(l, 1), 3600);
	assert_int_equal(invlist_total(l), 21799);
	static const struct {
		long preferred, want;
	} both[] = {
		{ 0, 0 },
		{ 1, 1 },
		{ -1, -1 }, /* no cursor régie, two selected: ambiguous */
		{ 7, -1 },  /* unknown régie: ambiguous too */
	};
	for (size_t i = 0; i < COUNT(both); i++)
		if (invlist_regie_to_pay(l, both[i].preferred) != both[i].want)
			fail_msg("preferred %ld: got %ld, want %ld", both[i].preferred,
			         invlist_regie_to_pay(l, both[i].preferred), both[i].want);
	const char **numbers;
	int64_t *balances;
	assert_int_equal(invlist_regie_selection(l, 1, &numbers, &balances), 1);
	assert_string_equal(numbers[0], "CL2022-0457");
	assert_int_equal(balances[0], 3600);
	free(numbers);
	free(balances);
	/* The first régie emptied: the second is the only one, wherever the
	 * cursor is. */
	assert_int_equal(invlist_toggle(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_regie_to_pay(l, 0), 1);
	assert_int_equal(invlist_regie_to_pay(l, -1), 1);
	assert_int_equal(invlist_regie_selection(l, 0, &numbers, &balances), 0);
	assert_null(numbers);
	/* A whole régie's toggle leaves the other régie alone. */
	assert_int_equal(invlist_toggle_regie(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_regie_total(l, 0), 22611);
	assert_int_equal(invlist_regie_total(l, 1), 3600);
	invlist_free(&l);
	free_page(&p);
}

/* Three régies, two selected, the cursor on the third: ambiguous. */
static void test_regie_to_pay_ambiguous(void **state)
{
	(void)state;
	/* A table, aligned by hand: */
	/* clang-format off */
	static const struct row rows[] = {
		{ 0, "A1", 100, true, true, true, NULL },
		{ 1, "B1", 200, true, true, false, NULL },
		{ 2, "C1", 300, true, true, true, NULL },
	};
	/* clang-format on */
	struct invoice_page *p = make_page(rows, COUNT(rows), 3);
	struct invlist *l = invlist_new(p);
	assert_int_equal(invlist_adopt_served(l), 2);
	assert_int_equal(invlist_regie_to_pay(l, 1), -1);
	assert_int_equal(invlist_regie_to_pay(l, 2), 2);
	assert_int_equal(invlist_regie_to_pay(l, 0), 0);
	/* One of them unchecked: the cursor's empty régie pays the other. */
	assert_int_equal(invlist_toggle_number(l, "C1", NULL), INVLIST_OK);
	assert_int_equal(invlist_regie_to_pay(l, 1), 0);
	invlist_free(&l);
	free_page(&p);
}

/* The seed as served: F2022-0912 (181,99) and CL2022-0457 (36,00) in two
 * régies, both kept; 226,11 in the first once F2022-0388 is added. */
static void test_served_then_toggle_total(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	struct invlist *l = invlist_new(p);
	assert_int_equal(invlist_adopt_served(l), 2);
	assert_true(invlist_is_selected(l, 0));
	assert_true(invlist_is_selected(l, 2));
	assert_false(invlist_differs_from_served(l));
	assert_int_equal(invlist_regie_total(l, 0), 18199);
	assert_int_equal(invlist_regie_total(l, 1), 3600);
	assert_int_equal(invlist_toggle_number(l, "F2022-0388", NULL), INVLIST_OK);
	assert_true(invlist_differs_from_served(l));
	assert_int_equal(invlist_regie_total(l, 0), 22611);
	assert_int_equal(invlist_regie_total(l, 1), 3600);
	assert_int_equal(invlist_regie_balance(p, 0), 22611);
	assert_int_equal(invlist_regie_balance(p, 1), 3600);
	const char **numbers;
	int64_t *balances;
	assert_int_equal(invlist_regie_selection(l, 0, &numbers, &balances), 2);
	assert_string_equal(numbers[0], "F2022-0912"); /* page order */
	assert_string_equal(numbers[1], "F2022-0388");
	assert_int_equal(balances[0], 18199);
	assert_int_equal(balances[1], 4412);
	free(numbers);
	free(balances);
	/* Toggled back: the selection is the served one again. */
	assert_int_equal(invlist_toggle_number(l, "F2022-0388", NULL), INVLIST_OK);
	assert_false(invlist_differs_from_served(l));
	/* Unchecking a served invoice is a change too. */
	assert_int_equal(invlist_toggle_number(l, "CL2022-0457", NULL), INVLIST_OK);
	assert_true(invlist_differs_from_served(l));
	invlist_clear(l);
	assert_true(invlist_differs_from_served(l));
	invlist_free(&l);
	free_page(&p);
}

static void test_toggle_regie(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	struct invlist *l = invlist_new(p);
	/* Partly selected → all; all → none. */
	assert_int_equal(invlist_toggle(l, 1, NULL), INVLIST_OK);
	assert_int_equal(invlist_toggle_regie(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), 2);
	assert_int_equal(invlist_total(l), 22611);
	assert_int_equal(invlist_toggle_regie(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), 0);
	/* The paid invoice of the second régie is never taken. */
	assert_int_equal(invlist_toggle_regie(l, 1, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), 1);
	assert_true(invlist_is_selected(l, 2));
	assert_false(invlist_is_selected(l, 3));
	invlist_clear(l);
	assert_int_equal(invlist_count(l), 0);
	assert_false(invlist_is_selected(l, 2));
	invlist_free(&l);
	free_page(&p);
}

/* A re-read: what each kind of change does to a selection of F2022-0912 and
 * F2022-0388. */
static void test_reapply_table(void **state)
{
	(void)state;
	static const struct {
		const char *what;
		struct row fresh[2];
		size_t nfresh;
		size_t nchanges;
		enum invlist_change_kind kind; /* of the change to F2022-0388 */
		size_t kept;
		int64_t total;
	} cases[] = {
		{ "unchanged",
		  { { 0, "F2022-0912", 18199, true, true, false, NULL },
		    { 0, "F2022-0388", 4412, true, true, false, NULL } },
		  2,
		  0,
		  0,
		  2,
		  22611 },
		{ "paid",
		  { { 0, "F2022-0912", 18199, true, true, false, NULL },
		    { 0, "F2022-0388", 0, true, false, false, NULL } },
		  2,
		  1,
		  INVLIST_SETTLED,
		  1,
		  18199 },
		{ "gone",
		  { { 0, "F2022-0912", 18199, true, true, false, NULL } },
		  1,
		  1,
		  INVLIST_GONE,
		  1,
		  18199 },
		{ "disabled",
		  { { 0, "F2022-0912", 18199, true, true, false, NULL },
		    { 0, "F2022-0388", 4412, true, false, false, NULL } },
		  2,
		  1,
		  INVLIST_NOW_UNPAYABLE,
		  1,
		  18199 },
		{ "new balance",
		  { { 0, "F2022-0912", 18199, true, true, false, NULL },
		    { 0, "F2022-0388", 2000, true, true, false, NULL } },
		  2,
		  1,
		  INVLIST_BALANCE_CHANGED,
		  2,
		  20199 },
		{ "moved régie", /* kept: a selection may span régies */
		  { { 0, "F2022-0912", 18199, true, true, false, NULL },
		    { 1, "F2022-0388", 4412, true, true, false, NULL } },
		  2,
		  0,
		  0,
		  2,
		  22611 },
		{ "reordered",
		  { { 0, "F2022-0388", 4412, true, true, false, NULL },
		    { 0, "F2022-0912", 18199, true, true, false, NULL } },
		  2,
		  0,
		  0,
		  2,
		  22611 },
	};
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	for (size_t i = 0; i < COUNT(cases); i++) {
		struct invlist *l = invlist_new(p);
		invlist_toggle_regie(l, 0, NULL);
		struct invoice_page *fresh = make_page(cases[i].fresh, cases[i].nfresh, 2);
		struct invlist_change *changes = NULL;
		size_t n = invlist_reapply(l, fresh, &changes);
		if (n != cases[i].nchanges)
			fail_msg("%s: %zu changes, want %zu", cases[i].what, n, cases[i].nchanges);
		if (n) {
			assert_string_equal(changes[0].number, "F2022-0388");
			assert_int_equal(changes[0].kind, cases[i].kind);
			assert_int_equal(changes[0].before, 4412);
			char *text = invlist_change_text(&changes[0]);
			assert_non_null(strstr(text, "F2022-0388"));
			free(text);
		}
		if (invlist_count(l) != cases[i].kept || invlist_total(l) != cases[i].total)
			fail_msg("%s: kept %zu (%lld), want %zu (%lld)", cases[i].what,
			         invlist_count(l), (long long)invlist_total(l), cases[i].kept,
			         (long long)cases[i].total);
		/* The rows follow the numbers, not the old positions. */
		for (size_t r = 0; r < fresh->ninvoices; r++)
			assert_int_equal(
			        invlist_is_selected(l, r),
			        strcmp(fresh->invoices[r].number, "F2022-0912") == 0 ||
			                (cases[i].kept == 2 &&
			                 strcmp(fresh->invoices[r].number, "F2022-0388") == 0));
		invlist_changes_free(&changes, n);
		assert_null(changes);
		invlist_free(&l);
		free_page(&fresh);
	}
	free_page(&p);
}

/* The page the selection was made on may be freed before the re-read: the
 * selection keeps its own copy of the numbers. */
static void test_reapply_after_old_page_freed(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	struct invlist *l = invlist_new(p);
	invlist_adopt_served(l);
	free_page(&p);
	struct invoice_page *fresh = make_page(demo_rows, COUNT(demo_rows), 2);
	struct invlist_change *changes;
	assert_int_equal(invlist_reapply(l, fresh, &changes), 0);
	assert_true(invlist_is_selected(l, 0));
	assert_true(invlist_is_selected(l, 2));
	assert_int_equal(invlist_total(l), 21799);
	/* And onto nothing at all: everything is gone. */
	assert_int_equal(invlist_reapply(l, NULL, &changes), 2);
	assert_int_equal(changes[0].kind, INVLIST_GONE);
	assert_int_equal(changes[1].kind, INVLIST_GONE);
	invlist_changes_free(&changes, 2);
	assert_int_equal(invlist_count(l), 0);
	invlist_free(&l);
	free_page(&fresh);
}

static void test_state_and_overdue(void **state)
{
	(void)state;
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	assert_int_equal(invlist_state_of(p, "F2022-0912"), INVLIST_STATE_DUE);
	assert_int_equal(invlist_state_of(p, "CL2022-0315"), INVLIST_STATE_SETTLED);
	assert_int_equal(invlist_state_of(p, "F1999-0001"), INVLIST_STATE_ABSENT);
	assert_int_equal(invlist_state_of(p, NULL), INVLIST_STATE_ABSENT);
	static const struct {
		size_t row;
		struct date today;
		bool overdue;
	} cases[] = {
		{ 0, { 2022, 9, 30 }, false }, /* due today: not late yet */
		{ 0, { 2022, 10, 1 }, true },  { 1, { 2022, 3, 1 }, false },
		{ 1, { 2023, 1, 1 }, true },   { 3, { 2030, 1, 1 }, false }, /* paid: never late */
	};
	for (size_t i = 0; i < COUNT(cases); i++)
		if (invlist_is_overdue(&p->invoices[cases[i].row], &cases[i].today) !=
		    cases[i].overdue)
			fail_msg("case %zu", i);
	struct invoice no_due = { .balance_cents = 100 };
	assert_false(invlist_is_overdue(&no_due, &cases[1].today));
	free_page(&p);
}

static void test_matches(void **state)
{
	(void)state;
	static const struct {
		size_t row;
		const char *needle;
		bool match;
	} cases[] = {
		{ 0, NULL, false },     { 0, "", false },      { 0, " - ", false },
		{ 0, "0912", true },    { 0, "f2022", true },  { 1, "0388", true },
		{ 0, "0388", false },   { 0, "181,99", true }, { 0, "30/09", true },
		{ 2, "loisirs", true }, { 0, "Mairie", true }, { 0, "enfance jeunesse", true },
		{ 9, "F", false },
	};
	struct invoice_page *p = make_page(demo_rows, COUNT(demo_rows), 2);
	for (size_t i = 0; i < COUNT(cases); i++)
		if (invlist_matches(p, cases[i].row, cases[i].needle) != cases[i].match)
			fail_msg("row %zu \"%s\": want %d", cases[i].row,
			         cases[i].needle ? cases[i].needle : "(null)", cases[i].match);
	free_page(&p);
}

/* Thousands of invoices: selecting a whole régie stays fast and right. */
static void test_large_page(void **state)
{
	(void)state;
	enum {
		N = 5000
	};
	struct row *rows = calloc(N, sizeof(*rows));
	char(*numbers)[16] = calloc(N, 16);
	for (size_t i = 0; i < N; i++) {
		snprintf(numbers[i], 16, "F%05zu", N - i);
		rows[i] = (struct row){ 0, numbers[i], 100, true, true, false, NULL };
	}
	struct invoice_page *p = make_page(rows, N, 1);
	struct invlist *l = invlist_new(p);
	assert_int_equal(invlist_toggle_regie(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), N);
	assert_int_equal(invlist_total(l), 100 * N);
	assert_int_equal(invlist_toggle(l, N / 2, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), N - 1);
	assert_int_equal(invlist_toggle_regie(l, 0, NULL), INVLIST_OK);
	assert_int_equal(invlist_count(l), N);
	invlist_free(&l);
	free_page(&p);
	free(rows);
	free(numbers);
}

int main(void)
{
	/* A table, aligned by hand: */
	/* clang-format off */
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_null_and_empty),
		cmocka_unit_test(test_page_without_invoices),
		cmocka_unit_test(test_toggle_table),
		cmocka_unit_test(test_unpayable_kinds),
		cmocka_unit_test(test_regies_side_by_side),
		cmocka_unit_test(test_regie_to_pay_ambiguous),
		cmocka_unit_test(test_served_then_toggle_total),
		cmocka_unit_test(test_toggle_regie),
		cmocka_unit_test(test_reapply_table),
		cmocka_unit_test(test_reapply_after_old_page_freed),
		cmocka_unit_test(test_state_and_overdue),
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_large_page),
	};
	/* clang-format on */
	return cmocka_run_group_tests(tests, NULL, NULL);
}
