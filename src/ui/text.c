/* Sanitized, column-aware text output for the screens. */
#include "config.h"

#include "ui/text.h"

#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "ui/term.h"

static int text_flags;

void ui_text_set_flags(int flags)
{
	text_flags = flags & SANITIZE_ASCII;
}

char *ui_text_safe(const char *s)
{
	return sanitize_str(s ? s : "", text_flags);
}

/* The one width rule (util/utf8.h), so the UI's columns align as page
 * and invoices do. */
size_t ui_text_fit(const char *s, size_t cols, size_t *used)
{
	return utf8_fit(s, strlen(s), cols, used);
}

size_t ui_text_width(const char *s)
{
	size_t used;
	ui_text_fit(s, (size_t)-1, &used);
	return used;
}

static int put_safe(WINDOW *w, int y, int x, int width, const char *safe, attr_t attr, bool pad)
{
	if (width <= 0)
		return 0;
	size_t used, cut = ui_text_fit(safe, (size_t)width, &used);
	wattrset(w, attr);
	wmove(w, y, x);
	if (safe[cut]) {
		/* Too long: keep room for the ellipsis. */
		const char *dots = ui_glyph(G_ELLIPSIS);
		size_t dw = ui_text_width(dots);
		cut = ui_text_fit(safe, (size_t)width > dw ? (size_t)width - dw : 0, &used);
		waddnstr(w, safe, (int)cut);
		if (used + dw <= (size_t)width) {
			waddstr(w, dots);
			used += dw;
		}
	} else {
		waddnstr(w, safe, (int)cut);
	}
	for (; pad && used < (size_t)width; used++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
	return (int)used;
}

int ui_put(WINDOW *w, int y, int x, int width, const char *s, attr_t attr, bool pad)
{
	char *safe = ui_text_safe(s);
	int n = put_safe(w, y, x, width, safe, attr, pad);
	free(safe);
	return n;
}

int ui_put_aligned(WINDOW *w, int y, int x, int width, const char *s, attr_t attr,
                   enum ui_align align)
{
	char *safe = ui_text_safe(s);
	size_t tw = ui_text_width(safe);
	int shift = 0;
	if (tw < (size_t)width)
		shift = align == UI_RIGHT    ? width - (int)tw
		        : align == UI_CENTER ? (width - (int)tw) / 2
		                             : 0;
	int n = put_safe(w, y, x + shift, width - shift, safe, attr, false);
	free(safe);
	return n;
}

static void push_line(char ***lines, size_t *n, const char *s, size_t len)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof(char *));
	(*lines)[(*n)++] = xstrndup(s, len);
}

/* One paragraph (no newline) into lines of at most width columns, breaking
 * at spaces when it can. */
static void wrap_paragraph(const char *p, size_t len, size_t width, char ***lines, size_t *n)
{
	char *para = xstrndup(p, len);
	const char *s = para;
	do {
		size_t used, fit = ui_text_fit(s, width, &used);
		if (s[fit] && fit > 0) {
			size_t brk = fit;
			while (brk > 0 && s[brk] != ' ')
				brk--;
			if (brk > 0)
				fit = brk;
		} else if (s[fit] && fit == 0) {
			unsigned long cp;
			fit = utf8_decode(s, strlen(s), &cp); /* one wide char */
		}
		push_line(lines, n, s, fit);
		s += fit;
		while (*s == ' ')
			s++;
	} while (*s);
	free(para);
}

size_t ui_text_wrap(const char *text, size_t width, char ***lines)
{
	size_t n = 0;
	*lines = NULL;
	if (width == 0)
		width = 1;
	const char *p = text ? text : "";
	for (;;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (len == 0)
			push_line(lines, &n, "", 0);
		else
			wrap_paragraph(p, len, width, lines, &n);
		if (!nl)
			break;
		p = nl + 1;
	}
	return n;
}

void ui_text_lines_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
