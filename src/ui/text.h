/* Putting text on the screen: every string goes through sanitize first
 * (page text is never trusted, and our own French needs folding on an ASCII
 * terminal), then is measured in columns and clipped to the room it has. */
#ifndef PF_UI_TEXT_H
#define PF_UI_TEXT_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

/* The flags every string is sanitized with (set once by the UI). */
void ui_text_set_flags(int sanitize_flags);
/* A sanitized, single-line copy of s (NULL gives ""), newly allocated. */
char *ui_text_safe(const char *s);
/* Columns a (sanitized, valid UTF-8) string takes on the terminal. */
size_t ui_text_width(const char *s);
/* Bytes of s that fit in `cols` columns; *used receives their width. */
size_t ui_text_fit(const char *s, size_t cols, size_t *used);

enum ui_align {
	UI_LEFT,
	UI_RIGHT,
	UI_CENTER
};

/* Draws s (sanitized here) at y, x in at most `width` columns with attr,
 * cut with an ellipsis when too long; with pad, fills the rest of width
 * with spaces (so a redraw over older text needs no erase). Returns the
 * columns written. */
int ui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad);
int ui_put_aligned(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
                   enum ui_align align);

/* Wraps a sanitized multi-line text to `width` columns: an owned array of
 * owned lines (free with ui_text_lines_free). Long words are cut. */
size_t ui_text_wrap(const char *text, size_t width, char ***lines);
void ui_text_lines_free(char **lines, size_t n);

#endif
