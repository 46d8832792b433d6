/* The one list widget: the menu pages, the help, the links and the invoice
 * table are all a ui_list fed by callbacks (neomutt's menu, dialog's
 * checklist). The caller owns the rows and their state; the widget only
 * knows a count, how to draw row i, where the cursor may rest and what a
 * search matches. It draws as little as it can: moving the cursor redraws
 * two rows, not the list. */
#ifndef PF_UI_LIST_H
#define PF_UI_LIST_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"

struct ui_list_ops {
	size_t (*count)(void *ctx);
	/* Draws row `row` on line y of w, in exactly `width` columns from x
	 * (pad with spaces); `current` is true for the cursor row of a
	 * focused list. */
	void (*draw)(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current);
	/* May the cursor rest on this row? NULL = every row. */
	bool (*can_rest)(void *ctx, size_t row);
	/* Does the row match a search? NULL = the list cannot be searched. */
	bool (*matches)(void *ctx, size_t row, const char *needle);
};

struct ui_list {
	const struct ui_list_ops *ops;
	void *ctx;
	WINDOW *win;
	int y, x, height, width;
	size_t top, cur;
	bool focused;
};

void ui_list_init(struct ui_list *l, const struct ui_list_ops *ops, void *ctx);
/* Where the list draws; keeps the cursor in view. */
void ui_list_place(struct ui_list *l, WINDOW *w, int y, int x, int height, int width);
/* Draws every visible row and blanks the rest of the area. */
void ui_list_draw(struct ui_list *l);
/* Redraws one row if it is visible. */
void ui_list_draw_row(struct ui_list *l, size_t row);
/* Moves the cursor for ACT_UP/DOWN/PAGE_UP/PAGE_DOWN/TOP/BOTTOM, redrawing
 * what changed. Returns true when the action was a movement. */
bool ui_list_move(struct ui_list *l, enum ui_action action);
/* Puts the cursor on row (or the nearest row it may rest on). */
void ui_list_set_cursor(struct ui_list *l, size_t row);
/* After the rows changed: cursor and scroll back in range. */
void ui_list_clamp(struct ui_list *l);
/* Searches from the row after the cursor (before it when backward), wrapping
 * around; moves the cursor and returns true on a match. */
bool ui_list_find(struct ui_list *l, const char *needle, bool backward);
/* Screen line of the cursor in the list's window, -1 when out of view. */
int ui_list_cursor_line(const struct ui_list *l);

#endif
