/* Payment history ("Derniers règlements", "Historique des règlements") →
 * model. */
#include "config.h"

#include "portal/payments.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/i18n.h"
#include "util/xalloc.h"
#include "money.h"
#include "web/table.h"
#include "portal/column_match.h"
#include "portal/invoice_columns.h"
#include "portal/navigation.h"

#define CELL_TEXT_MAX 512
#define HEADING_MAX 160
#define SECTION_WINDOW 120

enum pay_column {
	PCOL_DATE,
	PCOL_AMOUNT,
	PCOL_MEANS,
	PCOL_REGIE,
	PCOL_REFERENCE,
	PAY_COLUMN_COUNT
};

static const char *const date_names[] = { "date",
	                                  "date du reglement",
	                                  "date de reglement",
	                                  "date reglement",
	                                  "date de paiement",
	                                  "date du paiement",
	                                  "date d encaissement",
	                                  "regle le",
	                                  "paye le",
	                                  "le",
	                                  NULL };
static const char *const amount_names[] = {
	"montant", "montant regle", "montant du reglement", "montant paye", "somme", "somme reglee",
	NULL
};
static const char *const means_names[] = { "mode de reglement",
	                                   "mode de paiement",
	                                   "moyen de paiement",
	                                   "moyen de reglement",
	                                   "type de reglement",
	                                   "type de paiement",
	                                   "mode",
	                                   "moyen",
	                                   "type",
	                                   "reglement par",
	                                   "paiement par",
	                                   NULL };
static const char *const regie_names[] = { "regie",     "service",  "structure",
	                                   "facturier", "activite", NULL };
static const char *const reference_names[] = { "reference",
	                                       "ref",
	                                       "n de reglement",
	                                       "numero de reglement",
	                                       "n reglement",
	                                       "n de transaction",
	                                       "n d operation",
	                                       "n de quittance",
	                                       "quittance",
	                                       "numero",
	                                       "n",
	                                       "no",
	                                       "facture",
	                                       "factures",
	                                       "n de facture",
	                                       "facture reglee",
	                                       NULL };
static const char *const *const pay_columns[PAY_COLUMN_COUNT] = { date_names, amount_names,
	                                                          means_names, regie_names,
	                                                          reference_names };

static const char *const heading_names[] = { "derniers reglements",
	                                     "historique des reglements",
	                                     "mes reglements",
	                                     "reglements effectues",
	                                     "historique des paiements",
	                                     "derniers paiements",
	                                     "paiements effectues",
	                                     "mes paiements",
	                                     NULL };
static const char *const link_names[] = { "historique des reglements",
	                                  "historique des paiements",
	                                  "tous les reglements",
	                                  "tous mes reglements",
	                                  "mes reglements",
	                                  "voir tous les reglements",
	                                  NULL };
static const char *const means_words[] = { "carte",
	                                   "cb",
	                                   "cheque",
	                                   "prelevement",
	                                   "especes",
	                                   "numeraire",
	                                   "virement",
	                                   "tip",
	                                   "titre interbancaire",
	                                   "cesu",
	                                   "ancv",
	                                   "cheque vacances",
	                                   "payfip",
	                                   "paiement en ligne",
	                                   "en ligne",
	                                   "tipi",
	                                   "mandat",
	                                   NULL };

bool payment_means_known(const char *text)
{
	return column_text_is(text, means_words);
}

static void add_warning(struct payment_history *h, char *message)
{
	h->warnings = xreallocarray(h->warnings, h->nwarnings + 1, sizeof(char *));
	h->warnings[h->nwarnings++] = message;
}

/* One payment from its texts; the amount must parse, the date may not. */
static int add_payment(struct payment_history *h, const char *where, const char *date,
                       const char *amount, const char *means, const char *regie,
                       const char *reference, char **errp)
{
	struct payment p = { 0 };
	char *why = NULL;
	if (money_parse(amount, &p.amount_cents, &why) < 0) {
		set_error(errp, _("payment history: %s: cannot read the amount \"%s\": %s"), where,
		          amount, why);
		free(why);
		return -1;
	}
	if (date_parse_fr(date, &p.date, &why) == 0) {
		p.has_date = true;
	} else {
		add_warning(h, xasprintf(_("payment history: %s: %s: listed without a date"), where,
		                         why));
		free(why);
	}
	p.date_text = xstrdup(date);
	p.means = xstrdup(means ? means : "");
	p.regie = xstrdup(regie ? regie : "");
	p.reference = xstrdup(reference ? reference : "");
	h->items = xreallocarray(h->items, h->count + 1, sizeof(*h->items));
	h->items[h->count++] = p;
	return 0;
}

static const char *cell_at(const struct table_row *row, int col)
{
	const struct table_cell *c = col >= 0 ? table_row_cell_at(row, (unsigned)col) : NULL;
	return c ? c->text : "";
}

/* A header row of payments: a date, an amount and one more payment
 * column, and nothing that makes it the invoice table. */
static long find_header(const struct table *t, int cols[PAY_COLUMN_COUNT])
{
	for (size_t i = 0; i < t->nrows; i++) {
		int n = column_match_row(&t->rows[i], pay_columns, PAY_COLUMN_COUNT, cols);
		if (n < 3 || cols[PCOL_DATE] < 0 || cols[PCOL_AMOUNT] < 0)
			continue;
		struct invoice_columns inv;
		invoice_columns_match(&t->rows[i], &inv);
		if (inv.index[COL_DUE] >= 0 || inv.index[COL_BALANCE] >= 0)
			continue;
		return (long)i;
	}
	return -1;
}

static bool is_total_row(const struct table_row *row)
{
	static const char *const totals[] = { "total", "total general", "total des reglements",
		                              NULL };
	return row->ncells && column_text_is(row->cells[0].text, totals);
}

static int read_table(struct payment_history *h, const struct table *t, long header,
                      const int cols[PAY_COLUMN_COUNT], char **errp)
{
	for (size_t i = (size_t)header + 1; i < t->nrows; i++) {
		const struct table_row *row = &t->rows[i];
		const char *amount = cell_at(row, cols[PCOL_AMOUNT]);
		const char *date = cell_at(row, cols[PCOL_DATE]);
		if (row->looks_like_header || is_total_row(row))
			continue;
		/* A message spanning the table ("Aucun règlement"), a spacer. */
		if ((row->ncells == 1 && row->cells[0].colspan > 1) || (!amount[0] && !date[0]))
			continue;
		char *where = xasprintf(_("row %zu"), i - (size_t)header);
		int rc = add_payment(h, where, date, amount, cell_at(row, cols[PCOL_MEANS]),
		                     cell_at(row, cols[PCOL_REGIE]),
		                     cell_at(row, cols[PCOL_REFERENCE]), errp);
		free(where);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The tables: 1 when one held payments, 0 when none did, -1 on error. */
static int read_tables(struct payment_history *h, const struct html_doc *doc, char **errp)
{
	int found = 0;
	for (const struct html_node *n = html_find(doc->root, "table"); n;
	     n = html_find_next(n, doc->root, "table")) {
		struct table *t = table_from_node_capped(n, CELL_TEXT_MAX);
		int cols[PAY_COLUMN_COUNT];
		long header = find_header(t, cols);
		int rc = header >= 0 ? read_table(h, t, header, cols, errp) : 0;
		table_free(&t);
		if (rc < 0)
			return -1;
		if (header >= 0)
			found = 1;
	}
	return found;
}

static bool looks_like_amount(const char *text)
{
	int64_t cents;
	/* A "€" that does not parse is still the amount, and an error. */
	return strstr(text, "\xe2\x82\xac") || money_parse(text, &cents, NULL) == 0;
}

static bool looks_like_date(const char *text)
{
	/* dd/mm/yyyy in shape, valid or not: "31/02/2025" is a date the
	 * portal got wrong, not a régie. */
	int digits = 0, seps = 0;
	for (const char *p = text; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (*p == '/' || *p == '-' || *p == '.')
			seps++;
		else if (*p != ' ')
			return false;
	}
	return digits >= 6 && seps == 2;
}

/* Splits an item's text at " - ", " – ", " | " (in place). */
static size_t split_parts(char *text, char **parts, size_t max)
{
	static const char *const seps[] = { " - ", " \xe2\x80\x93 ", " | ", NULL };
	size_t n = 0;
	char *p = text;
	while (n < max) {
		parts[n++] = p;
		char *cut = NULL;
		size_t skip = 0;
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
	}
	return n;
}

static int read_item(struct payment_history *h, size_t number, const char *text, char **errp)
{
	char *copy = xstrdup(text);
	char *parts[8];
	size_t n = split_parts(copy, parts, 8);
	const char *date = "", *amount = NULL, *means = NULL, *regie = NULL, *reference = NULL;
	bool dated = false;
	for (size_t i = 0; i < n; i++) {
		const char *part = parts[i];
		if (!dated && looks_like_date(part)) {
			date = part;
			dated = true;
		} else if (!amount && looks_like_amount(part)) {
			amount = part;
		} else if (!means && payment_means_known(part)) {
			means = part;
		} else if (!regie) {
			regie = part;
		} else if (!reference) {
			reference = part;
		}
	}
	char *where = xasprintf(_("item %zu (\"%s\")"), number, text);
	int rc;
	if (!amount)
		rc = set_error(errp, _("payment history: %s: no amount"), where);
	else
		rc = add_payment(h, where, date, amount, means, regie, reference, errp);
	free(where);
	free(copy);
	return rc;
}

static bool is_container(const struct html_node *n)
{
	static const char *const tags[] = { "html",  "body", "form", "table", "tbody", "thead",
		                            "tfoot", "tr",   "ul",   "ol",    "dl",    NULL };
	for (const char *const *t = tags; *t; t++)
		if (html_is(n, *t))
			return true;
	return false;
}

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
			bool heading = strlen(text) <= HEADING_MAX &&
			               column_text_is(text, heading_names);
			free(text);
			if (heading)
				return n;
		}
		n = html_next(n, root);
	}
	return NULL;
}

/* The list under the heading: 1 when found, 0 when none, -1 on error. */
static int read_list(struct payment_history *h, const struct html_doc *doc, char **errp)
{
	const struct html_node *heading = find_heading(doc);
	if (!heading)
		return 0;
	const struct html_node *list = NULL;
	unsigned seen = 0;
	for (const struct html_node *n = html_next(heading, doc->root);
	     n && seen < SECTION_WINDOW && !list; n = html_next(n, doc->root), seen++) {
		if (html_is(n, "table"))
			return 0; /* a table without payment headers: not ours to guess */
		if (html_is(n, "ul") || html_is(n, "ol"))
			list = n;
	}
	if (!list)
		return 0;
	size_t number = 0;
	for (const struct html_node *li = html_find(list, "li"); li;
	     li = html_find_next(li, list, "li")) {
		char *text = html_text_capped(li, CELL_TEXT_MAX);
		int rc = text[0] ? read_item(h, ++number, text, errp) : 0;
		free(text);
		if (rc < 0)
			return -1;
	}
	return 1;
}

int payment_history_parse(const struct html_doc *doc, struct payment_history **out, char **errp)
{
	*out = NULL;
	if (!doc || !doc->root)
		return 0;
	struct payment_history *h = xcalloc(1, sizeof(*h));
	int found = read_tables(h, doc, errp);
	if (found == 0)
		found = read_list(h, doc, errp);
	if (found <= 0) {
		payment_history_free(&h);
		return found;
	}
	*out = h;
	return 1;
}

void payment_history_free(struct payment_history **history)
{
	if (!history || !*history)
		return;
	struct payment_history *h = *history;
	for (size_t i = 0; i < h->count; i++) {
		free(h->items[i].means);
		free(h->items[i].regie);
		free(h->items[i].reference);
		free(h->items[i].date_text);
	}
	free(h->items);
	for (size_t i = 0; i < h->nwarnings; i++)
		free(h->warnings[i]);
	free(h->warnings);
	free(h);
	*history = NULL;
}

char *payment_history_link(const struct html_doc *doc, const char *page_url)
{
	if (!doc || !doc->root)
		return NULL;
	for (const struct html_node *a = html_find(doc->root, "a"); a;
	     a = html_find_next(a, doc->root, "a")) {
		char *text = portal_link_text(a);
		bool named = strlen(text) <= HEADING_MAX && column_text_is(text, link_names);
		free(text);
		if (!named)
			continue;
		char *url = portal_link_url(a, page_url);
		if (url)
			return url;
	}
	return NULL;
}

struct payment_year_total *payment_history_year(const struct payment_history *history, int year,
                                                size_t *count, size_t *undated)
{
	struct payment_year_total *totals = NULL;
	*count = 0;
	*undated = 0;
	for (size_t i = 0; i < history->count; i++) {
		const struct payment *p = &history->items[i];
		if (!p->has_date) {
			(*undated)++;
			continue;
		}
		if (p->date.year != year)
			continue;
		size_t r = 0;
		while (r < *count && !fold_equal(totals[r].regie, p->regie))
			r++;
		if (r == *count) {
			totals = xreallocarray(totals, *count + 1, sizeof(*totals));
			totals[r] = (struct payment_year_total){ p->regie, 0, 0 };
			(*count)++;
		}
		totals[r].cents += p->amount_cents;
		totals[r].count++;
	}
	return totals;
}
