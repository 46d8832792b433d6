/* A line too wide for the screen, in full: a table row as "Header : value" lines, else wrapped. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/i18n.h"
#include "util/strbuf.h"
#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/text.h"

struct detail {
	char *text; /* sanitized, '\n' between paragraphs */
	char **lines;
	size_t n;
	int wrapped_cols;
	struct ui_list list;
};

static size_t detail_count(void *ctx)
{
	return ((struct detail *)ctx)->n;
}

static void detail_draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct detail *d = ctx;
	ui_put(w, y, x, width, d->lines[row], current ? ui_attr(UI_CURSOR) : A_NORMAL, true);
}

static bool detail_matches(void *ctx, size_t row, const char *needle)
{
	struct detail *d = ctx;
	char *a = fold_label(d->lines[row]), *b = fold_label(needle);
	bool hit = *b && strstr(a, b);
	free(a);
	free(b);
	return hit;
}

static const struct ui_list_ops detail_list_ops = { detail_count, detail_draw_row, NULL,
	                                            detail_matches };

static void detail_draw(struct ui *ui, struct screen *s)
{
	struct detail *d = s->state;
	int cols = ui_body_cols(ui);
	if (d->wrapped_cols != cols) {
		ui_text_lines_free(d->lines, d->n);
		d->n = ui_text_wrap(d->text, (size_t)(cols > 2 ? cols - 2 : 1), &d->lines);
		d->wrapped_cols = cols;
	}
	werase(ui->body);
	ui_list_place(&d->list, ui->body, 0, 1, ui_body_rows(ui), cols - 2);
	ui_list_draw(&d->list);
}

static int detail_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	/* Enter and → have nothing more to open: back, as q. */
	if (action == ACT_ACTIVATE || action == ACT_RIGHT) {
		ui_pop(ui);
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_IGNORED;
}

static struct ui_list *detail_list(struct screen *s)
{
	return &((struct detail *)s->state)->list;
}

static void detail_destroy(struct ui *ui, struct screen *s)
{
	struct detail *d = s->state;
	ui_text_lines_free(d->lines, d->n);
	free(d->text);
	free(d);
}

static const struct screen_ops detail_ops = {
	.name = "ligne",
	.scope = SCOPE_LISTS,
	.draw = detail_draw,
	.key = detail_key,
	.list = detail_list,
	.destroy = detail_destroy,
	.hints = N_("j k scroll  Enter q back  Q quit"),
};

/* Cells of a table line, split at the separator and trimmed. */
static size_t split_cells(const char *line, const char *sep, char ***cells)
{
	size_t n = 0, seplen = strlen(sep);
	*cells = NULL;
	for (const char *p = line;;) {
		const char *end = strstr(p, sep);
		size_t len = end ? (size_t)(end - p) : strlen(p);
		while (len && p[len - 1] == ' ')
			len--;
		const char *start = p;
		while (len && *start == ' ') {
			start++;
			len--;
		}
		*cells = xreallocarray(*cells, n + 1, sizeof(char *));
		(*cells)[n++] = xstrndup(start, len);
		if (!end)
			break;
		p = end + seplen;
	}
	return n;
}

char *scr_detail_table_row(const char *header, const char *row, const char *sep)
{
	char **h, **c;
	size_t nh = split_cells(header, sep, &h), nc = split_cells(row, sep, &c);
	struct strbuf sb = STRBUF_INIT;
	for (size_t i = 0; i < nc; i++) {
		if (i)
			strbuf_putc(&sb, '\n');
		/* A cell spanning columns ("Solde dû") has no header of its own. */
		if (i < nh && *h[i] && nh == nc)
			strbuf_printf(&sb, _("%s: %s"), h[i], c[i]);
		else
			strbuf_puts(&sb, c[i]);
	}
	for (size_t i = 0; i < nh; i++)
		free(h[i]);
	for (size_t i = 0; i < nc; i++)
		free(c[i]);
	free(h);
	free(c);
	return strbuf_detach(&sb);
}

struct screen *scr_detail_new(struct ui *ui, const char *text)
{
	struct detail *d = xcalloc(1, sizeof(*d));
	d->text = xstrdup(text);
	ui_list_init(&d->list, &detail_list_ops, d);
	struct screen *base = ui_base(ui);
	char *path = xasprintf(_("%s » The whole line"),
	                       base && base->path ? base->path : "Accueil");
	struct screen *s = ui_screen_new(&detail_ops, d, path, base ? base->menu : -1);
	free(path);
	return s;
}
