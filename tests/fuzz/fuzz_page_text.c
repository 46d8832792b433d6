/* Fuzz target: any portal page as text, the path of `page NAME` and of the
 * UI's menu screens: html_parse → page_content_parse →
 * page_content_to_text. Input: one byte giving the width (0 = no limit),
 * one byte whose two low bits are the sanitize flags, then the page.
 * Properties: the content's indexes stay inside their arrays
 * (page_content.h); link URLs are absolute and printable; the text is
 * valid UTF-8 with no terminal control but '\n', pure ASCII with
 * SANITIZE_ASCII, and then no line is wider than the width except the
 * URLs of the final list of links ("Liens :" in French). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/sanitize.h"
#include "web/html.h"
#include "portal/page_content.h"
#include "fuzz.h"

#define T "fuzz_page_text"
#define PAGE_URL "https://portail.example.fr/portail/famille.php5"

static void check_content(const struct page_content *pc)
{
	FUZZ_CHECK(T, pc->title && pc->breadcrumb, "NULL title or breadcrumb");
	for (size_t b = 0; b < pc->nblocks; b++) {
		const struct page_block *blk = &pc->blocks[b];
		FUZZ_CHECK(T,
		           blk->first_link <= pc->nlinks &&
		                   blk->nlinks <= pc->nlinks - blk->first_link,
		           "block %zu: links %zu+%zu of %zu", b, blk->first_link, blk->nlinks,
		           pc->nlinks);
		if (blk->kind == BLOCK_TABLE) {
			FUZZ_CHECK(T, blk->ncols <= 64, "block %zu: %zu columns", b, blk->ncols);
			for (size_t c = 0; c < blk->nrows * blk->ncols; c++) {
				FUZZ_CHECK(T, blk->cells[c] != NULL, "block %zu: NULL cell %zu", b,
				           c);
				FUZZ_CHECK(T, blk->spans[c] <= blk->ncols - c % blk->ncols,
				           "block %zu: cell %zu spans %u columns past the table", b,
				           c, blk->spans[c]);
			}
		} else {
			FUZZ_CHECK(T, blk->text != NULL, "block %zu: NULL text", b);
		}
	}
	for (size_t i = 0; i < pc->nlinks; i++) {
		const struct page_link *link = &pc->links[i];
		FUZZ_CHECK(T, link->text != NULL, "link %zu: NULL text", i);
		FUZZ_CHECK(T, link->block < pc->nblocks, "link %zu: block %zu of %zu", i,
		           link->block, pc->nblocks);
		const struct page_block *blk = &pc->blocks[link->block];
		FUZZ_CHECK(T, i >= blk->first_link && i < blk->first_link + blk->nlinks,
		           "link %zu is not among its block's links", i);
		const char *where = blk->text;
		if (blk->kind == BLOCK_TABLE) {
			FUZZ_CHECK(T, link->cell < blk->nrows * blk->ncols,
			           "link %zu: cell %zu of %zu", i, link->cell,
			           blk->nrows * blk->ncols);
			where = blk->cells[link->cell];
		}
		FUZZ_CHECK(T, link->offset <= strlen(where), "link %zu: offset %zu of %zu", i,
		           link->offset, strlen(where));
		if (link->url)
			fuzz_check_url(T, "page link", link->url);
	}
}

static void check_lines(const char *text, size_t width)
{
	const char *links = NULL;
	char heading[64];
	snprintf(heading, sizeof(heading), "\n%s\n", page_text_links_heading());
	for (const char *p = strstr(text, heading); p; p = strstr(p + 1, heading))
		links = p + 1;
	for (const char *line = text; *line;) {
		size_t len = strcspn(line, "\n");
		bool exempt = links && line >= links && (line == links || line[0] == '[');
		FUZZ_CHECK(T, exempt || len <= width, "a %zu-column line at width %zu: \"%.*s\"",
		           len, width, (int)len, line);
		line += len + (line[len] == '\n');
	}
}

int fuzz_page_text(const uint8_t *data, size_t size)
{
	struct html_doc *doc = NULL;
	struct page_content *pc = NULL;
	char *err = NULL;

	if (size < 2 || size > FUZZ_MAX_HTML)
		return 0;
	size_t width = data[0];
	int flags = data[1] & (SANITIZE_MULTILINE | SANITIZE_ASCII);
	if (fuzz_open_bug_tidy(data + 2, size - 2, NULL) ||
	    html_parse((const char *)data + 2, size - 2, NULL, &doc, &err) != 0)
		goto out;
	if (page_content_parse(doc, PAGE_URL, &pc, &err) != 0) {
		FUZZ_CHECK(T, err != NULL && pc == NULL,
		           "page_content_parse failed without a message");
		goto out;
	}
	check_content(pc);
	char *text = page_content_to_text(pc, width, flags);
	size_t len = strlen(text);
	unsigned long bad = 0;
	FUZZ_CHECK(T, fuzz_utf8_valid(text, len), "the text is not valid UTF-8");
	FUZZ_CHECK(T, !fuzz_has_terminal_control(text, len, true, &bad),
	           "U+%04lX reaches the terminal", bad);
	if (flags & SANITIZE_ASCII) {
		for (size_t i = 0; i < len; i++)
			FUZZ_CHECK(T, (unsigned char)text[i] < 0x80,
			           "byte %02X with SANITIZE_ASCII", (unsigned char)text[i]);
		if (width)
			check_lines(text, width);
	}
	free(text);
out:
	page_content_free(&pc);
	html_doc_free(&doc);
	free(err);
	return 0;
}

FUZZ_ENTRY(fuzz_page_text)
