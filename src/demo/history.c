/* The payments made, as the portal shows them: "Derniers règlements" on
 * Mon compte and the "Historique des règlements" page, written as the 2015
 * PHP site would (layout tables around the data table, amounts "1 234,56
 * €", a date the back office got wrong and one it left empty). */
#include "demo/internal.h"

#include <string.h>

struct past_payment {
	const char *date, *amount, *means, *regie, *reference;
};

/* Newest first, as the portal lists them. 2025 holds, per régie, MAIRIE
 * SERVICE ENFANCE JEUNESSE 1 416,55 € (2 payments) and CENTRE DE LOISIRS
 * 48,00 € (1), plus two payments without a readable date (36,00 € on
 * "31/02/2025", 12,00 € with none). */
static const struct past_payment past[] = {
	{ "03/11/2025", "1 234,56&nbsp;&euro;", "Pr&eacute;l&egrave;vement",
	  "MAIRIE SERVICE ENFANCE JEUNESSE", "PR-2025-1103" },
	{ "14/10/2025", "181,99&nbsp;&euro;", "Carte bancaire", "MAIRIE SERVICE ENFANCE JEUNESSE",
	  "TPA-2025-00412" },
	{ "31/02/2025", "36,00&nbsp;&euro;", "Ch&egrave;que", "CENTRE DE LOISIRS", "CHQ 0045871" },
	{ "", "12,00&nbsp;&euro;", "Esp&egrave;ces", "CENTRE DE LOISIRS", "" },
	{ "02/06/2025", "48,00&nbsp;&euro;", "Ch&egrave;que vacances ANCV", "CENTRE DE LOISIRS",
	  "ANCV-77" },
	{ "15/07/2022", "52,50&nbsp;&euro;", "Carte bancaire", "CENTRE DE LOISIRS",
	  "TPA-2022-00315" },
	{ "11/04/2022", "96,40&nbsp;&euro;", "Ch&egrave;que", "MAIRIE SERVICE ENFANCE JEUNESSE",
	  "CHQ 0012345" },
};

void demo_history_recent(struct demo_buf *b, const struct demo_server *srv)
{
	if (srv->history == DEMO_HISTORY_NONE)
		return;
	demo_buf_puts(b,
	              "      <p><b>Derniers r&egrave;glements</b>\n"
	              "      <ul>\n"
	              "        <li>15/07/2022 - Carte bancaire - 52,50&nbsp;&euro; - CENTRE DE "
	              "LOISIRS\n"
	              "        <li>11/04/2022 - Ch&egrave;que - 96,40&nbsp;&euro; - MAIRIE SERVICE "
	              "ENFANCE JEUNESSE\n"
	              "      </ul>\n");
	if (srv->history == DEMO_HISTORY_PAGE)
		demo_buf_puts(b,
		              "      <p><a href=\"compte_reglements.php5\">&gt;&gt; Historique des "
		              "r&egrave;glements</a>\n");
}

/* The card payments made through the demo, today, newest first. */
static void demo_payments(struct demo_buf *b, const struct demo_server *srv, unsigned *line)
{
	char today[11], amount[32];
	demo_date_from_today(today, 0);
	for (size_t k = srv->data.npay; k-- > 0;) {
		const struct demo_payment *p = &srv->data.pay[k];
		if (p->state != DEMO_PAY_PAID)
			continue;
		demo_format_cents(amount, p->amount_cents, ',');
		demo_buf_printf(
		        b,
		        "      <tr class=\"ligne%u\"><td>%s</td><td align=\"right\">%s&nbsp;"
		        "&euro;</td><td>Carte bancaire</td><td>",
		        (*line)++ % 2 + 1, today, amount);
		demo_buf_html(b, demo_data_regie_name(&srv->data, p->regie));
		demo_buf_printf(b, "</td><td>TPA-DEMO-%05u</td></tr>\n", p->ref);
	}
}

void demo_page_history(struct demo_server *srv, struct demo_reply *rep)
{
	struct demo_buf *b = &rep->body;
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	rep->page = DEMO_PAGE_HISTORIQUE;
	demo_page_head(b, srv, "Historique des règlements", NULL);
	demo_page_top(b, srv,
	              "» <a href=\"compte.php5\">Mon compte</a> » Historique des règlements");
	demo_buf_puts(
	        b, "      <h1 class=\"titre\">Mon compte - Historique des r&egrave;glements</h1>\n"
	           "      <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n"
	           "      <TR><TD>&nbsp;</TD></TR>\n"
	           "      <TR><TD valign=\"top\">\n"
	           "      <table width=\"100%\" border=\"0\"><tr><td class=\"cadre\">\n"
	           "      <TABLE width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	           "bordercolor=\"#CCCCCC\" class=\"reglements\">\n"
	           "      <TR><TD class=\"entete\">Date du r&egrave;glement<TD class=\"entete\">"
	           "Montant<TD class=\"entete\">Mode de r&egrave;glement<TD class=\"entete\">"
	           "R&eacute;gie<TD class=\"entete\">R&eacute;f&eacute;rence\n");
	unsigned line = 0;
	demo_payments(b, srv, &line);
	for (size_t i = 0; i < sizeof past / sizeof past[0]; i++) {
		const struct past_payment *p = &past[i];
		demo_buf_printf(b,
		                "      <TR class=\"ligne%u\"><TD align=\"center\">%s<TD "
		                "align=\"right\" nowrap>%s<TD>%s<TD>%s<TD>%s\n",
		                line++ % 2 + 1, p->date[0] ? p->date : "&nbsp;", p->amount,
		                p->means, p->regie, p->reference[0] ? p->reference : "&nbsp;");
		if (i == 4)
			demo_buf_puts(b, "      <TR><TD colspan=\"5\">&nbsp;\n");
	}
	demo_buf_puts(b, "      </TABLE>\n"
	                 "      </td></tr></table>\n"
	                 "      <p><font size=\"1\">Les r&egrave;glements par ch&egrave;que "
	                 "apparaissent apr&egrave;s leur encaissement par le Tr&eacute;sor "
	                 "public.</font>\n"
	                 "      </TD></TR>\n      </TABLE>\n");
	demo_page_bottom(b);
}
