/* Help: every key of the key table, grouped by where it works, the current screen's first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/text.h"

struct help {
	char **lines;
	size_t n;
	struct ui_list list;
};

static size_t help_count(void *ctx)
{
	return ((struct help *)ctx)->n;
}

static void help_draw_row(void *ctx, WINDOW *w, int y, int x, int width, size_t row, bool current)
{
	struct help *h = ctx;
	const char *line = h->lines[row];
	attr_t a = current                     ? ui_attr(UI_CURSOR)
	           : line[0] && line[0] != ' ' ? ui_attr(UI_HEADING)
	                                       : A_NORMAL;
	ui_put(w, y, x, width, line, a, true);
}

static bool help_matches(void *ctx, size_t row, const char *needle)
{
	struct help *h = ctx;
	char *a = fold_label(h->lines[row]), *b = fold_label(needle);
	bool hit = *b && strstr(a, b);
	free(a);
	free(b);
	return hit;
}

static const struct ui_list_ops help_list_ops = { help_count, help_draw_row, NULL, help_matches };

static void help_draw(struct ui *ui, struct screen *s)
{
	struct help *h = s->state;
	werase(ui->body);
	ui_list_place(&h->list, ui->body, 0, 1, ui_body_rows(ui), ui_body_cols(ui) - 2);
	ui_list_draw(&h->list);
}

static int help_key(struct ui *ui, struct screen *s, enum ui_action action, int ch)
{
	/* Menu keys and p leave the help as they would any screen. */
	return UI_IGNORED;
}

static struct ui_list *help_list(struct screen *s)
{
	return &((struct help *)s->state)->list;
}

static void help_destroy(struct ui *ui, struct screen *s)
{
	struct help *h = s->state;
	ui_key_help_free(h->lines, h->n);
	free(h);
}

static const struct screen_ops help_ops = {
	.name = "aide",
	.scope = SCOPE_LISTS,
	.draw = help_draw,
	.key = help_key,
	.list = help_list,
	.destroy = help_destroy,
	.hints = N_("j k Space scroll  / search  q back  Q quit"),
};

struct screen *scr_help_new(struct ui *ui)
{
	struct help *h = xcalloc(1, sizeof(*h));
	/* The keys of the screen it was asked from first: from the invoices,
	 * Space and a are on its first page. */
	struct screen *top = ui_top(ui);
	h->n = ui_key_help(ui->term.ascii, top ? top->ops->scope : SCOPE_LISTS, &h->lines);
	ui_list_init(&h->list, &help_list_ops, h);
	struct screen *base = ui_base(ui);
	char *path = xasprintf(_("%s » Program help"), base && base->path ? base->path : "Accueil");
	struct screen *s = ui_screen_new(&help_ops, h, path, base ? base->menu : -1);
	free(path);
	return s;
}
