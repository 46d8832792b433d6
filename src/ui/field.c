/* One-line text input with masking, over a caller-owned buffer. */
#include "config.h"

#include "ui/field.h"

#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "ui/app.h"
#include "ui/text.h"

#define CTRL(c) ((c)&0x1f)

void ui_field_init(struct ui_field *f, char *buf, size_t cap, bool masked)
{
	f->buf = buf;
	f->cap = cap;
	f->masked = masked;
	f->len = strnlen(buf, cap ? cap - 1 : 0);
	if (cap)
		buf[f->len] = '\0';
}

/* Removes the last character (a whole UTF-8 sequence). */
static void erase_char(struct ui_field *f)
{
	while (f->len > 0) {
		unsigned char c = (unsigned char)f->buf[--f->len];
		if ((c & 0xc0) != 0x80)
			break;
	}
	explicit_bzero(f->buf + f->len, f->cap - f->len);
}

static void erase_word(struct ui_field *f)
{
	while (f->len > 0 && f->buf[f->len - 1] == ' ')
		erase_char(f);
	while (f->len > 0 && f->buf[f->len - 1] != ' ')
		erase_char(f);
}

bool ui_field_key(struct ui_field *f, int ch)
{
	if (ch == KEY_BACKSPACE || ch == 127 || ch == CTRL('h')) {
		erase_char(f);
		return true;
	}
	if (ch == CTRL('u')) {
		ui_field_clear(f);
		return true;
	}
	if (ch == CTRL('w')) {
		erase_word(f);
		return true;
	}
	/* Printable ASCII and the bytes of UTF-8 sequences; never controls. */
	if (ch < 0x20 || ch == 0x7f || ch > 0xff)
		return false;
	if (f->len + 1 >= f->cap)
		return true; /* full: swallow rather than beep */
	f->buf[f->len++] = (char)ch;
	f->buf[f->len] = '\0';
	return true;
}

void ui_field_draw(struct ui *ui, const struct ui_field *f, WINDOW *w, int y, int x, int width,
                   bool focused)
{
	if (width <= 1)
		return;
	struct strbuf shown = STRBUF_INIT;
	if (f->masked) {
		for (size_t i = 0; i < f->len; i++)
			if (((unsigned char)f->buf[i] & 0xc0) != 0x80)
				strbuf_putc(&shown, '*');
	} else {
		strbuf_append(&shown, f->buf, f->len);
	}
	char *safe = ui_text_safe(shown.data ? shown.data : "");
	strbuf_release(&shown);
	/* Keep the end in view: drop characters from the front. */
	const char *start = safe;
	while (*start && ui_text_width(start) > (size_t)(width - 1)) {
		unsigned long cp;
		start += utf8_decode(start, strlen(start), &cp);
	}
	attr_t attr = focused ? A_UNDERLINE : A_NORMAL;
	int used = ui_put(w, y, x, width, start, attr, true);
	if (focused)
		ui_set_cursor(ui, w, y, x + used);
	free(safe);
}

void ui_field_clear(struct ui_field *f)
{
	if (f->cap)
		explicit_bzero(f->buf, f->cap);
	f->len = 0;
}
