/* Mon compte » Détail financier par facture: document → invoice model. */
#include "config.h"

#include "util/i18n.h"
#include "portal/invoices.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/fold.h"
#include "util/xalloc.h"
#include "money.h"
#include "web/form.h"
#include "web/table.h"
#include "web/url.h"
#include "portal/handoff/handoff.h"
#include "portal/invoice_columns.h"
#include "portal/invoice_document.h"
#include "portal/regie_heading.h"

/* No cell of an invoice table says more than this; longer cells are
 * layout holding the rest of the page, cut short rather than copied. */
#define CELL_TEXT_MAX 1024

/* Work in progress while reading one page. */
struct reader {
	const struct html_doc *doc;
	struct invoice_page *page;
	const struct html_node *prev_table; /* the previous invoice table */
	const struct table_row *header;     /* the header row of the table read */
};

static void add_warning(struct invoice_page *page, char *message)
{
	page->warnings = xreallocarray(page->warnings, page->nwarnings + 1, sizeof(char *));
	page->warnings[page->nwarnings++] = message;
}

static struct regie *add_regie(struct invoice_page *page, char *name)
{
	page->regies = xreallocarray(page->regies, page->nregies + 1, sizeof(*page->regies));
	struct regie *regie = &page->regies[page->nregies++];
	memset(regie, 0, sizeof(*regie));
	regie->name = name;
	regie->first_invoice = page->ninvoices;
	regie->form_index = -1;
	regie->pay.control = regie->back.control = -1;
	return regie;
}

/* The folded summary labels and which field of the régie they fill. */
enum summary_kind {
	SUMMARY_NONE,
	SUMMARY_BALANCE_DUE,
	SUMMARY_TOTAL
};

static enum summary_kind summary_label(const char *text, size_t *label_len)
{
	/* Both labels start with an ASCII word: most cells (invoice numbers,
	 * amounts) are ruled out without folding. */
	if (strncasecmp(text, "solde", 5) != 0 && strncasecmp(text, "total", 5) != 0)
		return SUMMARY_NONE;
	char *folded = fold_label(text);
	enum summary_kind kind = SUMMARY_NONE;
	if (strncmp(folded, "solde du", 8) == 0 && (folded[8] == '\0' || folded[8] == ' '))
		kind = SUMMARY_BALANCE_DUE;
	else if (strncmp(folded, "total a regler", 14) == 0 &&
	         (folded[14] == '\0' || folded[14] == ' '))
		kind = SUMMARY_TOTAL;
	free(folded);
	if (kind != SUMMARY_NONE && label_len) {
		/* The amount may follow the label in the same cell: skip up to and
		 * including the colon, or past the label's words. */
		const char *colon = strchr(text, ':');
		*label_len = colon ? (size_t)(colon - text) + 1 : 0;
	}
	return kind;
}

static void set_summary(struct regie *regie, enum summary_kind kind, int64_t cents)
{
	if (kind == SUMMARY_BALANCE_DUE && !regie->has_balance_due) {
		regie->has_balance_due = true;
		regie->balance_due_cents = cents;
	} else if (kind == SUMMARY_TOTAL && !regie->has_total) {
		regie->has_total = true;
		regie->total_cents = cents;
	}
}

/* A "Solde dû: 226,11" row: the amount is after the label in its cell or
 * in the first following cell that has text. Returns false for other rows. */
static bool read_summary_row(const struct table_row *row, struct regie *regie)
{
	for (size_t i = 0; i < row->ncells; i++) {
		size_t label_len = 0;
		enum summary_kind kind = summary_label(row->cells[i].text, &label_len);
		if (kind == SUMMARY_NONE)
			continue;
		int64_t cents;
		if (label_len && money_parse(row->cells[i].text + label_len, &cents, NULL) == 0) {
			set_summary(regie, kind, cents);
			return true;
		}
		for (size_t j = i + 1; j < row->ncells; j++)
			if (row->cells[j].text[0]) {
				if (money_parse(row->cells[j].text, &cents, NULL) == 0)
					set_summary(regie, kind, cents);
				break;
			}
		return true;
	}
	return false;
}

static const char *cell_text(const struct table_row *row, int col)
{
	const struct table_cell *cell = col >= 0 ? table_row_cell_at(row, (unsigned)col) : NULL;
	return cell ? cell->text : "";
}

/* The row's checkbox: in the Sélection cell when there is one, else
 * anywhere in the row. */
static bool is_checkbox(const struct html_node *n);

static const struct html_node *find_checkbox(const struct table_row *row, int select_col)
{
	const struct table_cell *cell = select_col >= 0
	                                        ? table_row_cell_at(row, (unsigned)select_col)
	                                        : NULL;
	const struct html_node *scope = cell ? cell->node : row->node;
	for (const struct html_node *n = html_next(scope, scope); n; n = html_next(n, scope))
		if (is_checkbox(n))
			return n;
	return NULL;
}

static int read_money(const char *text, const char *what, const char *number, int64_t *cents,
                      char **errp)
{
	char *why = NULL;
	if (money_parse(text, cents, &why) == 0)
		return 0;
	set_error(errp, _("invoice page: invoice %s: cannot read the %s \"%s\": %s"), number, what,
	          text, why);
	free(why);
	return -1;
}

static int read_date(const char *text, const char *what, const char *number, struct date *date,
                     char **errp)
{
	char *why = NULL;
	if (date_parse_fr(text, date, &why) == 0)
		return 0;
	set_error(errp, _("invoice page: invoice %s: cannot read the %s \"%s\": %s"), number, what,
	          text, why);
	free(why);
	return -1;
}

static void read_checkbox(struct reader *r, const struct html_node *box, struct invoice *inv,
                          struct regie *regie)
{
	if (!box)
		return;
	size_t form_index;
	const struct form_control *control = form_list_control_for_node(r->page->forms, box,
	                                                                &form_index);
	inv->has_checkbox = true;
	inv->selected = html_attr(box, "checked") != NULL;
	inv->selectable = html_attr(box, "disabled") == NULL;
	inv->checkbox_name = xstrdup(html_attr(box, "name") ? html_attr(box, "name") : "");
	inv->checkbox_value = xstrdup(html_attr(box, "value") ? html_attr(box, "value") : "on");
	if (control && regie->form_index < 0)
		regie->form_index = (long)form_index;
	if (control && regie->form_index == (long)form_index)
		inv->checkbox_control = control - r->page->forms->forms[form_index].controls;
}

static int read_invoice_row(struct reader *r, const struct table_row *row,
                            const struct invoice_columns *cols, struct regie *regie, char **errp)
{
	const char *number = cell_text(row, cols->index[COL_NUMBER]);
	struct invoice inv = { .checkbox_control = -1 };
	if (read_money(cell_text(row, cols->index[COL_AMOUNT]), _("amount (Montant dû)"), number,
	               &inv.amount_cents, errp) < 0 ||
	    read_money(cell_text(row, cols->index[COL_BALANCE]), _("balance (Solde)"), number,
	               &inv.balance_cents, errp) < 0 ||
	    read_date(cell_text(row, cols->index[COL_DATE]), _("date (Date de la facture)"), number,
	              &inv.date, errp) < 0 ||
	    read_date(cell_text(row, cols->index[COL_DUE]), _("due date (A payer avant le)"),
	              number, &inv.due, errp) < 0)
		return -1;
	inv.has_date = inv.has_due = true;
	inv.number = xstrdup(number);
	inv.regie = xstrdup(regie->name);
	inv.regie_index = (size_t)(regie - r->page->regies);
	read_checkbox(r, find_checkbox(row, cols->index[COL_SELECT]), &inv, regie);
	inv.document_href = invoice_document_href(row, r->header, cols->index[COL_NUMBER],
	                                          cols->index[COL_SELECT]);
	struct invoice_page *page = r->page;
	page->invoices = xreallocarray(page->invoices, page->ninvoices + 1,
	                               sizeof(*page->invoices));
	page->invoices[page->ninvoices++] = inv;
	regie->ninvoices++;
	return 0;
}

/* A row is an invoice when its number cell has text of its own; a row
 * with one cell spanning the table is a message ("Aucune facture"). */
static bool is_invoice_row(const struct table_row *row, const struct invoice_columns *cols)
{
	const struct table_cell *cell = table_row_cell_at(row, (unsigned)cols->index[COL_NUMBER]);
	if (!cell || !cell->text[0])
		return false;
	if (row->ncells == 1 && cell->colspan > 1)
		return false;
	return true;
}

static int read_rows(struct reader *r, const struct table *t, size_t header,
                     const struct invoice_columns *cols, struct regie *regie, char **errp)
{
	for (size_t i = header + 1; i < t->nrows; i++) {
		const struct table_row *row = &t->rows[i];
		if (read_summary_row(row, regie))
			continue;
		if (row->looks_like_header || !is_invoice_row(row, cols)) {
			if (row->ncells && fold_contains(row->cells[0].text, "aucune facture"))
				r->page->empty_message = true;
			continue;
		}
		if (read_invoice_row(r, row, cols, regie, errp) < 0)
			return -1;
	}
	return 0;
}

/* How far after an invoice table its totals may stand, in nodes. */
#define SUMMARY_WINDOW 400

static bool is_checkbox(const struct html_node *n)
{
	const char *type = html_attr(n, "type");
	return html_is(n, "input") && type && strcasecmp(type, "checkbox") == 0;
}

/* The amount after a summary label: in the same text, or the next text. */
static bool summary_amount(const struct html_node *label, const char *text, size_t label_len,
                           const struct html_node *root, int64_t *cents)
{
	if (label_len && money_parse(text + label_len, cents, NULL) == 0)
		return true;
	for (const struct html_node *m = html_next(label, root); m; m = html_next(m, root))
		if (m->type == HTML_TEXT && !html_text_empty(m)) {
			char *value = html_text(m);
			bool ok = money_parse(value, cents, NULL) == 0;
			free(value);
			return ok;
		}
	return false;
}

/* Totals printed after the table rather than in it (a second small table,
 * a <div>): looked for in the nodes that follow, up to the next invoice
 * row (a checkbox) or SUMMARY_WINDOW nodes. */
static void read_summary_after(const struct html_doc *doc, const struct html_node *table,
                               struct regie *regie)
{
	unsigned seen = 0;
	for (const struct html_node *n = html_next_skip(table, doc->root);
	     n && seen < SUMMARY_WINDOW && !is_checkbox(n); n = html_next(n, doc->root), seen++) {
		if (n->type != HTML_TEXT)
			continue;
		char *text = html_text(n);
		size_t label_len = 0;
		enum summary_kind kind = summary_label(text, &label_len);
		int64_t cents;
		if (kind != SUMMARY_NONE && summary_amount(n, text, label_len, doc->root, &cents))
			set_summary(regie, kind, cents);
		free(text);
		if (regie->has_balance_due && regie->has_total)
			return;
	}
}

/* The header row: the first row naming at least three invoice columns, the
 * number among them. Returns its index or -1. */
static long find_header(const struct table *t, struct invoice_columns *cols)
{
	for (size_t i = 0; i < t->nrows; i++)
		if (invoice_columns_match(&t->rows[i], cols) >= 3 && cols->index[COL_NUMBER] >= 0)
			return (long)i;
	return -1;
}

static void check_totals(struct invoice_page *page, const struct regie *regie)
{
	int64_t balance = 0, selected = 0;
	for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices; i++) {
		balance += page->invoices[i].balance_cents;
		if (page->invoices[i].selected)
			selected += page->invoices[i].balance_cents;
	}
	char shown[32], sum[32];
	if (regie->has_balance_due && regie->balance_due_cents != balance)
		add_warning(page, xasprintf(_("régie \"%s\": the page says Solde dû %s but the "
		                              "balances of its invoices add up to %s"),
		                            regie->name,
		                            money_format(regie->balance_due_cents, MONEY_FR, shown,
		                                         sizeof(shown)),
		                            money_format(balance, MONEY_FR, sum, sizeof(sum))));
	if (regie->has_total && regie->total_cents != selected)
		add_warning(
		        page,
		        xasprintf(_("régie \"%s\": the page says Total à régler %s but the "
		                    "checked invoices add up to %s"),
		                  regie->name,
		                  money_format(regie->total_cents, MONEY_FR, shown, sizeof(shown)),
		                  money_format(selected, MONEY_FR, sum, sizeof(sum))));
}

static int read_invoice_table(struct reader *r, const struct table *t, long header,
                              const struct invoice_columns *cols, char **errp)
{
	char *name = regie_heading_find(r->doc, t, (size_t)header, r->prev_table);
	char *missing = invoice_columns_missing(cols);
	if (missing) {
		set_error(errp, _("invoice page: the invoice table of \"%s\" has no column %s"),
		          name, missing);
		free(missing);
		free(name);
		return -1;
	}
	struct regie *regie = add_regie(r->page, name);
	r->header = &t->rows[header];
	int rc = read_rows(r, t, (size_t)header, cols, regie, errp);
	r->header = NULL; /* the table is freed once read */
	if (rc < 0)
		return -1;
	if (!regie->has_balance_due || !regie->has_total)
		read_summary_after(r->doc, t->node, regie);
	regie_buttons_find(r->doc, r->page->forms, t->node, regie);
	check_totals(r->page, regie);
	r->prev_table = t->node;
	return 0;
}

static int read_tables(struct reader *r, char **errp)
{
	const struct html_node *root = r->doc->root;
	for (const struct html_node *n = html_find(root, "table"); n;
	     n = html_find_next(n, root, "table")) {
		struct table *t = table_from_node_capped(n, CELL_TEXT_MAX);
		struct invoice_columns cols;
		long header = find_header(t, &cols);
		int rc = header >= 0 ? read_invoice_table(r, t, header, &cols, errp) : 0;
		table_free(&t);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int invoice_page_parse(const struct html_doc *doc, struct invoice_page **out, char **errp)
{
	struct invoice_page *page = xcalloc(1, sizeof(*page));
	page->forms = form_list_from_doc(doc);
	page->scripts = handoff_page_scripts(doc);
	struct reader r = { .doc = doc, .page = page };
	*out = NULL;
	if (read_tables(&r, errp) < 0) {
		invoice_page_free(&page);
		return -1;
	}
	if (page->ninvoices == 0 && !page->empty_message) {
		char *text = html_text(doc->root);
		page->empty_message = fold_contains(text, "aucune facture");
		free(text);
	}
	if (page->nregies == 0 && !page->empty_message) {
		invoice_page_free(&page);
		return set_error(errp,
		                 _("invoice page not understood: no invoice table (with the "
		                   "columns N° de la facture, Date de la facture, A payer avant "
		                   "le, Montant dû, Solde) and no \"Aucune facture\" message"));
	}
	*out = page;
	return 0;
}

static void free_button(struct form_button *b)
{
	free(b->label);
	free(b->name);
	free(b->value);
	free(b->onclick);
}

void invoice_page_free(struct invoice_page **page)
{
	if (!page || !*page)
		return;
	struct invoice_page *p = *page;
	for (size_t i = 0; i < p->ninvoices; i++) {
		free(p->invoices[i].regie);
		free(p->invoices[i].number);
		free(p->invoices[i].checkbox_name);
		free(p->invoices[i].checkbox_value);
		free(p->invoices[i].document_href);
		free(p->invoices[i].document_url);
	}
	free(p->invoices);
	for (size_t i = 0; i < p->nregies; i++) {
		free(p->regies[i].name);
		free_button(&p->regies[i].pay);
		free_button(&p->regies[i].back);
	}
	free(p->regies);
	for (size_t i = 0; i < p->nwarnings; i++)
		free(p->warnings[i]);
	free(p->warnings);
	form_list_free(&p->forms);
	free(p->scripts);
	free(p);
	*page = NULL;
}

void invoice_page_resolve_documents(struct invoice_page *page, const char *base_url)
{
	for (size_t i = 0; i < page->ninvoices; i++) {
		struct invoice *inv = &page->invoices[i];
		free(inv->document_url);
		inv->document_url = inv->document_href && base_url
		                            ? url_resolve(base_url, inv->document_href, NULL)
		                            : NULL;
	}
}

int64_t invoice_page_balance_due(const struct invoice_page *page)
{
	int64_t sum = 0;
	for (size_t i = 0; i < page->ninvoices; i++)
		sum += page->invoices[i].balance_cents;
	return sum;
}

int64_t invoice_page_selected_total(const struct invoice_page *page)
{
	int64_t sum = 0;
	for (size_t i = 0; i < page->ninvoices; i++)
		if (page->invoices[i].selected)
			sum += page->invoices[i].balance_cents;
	return sum;
}

const char *invoice_unpayable_reason(const struct invoice *inv)
{
	if (!inv->has_checkbox)
		return _("the portal offers no checkbox for it (already paid, or paid otherwise)");
	if (!inv->selectable)
		return _("its checkbox is disabled on the portal");
	if (inv->balance_cents <= 0)
		return _("nothing is left to pay on it");
	if (!inv->number || !*inv->number)
		return _("it has no number on the portal");
	return NULL;
}

int64_t invoices_balance_sum(const struct invoice *const *invoices, size_t count)
{
	int64_t sum = 0;
	for (size_t i = 0; i < count; i++)
		sum += invoices[i]->balance_cents;
	return sum;
}

size_t invoice_regie_confirms(const struct invoice_page *page, size_t regie,
                              char *texts[INVOICE_MAX_CONFIRMS])
{
	size_t n = 0;
	texts[0] = texts[1] = NULL;
	if (!page || regie >= page->nregies)
		return 0;
	const struct regie *r = &page->regies[regie];
	const struct form *form = r->form_index >= 0 && page->forms &&
	                                          (size_t)r->form_index < page->forms->count
	                                  ? &page->forms->forms[r->form_index]
	                                  : NULL;
	/* In the order a browser asks them: the click, then the submission. */
	const char *scripts[INVOICE_MAX_CONFIRMS] = { r->pay.present ? r->pay.onclick : NULL,
		                                      form ? form->onsubmit : NULL };
	for (size_t i = 0; i < INVOICE_MAX_CONFIRMS; i++) {
		char *text = handoff_confirm_text(page->scripts, scripts[i]);
		if (text)
			texts[n++] = text;
	}
	return n;
}
