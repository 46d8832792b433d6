/* Page content as terminal text: wrapped, aligned, sanitized, links numbered. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/sanitize.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "portal/page_content.h"

struct render {
	struct strbuf out;
	size_t width;       /* SIZE_MAX: no limit */
	size_t table_width; /* the tables' (SIZE_MAX: as wide as their cells) */
	bool in_table;
	int flags; /* sanitize flags, single-line */
	bool ascii;
	bool plain;     /* for screen readers: no rules, table rows as labelled lines */
	size_t *number; /* per link: its [N], 0 for none */
	const struct page_content *pc;
};

/* ---- display width (util/utf8.h) ---- */

static size_t text_width(const char *s, size_t len)
{
	return utf8_width(s, len);
}

/* Bytes of s that fit in `cols` columns. */
static size_t prefix_fitting(const char *s, size_t len, size_t cols, size_t *used)
{
	return utf8_fit(s, len, cols, used);
}

static void put_repeat(struct strbuf *sb, const char *s, size_t times)
{
	while (times--)
		strbuf_puts(sb, s);
}

/* s in exactly `cols` columns: cut with "…" ("..." in ASCII) when too
 * wide, padded with spaces on the left (right-aligned) or the right. */
static void put_cell(struct render *r, struct strbuf *line, const char *s, size_t cols, bool right)
{
	size_t len = strlen(s), w = text_width(s, len), used = 0;
	if (w <= cols) {
		if (right)
			put_repeat(line, " ", cols - w);
		strbuf_append(line, s, len);
		if (!right)
			put_repeat(line, " ", cols - w);
		return;
	}
	const char *mark = r->ascii ? "..." : "\xe2\x80\xa6";
	size_t mark_w = r->ascii ? 3 : 1;
	if (mark_w > cols)
		mark_w = 0;
	strbuf_append(line, s, prefix_fitting(s, len, cols - mark_w, &used));
	if (mark_w)
		strbuf_puts(line, mark);
	put_repeat(line, " ", cols - used - mark_w);
}

/* Ends a line: trailing spaces go, and nothing passes the width (the URL
 * list excepted, see emit_links). */
static void end_line(struct render *r, struct strbuf *line)
{
	size_t limit = r->in_table ? r->table_width : r->width;
	size_t used, keep = line->len ? prefix_fitting(line->data, line->len, limit, &used) : 0;
	while (keep && line->data[keep - 1] == ' ')
		keep--;
	strbuf_append(&r->out, line->data ? line->data : "", keep);
	strbuf_putc(&r->out, '\n');
	strbuf_reset(line);
}

/* ---- text with its link numbers, sanitized ---- */

/* The block's (or cell's) text with " [N]" after each numbered link,
 * then sanitized to one line. */
static char *shown_text(const struct render *r, const struct page_block *block, size_t cell,
                        const char *text)
{
	struct strbuf sb = STRBUF_INIT;
	size_t pos = 0, len = strlen(text);
	for (size_t i = block->first_link; i < block->first_link + block->nlinks; i++) {
		const struct page_link *link = &r->pc->links[i];
		size_t end = link->offset + strlen(link->text);
		if (link->cell != cell || !r->number[i] || end > len || end < pos)
			continue;
		strbuf_append(&sb, text + pos, end - pos);
		strbuf_printf(&sb, " [%zu]", r->number[i]);
		pos = end;
	}
	strbuf_append(&sb, text + pos, len - pos);
	char *safe = sanitize_text(sb.data, sb.len, r->flags, 0);
	strbuf_release(&sb);
	return safe;
}

/* ---- paragraphs, list items, headings ---- */

struct wrap_state {
	struct strbuf line;
	size_t col, start, widest; /* current column, where text starts */
	const char *rest;          /* prefix of the lines after the first */
};

static void wrap_newline(struct render *r, struct wrap_state *ws)
{
	ws->widest = ws->col > ws->widest ? ws->col : ws->widest;
	end_line(r, &ws->line);
	strbuf_puts(&ws->line, ws->rest);
	ws->col = ws->start = text_width(ws->rest, strlen(ws->rest));
}

/* Puts a word wider than what is left of the line, cut across lines. */
static void wrap_long_word(struct render *r, struct wrap_state *ws, const char **p, size_t *len,
                           size_t *w)
{
	while (*w > 0 && ws->col + *w > r->width) {
		size_t room = r->width > ws->col ? r->width - ws->col : 0, used;
		size_t take = prefix_fitting(*p, *len, room, &used);
		if (take == 0) { /* no room at all: one character per line */
			unsigned long cp;
			take = utf8_decode(*p, *len, &cp);
			used = utf8_cp_width(cp);
		}
		strbuf_append(&ws->line, *p, take);
		ws->col += used;
		*p += take;
		*len -= take;
		*w -= used < *w ? used : *w;
		if (*len)
			wrap_newline(r, ws);
	}
}

/* Word-wraps text after `first` (then `rest`) prefixes; returns the
 * widest line's width. */
static size_t wrap(struct render *r, const char *text, const char *first, const char *rest)
{
	struct wrap_state ws = { STRBUF_INIT, 0, 0, 0, rest };
	strbuf_puts(&ws.line, first);
	ws.col = ws.start = text_width(first, strlen(first));
	for (const char *p = text; *p;) {
		while (*p == ' ')
			p++;
		size_t len = strcspn(p, " ");
		if (!len)
			break;
		size_t w = text_width(p, len);
		if (ws.col > ws.start) {
			if (ws.col + 1 + w <= r->width) {
				strbuf_putc(&ws.line, ' ');
				ws.col++;
			} else {
				wrap_newline(r, &ws);
			}
		}
		wrap_long_word(r, &ws, &p, &len, &w);
		strbuf_append(&ws.line, p, len);
		ws.col += w;
		p += len;
	}
	ws.widest = ws.col > ws.widest ? ws.col : ws.widest;
	end_line(r, &ws.line);
	strbuf_release(&ws.line);
	return ws.widest;
}

static void emit_heading(struct render *r, const char *safe)
{
	size_t widest = wrap(r, safe, "", "");
	if (r->plain)
		return; /* a rule is read out as "box drawing, box drawing..." */
	if (widest > r->width)
		widest = r->width;
	put_repeat(&r->out, r->ascii ? "-" : "\xe2\x94\x80", widest);
	strbuf_putc(&r->out, '\n');
}

static void emit_list_item(struct render *r, const struct page_block *block, const char *safe)
{
	size_t depth = block->level > 1 ? (size_t)block->level - 1 : 0;
	if (depth > 8)
		depth = 8; /* a page nesting lists 500 deep still fits a screen */
	char indent[20], first[24];
	memset(indent, ' ', 2 * depth + 2);
	indent[2 * depth + 2] = '\0';
	memcpy(first, indent, 2 * depth);
	strcpy(first + 2 * depth, "- ");
	wrap(r, safe, block->continued ? indent : first, indent);
}

/* ---- tables ---- */

struct grid {
	size_t nrows, ncols;
	char **cell;          /* shown texts */
	const unsigned *span; /* the block's spans */
	size_t *width;        /* per column */
	bool header;
};

static const char *grid_at(const struct grid *g, size_t row, size_t col)
{
	return g->cell[row * g->ncols + col];
}

/* A value that is only a number or an amount ("181.99", "1 234,56 €",
 * "-12,00") reads best right-aligned. */
static bool is_number(const char *s)
{
	bool digit = false;
	if (*s == '-' || *s == '+')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (*s == ' ' || *s == ',' || *s == '.')
			continue;
		else
			return digit && (strcmp(s, "\xe2\x82\xac") == 0 || strcmp(s, "EUR") == 0);
	}
	return digit;
}

static bool is_header(const struct grid *g, size_t row)
{
	return g->header && row == 0;
}

/* How many columns the cell at (row, col) takes: its colspan for value
 * cells; header cells stay in their column (they wrap instead). */
static size_t span_at(const struct grid *g, size_t row, size_t col)
{
	size_t span = g->span[row * g->ncols + col];
	if (is_header(g, row) || span < 1)
		return 1;
	return span < g->ncols - col ? span : g->ncols - col;
}

/* Width of columns [col, col + span) with the separators between. */
static size_t span_width(const struct grid *g, size_t col, size_t span)
{
	size_t w = 3 * (span - 1);
	for (size_t k = col; k < col + span; k++)
		w += g->width[k];
	return w;
}

/* A spanning cell wider than its columns widens the last of them. */
static void fit_spans(struct grid *g)
{
	for (size_t row = 0; row < g->nrows; row++)
		for (size_t c = 0; c < g->ncols; c++) {
			size_t span = span_at(g, row, c);
			const char *s = grid_at(g, row, c);
			size_t w = text_width(s, strlen(s)), have = span_width(g, c, span);
			if (span > 1 && w > have)
				g->width[c + span - 1] += w - have;
		}
}

/* The widest word of s. */
static size_t widest_word(const char *s)
{
	size_t widest = 0;
	for (const char *p = s; *p;) {
		size_t len = strcspn(p, " ");
		size_t w = text_width(p, len);
		widest = w > widest ? w : widest;
		p += len;
		while (*p == ' ')
			p++;
	}
	return widest;
}

/* Narrows the widest column that is above its floor (3 without floors)
 * down to the next widest, by at most `excess`, in one step: a cell of a
 * megabyte must not cost a million passes. False when none can narrow. */
static bool narrow_widest(struct grid *g, const size_t *floor, size_t *total, size_t excess)
{
	size_t widest = SIZE_MAX, next = 0;
	for (size_t c = 0; c < g->ncols; c++) {
		size_t low = floor ? floor[c] : 3;
		if (g->width[c] <= low)
			continue;
		if (widest == SIZE_MAX || g->width[c] > g->width[widest]) {
			if (widest != SIZE_MAX && g->width[widest] > next)
				next = g->width[widest];
			widest = c;
		} else if (g->width[c] > next) {
			next = g->width[c];
		}
	}
	if (widest == SIZE_MAX)
		return false;
	size_t low = floor ? floor[widest] : 3, target = next > low ? next : low;
	size_t step = g->width[widest] - target;
	if (step == 0)
		step = 1; /* ties: one column at a time, the leftmost first */
	if (step > excess)
		step = excess;
	g->width[widest] -= step;
	*total -= step;
	return true;
}

/* Column widths: each column as wide as its widest cell; when the table is
 * too wide, first give back what only the header needs (header cells wrap
 * at spaces), then narrow the widest column, down to 3. */
static void fit_columns(const struct render *r, struct grid *g)
{
	size_t total = 3 * (g->ncols - 1);
	size_t *floor = xcalloc(g->ncols, sizeof(*floor));
	for (size_t c = 0; c < g->ncols; c++) {
		g->width[c] = 0;
		for (size_t row = 0; row < g->nrows; row++) {
			const char *s = grid_at(g, row, c);
			size_t w = text_width(s, strlen(s));
			if (span_at(g, row, c) > 1)
				continue;
			if (w > g->width[c])
				g->width[c] = w;
			if (is_header(g, row))
				w = widest_word(s);
			if (w > floor[c])
				floor[c] = w;
		}
	}
	fit_spans(g);
	for (size_t c = 0; c < g->ncols; c++)
		total += g->width[c];
	for (int phase = 0; phase < 2; phase++)
		while (total > r->table_width &&
		       narrow_widest(g, phase == 0 ? floor : NULL, &total, total - r->table_width))
			;
	free(floor);
}

#define HEADER_MAX_LINES 3

/* Where line `k` of a header cell wrapped at spaces into `cols` columns
 * starts and ends; the last allowed line takes the rest (put_cell cuts
 * it), and so does a first word wider than the column. */
static void header_line(const char *s, size_t cols, size_t k, size_t *start, size_t *end)
{
	size_t pos = 0, len = strlen(s);
	for (size_t line = 0;; line++) {
		while (pos < len && s[pos] == ' ')
			pos++;
		size_t stop = pos, w = 0;
		for (size_t p = pos; p < len;) {
			size_t word = strcspn(s + p, " "), ww = text_width(s + p, word);
			if (w && w + 1 + ww > cols)
				break;
			w = w ? w + 1 + ww : ww;
			stop = p + word;
			for (p = stop; p < len && s[p] == ' ';)
				p++;
		}
		if (line == k || line + 1 == HEADER_MAX_LINES) {
			*start = pos;
			*end = line + 1 == HEADER_MAX_LINES ? len : stop;
			return;
		}
		pos = stop;
	}
}

static size_t header_lines(const struct grid *g)
{
	size_t lines = 1;
	for (size_t c = 0; c < g->ncols; c++) {
		const char *s = grid_at(g, 0, c);
		for (size_t k = 1; k < HEADER_MAX_LINES; k++) {
			size_t start, end;
			header_line(s, g->width[c], k, &start, &end);
			if (start < end && k + 1 > lines)
				lines = k + 1;
		}
	}
	return lines;
}

static void emit_header(struct render *r, const struct grid *g)
{
	const char *sep = r->ascii ? " | " : " \xe2\x94\x82 ";
	struct strbuf line = STRBUF_INIT;
	for (size_t k = 0, n = header_lines(g); k < n; k++) {
		for (size_t c = 0; c < g->ncols; c++) {
			size_t start, end;
			const char *s = grid_at(g, 0, c);
			header_line(s, g->width[c], k, &start, &end);
			char *part = xstrndup(s + start, end > start ? end - start : 0);
			if (c > 0)
				strbuf_puts(&line, sep);
			put_cell(r, &line, part, g->width[c], false);
			free(part);
		}
		end_line(r, &line);
	}
	strbuf_release(&line);
}

static void emit_row(struct render *r, const struct grid *g, size_t row)
{
	const char *sep = r->ascii ? " | " : " \xe2\x94\x82 ";
	struct strbuf line = STRBUF_INIT;
	size_t last = g->ncols; /* empty cells at the end get no separators */
	while (last > 1 && !*grid_at(g, row, last - 1))
		last--;
	for (size_t c = 0; c < last; c++) {
		const char *s = grid_at(g, row, c);
		size_t span = span_at(g, row, c), cols = span_width(g, c, span);
		if (c > 0)
			strbuf_puts(&line, sep);
		put_cell(r, &line, s, cols, is_number(s));
		c += span - 1;
	}
	end_line(r, &line);
	strbuf_release(&line);
}

static void emit_rule(struct render *r, const struct grid *g)
{
	const char *dash = r->ascii ? "-" : "\xe2\x94\x80";
	struct strbuf line = STRBUF_INIT;
	for (size_t c = 0; c < g->ncols; c++) {
		if (c > 0)
			strbuf_puts(&line,
			            r->ascii ? "-+-" : "\xe2\x94\x80\xe2\x94\xbc\xe2\x94\x80");
		put_repeat(&line, dash, g->width[c]);
	}
	end_line(r, &line);
	strbuf_release(&line);
}

/* --plain: a row is one line that reads alone, each value after its
 * column's header ("Date : 05/09/2022, Montant : 12,00"); a table without
 * a header row joins its cells with commas. */
static void emit_table_plain(struct render *r, const struct grid *g)
{
	for (size_t row = 0; row < g->nrows; row++) {
		if (is_header(g, row))
			continue;
		struct strbuf line = STRBUF_INIT;
		for (size_t c = 0; c < g->ncols; c++) {
			const char *value = grid_at(g, row, c);
			const char *header = g->header ? grid_at(g, 0, c) : "";
			if (!*value)
				continue;
			if (line.len)
				strbuf_puts(&line, ", ");
			if (*header && row > 0)
				strbuf_printf(&line, "%s : ", header);
			strbuf_puts(&line, value);
		}
		if (line.len)
			wrap(r, line.data, "", "  ");
		strbuf_release(&line);
	}
}

static void emit_table(struct render *r, const struct page_block *block)
{
	if (!block->nrows || !block->ncols)
		return;
	struct grid g = { block->nrows, block->ncols, NULL, block->spans, NULL, block->header };
	g.cell = xcalloc(g.nrows * g.ncols, sizeof(*g.cell));
	g.width = xcalloc(g.ncols, sizeof(*g.width));
	for (size_t i = 0; i < g.nrows * g.ncols; i++)
		g.cell[i] = shown_text(r, block, i, block->cells[i]);
	if (r->plain)
		emit_table_plain(r, &g);
	else
		fit_columns(r, &g);
	r->in_table = true;
	for (size_t row = 0; row < g.nrows && !r->plain; row++) {
		if (is_header(&g, row)) {
			emit_header(r, &g);
			emit_rule(r, &g);
		} else {
			emit_row(r, &g, row);
		}
	}
	r->in_table = false;
	for (size_t i = 0; i < g.nrows * g.ncols; i++)
		free(g.cell[i]);
	free(g.cell);
	free(g.width);
}

/* ---- links ---- */

struct link_ref {
	const char *url;
	size_t index;
};

static int by_url_then_index(const void *a, const void *b)
{
	const struct link_ref *x = a, *y = b;
	int c = strcmp(x->url, y->url);
	return c ? c : (x->index > y->index) - (x->index < y->index);
}

/* Numbers in reading order; a URL met again keeps its first number. */
static size_t number_links(struct render *r)
{
	const struct page_content *pc = r->pc;
	struct link_ref *refs = xcalloc(pc->nlinks + 1, sizeof(*refs));
	size_t *first = xcalloc(pc->nlinks + 1, sizeof(*first)), n = 0, count = 0;
	for (size_t i = 0; i < pc->nlinks; i++)
		if (pc->links[i].url)
			refs[n++] = (struct link_ref){ pc->links[i].url, i };
	qsort(refs, n, sizeof(*refs), by_url_then_index);
	for (size_t k = 0; k < n; k++)
		first[refs[k].index] = k && strcmp(refs[k].url, refs[k - 1].url) == 0
		                               ? first[refs[k - 1].index]
		                               : refs[k].index;
	for (size_t i = 0; i < pc->nlinks; i++)
		if (pc->links[i].url)
			r->number[i] = first[i] == i ? ++count : r->number[first[i]];
	free(refs);
	free(first);
	return count;
}

/* URLs are never cut or wrapped: they must survive a copy and paste. */
static void emit_links(struct render *r, size_t count)
{
	strbuf_puts(&r->out, "\n");
	strbuf_puts(&r->out, page_text_links_heading());
	strbuf_puts(&r->out, "\n");
	size_t next = 1;
	for (size_t i = 0; i < r->pc->nlinks && next <= count; i++) {
		if (r->number[i] != next)
			continue;
		char *url = sanitize_str(r->pc->links[i].url, r->flags);
		strbuf_printf(&r->out, "[%zu] %s\n", next++, url);
		free(url);
	}
}

/* ---- the whole page ---- */

static bool joins_previous(const struct page_block *prev, const struct page_block *block)
{
	if (block->continued && block->kind != BLOCK_TABLE && block->kind != BLOCK_HEADING)
		return true;
	return prev && prev->kind == BLOCK_LIST_ITEM && block->kind == BLOCK_LIST_ITEM;
}

static void emit_block(struct render *r, const struct page_block *block)
{
	if (block->kind == BLOCK_TABLE) {
		emit_table(r, block);
		return;
	}
	char *safe = shown_text(r, block, 0, block->text ? block->text : "");
	if (block->kind == BLOCK_HEADING)
		emit_heading(r, safe);
	else if (block->kind == BLOCK_LIST_ITEM)
		emit_list_item(r, block, safe);
	else
		wrap(r, safe, "", "");
	free(safe);
}

const char *page_text_links_heading(void)
{
	return _("Links:");
}

char *page_content_to_text(const struct page_content *content, size_t width, int sanitize_flags)
{
	return page_content_to_text_tables(content, width, width, sanitize_flags);
}

char *page_content_to_text_tables(const struct page_content *content, size_t width,
                                  size_t table_width, int sanitize_flags)
{
	struct render r = { .out = STRBUF_INIT,
		            .plain = (sanitize_flags & PAGE_TEXT_PLAIN) != 0,
		            .width = width ? width : SIZE_MAX,
		            .table_width = table_width ? table_width : SIZE_MAX,
		            .flags = sanitize_flags & SANITIZE_ASCII,
		            .ascii = (sanitize_flags & SANITIZE_ASCII) != 0,
		            .pc = content };
	r.number = xcalloc(content->nlinks + 1, sizeof(*r.number));
	size_t nlinks = number_links(&r);
	if (content->title && *content->title) {
		char *title = sanitize_str(content->title, r.flags);
		emit_heading(&r, title);
		free(title);
	}
	for (size_t i = 0; i < content->nblocks; i++) {
		const struct page_block *prev = i ? &content->blocks[i - 1] : NULL;
		if (r.out.len && !joins_previous(prev, &content->blocks[i]))
			strbuf_putc(&r.out, '\n');
		emit_block(&r, &content->blocks[i]);
	}
	if (nlinks)
		emit_links(&r, nlinks);
	free(r.number);
	return strbuf_detach(&r.out);
}
