/* Shared by page_content.c and page_table.c (not part of the contract): the
 * builder that turns a document into page_content blocks, and the inline
 * sink that gathers one line or one table cell of text with its links. */
#ifndef PF_PORTAL_PAGE_INTERNAL_H
#define PF_PORTAL_PAGE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/strbuf.h"
#include "web/html.h"
#include "portal/page_content.h"

struct page_builder;

/* Text as a person reads it: whitespace collapsed, links recorded with
 * their offset, form controls shown as "[Règlement]", "[x]"... */
struct page_sink {
	struct strbuf text;
	bool pending_space;
	bool has_plain, has_bold, has_link, has_control; /* what went in */
	struct page_builder *b; /* NULL while only measuring: no link recorded */
	size_t cell;            /* recorded in each link */
};

struct page_builder {
	const struct html_doc *doc;
	const char *page_url;
	struct page_content *pc;
	size_t blocks_cap, links_cap;
	bool fallback; /* no breadcrumb: the banner is told apart by its text */
	/* the line being gathered */
	struct page_sink line;
	const struct html_node *line_container;
	size_t line_first_link;
	bool line_continued;
	const struct html_node *after_br; /* container of a <br> just seen */
};

void page_sink_init(struct page_sink *s, struct page_builder *b, size_t cell);
/* Adds a text node's text; bold says it is inside <b>/<strong>. */
void page_sink_text(struct page_sink *s, const char *raw, bool bold);
/* True for elements shown as a unit (a link, a form control, a picture),
 * whose children are not walked; page_sink_unit adds one (a picture
 * outside a link adds nothing). */
bool page_is_unit(const struct html_node *n);
void page_sink_unit(struct page_sink *s, const struct html_node *n);
/* Adds all of scope's subtree on one line (a table cell). */
void page_sink_subtree(struct page_sink *s, const struct html_node *scope);

bool page_is_invisible(const struct html_node *n);
bool page_is_block(const struct html_node *n);
/* True when a text node is inside <b>/<strong> below stop. */
bool page_is_bold(const struct html_node *text, const struct html_node *stop);

/* A new zeroed block at the end of the content (first_link = nlinks). */
struct page_block *page_add_block(struct page_builder *b, enum page_block_kind kind);
/* Forgets the links recorded from index first on. */
void page_drop_links(struct page_builder *b, size_t first);

/* Walks from node `from` (included) to the end of scope, or up to the node
 * whose document order is end_order (0: no end), adding blocks. */
void page_walk(struct page_builder *b, const struct html_node *from, const struct html_node *scope,
               unsigned end_order);

/* Emits the data table of a <table> element (with the rows above its
 * header as lines); false, and nothing emitted, for a layout table. */
bool page_table_emit(struct page_builder *b, const struct html_node *table);

#endif
