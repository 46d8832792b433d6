/* The invoice model as JSON for programs and as a table for people. */
#include "config.h"

#include "cli/invoice_output.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/json_write.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/invoices.h"
#include "portal/reminders.h"

void invoice_output_json_invoice(struct json_writer *w, const struct invoice *inv,
                                 const struct date *today)
{
	char date[11], due[11];
	json_begin_object(w, NULL);
	json_put_string(w, "regie", inv->regie);
	json_put_string(w, "number", inv->number);
	json_put_string(w, "date", inv->has_date ? date_to_iso(&inv->date, date) : NULL);
	json_put_string(w, "due", inv->has_due ? date_to_iso(&inv->due, due) : NULL);
	json_put_int(w, "amount_cents", inv->amount_cents);
	json_put_int(w, "balance_cents", inv->balance_cents);
	json_put_bool(w, "selectable", inv->selectable);
	json_put_bool(w, "selected", inv->selected);
	json_put_bool(w, "overdue", invoice_is_overdue(inv, today));
	json_put_bool(w, "document", inv->document_href != NULL);
	json_end(w);
}

int invoice_output_json(FILE *out, const struct invoice_page *page)
{
	struct json_writer w;
	struct date today = date_today();
	json_writer_init(&w, out);
	json_begin_object(&w, NULL);
	json_begin_array(&w, "invoices");
	for (size_t i = 0; i < page->ninvoices; i++)
		invoice_output_json_invoice(&w, &page->invoices[i], &today);
	json_end(&w);
	json_put_int(&w, "balance_due_cents", invoice_page_balance_due(page));
	json_put_int(&w, "selected_total_cents", invoice_page_selected_total(page));
	json_end(&w);
	return json_writer_finish(&w);
}

/* Display width of sanitized UTF-8: the one rule (util/utf8.h). */
static size_t text_width(const char *s)
{
	return utf8_width(s, strlen(s));
}

static void put_cell(FILE *out, const char *text, size_t width, bool right)
{
	size_t w = text_width(text);
	size_t pad = w < width ? width - w : 0;
	if (right)
		fprintf(out, "%*s%s", (int)pad, "", text);
	else
		fprintf(out, "%s%*s", text, (int)pad, "");
}

/* One line of the table: number, date, due date, amount, balance,
 * selection and document, each sanitized; amounts right-aligned. Within
 * 80 columns with the French headers. */
#define TABLE_COLUMNS 7
static void print_columns(FILE *out, int flags, size_t number_width,
                          const char *const cells[TABLE_COLUMNS])
{
	static const size_t widths[TABLE_COLUMNS] = { 0, 10, 10, 11, 11, 9, 0 };
	int last = TABLE_COLUMNS - 1; /* no blanks at the end of a line */
	while (last > 0 && !*cells[last])
		last--;
	for (int i = 0; i <= last; i++) {
		char *safe = sanitize_text(cells[i], strlen(cells[i]), flags, 40);
		if (i > 0)
			fputs("  ", out);
		size_t width = i == 0 ? number_width : widths[i];
		put_cell(out, safe, i == last ? 0 : width, i == 3 || i == 4);
		free(safe);
	}
	fputc('\n', out);
}

static const char *selection_mark(const struct invoice *inv)
{
	if (!inv->has_checkbox)
		return "-";
	if (!inv->selectable)
		return inv->selected ? _("[x] (disabled)") : _("[ ] (disabled)");
	return inv->selected ? "[x]" : "[ ]";
}

static void print_regie(FILE *out, const struct invoice_page *page, const struct regie *regie,
                        int flags)
{
	char *name = sanitize_str(regie->name[0] ? regie->name : _("(unnamed régie)"), flags);
	fprintf(out, "%s\n", name);
	free(name);
	size_t width = 16;
	for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices; i++) {
		char *number = sanitize_text(page->invoices[i].number,
		                             strlen(page->invoices[i].number), flags, 40);
		if (text_width(number) > width)
			width = text_width(number);
		free(number);
	}
	/* "Doc.": the invoice has a document to download. */
	print_columns(out, flags, width,
	              (const char *[]){ _("Invoice no."), _("Date"), _("Due date"), _("Amount due"),
	                                _("Balance"), _("Selection"), _("Doc.") });
	int64_t balance = 0, selected = 0;
	for (size_t i = regie->first_invoice; i < regie->first_invoice + regie->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		char date[11], due[11], amount[32], bal[32];
		print_columns(
		        out, flags, width,
		        (const char *[]){
		                inv->number, date_to_fr(&inv->date, date),
		                date_to_fr(&inv->due, due),
		                money_format(inv->amount_cents, MONEY_FR, amount, sizeof(amount)),
		                money_format(inv->balance_cents, MONEY_FR, bal, sizeof(bal)),
		                selection_mark(inv), inv->document_href ? _("yes") : "" });
		balance += inv->balance_cents;
		if (inv->selected)
			selected += inv->balance_cents;
	}
	char amount[32];
	char *label = sanitize_str(_("Balance due:"), flags);
	fprintf(out, "%s %s\n", label, money_format(balance, MONEY_FR, amount, sizeof(amount)));
	free(label);
	label = sanitize_str(_("Total to pay:"), flags);
	fprintf(out, "%s %s\n\n", label, money_format(selected, MONEY_FR, amount, sizeof(amount)));
	free(label);
}

int invoice_output_table(FILE *out, const struct invoice_page *page)
{
	int flags = sanitize_terminal_flags();
	if (page->ninvoices == 0)
		fputs(_("No invoices.\n"), out);
	for (size_t r = 0; r < page->nregies; r++)
		if (page->regies[r].ninvoices > 0)
			print_regie(out, page, &page->regies[r], flags);
	/* One régie (the portal's only one, or invoices --regie): its own
	 * "Solde dû" is the whole, and "toutes régies" would be untrue. */
	if (page->nregies == 1)
		return ferror(out) ? -1 : 0;
	char amount[32];
	char *label = sanitize_str(_("Balance due, all régies:"), flags);
	fprintf(out, "%s %s\n", label,
	        money_format(invoice_page_balance_due(page), MONEY_FR, amount, sizeof(amount)));
	free(label);
	return ferror(out) ? -1 : 0;
}

/* A spreadsheet runs a cell that starts like a formula ("=HYPERLINK(...)",
 * "@SUM(...)", "+1", "-1" and, in some, a TAB or CR before one): a text
 * cell from the portal that does gets a leading "'", which spreadsheets
 * read as "this is text" (OWASP "CSV Injection"). Our own amounts are
 * written apart and stay numbers, negative ones included. */
static bool csv_is_formula(const char *text)
{
	return *text && strchr("=+-@\t\r", *text);
}

static void csv_field(FILE *out, const char *text, int flags)
{
	char *safe = sanitize_str(text, flags);
	const char *guard = csv_is_formula(safe) ? "'" : "";
	if (strpbrk(safe, ";\"\n")) {
		fputc('"', out);
		fputs(guard, out);
		for (const char *p = safe; *p; p++) {
			if (*p == '"')
				fputc('"', out);
			fputc(*p, out);
		}
		fputc('"', out);
	} else {
		fputs(guard, out);
		fputs(safe, out);
	}
	free(safe);
}

int invoice_output_csv(FILE *out, const struct invoice_page *page)
{
	int flags = sanitize_terminal_flags();
	/* The header is the user's language (a spreadsheet's reader's); the
	 * columns and their order never change. */
	fputs(_("regie;number;date;due;amount;balance;selectable;selected\n"), out);
	const char *yes = _("yes"), *no = _("no");
	for (size_t i = 0; i < page->ninvoices; i++) {
		const struct invoice *inv = &page->invoices[i];
		char date[11], due[11], amount[32], balance[32];
		csv_field(out, inv->regie, flags);
		fputc(';', out);
		csv_field(out, inv->number, flags);
		fprintf(out, ";%s;%s;%s;%s;%s;%s\n", date_to_iso(&inv->date, date),
		        date_to_iso(&inv->due, due),
		        money_format(inv->amount_cents, MONEY_PLAIN, amount, sizeof(amount)),
		        money_format(inv->balance_cents, MONEY_PLAIN, balance, sizeof(balance)),
		        inv->selectable ? yes : no, inv->selected ? yes : no);
	}
	return ferror(out) ? -1 : 0;
}

void invoice_output_bom(FILE *out)
{
	fputs("\xEF\xBB\xBF", out);
}

void invoice_output_warnings(FILE *err, const struct invoice_page *page)
{
	int flags = sanitize_terminal_flags();
	for (size_t i = 0; i < page->nwarnings; i++) {
		char *w = sanitize_str(page->warnings[i], flags);
		fprintf(err, _("portail-famille: warning: %s\n"), w);
		free(w);
	}
}
