/* "Payer mes factures": invoices by régie, checkboxes, live total; the shared invoice state. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/invoices.h"
#include "portal/reminders.h"
#include "app/invoice_words.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/text.h"

enum row_kind {
	R_WARNING,
	R_EMPTY,
	R_REGIE,
	R_COLHEAD,
	R_INVOICE,
	R_BALANCE,
	R_TOTAL,
	R_BLANK,
	R_LEGEND
};

struct inv_row {
	enum row_kind kind;
	size_t index; /* invoice, régie, or legend line */
};

struct inv_view {
	struct inv_row *rows;
	size_t nrows;
	unsigned built_gen; /* rows match this read of the invoices (0: none) */
	/* This read was first on the terminal in frame shown_frame: Enter pays
	 * only if pressed since (ui_key_pressed_since). */
	unsigned shown_gen, shown_frame;
	struct ui_list list;
	struct ui *ui;
	struct date today;
};

/* Column widths for the body's width: the portal's headers when they fit. */
struct columns {
	int num, date, due, amount, balance, sel;
	bool long_headers;
};

#define LEGEND_ENTER 2 /* the line that says what Enter pays */
static const char *const legend[] = {
	N_("! overdue   [x] selected   - not payable online"),
	N_("envoi: already sent to payment, waiting for the portal"),
	N_("Enter: pay the checked invoices of the régie under the cursor"),
	N_("~ due within 7 days"),
	N_("d: save the invoice's PDF in the Downloads folder"),
};

/* ---- shared invoice state ---- */

static bool still_due(const char *number, void *ctx)
{
	const struct ui *ui = ctx;
	return invlist_state_of(ui->invoices, number) == INVLIST_STATE_DUE;
}

void ui_pending_update(struct ui *ui)
{
	pay_pending_keep(&ui->pending, still_due, ui);
}

char *ui_invoices_replace(struct ui *ui, struct invoice_page *fresh)
{
	struct invlist_change *changes = NULL;
	size_t n = 0;
	if (!ui->selection)
		ui->selection = invlist_new(fresh);
	else
		n = invlist_reapply(ui->selection, fresh, &changes);
	invoice_page_free(&ui->invoices);
	ui->invoices = fresh;
	ui->invoices_gen++;
	ui->has_balance = true;
	ui->balance_cents = invoice_page_balance_due(fresh);
	ui_pending_update(ui);
	if (n == 0)
		return NULL;
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < n; i++) {
		char *t = invlist_change_text(&changes[i]);
		strbuf_printf(&sb, "%s%s", i ? " ; " : "", t);
		free(t);
	}
	invlist_changes_free(&changes, n);
	return strbuf_detach(&sb);
}

/* ---- rows ---- */

static void add_row(struct inv_view *v, enum row_kind kind, size_t index)
{
	v->rows = xreallocarray(v->rows, v->nrows + 1, sizeof(*v->rows));
	v->rows[v->nrows++] = (struct inv_row){ kind, index };
}

static void build_rows(struct inv_view *v, const struct invoice_page *page)
{
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	v->built_gen = v->ui->invoices_gen;
	if (!page)
		return;
	for (size_t i = 0; i < page->nwarnings; i++)
		add_row(v, R_WARNING, i);
	if (page->ninvoices == 0)
		add_row(v, R_EMPTY, 0);
	for (size_t r = 0; r < page->nregies; r++) {
		const struct regie *g = &page->regies[r];
		add_row(v, R_REGIE, r);
		if (!v->ui->term.plain) /* --plain: each row names its fields */
			add_row(v, R_COLHEAD, r);
		for (size_t i = g->first_invoice;
		     i < g->first_invoice + g->ninvoices && i < page->ninvoices; i++)
			add_row(v, R_INVOICE, i);
		add_row(v, R_BALANCE, r);
		add_row(v, R_TOTAL, r);
		add_row(v, R_BLANK, r);
	}
	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++)
		if (!v->ui->term.plain || i == LEGEND_ENTER) /* --plain: no symbols to explain */
			add_row(v, R_LEGEND, i);
}

static size_t inv_count(void *ctx)
{
	return ((struct inv_view *)ctx)->nrows;
}

static bool inv_can_rest(void *ctx, size_t row)
{
	return ((struct inv_view *)ctx)->rows[row].kind == R_INVOICE;
}

static bool inv_matches(void *ctx, size_t row, const char *needle)
{
	struct inv_view *v = ctx;
	return v->rows[row].kind == R_INVOICE &&
	       invlist_matches(v->ui->invoices, v->rows[row].index, needle);
}

/* ---- drawing ---- */

/* One leading space, two between columns, none after the last. */
static struct columns columns_for(int width)
{
	struct columns c = { 0, 10, 13, 10, 10, 9, false };
	if (width >= 100)
		c = (struct columns){ 0, 18, 16, 11, 11, 9, true };
	else if (width < 73) /* under 80 columns: no invoice date, narrower cells */
		c = (struct columns){ 0, 0, 12, 10, 9, 7, false };
	int fixed = 1 + c.date + c.due + c.amount + c.balance + c.sel + 2 * (c.date ? 5 : 4);
	c.num = width - fixed;
	if (c.num > 24)
		c.num = 24;
	if (c.num < 8)
		c.num = 8;
	return c;
}

/* Spaces drawn with attr (whline would ignore the attribute, leaving holes
 * in the cursor bar). */
static void blank(WINDOW *w, int y, int x, int n, attr_t attr)
{
	if (n <= 0)
		return;
	wattrset(w, attr);
	mvwprintw(w, y, x, "%*s", n, "");
	wattrset(w, A_NORMAL);
}

/* Draws a cell over a row already blanked; x advances past it and its gap.
 * end is the row's last column + 1: nothing is written past it. */
static void cell(WINDOW *w, int y, int *x, int end, int width, const char *text, attr_t a,
                 enum ui_align align)
{
	if (width == 0)
		return; /* a column left out (narrow window) */
	if (width > end - *x)
		width = end - *x;
	if (width > 0)
		ui_put_aligned(w, y, *x, width, text, a, align);
	*x += width + 2;
}

/* The headers, "Solde dû" and "Total à régler" are the portal's own words,
 * shown as the portal writes them whatever the program's language. */
static void draw_colhead(WINDOW *w, int y, int x, int width, const struct columns *c)
{
	attr_t a = ui_attr(UI_DIM) | A_UNDERLINE;
	int cx = x + 1, end = x + width;
	blank(w, y, x, width, A_NORMAL);
	cell(w, y, &cx, end, c->num, c->long_headers ? "N° de la facture" : "N° facture", a,
	     UI_LEFT);
	cell(w, y, &cx, end, c->date, c->long_headers ? "Date de la facture" : "Date", a, UI_LEFT);
	cell(w, y, &cx, end, c->due, c->long_headers ? "A payer avant le" : "À payer avant", a,
	     UI_LEFT);
	cell(w, y, &cx, end, c->amount, "Montant dû", a, UI_RIGHT);
	cell(w, y, &cx, end, c->balance, "Solde", a, UI_RIGHT);
	cell(w, y, &cx, end, c->sel, "Sélection", a, UI_CENTER);
}

static const char *selection_cell(struct inv_view *v, size_t i, attr_t *a, char *buf, size_t size)
{
	const struct invoice *inv = &v->ui->invoices->invoices[i];
	if (invlist_is_payable(v->ui->selection, i)) {
		bool on = invlist_is_selected(v->ui->selection, i);
		*a = on ? ui_attr(UI_SELECTED) : A_NORMAL;
		snprintf(buf, size, "%s%s", on ? "[x]" : "[ ]",
		         pay_pending_has(&v->ui->pending, inv->number) ? " envoi" : "");
		return buf;
	}
	if (inv->balance_cents <= 0) {
		*a = ui_attr(UI_PAID);
		snprintf(buf, size, _("paid %s"), ui_glyph(G_PAID));
		return buf;
	}
	*a = ui_attr(UI_DIM);
	return "-";
}

/* --plain: the invoice in words (app/invoice_words), the selection as it
 * stands now; the terminal cursor rests on this row (ui/loop). */
static void draw_invoice_words(struct inv_view *v, WINDOW *w, int y, int x, int width, size_t i,
                               bool current)
{
	const struct invoice *inv = &v->ui->invoices->invoices[i];
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, invoice_selection_words(inv, invlist_is_payable(v->ui->selection, i),
	                                         invlist_is_selected(v->ui->selection, i)));
	if (pay_pending_has(&v->ui->pending, inv->number))
		strbuf_printf(&sb, ", %s", _("already sent to payment"));
	char *line = invoice_words(inv, &v->today, sb.data, INVOICE_ROW);
	blank(w, y, x, width, current ? A_REVERSE : A_NORMAL);
	ui_put(w, y, x + 1, width - 1, line, current ? A_REVERSE : A_NORMAL, true);
	free(line);
	strbuf_release(&sb);
}

static void draw_invoice(struct inv_view *v, WINDOW *w, int y, int x, int width, size_t i,
                         bool current)
{
	if (v->ui->term.plain) {
		draw_invoice_words(v, w, y, x, width, i, current);
		return;
	}
	const struct invoice *inv = &v->ui->invoices->invoices[i];
	struct columns c = columns_for(width);
	attr_t base = current ? A_REVERSE : A_NORMAL;
	char date[16] = "", due[24] = "", amount[32], balance[32], sel[32];
	if (inv->has_date)
		date_to_fr(&inv->date, date);
	bool late = invlist_is_overdue(inv, &v->today);
	bool soon = invoice_is_due_soon(inv, &v->today, REMINDER_DEFAULT_DAYS);
	if (inv->has_due) {
		date_to_fr(&inv->due, due);
		if (late)
			strcat(due, " !");
		else if (soon)
			strcat(due, " ~");
	}
	money_format(inv->amount_cents, MONEY_FR, amount, sizeof(amount));
	money_format(inv->balance_cents, MONEY_FR, balance, sizeof(balance));
	attr_t sel_attr = A_NORMAL;
	const char *sel_text = selection_cell(v, i, &sel_attr, sel, sizeof(sel));
	bool dim = !invlist_is_payable(v->ui->selection, i) && inv->balance_cents > 0;
	attr_t text = base | (dim ? ui_attr(UI_DIM) : A_NORMAL);
	int cx = x + 1, end = x + width;
	blank(w, y, x, width, base);
	cell(w, y, &cx, end, c.num, inv->number ? inv->number : "", text, UI_LEFT);
	cell(w, y, &cx, end, c.date, date, text, UI_LEFT);
	attr_t due_attr = late ? ui_attr(UI_OVERDUE) : soon ? ui_attr(UI_HEADING) : text;
	cell(w, y, &cx, end, c.due, due, base | due_attr, UI_LEFT);
	cell(w, y, &cx, end, c.amount, amount, text, UI_RIGHT);
	cell(w, y, &cx, end, c.balance, balance, text, UI_RIGHT);
	/* Under the reverse bar, the check needs no colour of its own: two
	 * colour changes fewer a toggle. */
	if (current)
		sel_attr &= ~A_COLOR;
	cell(w, y, &cx, end, c.sel, sel_text, base | sel_attr, UI_CENTER);
}

/* "Solde dû" and "Total à régler" rows: label under the amount column,
 * value under "Solde" as on the portal. */
static void draw_sum(struct inv_view *v, WINDOW *w, int y, int x, int width, const char *label,
                     int64_t cents, attr_t a)
{
	struct columns c = columns_for(width);
	char amount[32];
	money_format(cents, MONEY_FR, amount, sizeof(amount));
	/* The label ends where "Montant dû" ends, the value is under "Solde". */
	int label_end = x + 1 + c.num + c.date + c.due + c.amount + 2 * (c.date ? 3 : 2);
	blank(w, y, x, width, A_NORMAL);
	ui_put_aligned(w, y, x + 1, label_end - x - 1, label, a, UI_RIGHT);
	ui_put_aligned(w, y, label_end + 2, c.balance, amount, a, UI_RIGHT);
}

static void inv_draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct inv_view *v = ctx;
	const struct invoice_page *page = v->ui->invoices;
	const struct inv_row *r = &v->rows[row];
	struct columns c = columns_for(width);
	switch (r->kind) {
	case R_WARNING:
		ui_put(w, y, x, width, page->warnings[r->index], ui_attr(UI_ERROR), true);
		break;
	case R_EMPTY: ui_put(w, y, x, width, _("No invoices."), A_NORMAL, true); break;
	case R_REGIE:
		ui_put(w, y, x, width, page->regies[r->index].name, ui_attr(UI_HEADING), true);
		break;
	case R_COLHEAD: draw_colhead(w, y, x, width, &c); break;
	case R_INVOICE: draw_invoice(v, w, y, x, width, r->index, current); break;
	case R_BALANCE:
		draw_sum(v, w, y, x, width, "Solde dû :", invlist_regie_balance(page, r->index),
		         A_NORMAL);
		break;
	case R_TOTAL:
		draw_sum(v, w, y, x, width,
		         "Total à régler :", invlist_regie_total(v->ui->selection, r->index),
		         ui_attr(UI_HEADING));
		break;
	case R_BLANK: blank(w, y, x, width, A_NORMAL); break;
	case R_LEGEND: ui_put(w, y, x, width, _(legend[r->index]), ui_attr(UI_DIM), true); break;
	}
}

static const struct ui_list_ops inv_list_ops = { inv_count, inv_draw_row, inv_can_rest,
	                                         inv_matches };

/* Before the first read succeeds, the body says why it failed in full:
 * the status line cuts long causes at 80 columns. */
static void draw_unread(struct ui *ui)
{
	int width = ui_body_cols(ui) - 4;
	if (!ui->invoices_error) {
		ui_put(ui->body, 1, 2, width, _("Reading the invoices..."), A_NORMAL, false);
		return;
	}
	ui_put(ui->body, 1, 2, width, _("The invoices could not be read:"), A_BOLD, false);
	char **lines = NULL;
	size_t n = ui_text_wrap(ui->invoices_error, (size_t)width, &lines);
	int y = 3, last = ui_body_rows(ui) - 3;
	for (size_t i = 0; i < n && y <= last; i++)
		ui_put(ui->body, y++, 2, width, lines[i], A_NORMAL, false);
	ui_text_lines_free(lines, n);
	ui_put(ui->body, y + 1, 2, width, _("r: try again    Esc: back"), A_NORMAL, false);
}

static void invoices_draw(struct ui *ui, struct screen *s)
{
	struct inv_view *v = s->state;
	werase(ui->body);
	if (!ui->invoices) {
		draw_unread(ui);
		return;
	}
	if (v->built_gen != ui->invoices_gen) {
		build_rows(v, ui->invoices);
		ui_list_clamp(&v->list);
	}
	if (v->shown_gen != ui->invoices_gen || !v->shown_frame) {
		v->shown_gen = ui->invoices_gen;
		v->shown_frame = ui_frame_showing_fresh(ui);
	}
	ui_list_place(&v->list, ui->body, 0, 1, ui_body_rows(ui), ui_body_cols(ui) - 2);
	ui_list_draw(&v->list);
}

/* ---- keys ---- */

static long row_of(const struct inv_view *v, enum row_kind kind, size_t index)
{
	for (size_t r = 0; r < v->nrows; r++)
		if (v->rows[r].kind == kind && v->rows[r].index == index)
			return (long)r;
	return -1;
}

/* After a toggle: the rows of régie g and its total, nothing else. */
static void redraw_regie(struct inv_view *v, size_t g)
{
	const struct regie *regie = &v->ui->invoices->regies[g];
	for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices; i++) {
		long r = row_of(v, R_INVOICE, i);
		if (r >= 0)
			ui_list_draw_row(&v->list, (size_t)r);
	}
	long t = row_of(v, R_TOTAL, g);
	if (t >= 0)
		ui_list_draw_row(&v->list, (size_t)t);
}

static int toggle(struct ui *ui, struct inv_view *v, bool whole_regie)
{
	if (!ui->invoices || v->list.cur >= v->nrows || v->rows[v->list.cur].kind != R_INVOICE)
		return UI_HANDLED;
	size_t i = v->rows[v->list.cur].index;
	size_t g = ui->invoices->invoices[i].regie_index;
	char *why = NULL;
	enum invlist_status st = whole_regie ? invlist_toggle_regie(ui->selection, g, &why)
	                                     : invlist_toggle(ui->selection, i, &why);
	if (st != INVLIST_OK) {
		ui_status_error(ui, "%s", why ? why : _("impossible"));
		free(why);
		return UI_HANDLED;
	}
	if (whole_regie) {
		redraw_regie(v, g);
	} else {
		ui_list_draw_row(&v->list, v->list.cur);
		long t = row_of(v, R_TOTAL, g);
		if (t >= 0)
			ui_list_draw_row(&v->list, (size_t)t);
	}
	return UI_HANDLED;
}

static enum exit_code read_run(struct ui *ui, void *arg, char **errp)
{
	struct invoice_page **page = arg;
	return portal_read_invoices(ui->ctx.portal, page, NULL, errp);
}

/* A reading becomes the invoices: the first takes the portal's checks, in
 * every régie, as served. Returns what changed since the last one. */
static char *take_reading(struct ui *ui, struct invoice_page *page, bool *first)
{
	char *changes = ui_invoices_replace(ui, page);
	free(ui->invoices_error);
	ui->invoices_error = NULL;
	ui->invoices_prefetched = 0;
	*first = !ui->selection_adopted;
	if (*first) {
		ui->selection_adopted = true;
		invlist_adopt_served(ui->selection);
	}
	return changes;
}

static void read_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct invoice_page **page = arg;
	if (!ui || rc != EXIT_OK) {
		if (ui) {
			free(ui->invoices_error);
			ui->invoices_error = ui_text_safe(err ? err : _("error"));
			ui_status_error(ui, _("Invoices: %s (r: try again)"),
			                err ? err : _("error"));
			ui_redraw(ui);
		}
		invoice_page_free(page);
		free(page);
		free(err);
		return;
	}
	bool first;
	char *changes = take_reading(ui, *page, &first);
	free(page);
	if (!first && changes)
		ui_status(ui, _("Since the last reading: %s"), changes);
	else if (!first)
		ui_status(ui, _("Invoices read again: nothing changed."));
	free(changes);
	ui_redraw(ui);
}

static time_t monotonic_s(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec;
}

/* A failed or cancelled background reading says nothing: the invoice
 * screen reads them itself, and says why it could not. */
static void prefetch_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct invoice_page **page = arg;
	free(err);
	if (ui && rc == EXIT_OK && !ui->invoices) {
		bool first;
		free(take_reading(ui, *page, &first));
		ui->invoices_prefetched = monotonic_s();
		ui_redraw(ui); /* the home screen's reminder lines */
	} else {
		invoice_page_free(page);
	}
	free(page);
}

void scr_invoices_prefetch(struct ui *ui)
{
	struct invoice_page **page = xcalloc(1, sizeof(*page));
	if (ui_job_start_background(ui, read_run, prefetch_done, page) < 0)
		free(page);
}

void scr_invoices_reread(struct ui *ui)
{
	const char *label = _("Reading the invoices...");
	/* The background reading under way is this one: waited for, not made twice. */
	if (ui_job_take_over(ui, read_run, label, read_done))
		return;
	struct invoice_page **page = xcalloc(1, sizeof(*page));
	if (ui_job_start(ui, label, read_run, read_done, page) < 0) {
		free(page);
		ui_status(ui, _("Please wait: a request is under way"));
	}
}

static void invoices_enter(struct ui *ui, struct screen *s)
{
	if (ui->invoices && ui->invoices_prefetched &&
	    monotonic_s() - ui->invoices_prefetched < UI_PREFETCH_FRESH_S) {
		ui->invoices_prefetched = 0; /* shown once: the next visit reads them */
		return;
	}
	scr_invoices_reread(ui);
}

/* The régie of the invoice under the cursor, -1 when there is none. */
static long cursor_regie(const struct inv_view *v)
{
	if (!v->ui->invoices || v->list.cur >= v->nrows || v->rows[v->list.cur].kind != R_INVOICE)
		return -1;
	return (long)v->ui->invoices->invoices[v->rows[v->list.cur].index].regie_index;
}

/* The invoice under the cursor, NULL when there is none. */
static const struct invoice *cursor_invoice(const struct inv_view *v)
{
	if (!v->ui->invoices || v->list.cur >= v->nrows || v->rows[v->list.cur].kind != R_INVOICE)
		return NULL;
	return &v->ui->invoices->invoices[v->rows[v->list.cur].index];
}

static int invoices_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct inv_view *v = s->state;
	switch (action) {
	case ACT_TOGGLE: return toggle(ui, v, false);
	case ACT_TOGGLE_REGIE: return toggle(ui, v, true);
	case ACT_DOWNLOAD:
		if (cursor_invoice(v))
			ui_download_invoice(ui, cursor_invoice(v));
		return UI_HANDLED;
	case ACT_ACTIVATE:
		/* The key that starts a payment is pressed with the invoices on
		 * the screen, not typed ahead while they loaded. */
		if (ui->invoices && !(v->shown_gen == ui->invoices_gen &&
		                      ui_key_pressed_since(ui, v->shown_frame))) {
			ui_status(ui, _("Enter typed before the invoices were shown: ignored."));
			return UI_HANDLED;
		}
		scr_pay_start(ui, cursor_regie(v));
		return UI_HANDLED;
	case ACT_REFRESH: scr_invoices_reread(ui); return UI_HANDLED;
	default: return UI_IGNORED;
	}
}

static struct ui_list *invoices_list(struct screen *s)
{
	return &((struct inv_view *)s->state)->list;
}

static void invoices_destroy(struct ui *ui, struct screen *s)
{
	struct inv_view *v = s->state;
	free(v->rows);
	free(v);
}

static const struct screen_ops invoices_ops = {
	.name = "factures",
	.scope = SCOPE_INVOICES,
	.enter = invoices_enter,
	.draw = invoices_draw,
	.key = invoices_key,
	.list = invoices_list,
	.destroy = invoices_destroy,
	.hints = N_("Space check  a régie  Enter pay  / search  r read again  ? help  q back"),
};

struct screen *scr_invoices_new(struct ui *ui)
{
	struct inv_view *v = xcalloc(1, sizeof(*v));
	v->ui = ui;
	v->today = date_today();
	ui_list_init(&v->list, &inv_list_ops, v);
	return ui_screen_new(&invoices_ops, v,
	                     "Accueil » Mon compte » Détail financier par facture", 5);
}
