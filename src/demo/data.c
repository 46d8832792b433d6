/* The demo family: who they are (constant) and what they owe (the invoices
 * and the payments, which change as the demo is used). Callers hold the
 * server lock around every function that takes a struct demo_data. */
#include "demo/internal.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct demo_person parents[] = {
	{ "Mme", "Julie", "MARTIN", "Responsable légal 1", "12/04/1984", "06 12 34 56 78",
	  "julie.martin@example.fr", "Infirmière - Hôpital Nord, Saint-Priest-en-Jarez" },
	{ "M.", "Thomas", "MARTIN", "Responsable légal 2", "23/09/1982", "06 98 76 54 32",
	  "thomas.martin@example.fr", "Technicien de maintenance - Saint-Chamond" },
};

static const struct demo_child children[] = {
	{ "Léo", "14/05/2014", "École élémentaire Louis Pasteur", "CE2", "Mme BERNARD",
	  "Repas sans porc" },
	{ "Emma", "02/11/2016", "École élémentaire Louis Pasteur", "CP", "M. GIRAUD",
	  "Allergie à l'arachide (PAI)" },
};

static const struct demo_enrolment enrolments[] = {
	{ "Léo", "Restaurant scolaire", "Groupe scolaire Louis Pasteur",
	  "Lundi, mardi, jeudi, vendredi", "du 01/09/2022 au 07/07/2023" },
	{ "Léo", "Accueil périscolaire soir (16h30 - 18h30)", "Groupe scolaire Louis Pasteur",
	  "Lundi, mardi, jeudi, vendredi", "du 01/09/2022 au 07/07/2023" },
	{ "Léo", "Centre de loisirs mercredi (après-midi)", "Centre de loisirs Les Écureuils",
	  "Mercredi", "du 07/09/2022 au 05/07/2023" },
	{ "Emma", "Restaurant scolaire", "Groupe scolaire Louis Pasteur",
	  "Lundi, mardi, jeudi, vendredi", "du 01/09/2022 au 07/07/2023" },
	{ "Emma", "Accueil périscolaire matin (7h30 - 8h20)", "Groupe scolaire Louis Pasteur",
	  "Lundi, jeudi", "du 01/09/2022 au 07/07/2023" },
	{ "Emma", "Centre de loisirs mercredi (journée)", "Centre de loisirs Les Écureuils",
	  "Mercredi", "du 07/09/2022 au 05/07/2023" },
};

const struct demo_family demo_family = {
	parents,
	sizeof parents / sizeof parents[0],
	children,
	sizeof children / sizeof children[0],
	enrolments,
	sizeof enrolments / sizeof enrolments[0],
	"12 rue Jean Jaurès",
	"42152",
	"L'Horme",
	"04 77 22 45 67",
	"1234567",
	"1 024",
};

static const char *const regie_names[DEMO_NREGIES] = {
	"MAIRIE SERVICE ENFANCE JEUNESSE",
	"CENTRE DE LOISIRS",
};

/* As first served: the seed's two invoices (Solde dû 226,11, the newest
 * checked so Total à régler 181.99), and a second régie with one invoice
 * due and one already paid. */
static const struct demo_invoice initial[DEMO_NINVOICES] = {
	{ 912, 1, "F2022-0912", "05/09/2022", "30/09/2022", 18199, 18199, true },
	{ 388, 1, "F2022-0388", "08/03/2022", "31/03/2022", 4412, 4412, false },
	{ 457, 2, "CL2022-0457", "07/09/2022", "07/10/2022", 3600, 3600, true },
	{ 315, 2, "CL2022-0315", "04/07/2022", "31/07/2022", 5250, 0, false },
};

void demo_date_from_today(char out[11], int days)
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	/* Noon, so that a DST change never moves the day. */
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_mday += days;
	tm.tm_isdst = -1;
	mktime(&tm);
	unsigned day = (unsigned)tm.tm_mday % 100u, month = (unsigned)(tm.tm_mon + 1) % 100u;
	unsigned year = (unsigned)(tm.tm_year + 1900) % 10000u;
	snprintf(out, 11, "%02u/%02u/%04u", day, month, year);
}

/* Days from today of each invoice's due date in the "current" family. */
static const int current_due[DEMO_NINVOICES] = { 3, -10, 20, -40 };

void demo_data_init(struct demo_data *d, bool evil, enum demo_family_kind family)
{
	memset(d, 0, sizeof *d);
	d->evil = evil;
	d->family = family;
	memcpy(d->inv, initial, sizeof initial);
	for (size_t i = 0; i < DEMO_NINVOICES; i++) {
		if (family == DEMO_FAMILY_CURRENT) {
			demo_date_from_today(d->inv[i].due, current_due[i]);
			demo_date_from_today(d->inv[i].date, current_due[i] - 25);
		}
		if (family == DEMO_FAMILY_SETTLED) {
			d->inv[i].balance_cents = 0;
			d->inv[i].checked = false;
		}
	}
	d->next_ref = 1;
}

const char *demo_data_family_name(const struct demo_data *d)
{
	return d->evil ? demo_evil_family : "MARTIN";
}

const char *demo_data_regie_name(const struct demo_data *d, unsigned regie)
{
	if (regie < 1 || regie > DEMO_NREGIES)
		return "";
	if (regie == 1 && d->evil)
		return demo_evil_regie;
	return regie_names[regie - 1];
}

const char *demo_data_invoice_number(const struct demo_data *d, const struct demo_invoice *inv)
{
	if (d->evil && inv->id == 388)
		return demo_evil_invoice;
	return inv->number;
}

int64_t demo_data_balance(const struct demo_data *d, unsigned regie)
{
	int64_t sum = 0;
	for (size_t i = 0; i < DEMO_NINVOICES; i++)
		if (regie == 0 || d->inv[i].regie == regie)
			sum += d->inv[i].balance_cents;
	return sum;
}

int64_t demo_data_checked_total(const struct demo_data *d, unsigned regie)
{
	int64_t sum = 0;
	for (size_t i = 0; i < DEMO_NINVOICES; i++)
		if (d->inv[i].regie == regie && d->inv[i].checked && d->inv[i].balance_cents > 0)
			sum += d->inv[i].balance_cents;
	return sum;
}

struct demo_invoice *demo_data_invoice(struct demo_data *d, unsigned id)
{
	for (size_t i = 0; i < DEMO_NINVOICES; i++)
		if (d->inv[i].id == id)
			return &d->inv[i];
	return NULL;
}

struct demo_payment *demo_data_new_payment(struct demo_data *d, unsigned regie, const unsigned *ids,
                                           size_t n, long long now_ms, const char **why)
{
	if (regie < 1 || regie > DEMO_NREGIES) {
		*why = "Régie inconnue.";
		return NULL;
	}
	if (n == 0) {
		*why = "Veuillez sélectionner au moins une facture à régler.";
		return NULL;
	}
	bool chosen[DEMO_NINVOICES] = { false };
	int64_t total = 0;
	for (size_t k = 0; k < n; k++) {
		struct demo_invoice *inv = demo_data_invoice(d, ids[k]);
		if (!inv || inv->regie != regie) {
			*why = "La facture sélectionnée n'appartient pas à cette régie.";
			return NULL;
		}
		if (inv->balance_cents <= 0) {
			*why = "La facture sélectionnée est déjà réglée.";
			return NULL;
		}
		size_t idx = (size_t)(inv - d->inv);
		if (!chosen[idx])
			total += inv->balance_cents;
		chosen[idx] = true;
	}
	struct demo_payment *p = &d->pay[d->nextpay];
	d->nextpay = (d->nextpay + 1) % DEMO_MAX_PAYMENTS;
	if (d->npay < DEMO_MAX_PAYMENTS)
		d->npay++;
	memset(p, 0, sizeof *p);
	p->ref = d->next_ref++;
	demo_random_string(p->idop, DEMO_IDOP_LEN, "0123456789abcdef");
	p->regie = regie;
	memcpy(p->inv, chosen, sizeof chosen);
	p->amount_cents = total;
	p->created_ms = now_ms;
	p->state = DEMO_PAY_PENDING;
	return p;
}

struct demo_payment *demo_data_payment_by_ref(struct demo_data *d, unsigned ref)
{
	for (size_t i = 0; i < d->npay; i++)
		if (d->pay[i].ref == ref)
			return &d->pay[i];
	return NULL;
}

struct demo_payment *demo_data_payment_by_idop(struct demo_data *d, const char *idop)
{
	if (!idop || strlen(idop) != DEMO_IDOP_LEN)
		return NULL;
	for (size_t i = 0; i < d->npay; i++)
		if (demo_secret_equal(d->pay[i].idop, idop))
			return &d->pay[i];
	return NULL;
}

void demo_data_finish_payment(struct demo_data *d, struct demo_payment *p,
                              enum demo_pay_state outcome, struct demo_stats *st)
{
	p->state = outcome;
	switch (outcome) {
	case DEMO_PAY_PAID:
		st->payments_paid++;
		for (size_t i = 0; i < DEMO_NINVOICES; i++) {
			if (!p->inv[i])
				continue;
			if (d->inv[i].balance_cents <= 0) {
				/* Paid twice: the double payment the client must
				 * never cause. Counted so tests can assert 0. */
				st->invoices_paid_twice++;
				continue;
			}
			d->inv[i].balance_cents = 0;
			st->invoices_settled++;
		}
		break;
	case DEMO_PAY_REFUSED: st->payments_refused++; break;
	case DEMO_PAY_ABANDONED: st->payments_abandoned++; break;
	case DEMO_PAY_PENDING: break;
	}
}
