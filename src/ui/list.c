/* The list widget: cursor, scrolling, search and minimal redraws over callbacks. */
#include "config.h"

#include "ui/list.h"

#include "ui/term.h"

#include <string.h>

static size_t count(const struct ui_list *l)
{
	return l->ops->count(l->ctx);
}

static bool can_rest(const struct ui_list *l, size_t row)
{
	return row < count(l) && (!l->ops->can_rest || l->ops->can_rest(l->ctx, row));
}

void ui_list_init(struct ui_list *l, const struct ui_list_ops *ops, void *ctx)
{
	memset(l, 0, sizeof(*l));
	l->ops = ops;
	l->ctx = ctx;
	l->focused = true;
}

static size_t page(const struct ui_list *l)
{
	return l->height > 0 ? (size_t)l->height : 1;
}

static size_t nearest(const struct ui_list *l, size_t row, int dir);

/* Scrolls so the cursor shows; true when the first visible row changed. */
static bool scroll_to_cursor(struct ui_list *l)
{
	size_t top = l->top, n = count(l);
	if (l->cur < l->top)
		l->top = l->cur;
	else if (l->cur >= l->top + page(l))
		l->top = l->cur - page(l) + 1;
	/* On the first row it may rest on, the rows above it (a heading)
	 * show too when they fit. */
	if (l->top > 0 && l->cur < page(l) && nearest(l, 0, 1) == l->cur)
		l->top = 0;
	/* No empty space at the bottom while rows are hidden above. */
	if (n > page(l) && l->top > n - page(l))
		l->top = n - page(l);
	else if (n <= page(l))
		l->top = 0;
	return top != l->top;
}

/* The nearest row the cursor may rest on, looking from `row` in direction
 * dir first, then the other way; the row itself when none. */
static size_t nearest(const struct ui_list *l, size_t row, int dir)
{
	size_t n = count(l);
	if (n == 0)
		return 0;
	if (row >= n)
		row = n - 1;
	for (int pass = 0; pass < 2; pass++, dir = -dir)
		for (size_t r = row;; r += (size_t)(long)dir) {
			if (can_rest(l, r))
				return r;
			if ((dir < 0 && r == 0) || (dir > 0 && r + 1 >= n))
				break;
		}
	return row;
}

void ui_list_clamp(struct ui_list *l)
{
	l->cur = nearest(l, l->cur, 1);
	scroll_to_cursor(l);
}

void ui_list_place(struct ui_list *l, WINDOW *w, int y, int x, int height, int width)
{
	l->win = w;
	l->y = y;
	l->x = x;
	l->height = height;
	l->width = width;
	ui_list_clamp(l);
}

void ui_list_draw_row(struct ui_list *l, size_t row)
{
	if (!l->win || row < l->top || row >= l->top + page(l) || row >= count(l) || l->height <= 0)
		return;
	int y = l->y + (int)(row - l->top);
	bool current = l->focused && row == l->cur;
	if (!ui_term_arrow_cursor() || l->x < 1) {
		l->ops->draw(l->ctx, l->win, y, l->x, l->width, row, current);
		return;
	}
	l->ops->draw(l->ctx, l->win, y, l->x, l->width, row, false);
	wattrset(l->win, A_NORMAL);
	mvwaddch(l->win, y, l->x - 1, current ? '>' : ' ');
}

void ui_list_draw(struct ui_list *l)
{
	if (!l->win || l->height <= 0)
		return;
	size_t n = count(l);
	for (int i = 0; i < l->height; i++) {
		size_t row = l->top + (size_t)i;
		if (row < n) {
			ui_list_draw_row(l, row);
		} else {
			wattrset(l->win, A_NORMAL);
			mvwhline(l->win, l->y + i, l->x, ' ', l->width);
		}
	}
}

/* Moves to `row`: two rows redrawn when both are in view, else everything. */
static void go(struct ui_list *l, size_t row)
{
	size_t old = l->cur;
	l->cur = row;
	if (scroll_to_cursor(l)) {
		ui_list_draw(l);
		return;
	}
	if (old != row)
		ui_list_draw_row(l, old);
	ui_list_draw_row(l, row);
}

void ui_list_set_cursor(struct ui_list *l, size_t row)
{
	go(l, nearest(l, row, 1));
}

static size_t step(const struct ui_list *l, size_t from, int dir, size_t rows)
{
	size_t n = count(l), r = from;
	if (dir > 0)
		r = from + rows < n ? from + rows : (n ? n - 1 : 0);
	else
		r = from > rows ? from - rows : 0;
	return nearest(l, r, dir);
}

bool ui_list_move(struct ui_list *l, enum ui_action action)
{
	size_t n = count(l);
	switch (action) {
	case ACT_UP:
	case ACT_DOWN: {
		int dir = action == ACT_UP ? -1 : 1;
		/* The next row the cursor may rest on; stay put at the end. */
		for (size_t r = l->cur; n && (dir < 0 ? r > 0 : r + 1 < n);) {
			r += (size_t)(long)dir;
			if (can_rest(l, r)) {
				go(l, r);
				return true;
			}
		}
		/* Nowhere to rest: still scroll, so text-only pages read on. */
		if (dir < 0 && l->top > 0) {
			l->top--;
			ui_list_draw(l);
		} else if (dir > 0 && l->top + page(l) < n && l->cur > l->top) {
			l->top++;
			ui_list_draw(l);
		}
		return true;
	}
	case ACT_PAGE_UP: go(l, step(l, l->cur, -1, page(l))); return true;
	case ACT_PAGE_DOWN: go(l, step(l, l->cur, 1, page(l))); return true;
	case ACT_TOP: go(l, nearest(l, 0, 1)); return true;
	case ACT_BOTTOM: go(l, nearest(l, n ? n - 1 : 0, -1)); return true;
	default: return false;
	}
}

bool ui_list_find(struct ui_list *l, const char *needle, bool backward)
{
	size_t n = count(l);
	if (!l->ops->matches || !needle || !*needle || n == 0)
		return false;
	for (size_t k = 1; k <= n; k++) {
		size_t row = backward ? (l->cur + n - k) % n : (l->cur + k) % n;
		if (l->ops->matches(l->ctx, row, needle)) {
			go(l, row);
			return true;
		}
	}
	return false;
}

int ui_list_cursor_line(const struct ui_list *l)
{
	if (l->cur < l->top || l->cur >= l->top + page(l))
		return -1;
	return l->y + (int)(l->cur - l->top);
}
