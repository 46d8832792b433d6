/* Any portal page as content a person reads: the part between the
 * breadcrumb ("Vous êtes ici : ...") and the footer, as headings,
 * paragraphs, lists, tables and links. Pure: document in, struct out.
 * Used by `page NAME` (as text) and by the UI's menu screens. */
#ifndef PF_PORTAL_PAGE_CONTENT_H
#define PF_PORTAL_PAGE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

enum page_block_kind {
	BLOCK_HEADING,   /* h1-h6, or a bold/title-class line standing alone */
	BLOCK_PARAGRAPH, /* running text */
	BLOCK_LIST_ITEM, /* li, "+ Ma famille"-style lines */
	BLOCK_TABLE,     /* a data table (not a layout table) */
};

struct page_link {
	char *text;    /* visible text (a picture link's alt or title) */
	char *url;     /* absolute (resolved against the page URL, see
	                portal_link_url); NULL for javascript: links that wrap
	                no URL, in-page anchors and URLs url_resolve refuses
	                (mailto:) */
	size_t block;  /* the block it appears in */
	size_t cell;   /* BLOCK_TABLE: index into that block's cells; else 0 */
	size_t offset; /* where text starts in the block's (or cell's) text */
};

struct page_block {
	enum page_block_kind kind;
	int level;                 /* heading level 1-6, list nesting depth */
	char *text;                /* heading/paragraph/list item text (whitespace collapsed,
	                   NOT sanitized) */
	size_t nrows, ncols;       /* BLOCK_TABLE */
	char **cells;              /* nrows * ncols texts, row-major; header row first
	                         when the table has one */
	unsigned *spans;           /* nrows * ncols: how many of this block's columns
	                         the cell covers from its own (colspan), 1 for
	                         most, 0 for a column covered from the left */
	size_t first_link, nlinks; /* links inside this block: indexes into
	                              page_content.links */
	bool continued;            /* paragraph or list item that goes on the previous
	                   block's line after a <br>: no blank line, no bullet */
	bool header;               /* BLOCK_TABLE: row 0 is a header row */
};

struct page_content {
	char *title;      /* the page title ("Mon compte - Détail financier par
	                      facture"), "" if none */
	char *breadcrumb; /* "Accueil » Mon compte", "" if none */
	struct page_block *blocks;
	size_t nblocks;
	struct page_link *links;
	size_t nlinks;
};

/* Reads the page's content. Returns 0 and an owned page_content, or -1
 * with *errp when the page has no readable content (no block at all).
 *
 * The content starts after the block holding "Vous êtes ici" (that text,
 * minus the marker, is the breadcrumb) and ends at the footer ("Vous
 * pouvez également : Retourner en haut de la page", "Tous droits
 * réservés"). Without a breadcrumb (login and public pages) it is the
 * whole body, minus the banner lines ("Ville de ...", "Commune de ...",
 * "Le Portail familles", "Solde des factures ..."). Lines made only of
 * main-menu links and separators (the menu bar, the "+ Ma famille" left
 * column; see portal_link_from_text) are dropped everywhere;
 * "Détail financier par facture" is kept, and so is "Payer mes factures"
 * after the breadcrumb. Elements hidden with style display:none are
 * skipped; pictures outside links are decoration.
 *
 * A line is the text of one block element (p, div, td, li, h1...) up to a
 * <br>; the line after a <br> is `continued`. Headings: h1-h6 (level 1-6),
 * a line of class titre/title (2), a line all in <b>/<strong> (3), a
 * table's caption and title rows above its header (3). The title is the
 * first block when it is an <h1> or repeats the browser title (it is then
 * not a block), else the browser title without "Portail familles - ",
 * else the breadcrumb's last step. List items: li (level = ul/ol depth),
 * and lines written "+ text", "- text", "• text" (the bullet removed).
 *
 * A table whose cells hold another table, a list, a heading or several
 * paragraphs is layout: its cells are read as lines. So is a table with
 * fewer than two rows of two values and no header over a value row (the
 * banner, the breadcrumb bar, a form's label/field grid). Other tables are
 * data: empty rows and columns dropped, at most 64 columns, the text of a
 * cell spanning columns in its first column (see spans). Form controls
 * read as "[Règlement]" (buttons), "[x]"/"[ ]" (checkboxes), "(*)"/"( )"
 * (radios) and a select's chosen option; text fields show nothing. */
int page_content_parse(const struct html_doc *doc, const char *page_url, struct page_content **out,
                       char **errp);
void page_content_free(struct page_content **content);

/* The content as plain text lines for a terminal of `width` columns:
 * headings underlined, paragraphs wrapped, "- " list items, tables as
 * aligned columns (cells truncated with "…" when too wide), links as
 * "text [N]" with a numbered list of URLs at the end. Every string passed
 * through sanitize (flags as in util/sanitize.h). Newly allocated.
 *
 * Details: width 0 means no limit. No line is wider than `width` display
 * columns (a word wider than a line is cut across lines) except the URLs
 * of the "Liens :" list, never cut so they survive copy and paste. The
 * title comes first, underlined like every heading with "─" ('-' with
 * SANITIZE_ASCII). Blocks are separated by a blank line, except a
 * `continued` block and consecutive list items. Tables: columns joined by
 * " │ " (" | "), the header row underlined "─┼─" ("-+-"); when the table
 * is too wide, header cells wrap at spaces (up to 3 lines) before value
 * cells are cut, the widest column first, down to 3 columns; numbers and
 * amounts are right-aligned; a value cell spanning columns ("Solde dû:",
 * "Aucune facture") takes their width, header cells stay in their column.
 * Links with a URL are numbered in reading order, a URL met again keeping
 * its number; links without one (scripts, mailto:) are plain text. */
char *page_content_to_text(const struct page_content *content, size_t width, int sanitize_flags);
/* The same, with the tables fitted to `table_width` columns instead (0: as
 * wide as their cells, never cut), for a screen that scrolls sideways.
 * With PAGE_TEXT_PLAIN in sanitize_flags (--plain, for screen readers):
 * headings without a rule, and each table row one line whose values
 * follow their column's header ("Date : 05/09/2022, Solde : 12,00"). */
#define PAGE_TEXT_PLAIN 0x10000
char *page_content_to_text_tables(const struct page_content *content, size_t width,
                                  size_t table_width, int sanitize_flags);

/* The heading of the numbered list of links ("Liens :" in French), which
 * a screen finds the list by. Static. */
const char *page_text_links_heading(void);

#endif
