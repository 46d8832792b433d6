/* The plain structs scrapers fill and commands and screens show. No
 * library types leak in here except pointers back into the document. */
#ifndef PF_PORTAL_MODEL_H
#define PF_PORTAL_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

struct invoice {
	char *regie;  /* heading of the régie the invoice belongs to */
	char *number; /* "F2022-0912" as printed */
	bool has_date, has_due;
	struct date date;      /* Date de la facture */
	struct date due;       /* A payer avant le */
	int64_t amount_cents;  /* Montant dû */
	int64_t balance_cents; /* Solde */
	bool has_checkbox;     /* a checkbox is present in the row */
	bool selectable;       /* ... and it is enabled */
	bool selected;         /* ... and it was checked as served */
	char *checkbox_name;   /* NULL without a checkbox */
	char *checkbox_value;
	long checkbox_control; /* index in the régie form's controls, -1 */
	size_t regie_index;
	/* The row's link to the invoice's document (PDF or other), as the
	 * page writes it (maybe relative; portal/invoice_document.h), NULL
	 * when the row links none. */
	char *document_href;
	/* document_href made absolute against the page's address (the
	 * session does it), NULL before that or when it cannot be. */
	char *document_url;
};

/* A button of a régie's form, as the page shows it. */
struct form_button {
	bool present;
	char *label;        /* what is written on it */
	char *name, *value; /* submitted pair; name NULL when it has none */
	char *onclick;      /* script run on click, NULL when none */
	bool is_submit;     /* submits the form itself (no script needed) */
	long control;       /* index in the régie form's controls, -1 */
};

struct regie {
	char *name;
	size_t first_invoice, ninvoices;
	bool has_balance_due; /* the page printed "Solde dû" */
	int64_t balance_due_cents;
	bool has_total; /* the page printed "Total à régler" */
	int64_t total_cents;
	long form_index;         /* index in the page's form list, -1 none */
	struct form_button pay;  /* "Règlement" */
	struct form_button back; /* "Retour" */
};

struct invoice_page {
	struct invoice *invoices; /* page order */
	size_t ninvoices;
	struct regie *regies;
	size_t nregies;
	bool empty_message; /* the page said "Aucune facture" */
	char **warnings;    /* inconsistencies the page itself shows */
	size_t nwarnings;
	struct form_list *forms; /* owned: the page's forms, for paying */
	char *scripts;           /* owned: the page's JavaScript (its functions
	                            ask the Règlement's confirm()), or NULL */
};

/* A document the home page asks for ("Documents à transmettre à la
 * structure"), in a state that needs the family to act ("A fournir",
 * "A renouveler"). Texts as printed, NOT sanitized. */
struct document_due {
	char *name;  /* "Attestation d'assurance scolaire 2022-2023" */
	char *who;   /* the child or person it is for, "" when not shown */
	char *state; /* "A fournir" as printed */
};

struct documents_due {
	bool section_found; /* the page has the section at all */
	struct document_due *items;
	size_t count;
};

/* A payment the portal lists ("Derniers règlements", "Historique des
 * règlements"). Texts as printed, NOT sanitized. */
struct payment {
	bool has_date; /* false: the cell was empty or no real date */
	struct date date;
	int64_t amount_cents;
	char *means;     /* "Carte bancaire", "Chèque", "" when not shown */
	char *regie;     /* "" when not shown */
	char *reference; /* "" when not shown */
	char *date_text; /* the date cell as printed, for messages */
};

struct payment_history {
	struct payment *items; /* page order */
	size_t count;
	char **warnings; /* rows kept with a doubt (an unreadable date) */
	size_t nwarnings;
};

#endif
