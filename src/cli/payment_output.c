/* The payment history as a table, JSON, CSV, or a year's sums. */
#include "config.h"

#include "cli/payment_output.h"

#include <jansson.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/json_print.h"
#include "util/sanitize.h"
#include "util/utf8.h"
#include "util/xalloc.h"
#include "money.h"
#include "portal/payments.h"

static void put_cell(FILE *out, const char *text, size_t width, bool right, int flags)
{
	char *safe = sanitize_text(text, strlen(text), flags, 60);
	size_t w = utf8_width(safe, strlen(safe));
	size_t pad = w < width ? width - w : 0;
	if (right)
		fprintf(out, "%*s%s", (int)pad, "", safe);
	else
		fprintf(out, "%s%*s", safe, (int)pad, "");
	free(safe);
}

static const char *date_cell(const struct payment *p, char buf[11])
{
	return p->has_date ? date_to_fr(&p->date, buf) : "--/--/----";
}

static int64_t total(const struct payment_history *h)
{
	int64_t sum = 0;
	for (size_t i = 0; i < h->count; i++)
		sum += h->items[i].amount_cents;
	return sum;
}

/* The widest display width of a column, sanitized, capped (a portal's
 * stray 300-character cell would push every other column off screen). */
static size_t column_width(const struct payment_history *h, size_t field_offset, int flags)
{
	size_t widest = 0;
	for (size_t i = 0; i < h->count; i++) {
		const char *text = *(char *const *)((const char *)&h->items[i] + field_offset);
		char *safe = sanitize_str(text, flags);
		size_t w = utf8_width(safe, strlen(safe));
		free(safe);
		if (w > widest)
			widest = w;
	}
	return widest < 40 ? widest : 40;
}

int payment_output_table(FILE *out, const struct payment_history *h)
{
	int flags = sanitize_terminal_flags();
	if (h->count == 0) {
		fprintf(out, "%s\n", _("No payment."));
		return ferror(out) ? -1 : 0;
	}
	size_t means_width = column_width(h, offsetof(struct payment, means), flags);
	size_t regie_width = column_width(h, offsetof(struct payment, regie), flags);
	for (size_t i = 0; i < h->count; i++) {
		const struct payment *p = &h->items[i];
		char date[11], amount[32];
		put_cell(out, date_cell(p, date), 10, false, flags);
		fputs("  ", out);
		money_format(p->amount_cents, MONEY_FR, amount, sizeof(amount));
		strcat(amount, " €");
		put_cell(out, amount, 12, true, flags);
		fputs("  ", out);
		put_cell(out, p->means, means_width, false, flags);
		fputs("  ", out);
		put_cell(out, p->regie, p->reference[0] ? regie_width : 0, false, flags);
		if (p->reference[0]) {
			fputs("  ", out);
			put_cell(out, p->reference, 0, false, flags);
		}
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

/* --plain: one line a payment, its fields named, no "--/--/----". */
int payment_output_plain(FILE *out, const struct payment_history *h)
{
	int flags = sanitize_terminal_flags();
	if (h->count == 0)
		fprintf(out, "%s\n", _("No payment."));
	for (size_t i = 0; i < h->count; i++) {
		const struct payment *p = &h->items[i];
		char date[11], amount[32];
		money_format(p->amount_cents, MONEY_FR, amount, sizeof(amount));
		if (p->has_date)
			sanitize_fprintf(out, flags, _("Payment of %s € on %s"), amount,
			                 date_to_fr(&p->date, date));
		else
			sanitize_fprintf(out, flags, _("Payment of %s €, date not shown"), amount);
		if (p->means[0])
			sanitize_fprintf(out, flags, _(", by %s"), p->means);
		if (p->regie[0])
			sanitize_fprintf(out, flags, _(", régie %s"), p->regie);
		if (p->reference[0])
			sanitize_fprintf(out, flags, _(", reference %s"), p->reference);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

int payment_output_json(FILE *out, const struct payment_history *h)
{
	json_t *root = json_object();
	json_t *list = json_array();
	for (size_t i = 0; i < h->count; i++) {
		const struct payment *p = &h->items[i];
		char date[11];
		json_t *o = json_object();
		json_object_set_new(o, "date",
		                    p->has_date ? json_string(date_to_iso(&p->date, date))
		                                : json_null());
		json_object_set_new(o, "date_text", json_text(p->date_text));
		json_object_set_new(o, "amount_cents", json_integer(p->amount_cents));
		json_object_set_new(o, "means", json_text(p->means));
		json_object_set_new(o, "regie", json_text(p->regie));
		json_object_set_new(o, "reference", json_text(p->reference));
		json_array_append_new(list, o);
	}
	json_object_set_new(root, "payments", list);
	json_object_set_new(root, "total_cents", json_integer(total(h)));
	int rc = json_print(out, root);
	json_decref(root);
	return rc;
}

/* As invoice_output's csv_field: sanitized, quoted when needed, a "'"
 * before text that a spreadsheet would run as a formula. */
static void csv_field(FILE *out, const char *text, int flags)
{
	char *safe = sanitize_str(text, flags);
	const char *guard = *safe && strchr("=+-@\t\r", *safe) ? "'" : "";
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

int payment_output_csv(FILE *out, const struct payment_history *h)
{
	int flags = sanitize_terminal_flags();
	fputs("date;amount;means;regie;reference\n", out);
	for (size_t i = 0; i < h->count; i++) {
		const struct payment *p = &h->items[i];
		char date[11] = "", amount[32];
		if (p->has_date)
			date_to_iso(&p->date, date);
		fprintf(out, "%s;%s;", date,
		        money_format(p->amount_cents, MONEY_PLAIN, amount, sizeof(amount)));
		csv_field(out, p->means, flags);
		fputc(';', out);
		csv_field(out, p->regie, flags);
		fputc(';', out);
		csv_field(out, p->reference, flags);
		fputc('\n', out);
	}
	return ferror(out) ? -1 : 0;
}

static int year_json(FILE *out, const struct payment_year_total *t, size_t n, int year,
                     size_t undated)
{
	json_t *root = json_object();
	json_t *list = json_array();
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		json_t *o = json_object();
		json_object_set_new(o, "regie", json_text(t[i].regie));
		json_object_set_new(o, "amount_cents", json_integer(t[i].cents));
		json_object_set_new(o, "count", json_integer((json_int_t)t[i].count));
		json_array_append_new(list, o);
		sum += t[i].cents;
	}
	json_object_set_new(root, "year", json_integer(year));
	json_object_set_new(root, "regies", list);
	json_object_set_new(root, "total_cents", json_integer(sum));
	json_object_set_new(root, "undated", json_integer((json_int_t)undated));
	int rc = json_print(out, root);
	json_decref(root);
	return rc;
}

static void year_table(FILE *out, const struct payment_year_total *t, size_t n, int year, int flags)
{
	int64_t sum = 0;
	char amount[32];
	for (size_t i = 0; i < n; i++) {
		put_cell(out, t[i].regie[0] ? t[i].regie : _("(no régie shown)"), 32, false, flags);
		fprintf(out, "  ");
		fprintf(out, ngettext("%3zu payment ", "%3zu payments", t[i].count), t[i].count);
		money_format(t[i].cents, MONEY_FR, amount, sizeof(amount));
		sanitize_fprintf(out, flags, "  %12s €\n", amount);
		sum += t[i].cents;
	}
	money_format(sum, MONEY_FR, amount, sizeof(amount));
	sanitize_fprintf(out, flags, _("Total paid in %d: %s €\n"), year, amount);
}

int payment_output_year(FILE *out, const struct payment_history *h, int year,
                        enum payment_format format)
{
	size_t n, undated;
	struct payment_year_total *t = payment_history_year(h, year, &n, &undated);
	int flags = sanitize_terminal_flags();
	int rc = 0;
	if (format == PAYMENT_JSON) {
		rc = year_json(out, t, n, year, undated);
	} else if (format == PAYMENT_CSV) {
		fputs("regie;count;amount\n", out);
		for (size_t i = 0; i < n; i++) {
			char amount[32];
			csv_field(out, t[i].regie, flags);
			fprintf(out, ";%zu;%s\n", t[i].count,
			        money_format(t[i].cents, MONEY_PLAIN, amount, sizeof(amount)));
		}
	} else {
		year_table(out, t, n, year, flags);
	}
	free(t);
	return rc < 0 || ferror(out) ? -1 : 0;
}

void payment_output_warnings(FILE *err, const struct payment_history *h)
{
	int flags = sanitize_terminal_flags();
	for (size_t i = 0; i < h->nwarnings; i++) {
		char *w = sanitize_str(h->warnings[i], flags);
		fprintf(err, "portail-famille: %s %s\n", _("warning:"), w);
		free(w);
	}
}
