/* Tables as rows and cells: only a table's own rows, colspans applied. */
#include "config.h"

#include "web/table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

/* Class words that 2010s portals put on header rows and cells. */
static bool has_header_class(const struct html_node *node)
{
	static const char *const classes[] = {
		"entete", "en-tete",       "entetes",        "titre",    "header", "head",
		"thead",  "titre_tableau", "entete_tableau", "intitule", NULL
	};
	if (!html_attr(node, "class"))
		return false; /* most cells: no need to try every name */
	for (const char *const *c = classes; *c; c++)
		if (html_has_class(node, *c))
			return true;
	return false;
}

static unsigned parse_colspan(const struct html_node *cell)
{
	const char *span = html_attr(cell, "colspan");
	if (!span)
		return 1;
	long n = strtol(span, NULL, 10);
	/* Browsers clamp colspan to 1000; so do we, against absurd pages. */
	return n < 1 ? 1 : n > 1000 ? 1000 : (unsigned)n;
}

static void add_row(struct table *table, const struct html_node *tr, bool in_thead,
                    size_t max_bytes)
{
	struct table_row row = { .node = tr };
	unsigned col = 0;
	size_t nth = 0, cap = 0;
	bool header_cells = true;
	for (const struct html_node *c = tr->first_child; c; c = c->next) {
		if (!html_is(c, "td") && !html_is(c, "th"))
			continue;
		if (row.ncells == cap) {
			cap = cap ? cap * 2 : 8;
			row.cells = xreallocarray(row.cells, cap, sizeof(*row.cells));
		}
		struct table_cell *cell = &row.cells[row.ncells++];
		cell->node = c;
		cell->text = html_text_capped(c, max_bytes);
		cell->col = col;
		cell->colspan = parse_colspan(c);
		cell->is_th = html_is(c, "th");
		col += cell->colspan;
		if (cell->is_th)
			nth++;
		if (!cell->is_th && !has_header_class(c))
			header_cells = false;
	}
	row.looks_like_header = row.ncells > 0 && (in_thead || nth == row.ncells || header_cells ||
	                                           has_header_class(tr));
	if (row.looks_like_header && table->header_row < 0)
		table->header_row = (long)table->nrows;
	table->rows = xappend_room(table->rows, table->nrows, sizeof(*table->rows));
	table->rows[table->nrows++] = row;
}

struct table *table_from_node(const struct html_node *table_node)
{
	return table_from_node_capped(table_node, SIZE_MAX);
}

struct table *table_from_node_capped(const struct html_node *table_node, size_t max_bytes)
{
	struct table *table = xcalloc(1, sizeof(*table));
	table->node = table_node;
	table->header_row = -1;
	for (const struct html_node *n = table_node->first_child; n; n = n->next) {
		if (html_is(n, "caption") && !table->caption) {
			table->caption = html_text(n);
		} else if (html_is(n, "tr")) {
			add_row(table, n, false, max_bytes);
		} else if (html_is(n, "thead") || html_is(n, "tbody") || html_is(n, "tfoot")) {
			for (const struct html_node *tr = n->first_child; tr; tr = tr->next)
				if (html_is(tr, "tr"))
					add_row(table, tr, html_is(n, "thead"), max_bytes);
		}
	}
	return table;
}

void table_free(struct table **table)
{
	if (!table || !*table)
		return;
	for (size_t r = 0; r < (*table)->nrows; r++) {
		struct table_row *row = &(*table)->rows[r];
		for (size_t c = 0; c < row->ncells; c++)
			free(row->cells[c].text);
		free(row->cells);
	}
	free((*table)->rows);
	free((*table)->caption);
	free(*table);
	*table = NULL;
}

const struct table_cell *table_row_cell_at(const struct table_row *row, unsigned col)
{
	for (size_t i = 0; i < row->ncells; i++)
		if (col >= row->cells[i].col && col < row->cells[i].col + row->cells[i].colspan)
			return &row->cells[i];
	return NULL;
}
