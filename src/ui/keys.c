/* The key table: every binding, its action, and the words the help screen shows. */
#include "config.h"

#include "ui/keys.h"

#include <curses.h>
#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"

#define CTRL(c) ((c)&0x1f)

struct binding {
	int keys[4];             /* 0 ends the list */
	const char *names;       /* as the help shows them (UTF-8) */
	const char *ascii_names; /* NULL = same */
	enum ui_action action;
	enum ui_key_scope scope;
	const char *help;
};

/* A table, aligned by hand: */
/* clang-format off */
static const struct binding bindings[] = {
	{ { KEY_UP, 'k' }, "↑ k", "Up k", ACT_UP, SCOPE_LISTS, N_("previous line") },
	{ { KEY_DOWN, 'j' }, "↓ j", "Down j", ACT_DOWN, SCOPE_LISTS, N_("next line") },
	{ { KEY_PPAGE, 'b', CTRL('b') }, "PgUp b", NULL, ACT_PAGE_UP, SCOPE_LISTS,
	  N_("previous page (also Ctrl-B)") },
	{ { KEY_NPAGE, CTRL('f'), ' ' }, N_("PgDn Space"), NULL, ACT_PAGE_DOWN, SCOPE_LISTS,
	  N_("next page (also Ctrl-F)") },
	{ { 'g', KEY_HOME }, "g Home", NULL, ACT_TOP, SCOPE_LISTS, N_("top") },
	{ { 'G', KEY_END }, "G End", NULL, ACT_BOTTOM, SCOPE_LISTS, N_("bottom") },
	{ { '\t' }, "Tab", NULL, ACT_NEXT_AREA, SCOPE_LISTS, N_("next area (text, links, fields)") },
	{ { KEY_BTAB }, N_("Shift-Tab"), NULL, ACT_PREV_AREA, SCOPE_LISTS, N_("previous area") },
	{ { '\n', '\r', KEY_ENTER }, N_("Enter"), NULL, ACT_ACTIVATE, SCOPE_LISTS,
	  N_("open the link, the cut line in full; confirm") },
	{ { KEY_RIGHT, 'l' }, "→ l", "Right l", ACT_RIGHT, SCOPE_LISTS,
	  N_("as Enter on a link; else scroll right (wide line)") },
	{ { KEY_LEFT, 'h' }, "← h", "Left h", ACT_LEFT, SCOPE_LISTS,
	  N_("scroll left; at the left edge, the previous screen") },
	{ { '/' }, "/", NULL, ACT_SEARCH, SCOPE_LISTS, N_("search") },
	{ { 'n' }, "n", NULL, ACT_SEARCH_NEXT, SCOPE_LISTS, N_("next match") },
	{ { 'N' }, "N", NULL, ACT_SEARCH_PREV, SCOPE_LISTS, N_("previous match") },
	{ { '1' }, "1", NULL, ACT_MENU_1, SCOPE_EVERYWHERE, "Accueil" },
	{ { '2' }, "2", NULL, ACT_MENU_2, SCOPE_EVERYWHERE, "Mon tableau de bord" },
	{ { '3' }, "3", NULL, ACT_MENU_3, SCOPE_EVERYWHERE, "Ma famille" },
	{ { '4' }, "4", NULL, ACT_MENU_4, SCOPE_EVERYWHERE, "Mes coordonnées" },
	{ { '5' }, "5", NULL, ACT_MENU_5, SCOPE_EVERYWHERE, "Mes inscriptions" },
	{ { '6' }, "6", NULL, ACT_MENU_6, SCOPE_EVERYWHERE, "Mon compte" },
	{ { '7' }, "7", NULL, ACT_MENU_7, SCOPE_EVERYWHERE,
	  N_("User guide (\"Comment utiliser le portail ?\")") },
	{ { 'p' }, "p", NULL, ACT_PAY_SCREEN, SCOPE_EVERYWHERE, "Payer mes factures" },
	{ { 'H' }, "H", NULL, ACT_PAYMENTS, SCOPE_LISTS,
	  N_("Mon compte: payment history (Historique des règlements)") },
	{ { 'A' }, "A", NULL, ACT_ACCOUNTS, SCOPE_EVERYWHERE,
	  N_("another account (the config file's profiles)") },
	{ { 'r', KEY_F(5) }, "r F5", NULL, ACT_REFRESH, SCOPE_EVERYWHERE,
	  N_("read the page again from the portal") },
	{ { '?', KEY_F(1) }, "? F1", NULL, ACT_HELP, SCOPE_EVERYWHERE, N_("this help") },
	{ { CTRL('l') }, "Ctrl-L", NULL, ACT_REDRAW, SCOPE_EVERYWHERE, N_("redraw the screen") },
	{ { 27, KEY_BACKSPACE }, N_("Esc"), "Esc", ACT_BACK, SCOPE_EVERYWHERE,
	  N_("previous screen") },
	{ { 'q' }, "q", NULL, ACT_QUIT, SCOPE_EVERYWHERE,
	  N_("previous screen; quit from the home screen") },
	{ { 'Q' }, "Q", NULL, ACT_QUIT_ALL, SCOPE_EVERYWHERE,
	  N_("quit from any screen") },
	{ { CTRL('c') }, "Ctrl-C", NULL, ACT_CANCEL, SCOPE_EVERYWHERE,
	  N_("cancel the wait on the network; else as q") },
	{ { ' ' }, N_("Space"), NULL, ACT_TOGGLE, SCOPE_INVOICES, N_("check / uncheck the invoice") },
	{ { '\n', '\r', KEY_ENTER }, N_("Enter"), NULL, ACT_ACTIVATE, SCOPE_INVOICES,
	  N_("pay the selection") },
	{ { 'a' }, "a", NULL, ACT_TOGGLE_REGIE, SCOPE_INVOICES,
	  N_("check / uncheck every payable invoice of the régie") },
	{ { 'd' }, "d", NULL, ACT_DOWNLOAD, SCOPE_INVOICES,
	  N_("save the invoice's PDF in the Downloads folder") },
	{ { 'o' }, "o", NULL, ACT_OPEN, SCOPE_HANDOFF, N_("open the payment in $BROWSER") },
	{ { 'c' }, "c", NULL, ACT_COPY, SCOPE_HANDOFF,
	  N_("copy the payment's address (clipboard, OSC 52)") },
	{ { 'v' }, "v", NULL, ACT_QR, SCOPE_HANDOFF, N_("QR code, full screen") },
	{ { 'o', 'O', 'y', 'Y' }, "o y", NULL, ACT_YES, SCOPE_DIALOGS, N_("yes") },
	{ { 'n', 'N' }, "n", NULL, ACT_NO, SCOPE_DIALOGS, N_("no") },
};
/* clang-format on */

#define NBINDINGS (sizeof(bindings) / sizeof(bindings[0]))

static bool binds(const struct binding *b, int ch)
{
	for (size_t k = 0; k < 4 && b->keys[k]; k++)
		if (b->keys[k] == ch)
			return true;
	return false;
}

enum ui_action ui_key_action(int ch, enum ui_key_scope preferred)
{
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].scope == preferred && binds(&bindings[i], ch))
			return bindings[i].action;
	for (size_t i = 0; i < NBINDINGS; i++)
		if (bindings[i].scope != SCOPE_DIALOGS && binds(&bindings[i], ch))
			return bindings[i].action;
	return ACT_NONE;
}

static const char *const scope_titles[SCOPE_COUNT_] = {
	[SCOPE_EVERYWHERE] = N_("Everywhere"),
	[SCOPE_LISTS] = N_("Lists, pages and tables"),
	[SCOPE_INVOICES] = N_("Invoices (Payer mes factures)"),
	[SCOPE_HANDOFF] = N_("Payment"),
	[SCOPE_DIALOGS] = N_("Questions"),
};

static void push(char ***lines, size_t *n, char *line)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof(char *));
	(*lines)[(*n)++] = line;
}

/* Columns of a short UTF-8 label: every glyph in the table is one column
 * wide, so counting characters is enough (printf pads bytes). */
static char *padded(const char *names, size_t cols)
{
	size_t chars = 0;
	for (const unsigned char *p = (const unsigned char *)names; *p; p++)
		chars += (*p & 0xc0) != 0x80;
	return xasprintf("%s%*s", names, chars < cols ? (int)(cols - chars) : 0, "");
}

/* The order of the help's sections: the screen's own keys, then the
 * lists' (moving, opening, searching), then the rest in table order. */
static void scope_order(enum ui_key_scope first, int order[SCOPE_COUNT_])
{
	size_t k = 0;
	order[k++] = (int)first;
	if (first != SCOPE_LISTS)
		order[k++] = SCOPE_LISTS;
	for (int scope = 0; scope < SCOPE_COUNT_; scope++)
		if (scope != (int)first && scope != SCOPE_LISTS)
			order[k++] = scope;
}

size_t ui_key_help(int ascii, enum ui_key_scope first, char ***lines)
{
	size_t n = 0;
	int order[SCOPE_COUNT_];
	*lines = NULL;
	scope_order((unsigned)first < SCOPE_COUNT_ ? first : SCOPE_LISTS, order);
	for (int k = 0; k < SCOPE_COUNT_; k++) {
		int scope = order[k];
		if (n)
			push(lines, &n, xstrdup(""));
		push(lines, &n, xstrdup(_(scope_titles[scope])));
		for (size_t i = 0; i < NBINDINGS; i++) {
			const struct binding *b = &bindings[i];
			if ((int)b->scope != scope)
				continue;
			const char *names = _(ascii && b->ascii_names ? b->ascii_names : b->names);
			char *keys = padded(names, 12);
			push(lines, &n, xasprintf("  %s %s", keys, _(b->help)));
			free(keys);
		}
	}
	return n;
}

void ui_key_help_free(char **lines, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}
