/* Any portal page as content a person reads: the part between the
 * breadcrumb ("Vous êtes ici : ...") and the footer, as headings,
 * paragraphs, lists, tables and links. Pure: document in, struct out.
 * Used by `page NAME` (as text) and by the UI's menu screens. */
#ifndef PF_PORTAL_PAGE_CONTENT_H
#define PF_PORTAL_PAGE_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "html.h"

enum page_block_kind {
	BLOCK_HEADING,   /* h1-h6, or a bold/title-class line standing alone */
	BLOCK_PARAGRAPH, /* running text */
	BLOCK_LIST_ITEM, /* li, "+ Ma famille"-style lines */
	BLOCK_TABLE,     /* a data table (not a layout table) */
};

struct page_link {
	char *text;  /* visible text (a picture link's alt or title) */
	char *url;   /* absolute (resolved against the page URL, see
	                portal_link_url); NULL for javascript: links that wrap
	                no URL and in-page anchors */
	size_t block;  /* the block it appears in */
	size_t cell;   /* BLOCK_TABLE: index into that block's cells; else 0 */
	size_t offset; /* where text starts in the block's (or cell's) text */
};

struct page_block {
	enum page_block_kind kind;
	int level;      /* heading level 1-6, list nesting depth */
	char *text;     /* heading/paragraph/list item text (whitespace collapsed,
	                   NOT sanitized) */
	size_t nrows, ncols;  /* BLOCK_TABLE */
	char **cells;         /* nrows * ncols texts, row-major; header row first
	                         when the table has one */
	size_t first_link, nlinks; /* links inside this block: indexes into
	                              page_content.links */
	bool continued; /* paragraph or list item that goes on the previous
	                   block's line after a <br>: no blank line, no bullet */
	bool header;    /* BLOCK_TABLE: row 0 is a header row */
};

struct page_content {
	char *title;       /* the page title ("Mon compte - Détail financier par
	                      facture"), "" if none */
	char *breadcrumb;  /* "Accueil » Mon compte", "" if none */
	struct page_block *blocks;
	size_t nblocks;
	struct page_link *links;
	size_t nlinks;
};

/* Reads the page's content. Returns 0 and an owned page_content, or -1
 * with *errp when the page has no readable content. */
int page_content_parse(const struct html_doc *doc, const char *page_url,
                       struct page_content **out, char **errp);
void page_content_free(struct page_content **content);

/* The content as plain text lines for a terminal of `width` columns:
 * headings underlined, paragraphs wrapped, "- " list items, tables as
 * aligned columns (cells truncated with "…" when too wide), links as
 * "text [N]" with a numbered list of URLs at the end. Every string passed
 * through sanitize (flags as in util/sanitize.h). Newly allocated. */
char *page_content_to_text(const struct page_content *content, size_t width, int sanitize_flags);

#endif
