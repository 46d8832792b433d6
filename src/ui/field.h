/* A one-line text field (the login name, the masked password, the search
 * prompt). The caller owns the buffer, so the password can live in locked
 * memory and be wiped where it is. */
#ifndef PF_UI_FIELD_H
#define PF_UI_FIELD_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>

struct ui;

struct ui_field {
	char *buf;  /* NUL-terminated UTF-8, owned by the caller */
	size_t cap; /* bytes in buf, the NUL included */
	size_t len;
	bool masked; /* drawn as one '*' per character */
};

/* Uses buf (cap bytes) and keeps what it holds. */
void ui_field_init(struct ui_field *f, char *buf, size_t cap, bool masked);
/* Edits with a key: printable bytes (UTF-8 sequences arrive byte by byte),
 * Backspace, Ctrl-U (erase all), Ctrl-W (erase a word). Returns true when
 * the key was for the field. */
bool ui_field_key(struct ui_field *f, int ch);
/* Draws the field in `width` columns (the end of the text when it is too
 * long) and puts the terminal cursor after the text when focused. */
void ui_field_draw(struct ui *ui, const struct ui_field *f, WINDOW *w, int y, int x, int width,
                   bool focused);
/* Wipes the buffer (explicit_bzero). */
void ui_field_clear(struct ui_field *f);

#endif
