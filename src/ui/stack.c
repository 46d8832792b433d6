/* The screen stack and moving between screens: menus, invoices, quitting, the browser. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "money.h"
#include "app/browser.h"
#include "ui/app.h"
#include "ui/dialog.h"
#include "ui/text.h"

/* ---- the stack ---- */

struct screen *ui_screen_new(const struct screen_ops *ops, void *state, const char *path, int menu)
{
	static unsigned next_id;
	struct screen *s = xcalloc(1, sizeof(*s));
	s->id = ++next_id;
	s->ops = ops;
	s->state = state;
	s->path = path ? ui_text_safe(path) : NULL;
	s->menu = menu;
	return s;
}

void ui_set_path(struct ui *ui, struct screen *s, const char *path)
{
	free(s->path);
	s->path = path && *path ? ui_text_safe(path) : NULL;
	ui_redraw(ui);
}

static void destroy(struct ui *ui, struct screen *s)
{
	if (s->ops->destroy)
		s->ops->destroy(ui, s);
	if (s->win)
		delwin(s->win);
	free(s->path);
	free(s);
}

struct screen *ui_top(const struct ui *ui)
{
	return ui->depth ? ui->stack[ui->depth - 1] : NULL;
}

struct screen *ui_base(const struct ui *ui)
{
	for (size_t i = ui->depth; i > 0; i--)
		if (!ui->stack[i - 1]->overlay)
			return ui->stack[i - 1];
	return NULL;
}

bool ui_on_stack(const struct ui *ui, const struct screen *s)
{
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i] == s)
			return true;
	return false;
}

struct screen *ui_find_screen(const struct ui *ui, unsigned id)
{
	for (size_t i = 0; i < ui->depth; i++)
		if (ui->stack[i]->id == id)
			return ui->stack[i];
	return NULL;
}

void ui_push(struct ui *ui, struct screen *s)
{
	ui->stack = xreallocarray(ui->stack, ui->depth + 1, sizeof(*ui->stack));
	ui->stack[ui->depth++] = s;
	ui->cursor_win = NULL;
	ui_redraw(ui);
	if (s->ops->enter)
		s->ops->enter(ui, s);
}

void ui_pop(struct ui *ui)
{
	if (ui->depth <= 1)
		return;
	struct screen *s = ui->stack[--ui->depth];
	ui->cursor_win = NULL;
	ui_redraw(ui);
	destroy(ui, s);
}

void ui_pop_to(struct ui *ui, struct screen *s)
{
	while (ui->depth > 1 && ui_top(ui) != s && ui_on_stack(ui, s))
		ui_pop(ui);
}

void ui_set_root(struct ui *ui, struct screen *s)
{
	/* Screens go from the top down, so a dialog's answer callback never
	 * sees its screen half gone. */
	while (ui->depth > 0)
		destroy(ui, ui->stack[--ui->depth]);
	ui_push(ui, s);
}

void ui_stack_free(struct ui *ui)
{
	while (ui->depth > 0)
		destroy(ui, ui->stack[--ui->depth]);
	free(ui->stack);
	ui->stack = NULL;
}

/* ---- navigation ---- */

void ui_open_menu(struct ui *ui, int entry)
{
	if (!ui->logged_in || ui->depth == 0 || entry < 0 || entry > 6)
		return;
	struct screen *root = ui->stack[0];
	struct screen *base = ui_base(ui);
	/* Already on that menu's own page; a screen under the menu (the
	 * invoices, under Mon compte) still opens the page itself. */
	if (base && base->menu == entry && ui_top(ui) == base &&
	    strcmp(base->ops->name, "page") == 0)
		return;
	ui_pop_to(ui, root);
	if (entry > 0)
		ui_push(ui, scr_page_new(ui, entry));
}

void ui_open_invoices(struct ui *ui)
{
	if (!ui->logged_in || ui->depth == 0)
		return;
	ui_pop_to(ui, ui->stack[0]);
	ui_push(ui, scr_invoices_new(ui));
}

void ui_browse(struct ui *ui, const char *url)
{
	char *err = NULL;
	ui_term_suspend();
	int rc = browser_open(url, &err);
	ui_term_resume();
	ui_repaint(ui);
	if (rc < 0) {
		ui_status_error(ui, "%s", err ? err : _("browser: failed"));
		free(err);
	}
}

static void on_quit_answer(struct ui *ui, bool yes, void *arg)
{
	if (ui && yes)
		ui->quit = true;
}

void ui_request_quit(struct ui *ui)
{
	if (!invlist_differs_from_served(ui->selection)) {
		ui->quit = true;
		return;
	}
	size_t n = invlist_count(ui->selection);
	char amount[32];
	money_format(invlist_total(ui->selection), MONEY_FR, amount, sizeof(amount));
	/* Short: "sera perdue" on one line at 80 columns. */
	char *text = xasprintf(ngettext("The changed selection (%zu invoice, %s €) will be lost.",
	                                "The changed selection (%zu invoices, %s €) will be lost.",
	                                (unsigned long)n),
	                       n, amount);
	dialog_confirm(ui, _("Quit?"), text, _("quit"), _("stay"), false, on_quit_answer, NULL);
	free(text);
}
