/* Data tables apart from layout tables, and data tables as blocks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"
#include "web/table.h"
#include "portal/page_internal.h"

/* Columns past this are dropped: a colspan of 1000 before a cell must not
 * make every row a thousand strings wide. */
#define PAGE_MAX_COLUMNS 64

/* What a first look at each cell tells: is there text, is it all bold. */
struct cell_info {
	bool filled, bold;
};

struct table_scan {
	struct table *t;
	struct cell_info **info; /* per row, per cell */
	size_t *filled;          /* per row: filled cells */
	long header;             /* header row, -1 none */
	size_t first;            /* first row of the table block */
};

/* Layout tables hold blocks in their cells: another table, a list, a
 * heading, or several paragraphs. Data cells hold a value. */
static bool cell_has_blocks(const struct html_node *cell)
{
	static const char *const blocks[] = { "table", "ul", "ol", "dl", "h1", "h2",
		                              "h3",    "h4", "h5", "h6", NULL };
	size_t paragraphs = 0;
	for (const struct html_node *n = html_next(cell, cell); n; n = html_next(n, cell)) {
		if (n->type != HTML_ELEMENT)
			continue;
		for (const char *const *b = blocks; *b; b++)
			if (strcmp(n->tag, *b) == 0)
				return true;
		if ((html_is(n, "p") || html_is(n, "div") || html_is(n, "center") ||
		     html_is(n, "blockquote")) &&
		    ++paragraphs > 1)
			return true;
	}
	return false;
}

static bool row_has_blocks(const struct html_node *tr)
{
	for (const struct html_node *c = tr->first_child; c; c = c->next)
		if ((html_is(c, "td") || html_is(c, "th")) && cell_has_blocks(c))
			return true;
	return false;
}

/* Looked at before table_from_node, which reads every cell's text: a page
 * of layout tables nested a hundred deep must not be read a hundred times. */
static bool has_blocks(const struct html_node *table)
{
	for (const struct html_node *n = table->first_child; n; n = n->next) {
		if (html_is(n, "tr") && row_has_blocks(n))
			return true;
		if (html_is(n, "thead") || html_is(n, "tbody") || html_is(n, "tfoot"))
			for (const struct html_node *tr = n->first_child; tr; tr = tr->next)
				if (html_is(tr, "tr") && row_has_blocks(tr))
					return true;
	}
	return false;
}

static void scan_cells(struct table_scan *sc)
{
	const struct table *t = sc->t;
	sc->info = xcalloc(t->nrows ? t->nrows : 1, sizeof(*sc->info));
	sc->filled = xcalloc(t->nrows ? t->nrows : 1, sizeof(*sc->filled));
	for (size_t r = 0; r < t->nrows; r++) {
		const struct table_row *row = &t->rows[r];
		sc->info[r] = xcalloc(row->ncells ? row->ncells : 1, sizeof(**sc->info));
		for (size_t c = 0; c < row->ncells; c++) {
			struct page_sink s;
			page_sink_init(&s, NULL, 0);
			page_sink_subtree(&s, row->cells[c].node);
			struct cell_info *info = &sc->info[r][c];
			info->filled = s.text.len > 0 && row->cells[c].col < PAGE_MAX_COLUMNS;
			info->bold = s.has_bold && !s.has_plain && !s.has_link && !s.has_control;
			sc->filled[r] += info->filled;
			strbuf_release(&s.text);
		}
	}
}

static bool row_all_bold(const struct table_scan *sc, size_t r)
{
	for (size_t c = 0; c < sc->t->rows[r].ncells; c++)
		if (sc->info[r][c].filled && !sc->info[r][c].bold)
			return false;
	return true;
}

/* The header row: table.h's guess (th, thead, class entete...), else a
 * first row in bold. Rows above it may only be titles (one cell each),
 * which become lines of their own; otherwise the table has no header. */
static void find_header(struct table_scan *sc)
{
	const struct table *t = sc->t;
	long h = t->header_row;
	if (h < 0 && t->nrows > 0 && sc->filled[0] >= 2 && row_all_bold(sc, 0))
		h = 0;
	for (long r = 0; h > 0 && r < h; r++)
		if (sc->filled[r] > 1)
			h = -1;
	if (h >= 0 && sc->filled[h] < 2)
		h = -1;
	sc->header = h;
	sc->first = h > 0 ? (size_t)h : 0;
}

/* Data: at least two rows of several values, or a header over a row. */
static bool is_data(const struct table_scan *sc)
{
	size_t multi = 0, rows_below_header = 0;
	for (size_t r = sc->first; r < sc->t->nrows; r++) {
		multi += sc->filled[r] >= 2;
		rows_below_header += sc->header >= 0 && r > (size_t)sc->header && sc->filled[r];
	}
	return multi >= 2 || rows_below_header > 0;
}

/* Which columns hold anything (spacer columns are dropped), as a map from
 * table column to block column; returns the number of block columns. */
static size_t map_columns(const struct table_scan *sc, long *map)
{
	bool used[PAGE_MAX_COLUMNS] = { false };
	for (size_t r = sc->first; r < sc->t->nrows; r++)
		for (size_t c = 0; c < sc->t->rows[r].ncells; c++)
			if (sc->info[r][c].filled)
				used[sc->t->rows[r].cells[c].col] = true;
	size_t n = 0;
	for (size_t c = 0; c < PAGE_MAX_COLUMNS; c++)
		map[c] = used[c] ? (long)n++ : -1;
	return n;
}

static void fill_row(struct page_builder *b, const struct table_scan *sc, size_t r, const long *map,
                     struct page_block *block, size_t out_row)
{
	const struct table_row *row = &sc->t->rows[r];
	for (size_t c = 0; c < row->ncells; c++) {
		if (!sc->info[r][c].filled)
			continue;
		const struct table_cell *cell = &row->cells[c];
		size_t index = out_row * block->ncols + (size_t)map[cell->col];
		unsigned span = 0;
		for (size_t k = cell->col; k < PAGE_MAX_COLUMNS && k < cell->col + cell->colspan;
		     k++)
			span += map[k] >= 0;
		for (unsigned k = 1; k < span; k++)
			block->spans[index + k] = 0;
		block->spans[index] = span;
		struct page_sink s;
		page_sink_init(&s, b, index);
		page_sink_subtree(&s, row->cells[c].node);
		free(block->cells[index]);
		block->cells[index] = strbuf_detach(&s.text);
	}
}

static void emit_block(struct page_builder *b, const struct table_scan *sc)
{
	long map[PAGE_MAX_COLUMNS];
	size_t ncols = map_columns(sc, map), nrows = 0;
	for (size_t r = sc->first; r < sc->t->nrows; r++)
		nrows += sc->filled[r] > 0;
	/* Links in cells name the block that is added last, below. */
	size_t first_link = b->pc->nlinks;
	char **cells = xcalloc(nrows * ncols, sizeof(*cells));
	unsigned *spans = xcalloc(nrows * ncols, sizeof(*spans));
	for (size_t i = 0; i < nrows * ncols; i++)
		spans[i] = 1;
	struct page_block tmp = { .kind = BLOCK_TABLE,
		                  .nrows = nrows,
		                  .ncols = ncols,
		                  .cells = cells,
		                  .spans = spans,
		                  .header = sc->header >= 0 };
	size_t out_row = 0;
	for (size_t r = sc->first; r < sc->t->nrows; r++)
		if (sc->filled[r])
			fill_row(b, sc, r, map, &tmp, out_row++);
	for (size_t i = 0; i < nrows * ncols; i++)
		if (!cells[i])
			cells[i] = xstrdup("");
	struct page_block *block = page_add_block(b, BLOCK_TABLE);
	*block = tmp;
	block->first_link = first_link;
	block->nlinks = b->pc->nlinks - first_link;
}

static void emit_caption(struct page_builder *b, const char *caption)
{
	if (!caption || !*caption)
		return;
	struct page_block *block = page_add_block(b, BLOCK_HEADING);
	block->level = 3;
	block->text = xstrdup(caption);
}

/* Rows above the header hold one cell: the table's title ("MAIRIE SERVICE
 * ENFANCE JEUNESSE" above the invoices), read as headings. */
static void emit_title_rows(struct page_builder *b, const struct table_scan *sc)
{
	size_t before = b->pc->nblocks;
	for (size_t r = 0; r < sc->first; r++)
		if (sc->filled[r])
			page_walk(b, sc->t->rows[r].node, sc->t->rows[r].node, 0);
	for (size_t i = before; i < b->pc->nblocks; i++) {
		struct page_block *block = &b->pc->blocks[i];
		if (block->kind == BLOCK_PARAGRAPH && !block->nlinks &&
		    strlen(block->text) <= 120) {
			block->kind = BLOCK_HEADING;
			block->level = 3;
		}
	}
}

static void scan_free(struct table_scan *sc)
{
	for (size_t r = 0; sc->info && r < sc->t->nrows; r++)
		free(sc->info[r]);
	free(sc->info);
	free(sc->filled);
	table_free(&sc->t);
}

bool page_table_emit(struct page_builder *b, const struct html_node *table)
{
	if (has_blocks(table))
		return false;
	struct table_scan sc = { .t = table_from_node(table), .header = -1 };
	scan_cells(&sc);
	find_header(&sc);
	bool data = is_data(&sc);
	if (data) {
		emit_caption(b, sc.t->caption);
		emit_title_rows(b, &sc);
		emit_block(b, &sc);
	}
	scan_free(&sc);
	return data;
}
