/* Mon compte » Historique des règlements: the payments made, then each
 * year's sums per régie (what a tax return asks for). Read by a job. */
#include "config.h"

#include <libintl.h>
#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/payments.h"
#include "ui/app.h"
#include "ui/text.h"

struct pay_view {
	struct payment_history *history;
	char **lines; /* sanitized */
	size_t nlines;
	char *error; /* sanitized, NULL when none */
	bool loading;
	struct ui_list list;
};

struct pay_job {
	unsigned screen;
	struct payment_history *history;
};

static void add_line(struct pay_view *v, char *line)
{
	v->lines = xreallocarray(v->lines, v->nlines + 1, sizeof(char *));
	v->lines[v->nlines++] = ui_text_safe(line);
	free(line);
}

static char *payment_line(const struct payment *p)
{
	char date[11], amount[32];
	money_format(p->amount_cents, MONEY_FR, amount, sizeof(amount));
	return xasprintf("%-10s  %12s €  %-16s  %s%s%s",
	                 p->has_date ? date_to_fr(&p->date, date) : "--/--/----", amount, p->means,
	                 p->regie, p->reference[0] ? "  " : "", p->reference);
}

/* Years present, newest first. */
static size_t years_of(const struct payment_history *h, int *years, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < h->count; i++) {
		if (!h->items[i].has_date)
			continue;
		int y = h->items[i].date.year;
		size_t k = 0;
		while (k < n && years[k] != y)
			k++;
		if (k == n && n < max)
			years[n++] = y;
	}
	for (size_t a = 0; a < n; a++)
		for (size_t b = a + 1; b < n; b++)
			if (years[b] > years[a]) {
				int t = years[a];
				years[a] = years[b];
				years[b] = t;
			}
	return n;
}

static void year_lines(struct pay_view *v, int year)
{
	size_t n, undated;
	struct payment_year_total *t = payment_history_year(v->history, year, &n, &undated);
	int64_t sum = 0;
	char amount[32];
	for (size_t i = 0; i < n; i++) {
		money_format(t[i].cents, MONEY_FR, amount, sizeof(amount));
		add_line(v, xasprintf("  %d  %-32s %12s €", year,
		                      t[i].regie[0] ? t[i].regie : _("(no régie shown)"), amount));
		sum += t[i].cents;
	}
	money_format(sum, MONEY_FR, amount, sizeof(amount));
	add_line(v, xasprintf(_("Total paid in %d: %s €"), year, amount));
	free(t);
}

static void build_lines(struct pay_view *v)
{
	const struct payment_history *h = v->history;
	for (size_t i = 0; i < h->nwarnings; i++)
		add_line(v, xstrdup(h->warnings[i]));
	if (h->count == 0) {
		add_line(v, xstrdup(_("No payment.")));
		return;
	}
	for (size_t i = 0; i < h->count; i++)
		add_line(v, payment_line(&h->items[i]));
	int years[64];
	size_t ny = years_of(h, years, 64);
	if (ny) {
		add_line(v, xstrdup(""));
		add_line(v, xstrdup(_("Paid per year and régie:")));
	}
	for (size_t k = 0; k < ny; k++)
		year_lines(v, years[k]);
}

static size_t pay_count(void *ctx)
{
	return ((struct pay_view *)ctx)->nlines;
}

static void pay_draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct pay_view *v = ctx;
	ui_put(w, y, x, width, v->lines[row], current ? ui_attr(UI_CURSOR) : A_NORMAL, true);
}

static bool pay_matches(void *ctx, size_t row, const char *needle)
{
	struct pay_view *v = ctx;
	char *a = fold_label(v->lines[row]), *b = fold_label(needle);
	bool hit = *b && strstr(a, b);
	free(a);
	free(b);
	return hit;
}

static const struct ui_list_ops pay_list_ops = { pay_count, pay_draw_row, NULL, pay_matches };

static enum exit_code pay_run(struct ui *ui, void *arg, char **errp)
{
	struct pay_job *j = arg;
	return portal_read_payments(ui->ctx.portal, &j->history, errp);
}

static void clear_lines(struct pay_view *v)
{
	ui_text_lines_free(v->lines, v->nlines);
	v->lines = NULL;
	v->nlines = 0;
}

static void pay_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct pay_job *j = arg;
	struct screen *s = ui ? ui_find_screen(ui, j->screen) : NULL;
	if (s) {
		struct pay_view *v = s->state;
		v->loading = false;
		free(v->error);
		v->error = NULL;
		clear_lines(v);
		if (rc == EXIT_OK) {
			payment_history_free(&v->history);
			v->history = j->history;
			j->history = NULL;
			build_lines(v);
		} else {
			v->error = ui_text_safe(err ? err : _("error"));
			ui_status_error(ui, "%s", v->error);
		}
		v->list.cur = v->list.top = 0;
		ui_redraw(ui);
	}
	payment_history_free(&j->history);
	free(j);
	free(err);
}

static void fetch(struct ui *ui, struct screen *s)
{
	struct pay_job *j = xcalloc(1, sizeof(*j));
	j->screen = s->id;
	if (ui_job_start(ui, _("Reading the payment history..."), pay_run, pay_done, j) < 0) {
		free(j);
		ui_status(ui, "%s", _("Please wait: a request is running"));
		return;
	}
	((struct pay_view *)s->state)->loading = true;
}

static void pay_enter(struct ui *ui, struct screen *s)
{
	fetch(ui, s);
}

static void pay_draw(struct ui *ui, struct screen *s)
{
	struct pay_view *v = s->state;
	int cols = ui_body_cols(ui);
	werase(ui->body);
	if (v->error || v->loading) {
		char **lines;
		size_t n = ui_text_wrap(v->error ? v->error : _("Reading the payment history..."),
		                        (size_t)(cols > 2 ? cols - 2 : 1), &lines);
		for (size_t i = 0; i < n && (int)i < ui_body_rows(ui); i++)
			ui_put(ui->body, (int)i, 1, cols - 2, lines[i],
			       v->error ? ui_attr(UI_ERROR) : A_NORMAL, true);
		ui_text_lines_free(lines, n);
		return;
	}
	ui_list_place(&v->list, ui->body, 0, 1, ui_body_rows(ui), cols - 2);
	ui_list_draw(&v->list);
}

static int pay_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	if (action == ACT_REFRESH) {
		fetch(ui, s);
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_IGNORED;
}

static struct ui_list *pay_list(struct screen *s)
{
	return &((struct pay_view *)s->state)->list;
}

static void pay_destroy(struct ui *ui, struct screen *s)
{
	struct pay_view *v = s->state;
	clear_lines(v);
	payment_history_free(&v->history);
	free(v->error);
	free(v);
}

static const struct screen_ops payments_ops = {
	.name = "règlements",
	.scope = SCOPE_LISTS,
	.enter = pay_enter,
	.draw = pay_draw,
	.key = pay_key,
	.list = pay_list,
	.destroy = pay_destroy,
	.hints = N_("j k scroll  r read again  q back  Q quit"),
};

struct screen *scr_payments_new(struct ui *ui)
{
	struct pay_view *v = xcalloc(1, sizeof(*v));
	ui_list_init(&v->list, &pay_list_ops, v);
	(void)ui;
	return ui_screen_new(&payments_ops, v, "Accueil » Mon compte » Historique des règlements",
	                     5);
}

size_t scr_payments_entry(struct ui *ui, char ***lines)
{
	(void)ui;
	*lines = xcalloc(1, sizeof(char *));
	(*lines)[0] = xstrdup(_("> Payment history (H, or Enter here)"));
	return 1;
}
