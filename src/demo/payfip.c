/* The PayFiP stand-in, served on the other host name (localhost:PORT): the
 * entry of the auto-submitted form, the payment page of a one-use,
 * expiring idop, and its three outcomes. No card form: demo only. */
#include "demo/internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static void begin(struct demo_reply *rep, const char *title)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	rep->status = 200;
	rep->kind = DEMO_BODY_UTF8;
	rep->page = DEMO_PAGE_PAYFIP;
	demo_buf_printf(
	        b,
	        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
	        "<title>PayFiP - %s</title>\n"
	        "<style>\n"
	        "body { font-family: Marianne, Arial, sans-serif; margin: 0; background: #f6f6f6; }\n"
	        ".bandeau { background: #000091; color: #fff; padding: 12px 24px; font-weight: bold; }\n"
	        "main { max-width: 640px; margin: 24px auto; background: #fff; padding: 24px; }\n"
	        "th { text-align: left; padding: 4px 16px 4px 0; } .demo { color: #a00; }\n"
	        "button, .btn { padding: 8px 16px; margin-right: 8px; }\n"
	        "</style>\n</head>\n<body>\n"
	        "<div class=\"bandeau\">PayFiP - Paiement des services publics locaux</div>\n"
	        "<main>\n<h1>%s</h1>\n",
	        title, title);
}

static void end(struct demo_reply *rep, const struct demo_server *srv, bool back_link)
{
	if (back_link)
		demo_buf_printf(
		        &rep->body,
		        "<p><a class=\"btn\" href=\"http://%s:%u/v4/compte_factures.php5\">Retour au site</a></p>\n",
		        srv->host, srv->port);
	demo_buf_puts(&rep->body,
	              "<p class=\"demo\"><small>Site de démonstration : aucun paiement réel n'est "
	              "effectué.</small></p>\n</main>\n</body>\n</html>\n");
}

static void expired(struct demo_server *srv, struct demo_reply *rep)
{
	begin(rep, "Opération expirée ou déjà traitée");
	demo_buf_puts(
	        &rep->body,
	        "<p>Opération expirée ou déjà traitée.</p>\n"
	        "<p>Cette opération de paiement n'est plus valide : elle a déjà été traitée ou son "
	        "délai est dépassé. Retournez sur le site de votre collectivité pour effectuer un "
	        "nouveau paiement si nécessaire.</p>\n");
	end(rep, srv, true);
}

/* The payment behind an idop, if it may still be acted on. */
static struct demo_payment *usable(struct demo_server *srv, const char *idop)
{
	struct demo_payment *p = demo_data_payment_by_idop(&srv->data, idop);
	if (!p || p->state != DEMO_PAY_PENDING)
		return NULL;
	if (demo_now_ms() - p->created_ms > (long long)srv->token_ttl_s * 1000)
		return NULL;
	return p;
}

static void recap(struct demo_buf *b, const struct demo_server *srv, const struct demo_payment *p)
{
	char amount[32];
	demo_format_cents(amount, p->amount_cents, ',');
	demo_buf_puts(b, "<table>\n<tr><th>Créancier</th><td>MAIRIE DE L'HORME - ");
	demo_buf_html(b, demo_data_regie_name(&srv->data, p->regie));
	demo_buf_printf(b,
	                "</td></tr>\n<tr><th>Référence</th><td>2022-%06u</td></tr>\n"
	                "<tr><th>Objet</th><td>Factures",
	                p->ref);
	for (size_t i = 0; i < DEMO_NINVOICES; i++) {
		if (!p->inv[i])
			continue;
		demo_buf_puts(b, " ");
		demo_buf_html(b, demo_data_invoice_number(&srv->data, &srv->data.inv[i]));
	}
	demo_buf_printf(b,
	                "</td></tr>\n<tr><th>Montant</th><td>%s €</td></tr>\n"
	                "<tr><th>Adresse électronique</th><td>",
	                amount);
	demo_buf_html(b, demo_family.parents[0].email);
	demo_buf_puts(b, "</td></tr>\n</table>\n");
}

static void payment_page(struct demo_server *srv, struct demo_reply *rep, struct demo_payment *p)
{
	struct demo_buf *b = &rep->body;
	begin(rep, "Paiement par carte bancaire");
	recap(b, srv, p);
	demo_buf_printf(
	        b,
	        "<p>Démonstration : aucune donnée de carte bancaire n'est demandée. Choisissez "
	        "l'issue du paiement.</p>\n"
	        "<form method=\"post\" action=\"paiementws.web\">\n"
	        "<input type=\"hidden\" name=\"idop\" value=\"%s\">\n"
	        "<button type=\"submit\" name=\"action\" value=\"valider\">Valider le paiement</button>\n"
	        "<button type=\"submit\" name=\"action\" value=\"refuser\">Refuser</button>\n"
	        "<button type=\"submit\" name=\"action\" value=\"abandonner\">Abandonner</button>\n"
	        "</form>\n",
	        p->idop);
	end(rep, srv, false);
}

static void outcome(struct demo_server *srv, struct demo_reply *rep, struct demo_payment *p,
                    const char *action)
{
	enum demo_pay_state st;
	if (action && strncasecmp(action, "valider", 7) == 0)
		st = DEMO_PAY_PAID;
	else if (action && strncasecmp(action, "refuser", 7) == 0)
		st = DEMO_PAY_REFUSED;
	else if (action && strncasecmp(action, "abandonner", 10) == 0)
		st = DEMO_PAY_ABANDONED;
	else {
		/* No known button: show the page again, token still usable. */
		payment_page(srv, rep, p);
		return;
	}
	char amount[32];
	demo_format_cents(amount, p->amount_cents, ',');
	demo_data_finish_payment(&srv->data, p, st, &srv->stats);
	struct demo_buf *b = &rep->body;
	if (st == DEMO_PAY_PAID) {
		char auth[7];
		demo_random_string(auth, 6, "0123456789");
		begin(rep, "Votre paiement a été accepté");
		demo_buf_printf(b,
		                "<p>Votre paiement de %s € a été accepté.</p>\n"
		                "<p>Numéro d'autorisation : %s</p>\n"
		                "<p>Un ticket de paiement vous est envoyé à l'adresse ",
		                amount, auth);
		demo_buf_html(b, demo_family.parents[0].email);
		demo_buf_puts(b, ".</p>\n");
	} else if (st == DEMO_PAY_REFUSED) {
		begin(rep, "Votre paiement a été refusé");
		demo_buf_printf(b,
		                "<p>Votre paiement de %s € a été refusé. Aucune somme n'a été "
		                "débitée.</p>\n",
		                amount);
	} else {
		begin(rep, "Paiement abandonné");
		demo_buf_printf(b,
		                "<p>Vous avez abandonné le paiement de %s €. Aucune somme n'a été "
		                "débitée.</p>\n",
		                amount);
	}
	end(rep, srv, true);
}

void demo_handle_payfip(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	rep->page = DEMO_PAGE_PAYFIP;
	const char *idop = r->post ? demo_req_field(r, "idop") : demo_req_arg(r, "idop");
	struct demo_payment *p = usable(srv, idop);
	if (!p) {
		expired(srv, rep);
		return;
	}
	if (r->post)
		outcome(srv, rep, p, demo_req_field(r, "action"));
	else
		payment_page(srv, rep, p);
}

void demo_handle_payfip_entry(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	rep->page = DEMO_PAGE_PAYFIP;
	const char *numcli = demo_req_field(r, "numcli");
	const char *refdet = demo_req_field(r, "refdet");
	const char *montant = demo_req_field(r, "montant");
	char *endp = NULL;
	unsigned long ref = refdet ? strtoul(refdet, &endp, 10) : 0;
	struct demo_payment *p = NULL;
	if (refdet && *refdet && endp && !*endp && ref <= 0xffffffffUL)
		p = demo_data_payment_by_ref(&srv->data, (unsigned)ref);
	char want[32];
	if (p)
		snprintf(want, sizeof want, "%lld", (long long)p->amount_cents);
	srv->stats.payfip_posts += r->post;
	if (!r->post || !numcli || strcmp(numcli, "012345") != 0 || !p || !montant ||
	    strcmp(montant, want) != 0) {
		begin(rep, "Paramètres de paiement invalides");
		demo_buf_puts(&rep->body, "<p>Les paramètres transmis par la collectivité sont "
		                          "invalides (numcli, refdet ou montant).</p>\n");
		end(rep, srv, false);
		return;
	}
	if (!usable(srv, p->idop)) {
		expired(srv, rep);
		return;
	}
	char *loc = demo_xasprintf("/tpa/paiementws.web?idop=%s", p->idop);
	demo_reply_redirect(rep, 303, loc);
	free(loc);
}
