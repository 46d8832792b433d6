/* The family's pages reached from the menu: Accueil, Mon tableau de bord,
 * Ma famille, Mes coordonnées, Mes inscriptions, Mon compte and the help
 * page. Read-only views of data.c, written as the portal's PHP did. */
#include "demo/internal.h"

static void title(struct demo_buf *b, const char *text)
{
	demo_buf_printf(b, "      <h1 class=\"titre\">%s</h1>\n", text);
}

static void family_box(struct demo_buf *b, const struct demo_server *srv)
{
	demo_buf_puts(
	        b, "      <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"4\">\n"
	           "      <TR>\n      <TD width=\"260\" valign=\"top\" class=\"colonne\">\n"
	           "        <p class=\"titre\"><b>Ma famille</b>\n"
	           "        <p>► Famille : <b>");
	demo_buf_html(b, demo_data_family_name(&srv->data));
	demo_buf_puts(b, "</b>\n        <ul>\n");
	for (size_t i = 0; i < demo_family.nchildren; i++) {
		demo_buf_puts(b, "          <li>");
		demo_buf_html(b, demo_family.children[i].first);
		demo_buf_puts(b, " (");
		demo_buf_html(b, demo_family.children[i].level);
		demo_buf_puts(b, ")\n");
	}
	demo_buf_puts(b, "        </ul>\n"
	                 "        <p><a href=\"tableau_bord.php5\">+ Mon tableau de bord</a><br>\n"
	                 "        <a href=\"famille.php5\">+ Ma famille</a><br>\n"
	                 "        <a href=\"coordonnees.php5\">+ Mes coordonnées</a><br>\n"
	                 "        <a href=\"inscriptions.php5\">+ Mes inscriptions</a><br>\n"
	                 "        <a href=\"compte.php5\">+ Mon compte</a>\n");
}

static void accueil(struct demo_buf *b, const struct demo_server *srv)
{
	family_box(b, srv);
	demo_buf_puts(
	        b,
	        "      <TD valign=\"top\">\n"
	        "        <p><font size=\"3\" color=\"#1F4E79\"><b>Bienvenue sur le Portail familles de "
	        "la Ville de L'Horme</b></font>\n"
	        "        <p>Ce portail vous permet de consulter les informations de votre famille, vos "
	        "inscriptions aux activités périscolaires et extrascolaires, et de régler vos factures "
	        "en ligne par carte bancaire.\n"
	        "        <p><b>Actualités</b>\n"
	        "        <ul>\n"
	        "          <li>Les inscriptions au centre de loisirs pour les vacances de la Toussaint "
	        "sont ouvertes jusqu'au 07/10/2022.\n"
	        "          <li>Les menus du restaurant scolaire de septembre et d'octobre sont en ligne.\n"
	        "        </ul>\n"
	        "        <p><b>Documents à transmettre à la structure</b>\n"
	        "        <TABLE border=\"1\" cellspacing=\"0\" cellpadding=\"3\" bordercolor=\"#CCCCCC\">\n"
	        "        <TR><TD class=\"entete\">Document<TD class=\"entete\">Enfant<TD class=\"entete\">État\n"
	        "        <TR><TD>Attestation d'assurance scolaire 2022-2023<TD>Léo<TD>");
	bool settled = srv->data.family == DEMO_FAMILY_SETTLED;
	demo_buf_puts(b, settled ? "Reçu le 02/09/2022" : "A fournir");
	demo_buf_puts(
	        b, "\n        <TR><TD>Attestation d'assurance scolaire 2022-2023<TD>Emma<TD>Reçu "
	           "le 01/09/2022\n"
	           "        <TR><TD>Projet d'accueil individualisé (PAI)<TD>Emma<TD>");
	demo_buf_puts(b, settled ? "Reçu le 05/09/2022" : "A renouveler");
	demo_buf_puts(b,
	              "\n        <TR><TD>Attestation de quotient familial CAF<TD>&nbsp;<TD>Reçu le "
	              "29/08/2022\n"
	              "        </TABLE>\n"
	              "      </TR>\n      </TABLE>\n");
}

static void tableau_bord(struct demo_buf *b, const struct demo_server *srv)
{
	char bal[32];
	demo_format_cents(bal, demo_data_balance(&srv->data, 0), ',');
	title(b, "Mon tableau de bord");
	demo_buf_puts(
	        b,
	        "      <p><b>Mes prochaines réservations</b>\n"
	        "      <TABLE width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	        "bordercolor=\"#CCCCCC\">\n"
	        "      <TR><TD class=\"entete\">Date<TD class=\"entete\">Enfant<TD class=\"entete\">Activité"
	        "<TD class=\"entete\">Lieu\n"
	        "      <TR class=\"ligne1\"><TD>Lundi 26/09/2022<TD>Léo<TD>Restaurant scolaire"
	        "<TD>Groupe scolaire Louis Pasteur\n"
	        "      <TR class=\"ligne2\"><TD>Lundi 26/09/2022<TD>Emma<TD>Accueil périscolaire matin"
	        "<TD>Groupe scolaire Louis Pasteur\n"
	        "      <TR class=\"ligne1\"><TD>Lundi 26/09/2022<TD>Emma<TD>Restaurant scolaire"
	        "<TD>Groupe scolaire Louis Pasteur\n"
	        "      <TR class=\"ligne2\"><TD>Mercredi 28/09/2022<TD>Emma<TD>Centre de loisirs (journée)"
	        "<TD>Centre de loisirs Les Écureuils\n"
	        "      <TR class=\"ligne1\"><TD>Mercredi 28/09/2022<TD>Léo<TD>Centre de loisirs "
	        "(après-midi)<TD>Centre de loisirs Les Écureuils\n"
	        "      </TABLE>\n"
	        "      <p><b>Mes messages</b>\n"
	        "      <ul>\n"
	        "        <li>22/09/2022 - Service Enfance Jeunesse : les inscriptions pour les vacances de "
	        "la Toussaint sont ouvertes jusqu'au 07/10/2022.\n"
	        "        <li>05/09/2022 - Votre facture de septembre est disponible.\n"
	        "      </ul>\n");
	demo_buf_printf(b,
	                "      <p><b>Mon compte</b>\n"
	                "      <p>Solde des factures : <b>%s&nbsp;&euro;</b> - "
	                "<a href=\"compte_factures.php5\">Payer mes factures</a>\n",
	                bal);
}

static void famille(struct demo_buf *b, const struct demo_server *srv)
{
	title(b, "Ma famille");
	demo_buf_puts(b, "      <p>► Famille : <b>");
	demo_buf_html(b, demo_data_family_name(&srv->data));
	demo_buf_puts(
	        b,
	        "</b>\n      <p><b>Les responsables</b>\n"
	        "      <TABLE width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	        "bordercolor=\"#CCCCCC\">\n"
	        "      <TR><TD class=\"entete\">Civilité<TD class=\"entete\">Nom<TD class=\"entete\">Prénom"
	        "<TD class=\"entete\">Qualité<TD class=\"entete\">Né(e) le\n");
	for (size_t i = 0; i < demo_family.nparents; i++) {
		const struct demo_person *p = &demo_family.parents[i];
		demo_buf_printf(b, "      <TR class=\"ligne%zu\"><TD>", i % 2 + 1);
		demo_buf_html(b, p->civility);
		demo_buf_puts(b, "<TD>");
		demo_buf_html(b, p->last);
		demo_buf_puts(b, "<TD>");
		demo_buf_html(b, p->first);
		demo_buf_puts(b, "<TD>");
		demo_buf_html(b, p->role);
		demo_buf_puts(b, "<TD>");
		demo_buf_html(b, p->birth);
		demo_buf_puts(b, "\n");
	}
	demo_buf_puts(
	        b,
	        "      </TABLE>\n      <p><b>Les enfants</b>\n"
	        "      <TABLE width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	        "bordercolor=\"#CCCCCC\">\n"
	        "      <TR><TD class=\"entete\">Prénom<TD class=\"entete\">Né(e) le<TD class=\"entete\">École"
	        "<TD class=\"entete\">Classe<TD class=\"entete\">Enseignant<TD class=\"entete\">Régime / PAI\n");
	for (size_t i = 0; i < demo_family.nchildren; i++) {
		const struct demo_child *c = &demo_family.children[i];
		const char *cells[] = {
			c->first, c->birth, c->school, c->level, c->teacher, c->diet
		};
		demo_buf_printf(b, "      <TR class=\"ligne%zu\">", i % 2 + 1);
		for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++) {
			demo_buf_puts(b, "<TD>");
			demo_buf_html(b, cells[k]);
		}
		demo_buf_puts(b, "\n");
	}
	demo_buf_puts(b, "      </TABLE>\n");
}

static void coordonnees(struct demo_buf *b, const struct demo_server *srv)
{
	(void)srv;
	title(b, "Mes coordonnées");
	demo_buf_puts(b, "      <p><b>Adresse de la famille</b><br>\n      ");
	demo_buf_html(b, demo_family.street);
	demo_buf_puts(b, "<br>\n      ");
	demo_buf_html(b, demo_family.postcode);
	demo_buf_puts(b, " ");
	demo_buf_html(b, demo_family.city);
	demo_buf_puts(b, "<br>\n      Téléphone du domicile : ");
	demo_buf_html(b, demo_family.phone);
	demo_buf_puts(b, "\n      <p>N° allocataire CAF : ");
	demo_buf_html(b, demo_family.caf_number);
	demo_buf_puts(b, " - Quotient familial : ");
	demo_buf_html(b, demo_family.quotient);
	demo_buf_puts(b, "&nbsp;&euro;\n");
	for (size_t i = 0; i < demo_family.nparents; i++) {
		const struct demo_person *p = &demo_family.parents[i];
		demo_buf_puts(b, "      <p><b>");
		demo_buf_html(b, p->civility);
		demo_buf_puts(b, " ");
		demo_buf_html(b, p->first);
		demo_buf_puts(b, " ");
		demo_buf_html(b, p->last);
		demo_buf_puts(b, "</b><br>\n      Portable : ");
		demo_buf_html(b, p->mobile);
		demo_buf_puts(b, "<br>\n      Courriel : <a href=\"mailto:");
		demo_buf_html(b, p->email);
		demo_buf_puts(b, "\">");
		demo_buf_html(b, p->email);
		demo_buf_puts(b, "</a><br>\n      Profession : ");
		demo_buf_html(b, p->employer);
		demo_buf_puts(b, "\n");
	}
	demo_buf_puts(
	        b,
	        "      <p><input type=\"button\" value=\"Modifier mes coordonnées\" class=\"bouton\" "
	        "onclick=\"alert('Pour modifier vos coordonnées, contactez le service Enfance Jeunesse.');\">\n");
}

static void inscriptions(struct demo_buf *b, const struct demo_server *srv)
{
	(void)srv;
	title(b, "Mes inscriptions");
	demo_buf_puts(
	        b,
	        "      <p>Année scolaire 2022-2023\n"
	        "      <TABLE width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	        "bordercolor=\"#CCCCCC\">\n"
	        "      <TR><TD class=\"entete\">Enfant<TD class=\"entete\">Activité<TD class=\"entete\">Lieu"
	        "<TD class=\"entete\">Jours<TD class=\"entete\">Période<TD class=\"entete\">État\n");
	for (size_t i = 0; i < demo_family.nenrolments; i++) {
		const struct demo_enrolment *e = &demo_family.enrolments[i];
		const char *cells[] = { e->child, e->activity, e->place, e->days, e->period };
		demo_buf_printf(b, "      <TR class=\"ligne%zu\">", i % 2 + 1);
		for (size_t k = 0; k < sizeof cells / sizeof cells[0]; k++) {
			demo_buf_puts(b, "<TD>");
			demo_buf_html(b, cells[k]);
		}
		demo_buf_puts(b, "<TD>Validée\n");
	}
	demo_buf_puts(
	        b,
	        "      </TABLE>\n"
	        "      <p><font size=\"1\">Pour toute modification d'inscription, merci de prévenir le "
	        "service Enfance Jeunesse 48 heures à l'avance.</font>\n");
}

static void compte(struct demo_buf *b, const struct demo_server *srv)
{
	char amount[32];
	title(b, "Mon compte");
	demo_buf_puts(
	        b, "      <ul>\n"
	           "        <li><a href=\"compte_factures.php5\">Détail financier par facture</a>\n"
	           "      </ul>\n"
	           "      <TABLE width=\"60%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" "
	           "bordercolor=\"#CCCCCC\">\n"
	           "      <TR><TD class=\"entete\">Régie<TD class=\"entete\">Solde\n");
	for (unsigned r = 1; r <= DEMO_NREGIES; r++) {
		demo_format_cents(amount, demo_data_balance(&srv->data, r), ',');
		demo_buf_puts(b, "      <TR><TD>");
		demo_buf_html(b, demo_data_regie_name(&srv->data, r));
		demo_buf_printf(b, "<TD align=\"right\">%s&nbsp;&euro;\n", amount);
	}
	demo_format_cents(amount, demo_data_balance(&srv->data, 0), ',');
	demo_buf_printf(b,
	                "      <TR><TD><b>Total</b><TD align=\"right\"><b>%s&nbsp;&euro;</b>\n"
	                "      </TABLE>\n",
	                amount);
	demo_history_recent(b, srv);
}

static void aide(struct demo_buf *b, const struct demo_server *srv)
{
	title(b, "Comment utiliser le portail ?");
	demo_buf_puts(
	        b,
	        "      <p><b>Se connecter</b><br>\n"
	        "      Saisissez l'identifiant et le mot de passe qui vous ont été remis par le service "
	        "Enfance Jeunesse, puis cliquez sur « Se connecter ».\n"
	        "      <p><b>Consulter mes informations</b><br>\n"
	        "      Le menu en haut de chaque page donne accès à votre tableau de bord, à la "
	        "composition de votre famille, à vos coordonnées, à vos inscriptions et à votre compte.\n"
	        "      <p><b>Payer mes factures</b>\n"
	        "      <ol>\n"
	        "        <li>Cliquez sur « Payer mes factures » en haut à gauche de la fenêtre.\n"
	        "        <li>Sélectionnez les factures que vous souhaitez régler en les cochant dans la "
	        "colonne Sélection (une seule régie à la fois).\n"
	        "        <li>Cliquez sur « Règlement ».\n"
	        "        <li>Si un message vous demande de confirmer, cliquez sur « OK ».\n"
	        "        <li>Si la fenêtre de paiement ne s'ouvre pas, pensez à débloquer les fenêtres "
	        "pop-up dans votre navigateur.\n"
	        "        <li>Suivez les instructions en cliquant sur « Payer par carte bancaire ».\n"
	        "      </ol>\n"
	        "      <p>Le paiement est effectué sur le site sécurisé PayFiP de la Direction générale "
	        "des Finances publiques. Votre facture apparaît réglée dès que le paiement est accepté. "
	        "Ne payez pas deux fois la même facture : en cas de doute, consultez le détail "
	        "financier par facture avant tout nouveau règlement.\n"
	        "      <p><b>Une question ?</b><br>\n"
	        "      <a href=\"contact.php5\">Contactez-nous</a> ou consultez la "
	        "<a href=\"javascript:ouvrirAide('aide.php5')\">version imprimable</a> de cette page.\n");
	if (srv->data.evil)
		demo_buf_puts(b, demo_evil_links_html);
}

void demo_page_info(struct demo_server *srv, struct demo_reply *rep, enum demo_page page)
{
	static const struct {
		enum demo_page page;
		const char *title, *crumbs;
		void (*body)(struct demo_buf *, const struct demo_server *);
	} pages[] = {
		{ DEMO_PAGE_ACCUEIL, "Accueil", "", accueil },
		{ DEMO_PAGE_TABLEAU_BORD, "Mon tableau de bord", "» Mon tableau de bord",
		  tableau_bord },
		{ DEMO_PAGE_FAMILLE, "Ma famille", "» Ma famille", famille },
		{ DEMO_PAGE_COORDONNEES, "Mes coordonnées", "» Mes coordonnées", coordonnees },
		{ DEMO_PAGE_INSCRIPTIONS, "Mes inscriptions", "» Mes inscriptions", inscriptions },
		{ DEMO_PAGE_COMPTE, "Mon compte", "» Mon compte", compte },
		{ DEMO_PAGE_AIDE, "Comment utiliser le portail ?",
		  "» Comment utiliser le portail ?", aide },
	};
	for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
		if (pages[i].page != page)
			continue;
		rep->status = 200;
		rep->kind = DEMO_BODY_PORTAL;
		rep->page = page;
		demo_page_head(&rep->body, srv, pages[i].title, NULL);
		demo_page_top(&rep->body, srv, pages[i].crumbs);
		pages[i].body(&rep->body, srv);
		demo_page_bottom(&rep->body);
		return;
	}
	demo_page_error(rep, 404, "?");
}
