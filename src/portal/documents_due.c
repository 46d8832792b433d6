/* "Documents à transmettre à la structure" on the home page → model. */
#include "config.h"

#include "portal/documents_due.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/xalloc.h"
#include "web/table.h"
#include "portal/column_match.h"

/* How far after its heading the section's table or list may start, in
 * nodes, and how long a heading and a cell may be. */
#define SECTION_WINDOW 120
#define HEADING_MAX 160
#define CELL_TEXT_MAX 512

static const char *const heading_names[] = {
	"documents a transmettre", "documents a fournir",
	"pieces a transmettre",    "pieces a fournir",
	"justificatifs a fournir", "pieces justificatives a fournir",
	"documents manquants",     NULL
};
static const char *const due_states[] = { "a fournir",
	                                  "a renouveler",
	                                  "a transmettre",
	                                  "a completer",
	                                  "a regulariser",
	                                  "manquant",
	                                  "manquante",
	                                  "non fourni",
	                                  "non fournie",
	                                  "non recu",
	                                  "expire",
	                                  "expiree",
	                                  "perime",
	                                  "perimee",
	                                  "refuse",
	                                  "refusee",
	                                  NULL };

enum doc_column {
	DCOL_NAME,
	DCOL_WHO,
	DCOL_STATE,
	DOC_COLUMN_COUNT
};
static const char *const name_names[] = { "document",         "documents", "piece",    "pieces",
	                                  "justificatif",     "libelle",   "intitule", "nature",
	                                  "type de document", NULL };
static const char *const who_names[] = { "enfant",   "personne", "beneficiaire", "membre",
	                                 "concerne", "pour",     "nom",          NULL };
static const char *const state_names[] = { "etat", "statut", "situation", "etat du document",
	                                   NULL };
static const char *const *const doc_columns[DOC_COLUMN_COUNT] = { name_names, who_names,
	                                                          state_names };

bool document_state_is_due(const char *state)
{
	return column_text_is(state, due_states);
}

static bool is_heading_text(const char *text)
{
	if (strlen(text) > HEADING_MAX)
		return false;
	for (const char *const *h = heading_names; *h; h++)
		if (fold_contains(text, *h))
			return true;
	return false;
}

static void add_item(struct documents_due *out, const char *name, const char *who,
                     const char *state)
{
	out->items = xreallocarray(out->items, out->count + 1, sizeof(*out->items));
	struct document_due *d = &out->items[out->count++];
	d->name = xstrdup(name);
	d->who = xstrdup(who ? who : "");
	d->state = xstrdup(state);
}

/* Parts of a row without headers: the state is the part that reads as
 * one, the document the first other part with text, the person the next. */
static void read_parts(struct documents_due *out, const char *const *parts, size_t n)
{
	const char *state = NULL, *name = NULL, *who = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!parts[i][0])
			continue;
		if (!state && document_state_is_due(parts[i]))
			state = parts[i];
		else if (!name)
			name = parts[i];
		else if (!who)
			who = parts[i];
	}
	if (state && name)
		add_item(out, name, who, state);
}

static const char *cell_at(const struct table_row *row, int col)
{
	const struct table_cell *c = col >= 0 ? table_row_cell_at(row, (unsigned)col) : NULL;
	return c ? c->text : "";
}

static void read_table(struct documents_due *out, const struct html_node *node, bool skip_first)
{
	struct table *t = table_from_node_capped(node, CELL_TEXT_MAX);
	int cols[DOC_COLUMN_COUNT];
	size_t first = skip_first ? 1 : 0;
	long header = -1;
	for (size_t i = first; i < t->nrows && header < 0; i++)
		if (column_match_row(&t->rows[i], doc_columns, DOC_COLUMN_COUNT, cols) >= 2 &&
		    cols[DCOL_STATE] >= 0)
			header = (long)i;
	for (size_t i = header >= 0 ? (size_t)header + 1 : first; i < t->nrows; i++) {
		const struct table_row *row = &t->rows[i];
		if (header >= 0 && cols[DCOL_NAME] >= 0) {
			const char *state = cell_at(row, cols[DCOL_STATE]);
			const char *name = cell_at(row, cols[DCOL_NAME]);
			if (name[0] && document_state_is_due(state))
				add_item(out, name, cell_at(row, cols[DCOL_WHO]), state);
			continue;
		}
		const char **parts = xcalloc(row->ncells + 1, sizeof(*parts));
		for (size_t c = 0; c < row->ncells; c++)
			parts[c] = row->cells[c].text;
		read_parts(out, parts, row->ncells);
		free(parts);
	}
	table_free(&t);
}

/* "Attestation CAF - Léo : A fournir": cut at " - ", " : ", " – ", ":". */
static void read_item_text(struct documents_due *out, const char *text)
{
	char *copy = xstrdup(text);
	const char *parts[8];
	size_t n = 0;
	char *p = copy;
	while (n < 8) {
		parts[n++] = p;
		char *cut = NULL;
		size_t skip = 0;
		static const char *const seps[] = {
			" - ", " \xe2\x80\x93 ", " : ", ": ", ":", NULL
		};
		for (const char *const *s = seps; *s; s++) {
			char *at = strstr(p, *s);
			if (at && (!cut || at < cut)) {
				cut = at;
				skip = strlen(*s);
			}
		}
		if (!cut)
			break;
		*cut = '\0';
		p = cut + skip;
		while (*p == ' ')
			p++;
	}
	for (size_t i = 0; i < n; i++) {
		char *end = (char *)parts[i] + strlen(parts[i]);
		while (end > parts[i] && end[-1] == ' ')
			*--end = '\0';
	}
	read_parts(out, parts, n);
	free(copy);
}

static void read_list(struct documents_due *out, const struct html_node *list)
{
	for (const struct html_node *li = html_find(list, "li"); li;
	     li = html_find_next(li, list, "li")) {
		char *text = html_text_capped(li, CELL_TEXT_MAX);
		read_item_text(out, text);
		free(text);
	}
}

/* The heading sits in the first row (or the caption) of its own table:
 * that table is the section. */
static const struct html_node *own_table(const struct html_node *heading)
{
	const struct html_node *table = html_ancestor(heading, "table");
	if (!table)
		return NULL;
	if (html_ancestor(heading, "caption"))
		return table;
	const struct html_node *tr = html_ancestor(heading, "tr");
	if (!tr || html_ancestor(tr, "table") != table)
		return NULL;
	const struct html_node *first = html_find(table, "tr");
	if (first != tr)
		return NULL;
	char *text = html_text_capped(tr, HEADING_MAX + 8);
	bool short_row = strlen(text) <= HEADING_MAX;
	free(text);
	return short_row ? table : NULL;
}

static void read_section(struct documents_due *out, const struct html_doc *doc,
                         const struct html_node *heading)
{
	const struct html_node *table = own_table(heading);
	if (table) {
		read_table(out, table, !html_ancestor(heading, "caption"));
		return;
	}
	unsigned seen = 0;
	for (const struct html_node *n = html_next(heading, doc->root); n && seen < SECTION_WINDOW;
	     n = html_next(n, doc->root), seen++) {
		if (html_is(n, "table")) {
			read_table(out, n, false);
			return;
		}
		if (html_is(n, "ul") || html_is(n, "ol")) {
			read_list(out, n);
			return;
		}
	}
}

/* Elements that hold the section rather than name it: a small table or
 * list would otherwise be its own heading. */
static bool is_container(const struct html_node *n)
{
	static const char *const tags[] = { "html",  "body", "form", "table", "tbody", "thead",
		                            "tfoot", "tr",   "ul",   "ol",    "dl",    NULL };
	for (const char *const *t = tags; *t; t++)
		if (html_is(n, *t))
			return true;
	return false;
}

/* The first element whose whole text is short and names the section
 * (the heading may be split: "<b>Documents</b> à transmettre"); links
 * (a menu entry) and invisible elements are not headings. */
static const struct html_node *find_heading(const struct html_doc *doc)
{
	const struct html_node *root = doc->root;
	const struct html_node *n = html_next(root, root);
	while (n) {
		if (n->type == HTML_ELEMENT &&
		    (n->flags & HTML_INVISIBLE || html_is(n, "a") || html_is(n, "select"))) {
			n = html_next_skip(n, root);
			continue;
		}
		if (n->type == HTML_ELEMENT && !is_container(n)) {
			char *text = html_text_capped(n, HEADING_MAX + 8);
			bool heading = is_heading_text(text);
			free(text);
			if (heading)
				return n;
		}
		n = html_next(n, root);
	}
	return NULL;
}

struct documents_due *documents_due_parse(const struct html_doc *doc)
{
	struct documents_due *out = xcalloc(1, sizeof(*out));
	const struct html_node *heading = doc && doc->root ? find_heading(doc) : NULL;
	if (heading) {
		out->section_found = true;
		read_section(out, doc, heading);
	}
	return out;
}

void documents_due_free(struct documents_due **docs)
{
	if (!docs || !*docs)
		return;
	for (size_t i = 0; i < (*docs)->count; i++) {
		free((*docs)->items[i].name);
		free((*docs)->items[i].who);
		free((*docs)->items[i].state);
	}
	free((*docs)->items);
	free(*docs);
	*docs = NULL;
}
