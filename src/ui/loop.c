/* The event loop: layout, header and status line, frames, global keys, search, type-ahead. */
#include "config.h"

#include "util/i18n.h"
#include "ui/loop.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/field.h"
#include "ui/text.h"

#define CTRL(c) ((c)&0x1f)
#define SEARCH_MAX 128

/* ---- layout and drawing ---- */

int ui_body_rows(const struct ui *ui)
{
	return ui->body ? getmaxy(ui->body) : 0;
}

int ui_body_cols(const struct ui *ui)
{
	return ui->body ? getmaxx(ui->body) : 0;
}

static void place(WINDOW **w, int rows, int cols, int y, bool plain)
{
	rows = rows < 1 ? 1 : rows;
	cols = cols < 1 ? 1 : cols;
	if (!*w) {
		*w = newwin(rows, cols, y, 0);
	} else {
		/* Shrink before moving so the window always fits the screen. */
		wresize(*w, rows, cols);
		mvwin(*w, y, 0);
	}
	if (*w && !plain)
		leaveok(*w, TRUE);
}

static void layout(struct ui *ui)
{
	ui->too_small = COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS;
	int body = LINES - UI_HEADER_ROWS - 1;
	place(&ui->hdr, UI_HEADER_ROWS, COLS, 0, ui->term.plain);
	place(&ui->body, body, COLS, body < 1 ? 0 : UI_HEADER_ROWS, ui->term.plain);
	place(&ui->status, 1, COLS, LINES > 1 ? LINES - 1 : 0, ui->term.plain);
	keypad(ui->status, TRUE);
	wtimeout(ui->status, 100);
}

void ui_redraw(struct ui *ui)
{
	ui->redraw = true;
}

void ui_repaint(struct ui *ui)
{
	ui->redraw = ui->repaint = true;
}

void ui_set_cursor(struct ui *ui, WINDOW *w, int y, int x)
{
	ui->cursor_win = w;
	ui->cursor_y = y;
	ui->cursor_x = x;
}

void ui_draw_status(struct ui *ui)
{
	WINDOW *w = ui->status;
	int cols = getmaxx(w);
	struct screen *top = ui_top(ui);
	const char *text = ui->message                                  ? ui->message
	                   : top && top->ops->hints && *top->ops->hints ? _(top->ops->hints)
	                                                                : "";
	attr_t a = ui->message && ui->message_error ? ui_attr(UI_ERROR) | A_REVERSE
	                                            : ui_attr(UI_STATUS);
	ui_put(w, 0, 0, cols, text, a, true);
}

/* Draws everything: header, the base screen, the dialogs over it, status. */
static void draw_all(struct ui *ui)
{
	ui->redraw = false;
	if (ui->too_small)
		return;
	ui->cursor_win = NULL;
	ui_draw_header(ui);
	struct screen *base = ui_base(ui);
	bool seen_base = false;
	for (size_t i = 0; i < ui->depth; i++) {
		struct screen *s = ui->stack[i];
		seen_base = seen_base || s == base;
		if (seen_base && s->ops->draw)
			s->ops->draw(ui, s);
	}
	ui_draw_status(ui);
}

/* Where the terminal cursor rests: a text field, else (--plain) the
 * selected row, so that a screen reader follows the selection. */
static void place_cursor(struct ui *ui)
{
	WINDOW *w = ui->cursor_win;
	int y = ui->cursor_y, x = ui->cursor_x;
	bool field = w != NULL;
	struct screen *top = ui_top(ui);
	if (!w && ui->term.plain && top && top->ops->list) {
		struct ui_list *l = top->ops->list(top);
		int line = l ? ui_list_cursor_line(l) : -1;
		if (line >= 0) {
			w = l->win;
			y = line;
			x = l->x;
		}
	}
	if (!w || (!field && !ui->term.plain)) {
		curs_set(ui->term.plain ? 1 : 0);
		/* A field had the cursor: stop sending cursor moves again. */
		if (!ui->term.plain) {
			leaveok(ui->hdr, TRUE);
			leaveok(ui->body, TRUE);
			leaveok(ui->status, TRUE);
		}
		return;
	}
	curs_set(1);
	leaveok(w, FALSE);
	wmove(w, y, x);
	wnoutrefresh(w);
}

/* ---- keys typed before what they act on was shown ---- */

static void keep_typed(struct ui *ui, int ch, unsigned frame)
{
	if (ui->ntypeahead < sizeof(ui->typeahead) / sizeof(ui->typeahead[0]))
		ui->typeahead[ui->ntypeahead++] = (struct ui_typed){ ch, frame };
}

/* Reads what waits in the terminal's input queue (and curses' buffer)
 * without waiting: resizes are applied; keys go to the type-ahead, marked
 * as read before the frame just shown (keep), or are dropped. Returns the
 * number of keys dropped. */
static size_t take_queued_keys(struct ui *ui, bool keep)
{
	size_t dropped = 0;
	int ch;
	wtimeout(ui->status, 0);
	while ((ch = wgetch(ui->status)) != ERR) {
		if (ch == KEY_RESIZE) {
			layout(ui);
			ui_redraw(ui);
			wtimeout(ui->status, 0);
		} else if (keep) {
			keep_typed(ui, ch, ui->frames - 1);
		} else {
			dropped++;
		}
	}
	wtimeout(ui->status, 100);
	return dropped;
}

static void say_dropped(struct ui *ui, size_t n)
{
	if (n == 1)
		ui_status(ui, _("A key typed before the question was shown: ignored."));
	else if (n > 1)
		ui_status(ui, _("%zu keys typed before the question was shown: ignored."), n);
}

/* Just after a frame reached the terminal. A question that pays or sends
 * something, shown for the first time, throws away every key typed before
 * it (they were meant for what it covers: `p Enter Enter` during a load
 * must not answer it). New content that asked for fresh keys gets the
 * terminal's queued keys as type-ahead typed before it. */
static void drop_blind_keys(struct ui *ui)
{
	struct screen *top = ui_top(ui);
	if (top && top->fresh_keys && !top->shown_frame) {
		top->shown_frame = ui->frames;
		size_t n = ui->blind_keys + ui->ntypeahead + take_queued_keys(ui, false);
		ui->blind_keys = ui->ntypeahead = 0;
		ui->flush_input = false;
		say_dropped(ui, n);
	} else if (ui->flush_input) {
		ui->flush_input = false;
		take_queued_keys(ui, true);
	}
}

unsigned ui_frame_showing_fresh(struct ui *ui)
{
	ui->flush_input = true;
	return ui->frames + 1;
}

bool ui_key_pressed_since(const struct ui *ui, unsigned shown)
{
	return shown != 0 && ui->key_frame >= shown;
}

static void expire_message(struct ui *ui);

static void frame(struct ui *ui)
{
	if (ui->too_small) {
		ui_draw_too_small();
		doupdate();
		ui->frames++;
		return;
	}
	/* A page that comes within 100 ms is drawn once, without the
	 * "Chargement..." frame before it (bytes on a slow link, a flash). */
	if (ui_job_young(ui))
		return;
	expire_message(ui); /* a job may have changed the screen */
	if (ui->redraw)
		draw_all(ui);
	if (ui->repaint) {
		clearok(curscr, TRUE);
		ui->repaint = false;
	}
	wnoutrefresh(ui->hdr);
	wnoutrefresh(ui->body);
	wnoutrefresh(ui->status);
	struct screen *base = ui_base(ui);
	bool above = false;
	for (size_t i = 0; i < ui->depth; i++) {
		struct screen *s = ui->stack[i];
		above = above || s == base;
		/* Dialogs last, touched: the body under them may have changed. */
		if (above && s->overlay && s->win) {
			touchwin(s->win);
			wnoutrefresh(s->win);
		}
	}
	place_cursor(ui);
	doupdate();
	ui->frames++;
	/* On the terminal now, over this screen: it stays while the screen
	 * does (a key replayed before it was drawn may have changed it). */
	if (ui->message && !ui->message_shown) {
		struct screen *shown_on = ui_base(ui);
		ui->message_shown = true;
		ui->message_screen = shown_on ? shown_on->id : 0;
	}
	drop_blind_keys(ui);
}

/* ---- status messages ---- */

static void set_message(struct ui *ui, bool error, const char *fmt, va_list ap)
        __attribute__((format(printf, 3, 0)));

static void set_message(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	char *raw = NULL;
	if (vasprintf(&raw, fmt, ap) < 0)
		raw = NULL;
	free(ui->message);
	ui->message = ui_text_safe(raw ? raw : "");
	free(raw);
	ui->message_error = error;
	ui->message_shown = false;
	if (ui->status && !ui->too_small)
		ui_draw_status(ui);
}

void ui_status(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, false, fmt, ap);
	va_end(ap);
}

void ui_status_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	set_message(ui, true, fmt, ap);
	va_end(ap);
}

/* A message stays until another replaces it or the screen changes (a key
 * that changes nothing on the status line writes nothing there: bytes on
 * a slow link). */
static void expire_message(struct ui *ui)
{
	struct screen *base = ui_base(ui);
	if (!ui->message || !ui->message_shown || (base && base->id == ui->message_screen))
		return;
	free(ui->message);
	ui->message = NULL;
	if (!ui->too_small)
		ui_draw_status(ui);
}

/* ---- search (`/`) ---- */

static struct ui_list *searchable(struct ui *ui)
{
	struct screen *top = ui_top(ui);
	struct ui_list *l = top && top->ops->list ? top->ops->list(top) : NULL;
	return l && l->ops->matches ? l : NULL;
}

static void find(struct ui *ui, bool backward)
{
	struct ui_list *l = searchable(ui);
	if (!l || !ui->search || !*ui->search)
		return;
	if (!ui_list_find(l, ui->search, backward))
		ui_status_error(ui, _("\"%s\": not found"), ui->search);
}

/* Reads the needle on the status line; keys go to the field until Enter
 * or Esc. The loop keeps running (jobs finish, resizes redraw). */
static void search_prompt(struct ui *ui)
{
	char buf[SEARCH_MAX] = "";
	struct ui_field f;
	ui_field_init(&f, buf, sizeof(buf), false);
	for (;;) {
		if (ui->redraw)
			draw_all(ui);
		int cols = getmaxx(ui->status);
		ui_put(ui->status, 0, 0, 1, "/", A_BOLD, false);
		ui_field_draw(ui, &f, ui->status, 0, 1, cols - 1, true);
		frame(ui);
		int ch = wgetch(ui->status);
		ui_job_poll(ui);
		if (ui_term_stop_signal() || ui_term_take_interrupt() || ch == 27)
			break;
		if (ch == KEY_RESIZE) {
			layout(ui);
			ui_redraw(ui);
			continue;
		}
		if (ch == '\r' || ch == '\n' || ch == KEY_ENTER) {
			free(ui->search);
			ui->search = xstrdup(buf);
			find(ui, false);
			break;
		}
		if (ch != ERR)
			ui_field_key(&f, ch);
	}
	ui->cursor_win = NULL;
	ui_draw_status(ui);
}

/* ---- keys ---- */

static int global_action(struct ui *ui, enum ui_action action)
{
	struct screen *top = ui_top(ui);
	struct ui_list *l = top && top->ops->list ? top->ops->list(top) : NULL;
	switch (action) {
	case ACT_MENU_1:
	case ACT_MENU_2:
	case ACT_MENU_3:
	case ACT_MENU_4:
	case ACT_MENU_5:
	case ACT_MENU_6:
	case ACT_MENU_7: ui_open_menu(ui, (int)(action - ACT_MENU_1)); return UI_HANDLED;
	case ACT_PAY_SCREEN: ui_open_invoices(ui); return UI_HANDLED;
	case ACT_ACCOUNTS: ui_open_accounts(ui); return UI_HANDLED;
	case ACT_HELP:
		if (top && strcmp(top->ops->name, "aide") != 0)
			ui_push(ui, scr_help_new(ui));
		return UI_HANDLED;
	case ACT_LEFT: /* nothing to scroll back: like Esc */
	case ACT_BACK:
		if (ui->depth > 1)
			ui_pop(ui);
		else
			ui_status(ui, _("q to quit"));
		return UI_HANDLED;
	case ACT_QUIT:
	case ACT_CANCEL:
		if (ui->depth > 1)
			ui_pop(ui);
		else
			ui_request_quit(ui);
		return UI_HANDLED;
	case ACT_QUIT_ALL: ui_request_quit(ui); return UI_HANDLED;
	case ACT_REDRAW: ui_repaint(ui); return UI_HANDLED;
	case ACT_SEARCH:
		if (searchable(ui))
			search_prompt(ui);
		else
			ui_status(ui, _("Nothing to search on this screen"));
		return UI_HANDLED;
	case ACT_SEARCH_NEXT:
	case ACT_SEARCH_PREV: find(ui, action == ACT_SEARCH_PREV); return UI_HANDLED;
	default: break;
	}
	if (l && ui_list_move(l, action))
		return UI_HANDLED;
	return UI_IGNORED;
}

/* ch was read while frame `seen` was on the terminal. */
static void handle_key(struct ui *ui, int ch, unsigned seen)
{
	struct screen *top = ui_top(ui);
	if (!top)
		return;
	ui->key_frame = seen;
	if (top->fresh_keys && !ui_key_pressed_since(ui, top->shown_frame)) {
		/* Counted, and said once the question is on the terminal. */
		if (top->shown_frame)
			say_dropped(ui, 1);
		else
			ui->blind_keys++;
		return;
	}
	enum ui_action action = ui_key_action(ch, top->ops->scope);
	/* ← scrolls only what has rows; in a question or a form it is Esc. */
	if (action == ACT_LEFT && (top->overlay || !top->ops->list))
		action = ACT_BACK;
	int flags = top->ops->key ? top->ops->key(ui, top, action, ch) : UI_IGNORED;
	/* → opens like Enter where Enter opens (pages, help), never where it
	 * pays or answers a question. */
	if (!(flags & UI_HANDLED) && action == ACT_RIGHT && top->ops->key && !top->overlay &&
	    top->ops->scope == SCOPE_LISTS)
		flags = top->ops->key(ui, top, ACT_ACTIVATE, '\n');
	if (!(flags & UI_HANDLED))
		flags |= global_action(ui, action);
	if (flags & UI_QUIT)
		ui->quit = true;
	if (flags & UI_REDRAW)
		ui_redraw(ui);
	expire_message(ui);
}

void ui_typeahead(struct ui *ui, int ch)
{
	keep_typed(ui, ch, ui->key_frame);
}

/* One key at a time: a key may start a job (the rest waits for it) or
 * show a question (which drops the rest). */
static void replay_typeahead(struct ui *ui)
{
	while (ui->ntypeahead > 0 && !ui_job_busy(ui) && !ui->quit) {
		struct ui_typed k = ui->typeahead[0];
		memmove(ui->typeahead, ui->typeahead + 1, --ui->ntypeahead * sizeof(k));
		handle_key(ui, k.ch, k.frame);
	}
}

static void tick(struct ui *ui)
{
	struct screen *top = ui_top(ui);
	if (top && top->ops->tick && !ui->too_small)
		top->ops->tick(ui, top);
}

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* wgetch waits 100 ms for a key; when it keeps failing at once, the
 * terminal is gone (a closed pty without SIGHUP): stop instead of spinning. */
static bool input_lost(int ch, double waited_ms, unsigned *fast_errors)
{
	if (ch != ERR || waited_ms >= 50) {
		*fast_errors = 0;
		return false;
	}
	return ++*fast_errors >= 100;
}

int ui_loop(struct ui *ui)
{
	unsigned fast_errors = 0;
	layout(ui);
	ui_redraw(ui);
	while (!ui->quit && ui->depth > 0) {
		frame(ui);
		double before = now_ms();
		int ch = wgetch(ui->status);
		if (input_lost(ch, now_ms() - before, &fast_errors)) {
			ui->exit_code = EXIT_ERROR;
			break;
		}
		int sig = ui_term_stop_signal();
		if (sig) {
			ui->exit_code = 128 + sig;
			break;
		}
		if (ui_term_take_interrupt())
			ch = CTRL('c');
		ui_job_poll(ui);
		if (!ui->too_small)
			replay_typeahead(ui);
		if (ch == ERR) {
			tick(ui);
			continue;
		}
		if (ch == KEY_RESIZE) {
			layout(ui);
			ui_redraw(ui);
			continue;
		}
		if (!ui->too_small)
			handle_key(ui, ch, ui->frames);
		else if (ch == 'q' || ch == CTRL('c'))
			break; /* nothing else can be shown or done at that size */
	}
	ui_stack_free(ui);
	return ui->exit_code;
}

void ui_loop_free_windows(struct ui *ui)
{
	ui_stack_free(ui);
	if (ui->hdr)
		delwin(ui->hdr);
	if (ui->body)
		delwin(ui->body);
	if (ui->status)
		delwin(ui->status);
	ui->hdr = ui->body = ui->status = NULL;
}
