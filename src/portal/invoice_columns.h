/* The columns of an invoice table, found by their header text. */
#ifndef PF_PORTAL_INVOICE_COLUMNS_H
#define PF_PORTAL_INVOICE_COLUMNS_H

#include "web/table.h"

enum invoice_column {
	COL_NUMBER,  /* N° de la facture */
	COL_DATE,    /* Date de la facture */
	COL_DUE,     /* A payer avant le */
	COL_AMOUNT,  /* Montant dû */
	COL_BALANCE, /* Solde */
	COL_SELECT,  /* Sélection */
	INVOICE_COLUMN_COUNT
};

struct invoice_columns {
	int index[INVOICE_COLUMN_COUNT]; /* table column, -1 when absent */
};

/* Matches each cell of row against the known header texts, ignoring case,
 * accents, punctuation and spacing; fills out and returns how many
 * distinct columns were recognised. */
int invoice_columns_match(const struct table_row *row, struct invoice_columns *out);

/* The labels of required columns that are absent, as one newly allocated
 * string ("\"Solde\", \"Montant dû\""), or NULL when none is missing.
 * Sélection is not required: without it no invoice is selectable. */
char *invoice_columns_missing(const struct invoice_columns *cols);

/* How the portal prints a column's header, for messages. */
const char *invoice_column_label(enum invoice_column column);

#endif
