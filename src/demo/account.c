/* Mon compte » Détail financier par facture: the invoice page, the Règlement
 * POST that creates a pending payment, and the hand-off pages that lead from
 * it to the PayFiP stand-in in each of the six ways real portals do it. */
#include "demo/internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CHOSEN 16

char *demo_payfip_origin(const struct demo_server *srv)
{
	return demo_xasprintf("http://%s:%u", srv->payfip_host, srv->port);
}

static char *payfip_url(const struct demo_server *srv, const struct demo_payment *p)
{
	return demo_xasprintf("http://%s:%u/tpa/paiementws.web?idop=%s", srv->payfip_host,
	                      srv->port, p->idop);
}

static bool parse_uint(const char *s, unsigned *out)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	char *end;
	errno = 0;
	unsigned long v = strtoul(s, &end, 10);
	if (errno || *end || v > 0xffffffffUL)
		return false;
	*out = (unsigned)v;
	return true;
}

static const char calcul_js[] =
        "<script language=\"JavaScript\" type=\"text/javascript\">\n"
        "<!--\n"
        "function calcul() {\n"
        "  for (var f = 0; f < document.forms.length; f++) {\n"
        "    var frm = document.forms[f];\n"
        "    if (!frm.idregie) continue;\n"
        "    var total = 0;\n"
        "    for (var i = 0; i < frm.elements.length; i++) {\n"
        "      var e = frm.elements[i];\n"
        "      if (e.type == 'checkbox' && e.checked)\n"
        "        total += parseFloat(document.getElementById('solde_' + e.value).innerHTML);\n"
        "    }\n"
        "    document.getElementById('total_' + frm.idregie.value).innerHTML = total.toFixed(2);\n"
        "  }\n"
        "}\n"
        "function verifSelection(frm) {\n"
        "  for (var i = 0; i < frm.elements.length; i++)\n"
        "    if (frm.elements[i].type == 'checkbox' && frm.elements[i].checked) return true;\n"
        "  alert('Veuillez sélectionner au moins une facture.');\n"
        "  return false;\n"
        "}\n"
        "//-->\n"
        "</script>\n";

/* The invoice's number: a link to its document in the MAIRIE's table. */
static void number_cell(struct demo_buf *b, const struct demo_server *srv,
                        const struct demo_invoice *inv, bool link)
{
	if (link)
		demo_buf_printf(b, "<a href=\"facture.php5?id=%u\" target=\"_blank\">", inv->id);
	demo_buf_html(b, demo_data_invoice_number(&srv->data, inv));
	if (link)
		demo_buf_puts(b, "</a>");
}

/* The last column of the CENTRE DE LOISIRS' table: a PDF icon. */
static void icon_cell(struct demo_buf *b, const struct demo_invoice *inv)
{
	if (demo_invoice_has_document(inv))
		demo_buf_printf(b,
		                "<TD align=\"center\"><a href=\"facture.php5?id=%u&amp;type=pdf\">"
		                "<img src=\"images/pdf.gif\" alt=\"T&eacute;l&eacute;charger\" "
		                "width=\"16\" height=\"16\" border=\"0\"></a>\n",
		                inv->id);
	else
		demo_buf_puts(b, "<TD>&nbsp;\n");
}

static void regie_table(struct demo_buf *b, const struct demo_server *srv, unsigned regie)
{
	char amount[32], balance[32];
	/* Two régies, two billing softwares: the number as a link, or an
	 * icon in a column of its own. */
	bool icons = regie == 2;
	demo_buf_puts(
	        b, "      <table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n"
	           "      <tr><td>&nbsp;</td></tr>\n      <tr><td class=\"regie\">");
	if (regie == 1 && srv->data.evil)
		demo_buf_puts(b, demo_evil_regie_html);
	else
		demo_buf_html(b, demo_data_regie_name(&srv->data, regie));
	demo_buf_printf(
	        b,
	        "</td></tr>\n      </table>\n"
	        "      <form name=\"frmRegie%u\" method=\"post\" action=\"compte_factures.php5\" "
	        "onsubmit=\"return verifSelection(this);\">\n"
	        "      <input type=\"hidden\" name=\"idregie\" value=\"%u\">\n"
	        "      <TABLE width=\"100%%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	        "bordercolor=\"#CCCCCC\" class=\"factures\">\n"
	        "      <TR>\n"
	        "        <td class=\"entete\">N&deg; de la facture<td class=\"entete\">Date de la facture"
	        "<td class=\"entete\">A payer avant le<td class=\"entete\">Montant d&ucirc;"
	        "<td class=\"entete\">Solde<td class=\"entete\">S&eacute;lection%s\n"
	        "      </TR>\n",
	        regie, regie, icons ? "<td class=\"entete\">Facture" : "");
	unsigned line = 0;
	for (size_t i = 0; i < DEMO_NINVOICES; i++) {
		const struct demo_invoice *inv = &srv->data.inv[i];
		if (inv->regie != regie)
			continue;
		demo_format_cents(amount, inv->amount_cents, '.');
		demo_format_cents(balance, inv->balance_cents, '.');
		demo_buf_printf(b, "      <TR class=\"ligne%u\">\n        <TD>", line++ % 2 + 1);
		number_cell(b, srv, inv, !icons && demo_invoice_has_document(inv));
		demo_buf_printf(
		        b,
		        "<TD align=\"center\">%s<TD align=\"center\">%s<TD align=\"right\">%s"
		        "<TD align=\"right\" id=\"solde_%u\">%s<TD align=\"center\">",
		        inv->date, inv->due, amount, inv->id, balance);
		if (inv->balance_cents > 0)
			demo_buf_printf(b,
			                "<input type=\"checkbox\" name=\"fact[]\" value=\"%u\"%s "
			                "onclick=\"calcul()\">\n",
			                inv->id, inv->checked ? " checked" : "");
		else
			demo_buf_puts(b, "&nbsp;\n");
		if (icons)
			icon_cell(b, inv);
	}
	demo_format_cents(balance, demo_data_balance(&srv->data, regie), ',');
	/* "Total à régler" is what calcul() writes: toFixed(2), so a dot. */
	demo_format_cents(amount, demo_data_checked_total(&srv->data, regie), '.');
	demo_buf_printf(
	        b,
	        "      <TR>\n        <TD><b>Solde dû:</b><TD><TD><TD><TD align=\"right\"><b>%s</b><TD>&nbsp;\n"
	        "      <TR>\n        <TD><b>Total à régler:</b><TD><TD><TD>"
	        "<TD align=\"right\" id=\"total_%u\">%s<TD>&nbsp;\n"
	        "      </TABLE>\n"
	        "      <p align=\"center\">\n"
	        "      <input type=\"submit\" name=\"btnReglement\" value=\"Règlement\" class=\"bouton\">\n"
	        "      &nbsp;&nbsp;\n"
	        "      <input type=\"button\" name=\"btnRetour\" value=\"Retour\" class=\"bouton\" "
	        "onclick=\"document.location='compte.php5';\">\n"
	        "      </form>\n",
	        balance, regie, amount);
}

static void invoice_page(struct demo_server *srv, struct demo_reply *rep, const char *message)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	demo_page_head(b, srv, "Détail financier par facture", calcul_js);
	demo_page_top(b, srv,
	              "» <a href=\"compte.php5\">Mon compte</a> » Détail financier par facture");
	demo_buf_puts(b,
	              "      <h1 class=\"titre\">Mon compte - Détail financier par facture</h1>\n");
	if (message) {
		demo_buf_puts(b, "      <p><font color=\"#CC0000\"><b>");
		demo_buf_html(b, message);
		demo_buf_puts(b, "</b></font>\n");
	}
	for (unsigned r = 1; r <= DEMO_NREGIES; r++)
		regie_table(b, srv, r);
	demo_page_bottom(b);
}

/* The invoices of a payment, and its amount, as every hand-off page and the
 * PayFiP page show them. */
static void payment_summary(struct demo_buf *b, const struct demo_server *srv,
                            const struct demo_payment *p)
{
	char amount[32];
	demo_buf_puts(b, "      <p>Régie : <b>");
	demo_buf_html(b, demo_data_regie_name(&srv->data, p->regie));
	demo_buf_puts(
	        b,
	        "</b>\n      <TABLE border=\"1\" cellspacing=\"0\" cellpadding=\"3\" bordercolor=\"#CCCCCC\">\n"
	        "      <TR><TD class=\"entete\">N° de la facture<TD class=\"entete\">Montant\n");
	for (size_t i = 0; i < DEMO_NINVOICES; i++) {
		if (!p->inv[i])
			continue;
		demo_format_cents(amount, srv->data.inv[i].amount_cents, ',');
		demo_buf_puts(b, "      <TR><TD>");
		demo_buf_html(b, demo_data_invoice_number(&srv->data, &srv->data.inv[i]));
		demo_buf_printf(b, "<TD align=\"right\">%s&nbsp;&euro;\n", amount);
	}
	demo_format_cents(amount, p->amount_cents, ',');
	demo_buf_printf(b,
	                "      </TABLE>\n      <p>Montant total à régler : <b>%s&nbsp;&euro;</b>\n",
	                amount);
}

/* A page in the portal's frame, for the Règlement answers. */
static void framed_begin(struct demo_server *srv, struct demo_reply *rep, const char *extra_head)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	demo_page_head(b, srv, "Paiement en ligne", extra_head);
	demo_page_top(b, srv, "» <a href=\"compte.php5\">Mon compte</a> » Paiement en ligne");
	demo_buf_puts(b, "      <h1 class=\"titre\">Mon compte - Paiement en ligne</h1>\n");
}

/* A bare page (the pop-up window, the redirection steps). */
static void bare_begin(struct demo_server *srv, struct demo_reply *rep, const char *extra_head,
                       const char *body_attrs)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	demo_page_head(b, srv, "Paiement en ligne", extra_head);
	demo_buf_printf(
	        b,
	        "<BODY bgcolor=\"#FFFFFF\"%s>\n"
	        "<table width=\"100%%\" border=\"0\" cellpadding=\"6\"><tr><td class=\"titre\">"
	        "Ville de L'Horme - Paiement en ligne</td></tr></table>\n",
	        body_attrs ? body_attrs : "");
}

static void bare_end(struct demo_buf *b)
{
	demo_buf_puts(b, "</BODY>\n</HTML>\n");
}

static void popup_page(struct demo_server *srv, struct demo_reply *rep,
                       const struct demo_payment *p, bool button)
{
	struct demo_buf *b = &rep->body;
	char *url = payfip_url(srv, p);
	bare_begin(srv, rep, NULL, NULL);
	payment_summary(b, srv, p);
	demo_buf_puts(b,
	              "      <p>Le paiement s'effectue sur le site sécurisé PayFiP de la Direction "
	              "générale des Finances publiques.\n");
	if (button) {
		char *origin = demo_payfip_origin(srv);
		demo_buf_printf(
		        b,
		        "      <form name=\"frmCB\" method=\"get\" action=\"%s/tpa/paiementws.web\">\n"
		        "      <input type=\"hidden\" name=\"idop\" value=\"%s\">\n"
		        "      <p align=\"center\"><input type=\"submit\" value=\"Payer par carte bancaire\" "
		        "class=\"bouton\">\n      </form>\n",
		        origin, p->idop);
		free(origin);
	} else {
		demo_buf_puts(b, "      <p align=\"center\"><a href=\"");
		demo_buf_html(b, url);
		demo_buf_puts(
		        b, "\" class=\"bouton\"><IMG src=\"images/cb.gif\" border=\"0\" alt=\"\" "
		           "align=\"absmiddle\"> Payer par carte bancaire</a>\n");
	}
	demo_buf_puts(
	        b,
	        "      <p align=\"center\"><font size=\"1\"><a href=\"javascript:window.close();\">"
	        "Fermer la fenêtre</a></font>\n");
	bare_end(b);
	free(url);
}

static void handoff(struct demo_server *srv, struct demo_reply *rep, const struct demo_payment *p)
{
	struct demo_buf *b = &rep->body;
	char *url = payfip_url(srv, p);
	char *loc;
	switch (srv->handoff) {
	case DEMO_HANDOFF_DIRECT: demo_reply_redirect(rep, 303, url); break;
	case DEMO_HANDOFF_POPUP:
		framed_begin(srv, rep, NULL);
		payment_summary(b, srv, p);
		demo_buf_printf(
		        b,
		        "      <form name=\"frmPaiement\" method=\"post\" action=\"compte_factures.php5\">\n"
		        "      <p align=\"center\"><input type=\"button\" name=\"btnPayer\" value=\"Payer en ligne\" "
		        "class=\"bouton\" onclick=\"if (confirm('Vous allez être redirigé vers le site de "
		        "paiement sécurisé. Continuer ?')) { window.open('/v4/paiement_popup.php5?id=%u',"
		        "'paiement','width=800,height=600'); } return false;\">\n"
		        "      </form>\n"
		        "      <p><font color=\"#CC0000\" size=\"1\">Si la fenêtre de paiement ne s'ouvre pas, "
		        "pensez à débloquer les fenêtres pop-up de votre navigateur.</font>\n",
		        p->ref);
		demo_page_bottom(b);
		break;
	case DEMO_HANDOFF_TARGET:
		framed_begin(srv, rep, NULL);
		payment_summary(b, srv, p);
		demo_buf_printf(
		        b,
		        "      <form name=\"frmPaiement\" method=\"post\" action=\"paiement_popup.php5\" "
		        "target=\"_blank\">\n"
		        "      <input type=\"hidden\" name=\"id\" value=\"%u\">\n"
		        "      <p align=\"center\"><input type=\"submit\" name=\"btnContinuer\" "
		        "value=\"Payer en ligne\" class=\"bouton\">\n"
		        "      </form>\n"
		        "      <p><font color=\"#CC0000\" size=\"1\">Le paiement s'ouvre dans une nouvelle "
		        "fenêtre.</font>\n",
		        p->ref);
		demo_page_bottom(b);
		break;
	case DEMO_HANDOFF_REDIRECTS:
		loc = demo_xasprintf("paiement_redirect.php5?id=%u&etape=1", p->ref);
		demo_reply_redirect(rep, 303, loc);
		free(loc);
		break;
	case DEMO_HANDOFF_AUTOSUBMIT: {
		char *origin = demo_payfip_origin(srv);
		bare_begin(srv, rep, NULL, " onload=\"document.forms[0].submit()\"");
		demo_buf_printf(
		        b,
		        "<p>Connexion au site de paiement sécurisé en cours, veuillez patienter...\n"
		        "<form name=\"frmPayfip\" method=\"post\" action=\"%s/tpa/paiement.web\">\n"
		        "<input type=\"hidden\" name=\"numcli\" value=\"012345\">\n"
		        "<input type=\"hidden\" name=\"exer\" value=\"2022\">\n"
		        "<input type=\"hidden\" name=\"refdet\" value=\"%u\">\n"
		        "<input type=\"hidden\" name=\"montant\" value=\"%lld\">\n"
		        "<input type=\"hidden\" name=\"objet\" value=\"",
		        origin, p->ref, (long long)p->amount_cents);
		demo_buf_puts(b, "Factures");
		for (size_t i = 0; i < DEMO_NINVOICES; i++) {
			if (!p->inv[i])
				continue;
			demo_buf_puts(b, " ");
			demo_buf_html(b, demo_data_invoice_number(&srv->data, &srv->data.inv[i]));
		}
		demo_buf_puts(b, "\">\n<input type=\"hidden\" name=\"mel\" value=\"");
		demo_buf_html(b, demo_family.parents[0].email);
		demo_buf_printf(
		        b,
		        "\">\n"
		        "<input type=\"hidden\" name=\"urlnotif\" value=\"http://%s:%u/v4/notification_payfip.php5\">\n"
		        "<input type=\"hidden\" name=\"urlredirect\" value=\"http://%s:%u/v4/compte_factures.php5\">\n"
		        "<input type=\"hidden\" name=\"saisie\" value=\"T\">\n"
		        "<noscript><input type=\"submit\" value=\"Continuer\"></noscript>\n"
		        "</form>\n",
		        srv->host, srv->port, srv->host, srv->port);
		bare_end(b);
		free(origin);
		break;
	}
	case DEMO_HANDOFF_BUTTON: popup_page(srv, rep, p, true); break;
	}
	free(url);
}

void demo_handle_factures(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	if (!demo_require_session(r, rep))
		return;
	if (!r->post || !demo_req_field(r, "btnReglement")) {
		invoice_page(srv, rep, NULL);
		return;
	}
	srv->stats.reglement_posts++;
	unsigned regie = 0;
	const char *values[MAX_CHOSEN];
	unsigned ids[MAX_CHOSEN];
	size_t n = demo_req_fields(r, "fact[]", values, MAX_CHOSEN);
	const char *why = NULL;
	if (!parse_uint(demo_req_field(r, "idregie"), &regie))
		why = "Régie inconnue.";
	for (size_t i = 0; i < n && !why; i++)
		if (!parse_uint(values[i], &ids[i]))
			why = "La facture sélectionnée n'appartient pas à cette régie.";
	struct demo_payment *p = NULL;
	if (!why)
		p = demo_data_new_payment(&srv->data, regie, ids, n, demo_now_ms(), &why);
	if (!p) {
		invoice_page(srv, rep, why);
		return;
	}
	srv->stats.payments_started++;
	handoff(srv, rep, p);
}

/* The payment a pop-up or redirection page is about, if still pending. */
static struct demo_payment *pending(struct demo_request *r, const char *id)
{
	unsigned ref;
	if (!parse_uint(id, &ref))
		return NULL;
	struct demo_payment *p = demo_data_payment_by_ref(&r->srv->data, ref);
	return p && p->state == DEMO_PAY_PENDING ? p : NULL;
}

static void gone(struct demo_server *srv, struct demo_reply *rep)
{
	bare_begin(srv, rep, NULL, NULL);
	demo_buf_puts(
	        &rep->body,
	        "<p><font color=\"#CC0000\"><b>Ce paiement n'est plus disponible.</b></font>\n"
	        "<p>Retournez au <a href=\"compte_factures.php5\">détail financier par facture</a> "
	        "pour effectuer un nouveau règlement.\n");
	bare_end(&rep->body);
}

void demo_handle_popup(struct demo_request *r, struct demo_reply *rep)
{
	if (!demo_require_session(r, rep))
		return;
	const char *id = r->post ? demo_req_field(r, "id") : demo_req_arg(r, "id");
	struct demo_payment *p = pending(r, id);
	if (!p) {
		gone(r->srv, rep);
		return;
	}
	popup_page(r->srv, rep, p, r->srv->handoff == DEMO_HANDOFF_BUTTON);
}

void demo_handle_redirect(struct demo_request *r, struct demo_reply *rep)
{
	struct demo_server *srv = r->srv;
	if (!demo_require_session(r, rep))
		return;
	struct demo_payment *p = pending(r, demo_req_arg(r, "id"));
	const char *etape = demo_req_arg(r, "etape");
	if (!p) {
		gone(srv, rep);
		return;
	}
	char *s;
	if (etape && strcmp(etape, "1") == 0) {
		s = demo_xasprintf("/v4/paiement_redirect.php5?id=%u&etape=2", p->ref);
		demo_reply_redirect(rep, 302, s);
	} else if (etape && strcmp(etape, "2") == 0) {
		s = demo_xasprintf(
		        "<meta http-equiv=\"refresh\" content=\"0;url=paiement_redirect.php5"
		        "?id=%u&amp;etape=3\">\n",
		        p->ref);
		bare_begin(srv, rep, s, NULL);
		demo_buf_puts(&rep->body, "<p>Redirection en cours, veuillez patienter...\n");
		bare_end(&rep->body);
	} else if (etape && strcmp(etape, "3") == 0) {
		s = payfip_url(srv, p);
		bare_begin(srv, rep, NULL, NULL);
		demo_buf_puts(&rep->body,
		              "<p>Vous allez être redirigé vers le site de paiement sécurisé...\n"
		              "<script language=\"JavaScript\" type=\"text/javascript\">\n"
		              "<!--\n  location.href = '");
		demo_buf_puts(&rep->body, s); /* our own URL: [a-z0-9:/.?=] only */
		demo_buf_puts(&rep->body, "';\n//-->\n</script>\n");
		bare_end(&rep->body);
	} else {
		demo_page_error(rep, 404, "/v4/paiement_redirect.php5");
		return;
	}
	free(s);
}
