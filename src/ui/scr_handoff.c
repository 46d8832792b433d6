/* The payment hand-off: URL, QR code, OSC 52 copy, $BROWSER, and "r once paid". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "money.h"
#include "web/url.h"
#include "portal/invoices.h"
#include "portal/session.h"
#include "app/qr_text.h"
#include "ui/app.h"
#include "ui/text.h"

struct handoff {
	struct pay_result *result;
	bool url_ok;       /* no controls or spaces, an allowed scheme/host */
	char *url_problem; /* why not, for the user */
	char *host;
	char **qr; /* the QR code's lines (NULL: cannot encode) */
	size_t qr_rows, qr_cols;
	int qr_fit_cols, qr_fit_rows; /* the window the code was made to fit */
	bool reread;                  /* r was pressed once: states below are known */
	char *reread_error;           /* why the last re-read failed (sanitized), or NULL */
	enum invlist_state *states;
};

/* ---- drawing ---- */

static void line(WINDOW *w, int *y, int rows, int cols, const char *text, attr_t a)
{
	if (*y < rows)
		ui_put(w, *y, 1, cols - 2, text, a, true);
	(*y)++;
}

/* Long text (the portal's messages) on as many lines as it needs. */
static void wrapped(WINDOW *w, int *y, int rows, int cols, const char *text, attr_t a)
{
	char **lines;
	size_t n = ui_text_wrap(text, (size_t)(cols - 2), &lines);
	for (size_t i = 0; i < n; i++) {
		if (*y < rows)
			ui_put(w, *y, 1, cols - 2, lines[i], a, true);
		(*y)++;
	}
	ui_text_lines_free(lines, n);
}

static void draw_summary(struct ui *ui, struct handoff *h, int *y, int rows, int cols)
{
	WINDOW *w = ui->body;
	struct pay_result *r = h->result;
	char amount[32];
	char *t = xasprintf(_("Payment of %s €: %s"),
	                    money_format(r->amount_cents, MONEY_FR, amount, sizeof(amount)),
	                    r->regie ? r->regie : "");
	line(w, y, rows, cols, t, ui_attr(UI_TITLE));
	free(t);
	line(w, y, rows, cols,
	     _("handed to the secure payment site: the card is entered there, never here."),
	     A_NORMAL);
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, r->count > 1 ? _("Invoices: ") : _("Invoice: "));
	for (size_t i = 0; i < r->count; i++)
		strbuf_printf(&sb, "%s%s", i ? ", " : "", r->numbers[i]);
	line(w, y, rows, cols, sb.data, A_NORMAL);
	strbuf_release(&sb);
	/* The portal's confirm()s, answered yes by the user's confirmation of
	 * this payment: said here, never asked a second time. */
	for (size_t i = 0; i < r->nmessages; i++) {
		t = xasprintf(_("The portal asked: \"%s\" (yes: the payment was confirmed)"),
		              r->messages[i]);
		wrapped(w, y, rows, cols, t, ui_attr(UI_DIM));
		free(t);
	}
}

static void draw_url(struct ui *ui, struct handoff *h, int *y, int rows, int cols)
{
	WINDOW *w = ui->body;
	(*y)++;
	char *t = xasprintf(_("Payment address (%s):"), h->host ? h->host : "?");
	line(w, y, rows, cols, t, A_BOLD);
	free(t);
	/* The whole width: a URL on one line survives a copy with the mouse. */
	char **lines;
	size_t n = ui_text_wrap(h->result->payment_url, (size_t)cols, &lines);
	for (size_t i = 0; i < n; i++, (*y)++)
		if (*y < rows)
			ui_put(w, *y, 0, cols, lines[i], ui_attr(UI_LINK), true);
	ui_text_lines_free(lines, n);
	if (!h->url_ok)
		line(w, y, rows, cols, h->url_problem, ui_attr(UI_ERROR));
	(*y)++;
	line(w, y, rows, cols, _("o: open in the browser   c: copy the address   v: QR code"),
	     ui_attr(UI_KEY));
	line(w, y, rows, cols, _("Once paid (or given up), press r to read the invoices again."),
	     ui_attr(UI_KEY));
}

static void draw_states(struct ui *ui, struct handoff *h, int *y, int rows, int cols)
{
	if (h->reread_error) {
		/* In full here: the status line cuts it at 80 columns. */
		(*y)++;
		char *t = xasprintf(_("Reading again failed: %s (r: try again)"), h->reread_error);
		wrapped(ui->body, y, rows, cols, t, ui_attr(UI_ERROR));
		free(t);
	}
	if (!h->reread)
		return;
	(*y)++;
	line(ui->body, y, rows, cols, _("After reading the portal again:"), A_BOLD);
	for (size_t i = 0; i < h->result->count; i++) {
		bool done = h->states[i] != INVLIST_STATE_DUE;
		char *t = xasprintf(_("  %s: %s"), h->result->numbers[i],
		                    h->states[i] == INVLIST_STATE_SETTLED  ? _("settled")
		                    : h->states[i] == INVLIST_STATE_ABSENT ? _("no longer to pay")
		                                                           : _("still due"));
		line(ui->body, y, rows, cols, t, ui_attr(done ? UI_PAID : UI_OVERDUE));
		free(t);
	}
}

/* The QR code under the text when the terminal has room, else a hint. */
static void draw_qr(struct ui *ui, struct handoff *h, int y, int rows, int cols)
{
	if (!h->qr || ui->term.plain)
		return;
	if ((int)h->qr_rows <= rows - y - 1 && (int)h->qr_cols <= cols - 2) {
		int x = (cols - (int)h->qr_cols) / 2;
		for (size_t i = 0; i < h->qr_rows; i++)
			ui_put(ui->body, y + 1 + (int)i, x, (int)h->qr_cols, h->qr[i], A_NORMAL,
			       false);
		return;
	}
	char *t = xasprintf(
	        _("(QR code: %zu×%zu characters, more than the room left: v to see it full "
	          "screen)"),
	        h->qr_cols, h->qr_rows);
	if (y + 1 < rows)
		ui_put(ui->body, y + 1, 1, cols - 2, t, ui_attr(UI_DIM), true);
	free(t);
}

static void handoff_draw(struct ui *ui, struct screen *s)
{
	struct handoff *h = s->state;
	int rows = ui_body_rows(ui), cols = ui_body_cols(ui), y = 0;
	werase(ui->body);
	draw_summary(ui, h, &y, rows, cols);
	draw_url(ui, h, &y, rows, cols);
	draw_states(ui, h, &y, rows, cols);
	draw_qr(ui, h, y, rows, cols);
	if (ui->term.plain)
		ui_set_cursor(ui, ui->body, 0, 1);
}

/* ---- the full-screen QR code ---- */

static void render_qr(struct ui *ui, struct handoff *h, int max_cols, int max_rows);

static void qr_draw(struct ui *ui, struct screen *s)
{
	struct handoff *h = s->state;
	if (s->win)
		delwin(s->win);
	s->win = newwin(LINES, COLS, 0, 0);
	if (!s->win)
		return;
	werase(s->win);
	/* Made again for this window: a smaller code (level L, a narrower
	 * margin) when the standard one would not fit. */
	if (h->url_ok && (h->qr_fit_cols != COLS || h->qr_fit_rows != LINES - 1))
		render_qr(ui, h, COLS, LINES - 1);
	if (!h->qr) {
		/* No code to show: say why, never a size of nothing. */
		char *t = xasprintf(_("No QR code: %s A key to go back."),
		                    !h->url_ok ? h->url_problem
		                               : _("the address is too long for a QR code."));
		ui_put(s->win, 0, 0, COLS, t, A_BOLD, false);
		free(t);
		return;
	}
	if ((int)h->qr_rows > LINES - 1 || (int)h->qr_cols > COLS) {
		char *t = xasprintf(
		        _("The QR code needs %zu×%zu characters: enlarge the window. A key to go "
		          "back."),
		        h->qr_cols, h->qr_rows + 1);
		ui_put(s->win, 0, 0, COLS, t, A_BOLD, false);
		free(t);
		return;
	}
	int x = (COLS - (int)h->qr_cols) / 2;
	for (size_t i = 0; i < h->qr_rows; i++)
		ui_put(s->win, (int)i, x, (int)h->qr_cols, h->qr[i], A_NORMAL, false);
	ui_put(s->win, LINES - 1, 0, COLS, _("Scan it with your phone. A key to go back."),
	       ui_attr(UI_DIM), false);
}

static int qr_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	if (action == ACT_REDRAW)
		return UI_IGNORED;
	ui_pop(ui);
	return UI_HANDLED;
}

static const struct screen_ops qr_ops = {
	.name = "qr",
	.scope = SCOPE_DIALOGS,
	.draw = qr_draw,
	.key = qr_key,
	.hints = "",
};

/* ---- keys ---- */

struct reread {
	unsigned screen;
	struct invoice_page *page;
};

static enum exit_code reread_run(struct ui *ui, void *arg, char **errp)
{
	struct reread *j = arg;
	return portal_read_invoices(ui->ctx.portal, &j->page, NULL, errp);
}

static void reread_done(struct ui *ui, void *arg, enum exit_code rc, char *err)
{
	struct reread *j = arg;
	struct screen *s = ui ? ui_find_screen(ui, j->screen) : NULL;
	if (ui && rc != EXIT_OK)
		ui_status_error(ui, _("Reading again: %s (r: try again)"), err ? err : _("error"));
	if (s) {
		struct handoff *h = s->state;
		free(h->reread_error);
		h->reread_error = rc != EXIT_OK ? ui_text_safe(err ? err : _("error")) : NULL;
		ui_redraw(ui);
	}
	if (ui && rc == EXIT_OK) {
		free(ui_invoices_replace(ui, j->page));
		j->page = NULL;
	}
	if (s && rc == EXIT_OK) {
		struct handoff *h = s->state;
		size_t settled = 0;
		for (size_t i = 0; i < h->result->count; i++) {
			h->states[i] = invlist_state_of(ui->invoices, h->result->numbers[i]);
			settled += h->states[i] != INVLIST_STATE_DUE;
		}
		h->reread = true;
		if (settled == h->result->count)
			ui_status(ui, _("The portal recorded the payment."));
		else
			ui_status(
			        ui,
			        ngettext("The portal shows %zu invoice still due (the payment may "
			                 "take a while to reach it).",
			                 "The portal shows %zu invoices still due (the payment may "
			                 "take a while to reach it).",
			                 (unsigned long)(h->result->count - settled)),
			        h->result->count - settled);
		ui_redraw(ui);
	}
	invoice_page_free(&j->page);
	free(j);
	free(err);
}

static int handoff_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct handoff *h = s->state;
	char *err = NULL;
	switch (action) {
	case ACT_COPY:
		if (!h->url_ok)
			ui_status_error(ui, "%s", h->url_problem);
		else if (ui_term_copy(h->result->payment_url, &err) < 0)
			ui_status_error(ui, "%s", err);
		else
			ui_status(
			        ui,
			        _("Address sent to the clipboard (OSC 52, if the terminal accepts it)."));
		free(err);
		return UI_HANDLED;
	case ACT_OPEN:
		if (!h->url_ok) {
			ui_status_error(ui, "%s", h->url_problem);
		} else {
			ui_browse(ui, h->result->payment_url);
			ui_status(ui, _("Once paid, press r to read the invoices again."));
		}
		return UI_HANDLED;
	case ACT_QR: {
		struct screen *qr = ui_screen_new(&qr_ops, h, NULL, -1);
		qr->overlay = true;
		ui_push(ui, qr);
		return UI_HANDLED;
	}
	case ACT_REFRESH: {
		struct reread *j = xcalloc(1, sizeof(*j));
		j->screen = s->id;
		if (ui_job_start(ui, _("Reading the invoices again..."), reread_run, reread_done,
		                 j) < 0) {
			free(j);
			ui_status(ui, _("Please wait: a request is under way"));
		}
		return UI_HANDLED;
	}
	default: return UI_IGNORED;
	}
}

static void handoff_destroy(struct ui *ui, struct screen *s)
{
	struct handoff *h = s->state;
	pay_result_clear(h->result);
	free(h->result);
	free(h->url_problem);
	free(h->reread_error);
	free(h->host);
	ui_text_lines_free(h->qr, h->qr_rows);
	free(h->states);
	free(h);
}

static const struct screen_ops handoff_ops = {
	.name = "paiement",
	.scope = SCOPE_HANDOFF,
	.draw = handoff_draw,
	.key = handoff_key,
	.destroy = handoff_destroy,
	.hints = N_("o open  c copy  v QR code  r read again once paid  ? help  q back"),
};

/* As `pay` does: a URL with spaces or controls, or toward a host we would
 * not talk to, is shown flagged and never opened. */
static void check_url(struct handoff *h)
{
	const char *url = h->result->payment_url ? h->result->payment_url : "";
	char *err = NULL;
	h->url_ok = url_is_plain(url);
	if (!h->url_ok)
		h->url_problem = xstrdup(
		        _("Suspicious address (spaces or control characters): neither opened nor "
		          "copied."));
	else if (url_check_allowed(url, &err) < 0) {
		h->url_ok = false;
		h->url_problem = xasprintf(_("Address refused: %s"), err ? err : "?");
	}
	free(err);
	h->host = url_host(url);
}

static void render_qr(struct ui *ui, struct handoff *h, int max_cols, int max_rows)
{
	if (!h->url_ok)
		return;
	ui_text_lines_free(h->qr, h->qr_rows);
	h->qr = NULL;
	h->qr_rows = h->qr_cols = 0;
	h->qr_fit_cols = max_cols;
	h->qr_fit_rows = max_rows;
	size_t cols, rows;
	char *text = qr_text_render_within(h->result->payment_url, ui->term.ascii,
	                                   max_cols > 0 ? (size_t)max_cols : 0,
	                                   max_rows > 0 ? (size_t)max_rows : 0, &cols, &rows);
	if (!text)
		return;
	h->qr_cols = cols;
	h->qr = xcalloc(rows ? rows : 1, sizeof(char *));
	const char *p = text;
	while (*p && h->qr_rows < rows) {
		size_t len = strcspn(p, "\n");
		h->qr[h->qr_rows++] = xstrndup(p, len);
		p += len + (p[len] == '\n');
	}
	free(text);
}

struct screen *scr_handoff_new(struct ui *ui, struct pay_result *result)
{
	struct handoff *h = xcalloc(1, sizeof(*h));
	h->result = result;
	h->states = xcalloc(result->count ? result->count : 1, sizeof(*h->states));
	check_url(h);
	render_qr(ui, h, COLS, LINES - 1);
	return ui_screen_new(&handoff_ops, h, "Accueil » Mon compte » Paiement en ligne", 5);
}
