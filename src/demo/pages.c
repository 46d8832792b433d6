/* The portal's page skeleton and its pages outside the family's space:
 * login, public footer pages, maintenance, Apache's error pages, the CSS.
 *
 * The markup is what a 2015 PHP site serves: HTML 4.01 Transitional, layout
 * tables nested three deep, upper- and lower-case tags mixed, cells and
 * paragraphs left open, <font>, inline JavaScript, &nbsp; and &euro;. The
 * text is written here in UTF-8 and converted to the page's charset (by
 * default ISO-8859-1 bytes) when sent. Every value that comes from data or
 * from the request goes through demo_buf_html(). */
#include "demo/internal.h"

#include <stdlib.h>
#include <string.h>

static void head_common(struct demo_buf *b, const char *charset, const char *title)
{
	demo_buf_puts(b, "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" "
	                 "\"http://www.w3.org/TR/html4/loose.dtd\">\n"
	                 "<HTML>\n<HEAD>\n<TITLE>Portail familles - ");
	demo_buf_html(b, title);
	demo_buf_printf(b,
	                "</TITLE>\n"
	                "<META http-equiv=\"Content-Type\" content=\"text/html; charset=%s\">\n",
	                charset);
}

void demo_page_head(struct demo_buf *b, const struct demo_server *srv, const char *title,
                    const char *extra_head)
{
	head_common(b, demo_charset_meta(srv->faults.charset), title);
	demo_buf_puts(
	        b,
	        "<meta name=\"author\" content=\"AIGA\">\n"
	        "<LINK href=\"css/portail.css\" rel=\"stylesheet\" type=\"text/css\">\n"
	        "<script language=\"JavaScript\" type=\"text/javascript\">\n"
	        "<!--\n"
	        "function MM_preloadImages() { //v3.0\n"
	        "  var d=document; if(d.images){ if(!d.MM_p) d.MM_p=new Array();\n"
	        "    var i,j=d.MM_p.length,a=MM_preloadImages.arguments; for(i=0; i<a.length; i++)\n"
	        "    if (a[i].indexOf(\"#\")!=0){ d.MM_p[j]=new Image; d.MM_p[j++].src=a[i];}}\n"
	        "}\n"
	        "function ouvrirAide(url) { window.open(url,'aide','width=600,height=500,scrollbars=yes'); }\n"
	        "//-->\n"
	        "</script>\n");
	if (extra_head)
		demo_buf_puts(b, extra_head);
	demo_buf_puts(b, "</HEAD>\n");
}

/* The banner shared by every page: logged in, it carries the balance, the
 * logout link and the menu; public pages get the town and the title only. */
static void banner(struct demo_buf *b, const struct demo_server *srv, bool logged_in)
{
	demo_buf_puts(
	        b,
	        "<BODY bgcolor=\"#FFFFFF\" leftmargin=\"0\" topmargin=\"0\" marginwidth=\"0\" "
	        "marginheight=\"0\" onLoad=\"MM_preloadImages('images/menu_on.gif')\">\n"
	        "<a name=\"haut\"></a>\n"
	        "<TABLE width=\"980\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" align=\"center\" "
	        "class=\"cadre\">\n<TR>\n<TD>\n"
	        "  <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"6\" class=\"bandeau\">\n"
	        "  <TR>\n"
	        "    <TD width=\"230\" valign=\"top\" class=\"payer\">");
	if (logged_in) {
		char bal[32];
		demo_format_cents(bal, demo_data_balance(&srv->data, 0), ',');
		demo_buf_printf(
		        b,
		        "\n      <a href=\"compte_factures.php5\"><IMG src=\"images/payer.gif\" width=\"24\" "
		        "height=\"24\" border=\"0\" alt=\"\" align=\"absmiddle\"></a>\n"
		        "      <a href=\"compte_factures.php5\" class=\"lien_payer\">Payer mes factures</a><br>\n"
		        "      <font size=\"1\">Solde des factures : <b>%s&nbsp;&euro;</b></font>\n",
		        bal);
	} else {
		demo_buf_puts(b, "&nbsp;\n");
	}
	demo_buf_puts(
	        b,
	        "    <TD align=\"center\" valign=\"middle\">\n"
	        "      <font face=\"Arial, Helvetica, sans-serif\" size=\"5\" color=\"#1F4E79\">Ville de "
	        "<b>L'Horme</b></font><br>\n"
	        "      <font face=\"Arial, Helvetica, sans-serif\" size=\"2\" color=\"#666666\">Commune de "
	        "Saint-Etienne Métropole</font>\n"
	        "    <td width=\"230\" align=\"right\" valign=\"top\">\n"
	        "      <font face=\"Arial, Helvetica, sans-serif\" size=\"4\">Le <b>Portail familles</b></font><br>\n");
	if (logged_in)
		demo_buf_puts(
		        b,
		        "      <a href=\"logout.php5\" class=\"deconnexion\">Se déconnecter</a>\n");
	demo_buf_puts(b, "  </TR>\n  </TABLE>\n");
}

static const struct {
	const char *href, *label;
} menu[] = {
	{ "accueil.php5", "Accueil" },
	{ "tableau_bord.php5", "Mon tableau de bord" },
	{ "famille.php5", "Ma famille" },
	{ "coordonnees.php5", "Mes coordonnées" },
	{ "inscriptions.php5", "Mes inscriptions" },
	{ "compte.php5", "Mon compte" },
	{ "aide.php5", "Comment utiliser le portail ?" },
};

void demo_page_top(struct demo_buf *b, const struct demo_server *srv, const char *crumbs)
{
	banner(b, srv, true);
	demo_buf_puts(
	        b,
	        "  <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"5\" class=\"menu\">\n"
	        "  <TR><TD align=\"center\" bgcolor=\"#1F4E79\">\n    ");
	for (size_t i = 0; i < sizeof menu / sizeof menu[0]; i++)
		demo_buf_printf(
		        b, "%s<A href=\"%s\" class=\"menu\"><font color=\"#FFFFFF\">%s</font></A>",
		        i ? " | " : "", menu[i].href, menu[i].label);
	demo_buf_puts(b,
	              "\n  </TD></TR>\n  </TABLE>\n"
	              "  <table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"6\">\n"
	              "  <tr><td class=\"ariane\"><font size=\"1\">Vous êtes ici : ");
	if (crumbs && *crumbs)
		demo_buf_printf(b, "<a href=\"accueil.php5\">Accueil</a> %s", crumbs);
	else
		demo_buf_puts(b, "Accueil");
	demo_buf_puts(b,
	              "</font></td></tr>\n  </table>\n"
	              "  <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"10\">\n"
	              "  <TR>\n    <TD valign=\"top\" class=\"contenu\">\n");
}

void demo_page_bottom(struct demo_buf *b)
{
	demo_buf_puts(
	        b,
	        "    </TD>\n  </TR>\n  </TABLE>\n"
	        "  <p align=\"right\" class=\"haut\"><font size=\"1\">Vous pouvez également : "
	        "<a href=\"#haut\">Retourner en haut de la page</a></font>\n"
	        "  <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"6\" class=\"pied\">\n"
	        "  <TR><TD align=\"center\"><font size=\"1\" color=\"#666666\">\n"
	        "    Tous droits réservés à AIGA 2015 | <a href=\"mentions_legales.php5\">Mentions légales</a> | "
	        "<a href=\"contact.php5\">Contactez-nous</a> | Création : "
	        "<a href=\"http://www.aiga.fr\" target=\"_blank\">AIGA</a> "
	        "Date de dernière mise à jour : 26/09/2022\n"
	        "  </font>\n  </TABLE>\n"
	        "</TD>\n</TR>\n</TABLE>\n"
	        "</BODY>\n</HTML>\n");
}

/* The public pages' frame: banner without menu, a link to log in. */
static void public_top(struct demo_buf *b, const struct demo_server *srv)
{
	banner(b, srv, false);
	demo_buf_puts(b,
	              "  <TABLE width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"10\">\n"
	              "  <TR>\n    <TD valign=\"top\" class=\"contenu\">\n");
}

void demo_page_login(struct demo_server *srv, struct demo_reply *rep,
                     const struct demo_session *sess, const char *login, const char *message)
{
	struct demo_buf *b = &rep->body;
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	demo_page_head(b, srv, "Connexion",
	               "<script type=\"text/javascript\">\n"
	               "function verifConnexion(f) {\n"
	               "  if (f.txtLogin.value == '' || f.txtPassword.value == '') {\n"
	               "    alert('Veuillez saisir votre identifiant et votre mot de passe.');\n"
	               "    return false;\n"
	               "  }\n"
	               "  return true;\n"
	               "}\n"
	               "</script>\n");
	public_top(b, srv);
	demo_buf_puts(
	        b,
	        "      <table width=\"420\" border=\"0\" align=\"center\" cellpadding=\"4\" cellspacing=\"0\" "
	        "class=\"connexion\">\n"
	        "      <tr><td class=\"titre\" colspan=\"2\"><b>Connexion à mon espace famille</b></td></tr>\n");
	if (message)
		demo_buf_printf(
		        b,
		        "      <tr><td colspan=\"2\"><font color=\"#CC0000\"><b>%s</b></font></td></tr>\n",
		        message);
	demo_buf_puts(b, "      <tr><td colspan=\"2\">\n"
	                 "      <FORM name=\"frmConnexion\" method=\"post\" action=\"login.php5\" "
	                 "onsubmit=\"return verifConnexion(this);\">\n"
	                 "      <input type=\"hidden\" name=\"jeton\" value=\"");
	demo_buf_html(b, sess->jeton);
	demo_buf_puts(
	        b,
	        "\">\n"
	        "      <TABLE border=\"0\" cellpadding=\"3\" cellspacing=\"0\">\n"
	        "      <TR><TD align=\"right\"><label for=\"txtLogin\">Identifiant</label>&nbsp;:\n"
	        "          <TD><input type=\"text\" name=\"txtLogin\" id=\"txtLogin\" size=\"25\" "
	        "maxlength=\"60\" value=\"");
	if (login)
		demo_buf_html(b, login);
	demo_buf_puts(
	        b,
	        "\">\n"
	        "      <TR><TD align=\"right\"><label for=\"txtPassword\">Mot de passe</label>&nbsp;:\n"
	        "          <TD><input type=\"password\" name=\"txtPassword\" id=\"txtPassword\" size=\"25\" "
	        "maxlength=\"60\" value=\"\">\n"
	        "      <TR><TD>&nbsp;\n"
	        "          <TD><input type=\"submit\" name=\"btnConnexion\" value=\"Se connecter\" "
	        "class=\"bouton\">\n"
	        "      </TABLE>\n"
	        "      </FORM>\n"
	        "      </td></tr>\n"
	        "      <tr><td colspan=\"2\"><a href=\"mdp_oublie.php5\">Mot de passe oublié ?</a>\n"
	        "      <p><font size=\"1\">Pour obtenir vos identifiants, adressez-vous au service "
	        "Enfance Jeunesse de la mairie.</font>\n"
	        "      </td></tr>\n"
	        "      </table>\n");
	demo_page_bottom(b);
}

void demo_page_public(struct demo_server *srv, struct demo_reply *rep, const char *which)
{
	struct demo_buf *b = &rep->body;
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	const char *title, *text;
	if (strcmp(which, "mentions") == 0) {
		title = "Mentions légales";
		text = "<p>Éditeur du site : Mairie de L'Horme, place de la Mairie, 42152 L'Horme.\n"
		       "<p>Directeur de la publication : le Maire.\n"
		       "<p>Hébergement et conception : AIGA.\n"
		       "<p>Conformément à la loi « Informatique et Libertés » du 6 janvier 1978 modifiée "
		       "et au Règlement général sur la protection des données, vous disposez d'un droit "
		       "d'accès et de rectification des données vous concernant auprès du service Enfance "
		       "Jeunesse.\n";
	} else if (strcmp(which, "contact") == 0) {
		title = "Contactez-nous";
		text = "<p><b>Service Enfance Jeunesse</b><br>\nMairie de L'Horme<br>\n"
		       "Place de la Mairie<br>\n42152 L'HORME\n"
		       "<p>Téléphone : 04 77 22 00 00<br>\n"
		       "Accueil du public : du lundi au vendredi de 8h30 à 12h00\n";
	} else {
		title = "Mot de passe oublié";
		text = "<p>Pour recevoir un nouveau mot de passe, adressez-vous au service Enfance "
		       "Jeunesse de la mairie (04 77 22 00 00) muni d'une pièce d'identité.\n";
	}
	demo_page_head(b, srv, title, NULL);
	public_top(b, srv);
	demo_buf_printf(b,
	                "      <h1 class=\"titre\">%s</h1>\n%s"
	                "      <p><a href=\"login.php5\">Retour à la page de connexion</a>\n",
	                title, text);
	demo_page_bottom(b);
}

void demo_page_maintenance(struct demo_server *srv, struct demo_reply *rep)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	free(rep->location);
	rep->location = NULL;
	rep->status = 200;
	rep->kind = DEMO_BODY_PORTAL;
	head_common(b, demo_charset_meta(srv->faults.charset), "Maintenance");
	demo_buf_puts(
	        b,
	        "</HEAD>\n<BODY bgcolor=\"#FFFFFF\">\n"
	        "<center>\n<br><br>\n"
	        "<font face=\"Arial\" size=\"5\" color=\"#1F4E79\">Ville de <b>L'Horme</b></font><br>\n"
	        "<font face=\"Arial\" size=\"4\">Le <b>Portail familles</b></font>\n"
	        "<br><br>\n"
	        "<TABLE width=\"600\" border=\"1\" cellpadding=\"15\" cellspacing=\"0\" bordercolor=\"#CC0000\">\n"
	        "<TR><TD align=\"center\">\n"
	        "<font face=\"Arial\" size=\"4\" color=\"#CC0000\"><b>Le portail est en maintenance</b></font>\n"
	        "<p>Le Portail familles est momentanément indisponible pour cause d'opération de "
	        "maintenance.<br>Merci de vous reconnecter ultérieurement.\n"
	        "<p><font size=\"1\">Nous vous prions de nous excuser pour la gêne occasionnée.</font>\n"
	        "</TABLE>\n</center>\n</BODY>\n</HTML>\n");
}

void demo_page_error(struct demo_reply *rep, unsigned status, const char *path)
{
	struct demo_buf *b = &rep->body;
	demo_buf_release(b);
	free(rep->location);
	rep->location = NULL;
	rep->status = status;
	rep->kind = DEMO_BODY_RAW;
	rep->content_type = "text/html; charset=iso-8859-1";
	const char *title = status == 404   ? "Not Found"
	                    : status == 405 ? "Method Not Allowed"
	                    : status == 413 ? "Request Entity Too Large"
	                                    : "Internal Server Error";
	demo_buf_printf(b,
	                "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n"
	                "<html><head>\n<title>%u %s</title>\n</head><body>\n<h1>%s</h1>\n",
	                status, title, title);
	if (status == 404) {
		demo_buf_puts(b, "<p>The requested URL ");
		demo_buf_html(b, path);
		demo_buf_puts(b, " was not found on this server.</p>\n");
	} else if (status == 413) {
		demo_buf_puts(b,
		              "<p>The requested resource does not allow request data with POST "
		              "requests, or the amount of data provided in the request exceeds the "
		              "capacity limit.</p>\n");
	} else if (status == 405) {
		demo_buf_puts(b, "<p>The requested method is not allowed for the URL ");
		demo_buf_html(b, path);
		demo_buf_puts(b, ".</p>\n");
	} else {
		demo_buf_puts(
		        b,
		        "<p>The server encountered an internal error or\nmisconfiguration and was "
		        "unable to complete\nyour request.</p>\n"
		        "<p>Please contact the server administrator at \n webmaster@localhost to inform "
		        "them of the time this error occurred,\n and the actions you performed just "
		        "before this error.</p>\n"
		        "<p>More information about this error may be available\nin the server error "
		        "log.</p>\n");
	}
	demo_buf_puts(b,
	              "<hr>\n<address>Apache/2.4.10 (Debian) Server</address>\n</body></html>\n");
}

void demo_page_css(struct demo_reply *rep)
{
	rep->status = 200;
	rep->kind = DEMO_BODY_RAW;
	rep->content_type = "text/css";
	demo_buf_puts(
	        &rep->body,
	        "body { font-family: Arial, Helvetica, sans-serif; font-size: 12px; background: #E9EEF3; }\n"
	        ".cadre { background: #FFFFFF; border: 1px solid #B0BCC8; }\n"
	        ".bandeau { border-bottom: 3px solid #F39200; }\n"
	        ".payer { background: #FFF4E0; }\n"
	        "a.lien_payer { color: #C05000; font-weight: bold; }\n"
	        "a.menu { color: #FFFFFF; text-decoration: none; font-weight: bold; }\n"
	        ".ariane { background: #F2F5F8; color: #555555; }\n"
	        ".titre { color: #1F4E79; font-size: 16px; border-bottom: 1px solid #1F4E79; }\n"
	        "td.entete { background: #1F4E79; color: #FFFFFF; font-weight: bold; }\n"
	        "td.regie { color: #1F4E79; font-weight: bold; font-size: 14px; }\n"
	        ".ligne1 { background: #FFFFFF; } .ligne2 { background: #F2F5F8; }\n"
	        ".bouton { background: #F39200; color: #FFFFFF; border: 0; padding: 3px 10px; }\n"
	        ".pied { border-top: 1px solid #B0BCC8; }\n");
}
