/* The header (town, menu bar, "Vous êtes ici") and the refusal of a window too small. */
#include "config.h"

#include <stdlib.h>

#include "util/i18n.h"
#include "util/xalloc.h"
#include "ui/app.h"
#include "ui/text.h"

/* The menu bar's labels, widest first: the first variant that fits the
 * window is used (80 columns take the third, 60 the fourth). Entry 7 is
 * the portal's "Comment utiliser le portail ?", never called "Aide":
 * "? Aide" is this program's. The portal's words: never translated. */
#define MENU_VARIANTS 4
static const char *const menu_labels[7][MENU_VARIANTS] = {
	{ "Accueil", "Accueil", "Accueil", "Acc." },
	{ "Mon tableau de bord", "Tableau de bord", "Tableau", "Tabl." },
	{ "Ma famille", "Famille", "Famille", "Fam." },
	{ "Mes coordonnées", "Coordonnées", "Coord.", "Coord." },
	{ "Mes inscriptions", "Inscriptions", "Inscriptions", "Inscr." },
	{ "Mon compte", "Compte", "Compte", "Compte" },
	{ "Comment utiliser le portail ?", "Mode d'emploi", "Mode d'emploi", "Emploi" },
};

static int menu_width(int variant, int gap)
{
	int w = 0;
	for (int i = 0; i < 7; i++)
		w += 2 + (int)ui_text_width(menu_labels[i][variant]) + (i ? gap : 0);
	return w;
}

static void draw_menu(struct ui *ui, int current)
{
	int cols = getmaxx(ui->hdr), variant = MENU_VARIANTS - 1, gap = 1;
	for (int v = 0; v < MENU_VARIANTS; v++)
		if (menu_width(v, 2) + 1 <= cols) {
			variant = v;
			gap = 2;
			break;
		} else if (menu_width(v, 1) + 1 <= cols) {
			variant = v;
			break;
		}
	int x = 1;
	for (int i = 0; i < 7 && x < cols; i++) {
		char *item = xasprintf("%d %s", i + 1, menu_labels[i][variant]);
		attr_t a = ui_attr(i == current ? UI_MENU_CURRENT : UI_MENU);
		x += ui_put(ui->hdr, 1, x, cols - x, item, a, false) + gap;
		free(item);
	}
}

void ui_draw_header(struct ui *ui)
{
	WINDOW *h = ui->hdr;
	int cols = getmaxx(h);
	struct screen *base = ui_base(ui);
	werase(h);
	const char *dash = ui->term.ascii ? "-" : "—";
	char *portal = ui->town ? xasprintf("Portail familles %s Ville de %s", dash, ui->town)
	                        : xstrdup("Portail familles");
	/* Which account, when the config file has several (--profile, A). */
	char *title = ui->options->nprofiles && ui->options->profile
	                      ? xasprintf("%s [%s]", portal, ui->options->profile)
	                      : xstrdup(portal);
	free(portal);
	/* Narrower than 80 columns: the short form of the keys on the right. */
	const char *keys = cols >= 80 ? _("p Pay my invoices  ? Help") : _("p Pay  ? Help");
	int kw = (int)ui_text_width(keys);
	ui_put(h, 0, 1, cols - kw - 2, title, ui_attr(UI_TITLE), false);
	free(title);
	ui_put_aligned(h, 0, cols - kw - 1, kw, keys, ui_attr(UI_DIM), UI_RIGHT);
	if (ui->logged_in)
		draw_menu(ui, base ? base->menu : -1);
	char *path = xasprintf("Vous êtes ici : %s", base && base->path ? base->path : "");
	ui_put(h, 2, 1, cols - 2, path, A_NORMAL, false);
	free(path);
	ui_hline(h, 3, 0, cols);
}

/* The refusal fits the window it is shown in: the longest wording whose
 * lines all fit, wrapped over the rows there are. */
void ui_draw_too_small(void)
{
	werase(stdscr);
	char *texts[3] = {
		xasprintf(_("Enlarge the window: %d×%d at least (now %d×%d).\nq: quit."),
		          UI_MIN_COLS, UI_MIN_ROWS, COLS, LINES),
		xasprintf(_("Window too small\n%d×%d minimum (%d×%d)\nq: quit"), UI_MIN_COLS,
		          UI_MIN_ROWS, COLS, LINES),
		xasprintf(_("%d×%d min\nq quit"), UI_MIN_COLS, UI_MIN_ROWS),
	};
	for (int t = 0; t < 3; t++) {
		char **lines;
		size_t n = ui_text_wrap(texts[t], (size_t)COLS, &lines);
		/* Every line on the window, else a shorter wording. */
		bool fits = (int)n <= LINES;
		for (size_t i = 0; i < n && (t == 2 || fits) && (int)i < LINES; i++)
			ui_put(stdscr, (int)i, 0, COLS, lines[i], A_BOLD, false);
		ui_text_lines_free(lines, n);
		if (fits || t == 2)
			break;
	}
	for (int t = 0; t < 3; t++)
		free(texts[t]);
	wnoutrefresh(stdscr);
}
