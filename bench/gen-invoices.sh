#!/bin/sh
# gen-invoices.sh N [REGIES]
#
# Prints to stdout a "Mon compte » Détail financier par facture" page of the
# AIGA Portail familles (L'Horme), UTF-8, in the portal's 2015 style (HTML
# 4.01 Transitional, nested layout tables, inline JavaScript, &nbsp;), with
# N invoice rows. REGIES is 1 or 2 (default 2): with 2 and N >= 2, the last
# third of the rows go to a second régie with its own table and form.
# N = 0 prints the portal's "Aucune facture" page.
#
# The content is deterministic (row k only depends on k), and each régie's
# "Solde dû" and "Total à régler" lines are the exact sums of its rows: all
# balances, and the balances of the rows whose checkbox is checked. Rows
# cycle through: open invoices (a third of them checked), partly paid ones,
# paid ones (balance 0, no checkbox), credits (negative, no checkbox) and
# disabled checkboxes. Amounts use "181.99" in the first régie and
# "1&nbsp;234,56&nbsp;&euro;" in the second.
#
# POSIX sh and awk only, no python (tested with dash and bash, and mawk).

set -eu

usage() {
	echo "usage: gen-invoices.sh N [1|2]" >&2
	exit 2
}

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
	usage
fi
case $1 in
'' | *[!0-9]*) usage ;;
esac
case ${2:-2} in
1 | 2) ;;
*) usage ;;
esac

cat <<'EOF'
<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<title>Portail familles - Ville de L'Horme</title>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<link href="../commun/css/portail.css" rel="stylesheet" type="text/css">
<link href="css/style_site42.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="../commun/js/fonctions.js?v=4.2.7"></script>
<script language="JavaScript" type="text/javascript">
<!--
function calcul(regie) {
  var f = document.forms['form_regie' + regie];
  var total = 0.0;
  for (var i = 0; i < f.elements.length; i++) {
    var e = f.elements[i];
    if (e.type == 'checkbox' && e.checked) {
      var s = document.getElementById('solde_' + e.value).innerHTML;
      total += parseFloat(s.replace(/&nbsp;|&euro;|\s/g, '').replace(',', '.'));
    }
  }
  document.getElementById('total_' + regie).innerHTML = (Math.round(total * 100) / 100).toFixed(2);
  f.montant_total.value = (Math.round(total * 100) / 100).toFixed(2);
}
function valider_reglement(regie) {
  if (!confirm('Vous allez être redirigé vers le site de paiement sécurisé de la DGFiP.\nVoulez-vous continuer ?')) {
    return false;
  }
  window.open('', 'paiement', 'width=850,height=650,scrollbars=yes,resizable=yes');
  document.forms['form_regie' + regie].target = 'paiement';
  return true;
}
//-->
</script>
</head>

<body bgcolor="#FFFFFF" leftmargin="0" topmargin="0" marginwidth="0" marginheight="0">
<a name="haut"></a>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0" class="cadre_general">
  <tr>
    <td><table width="100%" border="0" cellspacing="0" cellpadding="0" class="bandeau">
        <tr>
          <td width="230" rowspan="2"><a href="accueil.php5"><img src="images/logo_site42.gif" alt="" width="230" height="90" border="0"></a></td>
          <td class="ville" valign="bottom">Ville de <b>L'Horme</b><br>
            <span class="commune">Commune de Saint-Etienne Métropole</span></td>
          <td align="right" valign="top" class="deconnexion"><a href="deconnexion.php5" onclick="return confirm('Voulez-vous vraiment vous déconnecter ?');">Se déconnecter</a>&nbsp;&nbsp;</td>
        </tr>
        <tr>
          <td colspan="2" class="titre_portail">Le <b>Portail familles</b></td>
        </tr>
      </table></td>
  </tr>
  <tr>
    <td class="menu" height="28"><table border="0" cellspacing="0" cellpadding="0" align="center">
        <tr>
          <td><a href="accueil.php5" class="lien_menu">Accueil</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="tableau_bord.php5" class="lien_menu">Mon tableau de bord</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="famille.php5" class="lien_menu">Ma famille</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="coordonnees.php5" class="lien_menu">Mes coordonnées</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="inscriptions.php5" class="lien_menu">Mes inscriptions</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="compte.php5" class="lien_menu_actif">Mon compte</a></td>
          <td class="sep_menu">&nbsp;|&nbsp;</td>
          <td><a href="#" onclick="window.open('aide/aide.php5', 'aide', 'width=720,height=540,scrollbars=yes'); return false;" class="lien_menu">Comment utiliser le portail ?</a></td>
        </tr>
      </table></td>
  </tr>
  <tr>
    <td class="fil_ariane">&nbsp;Vous êtes ici : <a href="accueil.php5">Accueil</a> &raquo; <a href="compte.php5">Mon compte</a> &raquo; Détail financier par facture</td>
  </tr>
  <tr>
    <td valign="top" class="contenu"><table width="100%" border="0" cellspacing="0" cellpadding="10">
        <tr>
          <td class="titre_page">Mon compte - Détail financier par facture</td>
        </tr>
        <tr>
          <td valign="top">
EOF

awk -v n="$1" -v nregies="${2:-2}" '
# Integer cents are kept in doubles: exact up to 2^53, and printed with
# "%.0f", never "%d" (which some awks truncate to 32 bits).
function group(digits, sep,   out) {
	out = ""
	while (length(digits) > 3) {
		out = sep substr(digits, length(digits) - 2) out
		digits = substr(digits, 1, length(digits) - 3)
	}
	return digits out
}
function money(c, style,   neg, a, units, sub_) {
	neg = c < 0 ? "-" : ""
	a = c < 0 ? -c : c
	units = sprintf("%.0f", (a - a % 100) / 100)
	sub_ = sprintf("%02d", a % 100)
	if (style == "dot")             # 181.99
		return neg units "." sub_
	if (style == "comma")           # 226,11
		return neg units "," sub_
	return neg group(units, "&nbsp;") "," sub_ "&nbsp;&euro;"   # 1&nbsp;234,56&nbsp;&euro;
}
function lastday(y, m) {
	if (m == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}
function regie_open(r, name, total) {
	if (r == 1)
		printf "            <table width=\"100%%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\">\n              <tr>\n                <td class=\"titre_regie\"><b>%s</b></td>\n              </tr>\n            </table>\n", name
	else
		printf "            <br>\n            <h3 class=\"regie\">%s</h3>\n", name
	printf "            <form name=\"form_regie%d\" method=\"post\" action=\"paiement.php5\" onsubmit=\"return valider_reglement(%d);\">\n", r, r
	printf "            <input type=\"hidden\" name=\"regie\" value=\"%d\">\n", r
	printf "            <input type=\"hidden\" name=\"montant_total\" value=\"%s\">\n", money(total, "dot")
	printf "            <table width=\"100%%\" border=\"1\" cellspacing=\"0\" cellpadding=\"3\" bordercolor=\"#CCCCCC\" class=\"tableau_factures\">\n"
	printf "              <tr>\n"
	printf "                <td class=\"entete\" align=\"center\">N° de la facture</td>\n"
	printf "                <td class=\"entete\" align=\"center\">Date de la facture</td>\n"
	printf "                <td class=\"entete\" align=\"center\">A payer avant le</td>\n"
	printf "                <td class=\"entete\" align=\"center\">Montant dû</td>\n"
	printf "                <td class=\"entete\" align=\"center\">Solde</td>\n"
	printf "                <td class=\"entete\" align=\"center\">Sélection</td>\n"
	printf "              </tr>\n"
}
function regie_close(r, due, total, style) {
	printf "              <tr>\n                <td colspan=\"4\" align=\"right\"><b>Solde dû:</b></td>\n                <td align=\"right\"><b>%s</b></td>\n                <td>&nbsp;</td>\n              </tr>\n", money(due, style)
	printf "              <tr>\n                <td colspan=\"4\" align=\"right\"><b>Total à régler:</b></td>\n                <td align=\"right\"><b><span id=\"total_%d\">%s</span></b></td>\n                <td>&nbsp;</td>\n              </tr>\n", r, money(total, style)
	printf "            </table>\n            <br>\n"
	printf "            <input type=\"submit\" name=\"btn_reglement\" value=\"Règlement\" class=\"bouton\">&nbsp;&nbsp;\n"
	printf "            <input type=\"button\" name=\"btn_retour\" value=\"Retour\" class=\"bouton\" onclick=\"document.location.href=%scompte.php5%s;\">\n", q, q
	printf "            </form>\n"
}
# Row k, deterministic. Sets the globals number, date, due, amount,
# balance, box ("" when the row has no checkbox), note, checked.
function make_row(k, r,   idx, y, m, d) {
	idx = 2022 * 12 + 9 - (k - 1) % 48      # Oct 2022 going back 48 months
	y = (idx - idx % 12) / 12
	m = idx % 12 + 1
	d = 1 + (k * 7) % 28
	date = sprintf("%02d/%02d/%d", d, m, y)
	due = sprintf("%02d/%02d/%d", lastday(y, m), m, y)
	if (r == 1)
		number = sprintf("F%d-%06.0f", y, k)
	else
		number = sprintf("FAC-%02d-%06.0f", y % 100, k)
	amount = 500 + (k * 7919) % 150000
	balance = amount
	box = "enabled"; note = ""; checked = (k % 3 == 0)
	if (k % 23 == 0) {                       # credit note
		amount = -(100 + k % 900); balance = amount
		box = ""; note = "<font size=\"1\" color=\"green\">Avoir</font>"; checked = 0
	} else if (k % 11 == 0) {                # paid
		balance = 0
		box = ""; note = "<font size=\"1\" color=\"#669900\">Réglée</font>"; checked = 0
	} else if (k % 17 == 0) {                # payment in progress
		box = "disabled"; checked = 0
	} else if (k % 5 == 0) {                 # partly paid
		balance = amount - (amount - amount % 4) / 4
	}
}
function print_row(k, r, style,   cls, sel, key) {
	cls = (k % 2) ? "ligne1" : "ligne2"
	key = sprintf("%.0f", k)
	if (box == "")
		sel = note
	else if (r == 1)
		sel = sprintf("<input type=\"checkbox\" name=\"fact[]\" value=\"%s\"%s%s>", key, checked ? " checked" : "", box == "disabled" ? " disabled" : " onclick=\"calcul(1);\"")
	else
		sel = sprintf("<input type=\"checkbox\" name=\"chk_%s\" value=\"%s\"%s%s>", number, key, checked ? " checked=\"checked\"" : "", box == "disabled" ? " disabled=\"disabled\"" : " onclick=\"calcul(2);\"")
	if (box == "disabled")
		sel = sel "<br><font size=\"1\" color=\"#999999\">Paiement en cours</font>"
	printf "              <tr class=\"%s\">\n", cls
	printf "                <td align=\"center\">%s</td>\n", number
	printf "                <td align=\"center\">%s</td>\n", date
	printf "                <td align=\"center\">%s</td>\n", due
	printf "                <td align=\"right\">%s</td>\n", money(amount, style)
	printf "                <td align=\"right\" id=\"solde_%s\">%s</td>\n", key, money(balance, style)
	printf "                <td align=\"center\">%s</td>\n", sel
	printf "              </tr>\n"
}
BEGIN {
	q = "\047"
	n += 0
	if (n == 0) {
		printf "            <p class=\"message_info\">&nbsp;Aucune facture à régler pour le moment.</p>\n"
		printf "            <form name=\"form_retour\" method=\"get\" action=\"compte.php5\"><input type=\"submit\" value=\"Retour\" class=\"bouton\"></form>\n"
		exit
	}
	n2 = (nregies == 2 && n >= 2) ? (n - n % 3) / 3 : 0
	if (nregies == 2 && n >= 2 && n2 == 0)
		n2 = 1
	n1 = n - n2
	name[1] = "MAIRIE SERVICE ENFANCE JEUNESSE"; first[1] = 1;      last[1] = n1; style[1] = "dot"
	name[2] = "CENTRE DE LOISIRS LES PETITS LOUPS"; first[2] = n1 + 1; last[2] = n; style[2] = "nbsp"
	for (r = 1; r <= (n2 > 0 ? 2 : 1); r++) {
		# first pass: the sums the page prints above and below the rows
		due_sum = 0; total_sum = 0
		for (k = first[r]; k <= last[r]; k++) {
			make_row(k, r)
			due_sum += balance
			if (checked)
				total_sum += balance
		}
		regie_open(r, name[r], total_sum)
		for (k = first[r]; k <= last[r]; k++) {
			make_row(k, r)
			print_row(k, r, style[r])
		}
		regie_close(r, due_sum, total_sum, r == 1 ? "comma" : style[r])
	}
}
'

cat <<'EOF'
          </td>
        </tr>
      </table></td>
  </tr>
  <tr>
    <td class="pied" align="center">Tous droits réservés à AIGA 2015 | <a href="mentions.php5">Mentions légales</a> | <a href="contact.php5">Contactez-nous</a> | Création : <a href="http://www.aiga.fr" target="_blank">AIGA</a> Date de dernière mise à jour : 26/09/2022</td>
  </tr>
</table>
</body>
</html>
EOF
