/* HTML tables as rows of cells with their visible text.
 *
 * Only the table's own rows are taken (rows of nested tables belong to the
 * nested table). Cells spanning several columns get the column index of
 * their first column, so a column can be found by header position. */
#ifndef PF_WEB_TABLE_H
#define PF_WEB_TABLE_H

#include <stdbool.h>
#include <stddef.h>

#include "web/html.h"

struct table_cell {
	const struct html_node *node;
	char *text;       /* html_text() of the cell */
	unsigned col;     /* first column covered, 0-based, colspan applied */
	unsigned colspan; /* >= 1 */
	bool is_th;
};

struct table_row {
	const struct html_node *node;
	struct table_cell *cells;
	size_t ncells;
	bool looks_like_header; /* all <th>, inside <thead>, or a header-looking
	                           class (entete, titre, header, head...) */
};

struct table {
	const struct html_node *node;
	char *caption; /* NULL without <caption> */
	struct table_row *rows;
	size_t nrows;
	long header_row; /* first row that looks like a header, -1 if none:
	                      callers matching header texts may pick another */
};

/* Builds the table of a <table> element. Never fails. */
struct table *table_from_node(const struct html_node *table_node);
/* The same with each cell's text cut after about max_bytes: a layout
 * table's cell may hold a whole page, and a caller looking for short
 * labels needs none of it. */
struct table *table_from_node_capped(const struct html_node *table_node, size_t max_bytes);
void table_free(struct table **table);
/* The cell of row covering column col, or NULL. */
const struct table_cell *table_row_cell_at(const struct table_row *row, unsigned col);

#endif
