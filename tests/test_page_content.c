/* Page content: the part of a page between the breadcrumb and the footer as
 * blocks, and those blocks as terminal text (golden files under
 * tests/fixtures/pages/NAME.txt; PF_UPDATE_GOLDEN=1 rewrites them). */
#include "config.h"

#include "util/sanitize.h"
#include "util/strbuf.h"
#include "portal/page_content.h"
#include "page_fixtures.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* A logged-in page around `content`, as the portal lays it out. */
static char *portal_page(const char *content)
{
	return xasprintf(
	        "<html><head><title>Portail familles - Essai</title></head><body>"
	        "<table><tr><td><a href=compte_factures.php5>Payer mes factures</a><br>"
	        "Solde des factures : 12,00 &euro;<td>Ville de <b>L'Horme</b><td>Le <b>Portail "
	        "familles</b><br><a href=logout.php5>Se d&eacute;connecter</a></table>"
	        "<table><tr><td><a href=accueil.php5>Accueil</a> | <a href=famille.php5>Ma famille</a>"
	        "</table><table><tr><td class=ariane>Vous &ecirc;tes ici : <a href=accueil.php5>"
	        "Accueil</a> &raquo; Essai</table>"
	        "<table><tr><td>%s</table>"
	        "<p>Vous pouvez &eacute;galement : <a href=#haut>Retourner en haut de la page</a>"
	        "<table><tr><td>Tous droits r&eacute;serv&eacute;s &agrave; AIGA 2015 | "
	        "<a href=mentions.php5>Mentions l&eacute;gales</a></table></body></html>",
	        content);
}

static struct page_content *parse_content(const char *html)
{
	struct html_doc *doc = parse_html(html);
	struct page_content *pc = NULL;
	char *err = NULL;
	if (page_content_parse(doc, PAGE_BASE "essai.php5", &pc, &err) < 0)
		fail_msg("refused: %s", err);
	html_doc_free(&doc);
	return pc;
}

static struct page_content *parse_in_portal(const char *content)
{
	char *html = portal_page(content);
	struct page_content *pc = parse_content(html);
	free(html);
	return pc;
}

static char *to_text(const char *content, size_t width, int flags)
{
	struct page_content *pc = parse_in_portal(content);
	char *text = page_content_to_text(pc, width, flags);
	page_content_free(&pc);
	return text;
}

/* ---- degenerate pages ---- */

static void test_refuses_pages_without_content(void **state)
{
	static const char *const pages[] = {
		"",
		"<html><body></body></html>",
		"<html><body><script>document.write('x')</script><p style='display:none'>cach&eacute;"
		"</body></html>",
		"<table><tr><td>Vous &ecirc;tes ici : Accueil</table>"
		"<p>Tous droits r&eacute;serv&eacute;s &agrave; AIGA 2015",
	};
	for (size_t i = 0; i < N_ELEMS(pages); i++) {
		struct html_doc *doc = parse_html(pages[i]);
		struct page_content *pc = NULL;
		char *err = NULL;
		if (page_content_parse(doc, PAGE_BASE, &pc, &err) == 0)
			fail_msg("page %zu accepted", i);
		assert_null(pc);
		assert_non_null(strstr(err, "no readable content"));
		free(err);
		html_doc_free(&doc);
	}
	page_content_free(NULL);
	struct page_content *none = NULL;
	page_content_free(&none);
}

/* ---- the content's region ---- */

static void test_region_between_breadcrumb_and_footer(void **state)
{
	struct page_content *pc = parse_in_portal("<p>Premier paragraphe.<p>Second.");
	assert_string_equal(pc->breadcrumb, "Accueil » Essai");
	assert_string_equal(pc->title, "Essai");
	assert_int_equal(pc->nblocks, 2);
	assert_string_equal(pc->blocks[0].text, "Premier paragraphe.");
	assert_string_equal(pc->blocks[1].text, "Second.");
	assert_int_equal(pc->nlinks, 0);
	page_content_free(&pc);
}

static void test_breadcrumb_inside_the_content_cell(void **state)
{
	/* The path shares its cell with the content: only its own run of
	 * inline nodes is the breadcrumb. */
	char *filler = xcalloc(1, 400);
	memset(filler, 'x', 399);
	char *html = xasprintf("<table><tr><td><font size=1>Vous &ecirc;tes ici :</font> "
	                       "<a href=a.php5>Accueil</a> &raquo; Ma famille<br>"
	                       "<p>Famille : <b>MARTIN</b><p>%s</table>",
	                       filler);
	struct page_content *pc = parse_content(html);
	assert_string_equal(pc->breadcrumb, "Accueil » Ma famille");
	assert_string_equal(pc->blocks[0].text, "Famille : MARTIN");
	assert_string_equal(pc->title, "Ma famille"); /* no <title>: the last step */
	page_content_free(&pc);
	free(html);
	free(filler);
}

static void test_title_sources(void **state)
{
	static const struct {
		const char *html, *title, *first;
	} cases[] = {
		{ "<h1>Ma famille</h1><p>x", "Ma famille", "x" },
		{ "<h2>Sous-titre</h2><p>x", "Essai", "Sous-titre" },
		{ "<p class=titre><b>Essai</b><p>x", "Essai", "x" },
		{ "<h1><a href=a.php5>Lien</a></h1><p>x", "Essai", "Lien" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct page_content *pc = parse_in_portal(cases[i].html);
		assert_string_equal(pc->title, cases[i].title);
		assert_string_equal(pc->blocks[0].text, cases[i].first);
		for (size_t k = 0; k < pc->nlinks; k++)
			assert_true(pc->links[k].block < pc->nblocks);
		page_content_free(&pc);
	}
	struct page_content *pc = parse_content(
	        "<title>Portail familles</title><body><table><tr><td>Vous &ecirc;tes ici : Accueil"
	        "</table><p>Bonjour");
	assert_string_equal(pc->title, "Accueil");
	page_content_free(&pc);
	pc = parse_content("<title>Mes inscriptions - Portail familles</title><p>Bonjour");
	assert_string_equal(pc->title, "Mes inscriptions - Portail familles");
	page_content_free(&pc);
}

static void test_menu_lines_are_chrome(void **state)
{
	struct page_content *pc = parse_in_portal(
	        "<p><a href=tableau_bord.php5>+ Mon tableau de bord</a><br>"
	        "<a href=famille.php5>+ Ma famille</a><br>"
	        "<p><a href=accueil.php5>Accueil</a> &raquo; <a href=compte.php5>Mon compte</a>"
	        "<ul><li><a href=compte_factures.php5>D&eacute;tail financier par facture</a></ul>"
	        "<p>Solde : 12,00 &euro; - <a href=compte_factures.php5>Payer mes factures</a>"
	        "<p><a href=compte_factures.php5>Payer mes factures</a>"
	        "<p><a href=famille.php5>Voir ma famille</a>");
	assert_int_equal(pc->nblocks, 4);
	assert_int_equal(pc->blocks[0].kind, BLOCK_LIST_ITEM);
	assert_string_equal(pc->blocks[0].text, "Détail financier par facture");
	assert_string_equal(pc->blocks[1].text, "Solde : 12,00 € - Payer mes factures");
	assert_string_equal(pc->blocks[2].text, "Payer mes factures");
	assert_string_equal(pc->blocks[3].text, "Voir ma famille");
	assert_int_equal(pc->nlinks, 4);
	assert_int_equal(pc->links[0].block, 0);
	assert_int_equal(pc->links[1].block, 1);
	assert_int_equal(pc->links[1].offset, 20); /* bytes: "€" is 3 */
	assert_string_equal(pc->links[1].text, "Payer mes factures");
	assert_string_equal(pc->links[1].url, PAGE_BASE "compte_factures.php5");
	page_content_free(&pc);
}

static void test_public_page_without_breadcrumb(void **state)
{
	struct page_content *pc = parse_content(
	        "<title>Portail familles - Connexion</title><body>"
	        "<table><tr><td>&nbsp;<td><font size=5>Ville de <b>L'Horme</b></font><br>"
	        "Commune de Saint-Etienne M&eacute;tropole<td>Le <b>Portail familles</b></table>"
	        "<p>Veuillez vous identifier.</body>");
	assert_string_equal(pc->breadcrumb, "");
	assert_string_equal(pc->title, "Connexion");
	assert_int_equal(pc->nblocks, 1);
	assert_string_equal(pc->blocks[0].text, "Veuillez vous identifier.");
	page_content_free(&pc);
}

/* ---- lines ---- */

static void test_line_kinds(void **state)
{
	static const struct {
		const char *html;
		enum page_block_kind kind;
		int level;
		bool continued;
		const char *text;
	} cases[] = {
		{ "<h3>Titre trois</h3>", BLOCK_HEADING, 3, false, "Titre trois" },
		{ "<p class=\"titre_page\">Titre de classe", BLOCK_HEADING, 2, false,
		  "Titre de classe" },
		{ "<p><b>Tout</b> <strong>en gras</strong>", BLOCK_HEADING, 3, false,
		  "Tout en gras" },
		{ "<p><b>Un long texte tout en gras n'est pas un titre mais un paragraphe qu'on a voulu "
		  "mettre en valeur sur plusieurs lignes de texte.</b>",
		  BLOCK_PARAGRAPH, 0, false,
		  "Un long texte tout en gras n'est pas un titre mais un paragraphe qu'on a voulu mettre "
		  "en valeur sur plusieurs lignes de texte." },
		{ "<p>Famille : <b>MARTIN</b>", BLOCK_PARAGRAPH, 0, false, "Famille : MARTIN" },
		{ "<p><b><a href=x.php5>Gras et lien</a></b>", BLOCK_PARAGRAPH, 0, false,
		  "Gras et lien" },
		{ "<ul><li>Un</ul>", BLOCK_LIST_ITEM, 1, false, "Un" },
		{ "<ul><li>Un<ol><li>Deux</ol></ul>", BLOCK_LIST_ITEM, 2, false, "Deux" },
		{ "<p>- Tiret", BLOCK_LIST_ITEM, 1, false, "Tiret" },
		{ "<p>&bull; Puce", BLOCK_LIST_ITEM, 1, false, "Puce" },
		{ "<p>Ligne 1<br>Ligne 2", BLOCK_PARAGRAPH, 0, true, "Ligne 2" },
		{ "<p>Ligne 1<br><br>Ligne 2", BLOCK_PARAGRAPH, 0, false, "Ligne 2" },
		{ "<p>Texte <input type=submit value=\"R&egrave;glement\"> "
		  "<input type=checkbox checked> <input type=radio> <select><option>A<option selected>B"
		  "</select> <input type=text value=secret><input type=image alt=OK>",
		  BLOCK_PARAGRAPH, 0, false, "Texte [Règlement] [x] ( ) [B] [OK]" },
		{ "<p><button>(Annuler)</button> <input type=submit value=Cach&eacute; "
		  "style=\"display:none\">",
		  BLOCK_PARAGRAPH, 0, false, "[(Annuler)]" },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct page_content *pc = parse_in_portal(cases[i].html);
		const struct page_block *b = &pc->blocks[pc->nblocks - 1];
		if (b->kind != cases[i].kind || b->level != cases[i].level ||
		    b->continued != cases[i].continued || strcmp(b->text, cases[i].text) != 0)
			fail_msg("%s: got kind %d level %d continued %d \"%s\"", cases[i].html,
			         b->kind, b->level, b->continued, b->text);
		page_content_free(&pc);
	}
}

static void test_bullet_inside_a_link(void **state)
{
	struct page_content *pc = parse_in_portal("<p><a href=doc.pdf>+ Le r&egrave;glement "
	                                          "int&eacute;rieur</a>");
	assert_int_equal(pc->blocks[0].kind, BLOCK_LIST_ITEM);
	assert_string_equal(pc->blocks[0].text, "Le règlement intérieur");
	assert_string_equal(pc->links[0].text, "Le règlement intérieur");
	assert_int_equal(pc->links[0].offset, 0);
	page_content_free(&pc);
}

static void test_links_recorded(void **state)
{
	struct page_content *pc = parse_in_portal(
	        "<p>Voir <a href=\"a.php5\">A</a>, <a href=\"javascript:ouvrir()\">B</a> et "
	        "<a href=\"x.php5\"><img src=x.gif alt=\"l'image\"></a><a href=y.php5><img src=y.gif>"
	        "</a> <a name=ancre>ancre</a> <a href=\"mailto:a@b.fr\">a@b.fr</a>");
	assert_int_equal(pc->nblocks, 1);
	assert_string_equal(pc->blocks[0].text, "Voir A, B et l'image ancre a@b.fr");
	assert_int_equal(pc->nlinks, 4);
	assert_int_equal(pc->blocks[0].nlinks, 4);
	assert_int_equal(pc->links[0].offset, 5);
	assert_string_equal(pc->links[0].url, PAGE_BASE "a.php5");
	assert_null(pc->links[1].url);
	assert_int_equal(pc->links[1].offset, 8);
	assert_string_equal(pc->links[2].text, "l'image");
	assert_null(pc->links[3].url);
	page_content_free(&pc);
}

/* ---- tables ---- */

static void test_layout_or_data_tables(void **state)
{
	static const struct {
		const char *what, *html;
		size_t nrows, ncols; /* 0 rows: no data table */
		bool header;
	} cases[] = {
		{ "one cell", "<table><tr><td>Seul</table>", 0, 0, false },
		{ "one row", "<table><tr><td>A<td>B<td>C</table>", 0, 0, false },
		{ "one value per row", "<table><tr><td>A<td><tr><td>B<td>&nbsp;</table>", 0, 0,
		  false },
		{ "two rows of values", "<table><tr><td>A<td>1<tr><td>B<td>2</table>", 2, 2,
		  false },
		{ "th header over one row", "<table><tr><th>Nom<th>Solde<tr><td>X<td>1</table>", 2,
		  2, true },
		{ "bold header",
		  "<table><tr><td><b>Nom</b><td><b>Solde</b><tr><td>X<td>1<tr><td>Y<td>2"
		  "</table>",
		  3, 2, true },
		{ "cell holding a table",
		  "<table><tr><td>Menu<td><table><tr><td>A<td>1<tr><td>B<td>2</table>"
		  "<tr><td>x<td>y</table>",
		  2, 2, false },
		{ "cell holding a list", "<table><tr><td><ul><li>A</ul><td>1<tr><td>B<td>2</table>",
		  0, 0, false },
		{ "cell holding paragraphs", "<table><tr><td><p>A<p>B<td>1<tr><td>C<td>2</table>",
		  0, 0, false },
		{ "empty rows and spacer columns",
		  "<table><tr><td>A<td width=5>&nbsp;<td>1<tr><td>&nbsp;<td><td>"
		  "<tr><td>B<td><img src=s.gif><td>2</table>",
		  2, 2, false },
		{ "checkboxes count as values",
		  "<table><tr><th>N&deg;<th>S&eacute;lection<tr><td>F1<td><input type=checkbox>"
		  "</table>",
		  2, 2, true },
	};
	for (size_t i = 0; i < N_ELEMS(cases); i++) {
		struct page_content *pc = parse_in_portal(cases[i].html);
		const struct page_block *table = NULL;
		for (size_t k = 0; k < pc->nblocks; k++)
			if (pc->blocks[k].kind == BLOCK_TABLE)
				table = &pc->blocks[k];
		if (!cases[i].nrows ? table != NULL
		                    : !table || table->nrows != cases[i].nrows ||
		                              table->ncols != cases[i].ncols ||
		                              table->header != cases[i].header)
			fail_msg("%s: got %s %zux%zu header %d", cases[i].what,
			         table ? "a table" : "no table", table ? table->nrows : 0,
			         table ? table->ncols : 0, table ? table->header : 0);
		page_content_free(&pc);
	}
}

static void test_table_cells(void **state)
{
	struct page_content *pc = parse_in_portal(
	        "<table><caption>Factures</caption><tr><td colspan=3 class=regie>MAIRIE SERVICE ENFANCE"
	        "</td></tr><tr><td class=entete>N&deg;<td class=entete>Solde<td class=entete>S&eacute;l."
	        "<tr><td><a href=\"f.php5?id=1\">F1</a><td>1,00<td><input type=checkbox checked>"
	        "<tr><td colspan=2>Aucune autre facture<td></table>");
	assert_int_equal(pc->nblocks, 3);
	assert_int_equal(pc->blocks[0].kind, BLOCK_HEADING);
	assert_string_equal(pc->blocks[0].text, "Factures");
	assert_int_equal(pc->blocks[1].kind, BLOCK_HEADING);
	assert_string_equal(pc->blocks[1].text, "MAIRIE SERVICE ENFANCE");
	const struct page_block *t = &pc->blocks[2];
	assert_int_equal(t->kind, BLOCK_TABLE);
	assert_int_equal(t->nrows, 3);
	assert_int_equal(t->ncols, 3);
	assert_true(t->header);
	static const char *const want[] = {
		"N°", "Solde", "Sél.", "F1", "1,00", "[x]", "Aucune autre facture", "", ""
	};
	static const unsigned spans[] = { 1, 1, 1, 1, 1, 1, 2, 0, 1 };
	for (size_t i = 0; i < N_ELEMS(want); i++) {
		assert_string_equal(t->cells[i], want[i]);
		assert_int_equal(t->spans[i], spans[i]);
	}
	assert_int_equal(t->nlinks, 1);
	assert_int_equal(pc->links[t->first_link].block, 2);
	assert_int_equal(pc->links[t->first_link].cell, 3);
	assert_int_equal(pc->links[t->first_link].offset, 0);
	page_content_free(&pc);
}

static void test_table_column_cap(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	strbuf_puts(&sb, "<table>");
	for (int r = 0; r < 2; r++) {
		strbuf_puts(&sb, "<tr>");
		for (int c = 0; c < 100; c++)
			strbuf_printf(&sb, "<td>%d", c);
	}
	strbuf_puts(&sb, "<tr><td colspan=1000>large<td>apres</table>");
	struct page_content *pc = parse_in_portal(sb.data);
	assert_int_equal(pc->blocks[0].ncols, 64);
	assert_int_equal(pc->blocks[0].nrows, 3);
	assert_string_equal(pc->blocks[0].cells[63], "63");
	page_content_free(&pc);
	strbuf_release(&sb);
}

/* ---- text ---- */

static size_t display_width(const char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len; i++)
		w += ((unsigned char)s[i] & 0xC0) != 0x80;
	return w;
}

/* Every line fits, the URL list excepted. */
static void assert_fits(const char *text, size_t width, const char *what)
{
	bool in_links = false;
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		in_links |= strncmp(line, "Links:", 6) == 0;
		if (!in_links && display_width(line, len) > width)
			fail_msg("%s at %zu: line too wide: %.*s", what, width, (int)len, line);
		if (len && line[len - 1] == ' ')
			fail_msg("%s: trailing space: %.*s", what, (int)len, line);
		line += len + (line[len] == '\n');
	}
}

static void test_text_wraps_and_cuts(void **state)
{
	char *text = to_text(
	        "<p>Un deux trois quatre cinq six sept huit neuf dix"
	        "<p>Anticonstitutionnellement<ul><li>Un &eacute;l&eacute;ment de "
	        "liste assez long</ul><table><tr><th>Nom<th>Valeur<tr><td>Un nom tr&egrave;s"
	        " long<td>1 234,56 &euro;<tr><td>Court<td>-12,00</table>",
	        16, 0);
	assert_fits(text, 16, "inline page");
	assert_non_null(strstr(text, "Un deux trois\nquatre cinq six\n"));
	assert_non_null(strstr(text, "Anticonstitution\nnellement\n"));
	assert_non_null(strstr(text, "- Un élément de\n  liste assez\n  long\n"));
	/* both columns narrowed in turn, the widest first; amounts right-aligned */
	assert_non_null(strstr(text, "Un no… │ 1 234,…\n"));
	assert_non_null(strstr(text, "Court  │  -12,00\n"));
	free(text);
	text = to_text("<table><tr><th>Nom<th>Valeur<tr><td>Un nom tr&egrave;s long<td>1 234,56 "
	               "&euro;<tr><td>Court<td>-12,00</table>",
	               0, 0);
	assert_non_null(strstr(text, "Nom              │ Valeur\n"
	                             "─────────────────┼───────────\n"
	                             "Un nom très long │ 1 234,56 €\n"
	                             "Court            │     -12,00\n"));
	free(text);
	text = to_text("<table><tr><th>Nom<th>Valeur<tr><td>Un nom tr&egrave;s long<td>1 234,56 "
	               "&euro;</table>",
	               16, SANITIZE_ASCII);
	assert_non_null(strstr(text, "Nom    | Valeur\n-------+--------\nUn ... | 1 23...\n"));
	free(text);
}

static void test_text_link_numbers(void **state)
{
	char *text = to_text(
	        "<p><a href=a.php5>Un</a> et <a href=b.php5>deux</a>"
	        "<p><a href=a.php5>encore un</a> <a href=\"javascript:x()\">script</a>",
	        80, 0);
	assert_non_null(strstr(text, "Un [1] et deux [2]\n\nencore un [1] script\n"));
	assert_non_null(
	        strstr(text, "\nLinks:\n[1] " PAGE_BASE "a.php5\n[2] " PAGE_BASE "b.php5\n"));
	free(text);
}

/* --plain: a row is a line whose values follow their headers; headings
 * have no rule; a table without a header row joins its cells. */
static void test_text_plain(void **state)
{
	(void)state;
	char *text = to_text("<h2>Mon compte</h2>"
	                     "<table><tr><th>R&eacute;gie<th>Solde"
	                     "<tr><td>CENTRE DE LOISIRS<td>36,00 &euro;"
	                     "<tr><td>Total<td>262,11 &euro;</table>"
	                     "<table border=1><tr><td>Lundi<td>Cantine<td>3,50"
	                     "<tr><td>Mardi<td>Garderie<td>1,20</table>",
	                     80, PAGE_TEXT_PLAIN);
	assert_non_null(strstr(text, "Mon compte\n\n"));
	assert_non_null(strstr(text,
	                       "\nR\xc3\xa9gie : CENTRE DE LOISIRS, Solde : 36,00 \xe2\x82\xac\n"
	                       "R\xc3\xa9gie : Total, Solde : 262,11 \xe2\x82\xac\n"));
	assert_non_null(strstr(text, "\nLundi, Cantine, 3,50\nMardi, Garderie, 1,20\n"));
	assert_null(strstr(text, "\xe2\x94")); /* no box drawing at all */
	free(text);
}

/* ---- saved pages ---- */

struct saved_page {
	const char *file, *title, *breadcrumb;
	size_t tables;        /* data tables expected */
	const char *contains; /* a line of the text at 80 columns */
};

static const struct saved_page saved_pages[] = {
	{ "accueil.html", "Accueil", "Accueil", 1, "► Famille : MARTIN" },
	{ "tableau_bord.html", "Mon tableau de bord", "Accueil » Mon tableau de bord", 1,
	  "Solde des factures : 262,11 € - Payer mes factures [1]" },
	{ "famille.html", "Ma famille", "Accueil » Ma famille", 2,
	  "Mme      │ MARTIN │ Julie  │ Responsable légal 1 │ 12/04/1984" },
	{ "coordonnees.html", "Mes coordonnées", "Accueil » Mes coordonnées", 0, "42152 L'Horme" },
	{ "inscriptions.html", "Mes inscriptions", "Accueil » Mes inscriptions", 1,
	  "Année scolaire 2022-2023" },
	{ "compte.html", "Mon compte", "Accueil » Mon compte", 1,
	  "- Détail financier par facture [1]" },
	{ "aide.html", "Comment utiliser le portail ?", "Accueil » Comment utiliser le portail ?",
	  0, "Contactez-nous [1] ou consultez la version imprimable de cette page." },
	{ "factures.html", "Mon compte - Détail financier par facture",
	  "Accueil » Mon compte » Détail financier par facture", 1, "[Règlement] [Retour]" },
	{ "famille-latin1.html", "Ma famille", "Accueil » Ma famille", 1,
	  "Quotient familial : 1 024 € - Garçon, fillette, cœur : ß ÿ" },
	{ "famille-escapes.html", "Ma famille ^[]0;pwned", "Accueil » Ma famille", 1,
	  "► Famille : MARTIN^[[2J^[[31m" },
	{ "login.html", "Connexion", "", 0, "Mot de passe oublié ? [1]" },
	{ "login-refused.html", "Connexion", "", 0, "Identifiant ou mot de passe incorrect." },
	{ "login-renamed-fields.html", "Identification", "", 0, "[ ] Se souvenir de moi" },
};

static bool has_line(const char *text, const char *line)
{
	size_t len = strlen(line);
	for (const char *p = strstr(text, line); p; p = strstr(p + 1, line))
		if ((p == text || p[-1] == '\n') && (p[len] == '\n' || p[len] == '\0'))
			return true;
	return false;
}

/* Nothing that moves the cursor or reorders text reaches the terminal. */
static void assert_inert(const char *text, const char *what)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p < 0x20 && *p != '\n') || *p == 0x7f)
			fail_msg("%s: control byte 0x%02x", what, *p);
		if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			fail_msg("%s: C1 control", what);
		if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE)
			fail_msg("%s: bidi control", what);
		if (p[0] == 0xE2 && p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)
			fail_msg("%s: bidi isolate", what);
	}
}

static void run_saved_page(void **state)
{
	const struct saved_page *sp = *state;
	struct html_doc *doc = load_page(sp->file);
	struct page_content *pc = NULL;
	char *err = NULL;
	if (page_content_parse(doc, PAGE_BASE "page.php5", &pc, &err) < 0)
		fail_msg("%s: %s", sp->file, err);
	/* compared as shown: a failing test must not print escapes either */
	char *title = sanitize_str(pc->title, 0);
	assert_string_equal(title, sp->title);
	free(title);
	assert_string_equal(pc->breadcrumb, sp->breadcrumb);
	size_t tables = 0;
	for (size_t i = 0; i < pc->nblocks; i++)
		tables += pc->blocks[i].kind == BLOCK_TABLE;
	assert_int_equal(tables, sp->tables);
	char *text = page_content_to_text(pc, 80, 0);
	if (!has_line(text, sp->contains))
		fail_msg("%s: no line \"%s\" in:\n%s", sp->file, sp->contains, text);
	assert_false(has_line(text, "Tous droits réservés à AIGA 2015"));
	assert_null(strstr(text, "Retourner en haut de la page"));
	assert_null(strstr(text, "Mon tableau de bord [")); /* the menu is chrome */
	assert_inert(text, sp->file);
	free(text);
	static const size_t widths[] = { 1, 8, 20, 40, 80, 132 };
	for (size_t i = 0; i < N_ELEMS(widths); i++) {
		text = page_content_to_text(pc, widths[i], 0);
		assert_fits(text, widths[i], sp->file);
		assert_inert(text, sp->file);
		free(text);
		text = page_content_to_text(pc, widths[i], SANITIZE_ASCII);
		for (const char *p = text; *p; p++)
			if ((unsigned char)*p >= 0x80)
				fail_msg("%s: not ASCII at %zu columns", sp->file, widths[i]);
		assert_fits(text, widths[i], sp->file);
		free(text);
	}
	page_content_free(&pc);
	html_doc_free(&doc);
}

/* ---- golden output ---- */

struct golden {
	const char *html, *expected;
	size_t width;
	int flags;
};

static const struct golden goldens[] = {
	{ "famille.html", "famille.txt", 80, 0 },
	{ "compte.html", "compte.txt", 80, 0 },
	{ "factures.html", "factures.txt", 80, 0 },
	{ "accueil.html", "accueil-ascii-60.txt", 60, SANITIZE_ASCII },
	{ "famille-escapes.html", "famille-escapes.txt", 80, 0 },
};

static void run_golden(void **state)
{
	const struct golden *g = *state;
	struct html_doc *doc = load_page(g->html);
	struct page_content *pc = NULL;
	char *err = NULL;
	if (page_content_parse(doc, PAGE_BASE "page.php5", &pc, &err) < 0)
		fail_msg("%s: %s", g->html, err);
	char *actual = page_content_to_text(pc, g->width, g->flags);
	page_content_free(&pc);
	html_doc_free(&doc);
	if (getenv("PF_UPDATE_GOLDEN")) {
		char *path = fixture_path(g->expected);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fputs(actual, f);
		fclose(f);
		free(path);
	}
	char *expected = read_fixture(g->expected, NULL);
	if (strcmp(actual, expected) != 0) {
		print_error("expected:\n%s\nactual:\n%s\n", expected, actual);
		fail_msg("%s differs from %s", g->html, g->expected);
	}
	free(expected);
	free(actual);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_refuses_pages_without_content),
		cmocka_unit_test(test_region_between_breadcrumb_and_footer),
		cmocka_unit_test(test_breadcrumb_inside_the_content_cell),
		cmocka_unit_test(test_title_sources),
		cmocka_unit_test(test_menu_lines_are_chrome),
		cmocka_unit_test(test_public_page_without_breadcrumb),
		cmocka_unit_test(test_line_kinds),
		cmocka_unit_test(test_bullet_inside_a_link),
		cmocka_unit_test(test_links_recorded),
		cmocka_unit_test(test_layout_or_data_tables),
		cmocka_unit_test(test_table_cells),
		cmocka_unit_test(test_table_column_cap),
		cmocka_unit_test(test_text_wraps_and_cuts),
		cmocka_unit_test(test_text_link_numbers),
		cmocka_unit_test(test_text_plain),
	};
	size_t n = N_ELEMS(fixed) + N_ELEMS(saved_pages) + N_ELEMS(goldens), k = N_ELEMS(fixed);
	struct CMUnitTest *tests = xcalloc(n, sizeof(*tests));
	memcpy(tests, fixed, sizeof(fixed));
	for (size_t i = 0; i < N_ELEMS(saved_pages); i++)
		tests[k++] = (struct CMUnitTest){ .name = xasprintf("saved_page_%s",
			                                            saved_pages[i].file),
			                          .test_func = run_saved_page,
			                          .initial_state = (void *)&saved_pages[i] };
	for (size_t i = 0; i < N_ELEMS(goldens); i++)
		tests[k++] = (struct CMUnitTest){ .name = xasprintf("golden_%s",
			                                            goldens[i].expected),
			                          .test_func = run_golden,
			                          .initial_state = (void *)&goldens[i] };
	int failed = _cmocka_run_group_tests("page_content", tests, n, NULL, NULL);
	for (size_t i = N_ELEMS(fixed); i < n; i++)
		free((char *)tests[i].name);
	free(tests);
	return failed;
}
