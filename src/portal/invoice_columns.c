/* Recognising the invoice table's columns by their header text. */
#include "config.h"

#include "portal/invoice_columns.h"

#include <stdlib.h>
#include <string.h>

#include "util/fold.h"
#include "util/xalloc.h"

/* Folded header texts seen on AIGA portals and their cousins. A header
 * matches a synonym exactly, or starts with it followed by a space
 * ("montant du en euros"); the longest match wins. */
static const char *const number_names[] = { "n de la facture",
	                                    "no de la facture",
	                                    "n de facture",
	                                    "no de facture",
	                                    "numero de la facture",
	                                    "numero de facture",
	                                    "num facture",
	                                    "n facture",
	                                    "no facture",
	                                    "numero facture",
	                                    "facture n",
	                                    "facture no",
	                                    "n",
	                                    "no",
	                                    "numero",
	                                    "facture",
	                                    "reference",
	                                    "ref",
	                                    "ref facture",
	                                    "reference facture",
	                                    NULL };
static const char *const date_names[] = { "date de la facture",
	                                  "date de facture",
	                                  "date facture",
	                                  "date d emission",
	                                  "date emission",
	                                  "date",
	                                  NULL };
static const char *const due_names[] = { "a payer avant le",
	                                 "a payer avant",
	                                 "payer avant le",
	                                 "a regler avant le",
	                                 "date limite de paiement",
	                                 "date limite de reglement",
	                                 "date limite",
	                                 "date d echeance",
	                                 "echeance",
	                                 NULL };
static const char *const amount_names[] = {
	"montant du",  "montant",       "montant de la facture", "montant facture",
	"montant ttc", "montant total", "montant initial",       NULL
};
static const char *const balance_names[] = {
	"solde", "reste a payer", "reste du", "solde restant", "restant du", "solde du", NULL
};
static const char *const select_names[] = { "selection", "choix",  "selectionner", "a regler",
	                                    "payer",     "regler", "cocher",       NULL };

static const struct {
	const char *const *names;
	const char *label; /* as the portal prints it, for messages */
} columns[INVOICE_COLUMN_COUNT] = {
	[COL_NUMBER] = { number_names, "N° de la facture" },
	[COL_DATE] = { date_names, "Date de la facture" },
	[COL_DUE] = { due_names, "A payer avant le" },
	[COL_AMOUNT] = { amount_names, "Montant dû" },
	[COL_BALANCE] = { balance_names, "Solde" },
	[COL_SELECT] = { select_names, "Sélection" },
};

const char *invoice_column_label(enum invoice_column column)
{
	return columns[column].label;
}

/* Length of the synonym `name` matches in folded text, or 0. */
static size_t match_length(const char *folded, const char *name)
{
	size_t len = strlen(name);
	if (strncmp(folded, name, len) != 0)
		return 0;
	return folded[len] == '\0' || folded[len] == ' ' ? len : 0;
}

/* The column a header text names, or -1. Exact matches beat prefixes so
 * that "Date de la facture" is a date and never "facture"-anything. */
static int column_of(const char *text)
{
	char *folded = fold_label(text);
	int best = -1;
	size_t best_len = 0;
	bool best_exact = false;
	for (int c = 0; c < INVOICE_COLUMN_COUNT; c++)
		for (const char *const *n = columns[c].names; *n; n++) {
			size_t len = match_length(folded, *n);
			bool exact = len > 0 && folded[len] == '\0';
			if (len == 0 || (best_exact && !exact))
				continue;
			if ((exact && !best_exact) || len > best_len) {
				best = c;
				best_len = len;
				best_exact = exact;
			}
		}
	free(folded);
	return best;
}

int invoice_columns_match(const struct table_row *row, struct invoice_columns *out)
{
	int matched = 0;
	for (int c = 0; c < INVOICE_COLUMN_COUNT; c++)
		out->index[c] = -1;
	for (size_t i = 0; i < row->ncells; i++) {
		int c = column_of(row->cells[i].text);
		if (c >= 0 && out->index[c] < 0) {
			out->index[c] = (int)row->cells[i].col;
			matched++;
		}
	}
	return matched;
}

char *invoice_columns_missing(const struct invoice_columns *cols)
{
	static const enum invoice_column required[] = { COL_NUMBER, COL_DATE, COL_DUE, COL_AMOUNT,
		                                        COL_BALANCE };
	char *missing = NULL;
	for (size_t i = 0; i < sizeof(required) / sizeof(required[0]); i++) {
		if (cols->index[required[i]] >= 0)
			continue;
		char *more = xasprintf("%s%s\"%s\"", missing ? missing : "", missing ? ", " : "",
		                       columns[required[i]].label);
		free(missing);
		missing = more;
	}
	return missing;
}
