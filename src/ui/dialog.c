/* Confirm, error and progress dialogs, drawn in a centred window over the screen. */
#include "config.h"

#include "util/i18n.h"
#include "ui/dialog.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/sanitize.h"
#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/text.h"

enum dialog_kind {
	DIALOG_CONFIRM,
	DIALOG_ERROR,
	DIALOG_PROGRESS
};

struct dialog {
	enum dialog_kind kind;
	char *title, *text; /* sanitized */
	char *yes, *no;
	bool default_yes;
	dialog_answer_fn answer;
	void *arg;
	struct timespec since;
	unsigned tick;
	bool cancelling;
};

#define PROGRESS_DELAY_MS 150
#define DIALOG_MAX_COLS 76

static double elapsed_ms(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - since->tv_sec) * 1e3 +
	       (double)(now.tv_nsec - since->tv_nsec) / 1e6;
}

static bool progress_visible(const struct dialog *d)
{
	return d->kind != DIALOG_PROGRESS || d->cancelling ||
	       elapsed_ms(&d->since) >= PROGRESS_DELAY_MS;
}

static const char *buttons(const struct dialog *d, char *buf, size_t size)
{
	switch (d->kind) {
	case DIALOG_CONFIRM:
		snprintf(buf, size, d->default_yes ? _("[o] %s   n: %s") : _("o: %s   [n] %s"),
		         d->yes, d->no);
		return buf;
	case DIALOG_ERROR: return _("[Enter] OK");
	case DIALOG_PROGRESS: return d->cancelling ? _("Cancelling...") : _("Esc: cancel");
	}
	return "";
}

/* Sizes the window to the text (wrapped), centred, within the terminal. */
static void layout(struct ui *ui, struct screen *s, char ***lines, size_t *nlines)
{
	struct dialog *d = s->state;
	int cols = COLS - 4 < DIALOG_MAX_COLS ? COLS - 4 : DIALOG_MAX_COLS;
	if (cols < 20)
		cols = COLS > 2 ? COLS : 2;
	*nlines = ui_text_wrap(d->text, (size_t)(cols - 4), lines);
	size_t longest = 0;
	for (size_t i = 0; i < *nlines; i++) {
		size_t w = ui_text_width((*lines)[i]);
		longest = w > longest ? w : longest;
	}
	char buf[160];
	size_t bw = ui_text_width(buttons(d, buf, sizeof(buf)));
	size_t tw = ui_text_width(d->title) + 2;
	size_t want = longest > bw ? longest : bw;
	want = (want > tw ? want : tw) + 4;
	if ((int)want < cols)
		cols = (int)want < 30 ? 30 : (int)want;
	int rows = (int)*nlines + 4;
	if (rows > LINES - 2)
		rows = LINES > 6 ? LINES - 2 : LINES;
	if (rows < 3)
		rows = 3;
	if (s->win)
		delwin(s->win);
	s->win = newwin(rows, cols, (LINES - rows) / 2, (COLS - cols) / 2);
	if (s->win && !ui->term.plain)
		leaveok(s->win, TRUE);
}

static void dialog_draw(struct ui *ui, struct screen *s)
{
	struct dialog *d = s->state;
	char **lines;
	size_t n;
	layout(ui, s, &lines, &n);
	if (!s->win) {
		ui_text_lines_free(lines, n);
		return;
	}
	WINDOW *w = s->win;
	int rows, cols;
	getmaxyx(w, rows, cols);
	werase(w);
	if (!progress_visible(d)) {
		/* Not yet: an empty window would hide the screen; show nothing. */
		delwin(s->win);
		s->win = NULL;
		ui_text_lines_free(lines, n);
		return;
	}
	wattrset(w, ui_attr(d->kind == DIALOG_ERROR ? UI_ERROR : UI_NORMAL));
	ui_box(w);
	ui_put(w, 0, 2, cols - 4, d->title, ui_attr(d->kind == DIALOG_ERROR ? UI_ERROR : UI_TITLE),
	       false);
	size_t room = rows > 4 ? (size_t)(rows - 4) : 0;
	for (size_t i = 0; i < n && i < room; i++)
		ui_put(w, 1 + (int)i, 2, cols - 4,
		       i + 1 == room && n > room ? ui_glyph(G_ELLIPSIS) : lines[i], A_NORMAL, true);
	char buf[160];
	int by = rows - 2;
	if (d->kind == DIALOG_PROGRESS && !ui->term.plain) {
		ui_put(w, by, 2, 2, ui_spinner_frame(d->tick), ui_attr(UI_TITLE), false);
		ui_put(w, by, 5, cols - 7, buttons(d, buf, sizeof(buf)), ui_attr(UI_DIM), true);
	} else {
		ui_put(w, by, 2, cols - 4, buttons(d, buf, sizeof(buf)), ui_attr(UI_KEY), true);
	}
	/* Screen readers: the cursor on the message. */
	ui_set_cursor(ui, w, 1, 2);
	ui_text_lines_free(lines, n);
}

static void close_with(struct ui *ui, struct screen *s, bool yes)
{
	struct dialog *d = s->state;
	dialog_answer_fn answer = d->answer;
	void *arg = d->arg;
	d->answer = NULL; /* the pop must not answer again */
	ui_pop_to(ui, s);
	ui_pop(ui);
	if (answer)
		answer(ui, yes, arg);
}

static int dialog_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	struct dialog *d = s->state;
	switch (d->kind) {
	case DIALOG_CONFIRM:
		if (action == ACT_YES || (action == ACT_ACTIVATE && d->default_yes))
			close_with(ui, s, true);
		else if (action == ACT_NO || action == ACT_BACK || action == ACT_QUIT ||
		         action == ACT_CANCEL || action == ACT_ACTIVATE)
			close_with(ui, s, false);
		else if (action == ACT_REDRAW)
			return UI_IGNORED;
		return UI_HANDLED | UI_REDRAW;
	case DIALOG_ERROR:
		if (action == ACT_ACTIVATE || action == ACT_BACK || action == ACT_QUIT ||
		    action == ACT_CANCEL || action == ACT_TOGGLE) {
			close_with(ui, s, true);
			return UI_HANDLED | UI_REDRAW;
		}
		return action == ACT_REDRAW ? UI_IGNORED : UI_HANDLED;
	case DIALOG_PROGRESS:
		if (action == ACT_BACK || action == ACT_CANCEL) {
			ui_job_cancel(ui);
			return UI_HANDLED | UI_REDRAW;
		}
		if (action == ACT_REDRAW)
			return UI_IGNORED;
		ui_typeahead(ui, ch);
		return UI_HANDLED;
	}
	return UI_HANDLED;
}

static void dialog_tick(struct ui *ui, struct screen *s)
{
	struct dialog *d = s->state;
	if (d->kind != DIALOG_PROGRESS)
		return;
	bool was_visible = s->win != NULL;
	d->tick++;
	if (!was_visible && progress_visible(d)) {
		dialog_draw(ui, s);
		return;
	}
	/* --plain: no moving spinner (it would drag a screen reader along). */
	if (s->win && !ui->term.plain)
		ui_put(s->win, getmaxy(s->win) - 2, 2, 2, ui_spinner_frame(d->tick),
		       ui_attr(UI_TITLE), false);
}

static void dialog_destroy(struct ui *ui, struct screen *s)
{
	struct dialog *d = s->state;
	if (d->answer)
		d->answer(ui, false, d->arg);
	free(d->title);
	free(d->text);
	free(d->yes);
	free(d->no);
	free(d);
}

/* One set of operations per kind, for the status line: each shows the
 * keys that apply to it. */
static const struct screen_ops dialog_ops[] = {
	[DIALOG_CONFIRM] = { .name = "dialogue",
	                     .scope = SCOPE_DIALOGS,
	                     .draw = dialog_draw,
	                     .key = dialog_key,
	                     .tick = dialog_tick,
	                     .destroy = dialog_destroy,
	                     .hints = N_(
	                             "o yes   n no   Enter: the choice in brackets   Esc: no") },
	[DIALOG_ERROR] = { .name = "message",
	                   .scope = SCOPE_DIALOGS,
	                   .draw = dialog_draw,
	                   .key = dialog_key,
	                   .tick = dialog_tick,
	                   .destroy = dialog_destroy,
	                   .hints = N_("Enter or Esc: close") },
	[DIALOG_PROGRESS] = { .name = "attente",
	                      .scope = SCOPE_DIALOGS,
	                      .draw = dialog_draw,
	                      .key = dialog_key,
	                      .tick = dialog_tick,
	                      .destroy = dialog_destroy,
	                      .hints = N_("Esc: cancel") },
};

static struct screen *push_dialog(struct ui *ui, struct dialog *d, const char *title,
                                  const char *text)
{
	d->title = ui_text_safe(title);
	d->text = sanitize_str(text ? text : "", ui->term.sanitize_flags | SANITIZE_MULTILINE);
	size_t len = strlen(d->text);
	while (len > 0 && d->text[len - 1] == '\n')
		d->text[--len] = '\0';
	clock_gettime(CLOCK_MONOTONIC, &d->since);
	struct screen *s = ui_screen_new(&dialog_ops[d->kind], d, NULL, -1);
	s->overlay = true;
	ui_push(ui, s);
	return s;
}

struct screen *dialog_confirm(struct ui *ui, const char *title, const char *text,
                              const char *yes_label, const char *no_label, bool default_yes,
                              dialog_answer_fn answer, void *arg)
{
	struct dialog *d = xcalloc(1, sizeof(*d));
	d->kind = DIALOG_CONFIRM;
	d->yes = xstrdup(yes_label ? yes_label : _("yes"));
	d->no = xstrdup(no_label ? no_label : _("no"));
	d->default_yes = default_yes;
	d->answer = answer;
	d->arg = arg;
	return push_dialog(ui, d, title, text);
}

struct screen *dialog_fresh_keys(struct screen *s)
{
	s->fresh_keys = true;
	return s;
}

struct screen *dialog_error(struct ui *ui, const char *title, const char *text)
{
	struct dialog *d = xcalloc(1, sizeof(*d));
	d->kind = DIALOG_ERROR;
	return push_dialog(ui, d, title, text);
}

struct screen *dialog_progress(struct ui *ui, const char *label)
{
	struct dialog *d = xcalloc(1, sizeof(*d));
	d->kind = DIALOG_PROGRESS;
	return push_dialog(ui, d, _("Please wait"), label);
}

void dialog_progress_cancelling(struct ui *ui, struct screen *s)
{
	struct dialog *d = s->state;
	d->cancelling = true;
	dialog_draw(ui, s);
}
