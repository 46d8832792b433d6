#!/bin/sh
# End-to-end tests of the demo portal (src/demo/portail-famille-demo) with curl,
# as TAP. Drives the real flow: login page, login, every menu page, the
# invoice page, gzip, the Règlement and each hand-off variant up to the
# PayFiP stand-in, its outcomes, and every fault.
#
# The server binary is $PF_DEMO_PORTAL, else $PF_BUILDDIR/src/demo/
# portail-famille-demo, else next to $PF_BIN's build tree (src/demo/).
# PF_DEMO_VALGRIND=1 runs every server under valgrind (a leak or memory error
# fails the "stopped cleanly" tests), =0 never; unset: when valgrind is
# installed and the binary is not built with AddressSanitizer (which checks
# leaks itself).
set -u
LC_ALL=C
export LC_ALL

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; }
# check DESCRIPTION COMMAND...: one test, passing when the command does.
check() {
	desc=$1
	shift
	if "$@"; then ok "$desc"; else not_ok "$desc"; fi
}
diag() { echo "# $*"; }

find_server() {
	for cand in "${PF_DEMO_PORTAL:-}" \
	            "${PF_BUILDDIR:+$PF_BUILDDIR/src/demo/portail-famille-demo}" \
	            "${PF_BIN:+${PF_BIN%/src/portail-famille}/src/demo/portail-famille-demo}" \
	            ./src/demo/portail-famille-demo "$(dirname "$0")/../../src/demo/portail-famille-demo"; do
		if [ -n "$cand" ] && [ -x "$cand" ]; then
			echo "$cand"
			return 0
		fi
	done
	return 1
}

DEMO=$(find_server) || { echo "1..0 # SKIP portail-famille-demo not built"; exit 0; }
command -v curl >/dev/null 2>&1 || { echo "1..0 # SKIP curl not installed"; exit 0; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/test-demo.XXXXXX") || exit 1
pid=
cleanup() {
	exec 3>&- 2>/dev/null
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

WRAP=
use_valgrind=${PF_DEMO_VALGRIND:-auto}
if [ "$use_valgrind" = auto ]; then
	use_valgrind=0
	if command -v valgrind >/dev/null 2>&1 && ! grep -q __asan_init "$DEMO" 2>/dev/null &&
	   ! { command -v ldd >/dev/null 2>&1 && ldd "$DEMO" 2>/dev/null | grep -q libasan; }; then
		# valgrind 3.19 cannot read clang 14's DWARF 5: try it first.
		if valgrind -q --error-exitcode=97 "$DEMO" --help >/dev/null 2>&1; then
			use_valgrind=1
		else
			diag "valgrind cannot run $DEMO: servers run without it"
		fi
	fi
fi
if [ "$use_valgrind" = 1 ]; then
	WRAP="valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=97"
	diag "servers run under valgrind"
fi

# ---- the server ----

nserver=0
# start_server ARGS...: a fresh server; sets BASE, PAYFIP, PORT.
start_server() {
	stop_server >/dev/null
	nserver=$((nserver + 1))
	server_args=$*
	fifo=$tmp/stdin.$nserver
	mkfifo "$fifo"
	# stdin is a pipe we hold open: closing it stops the server.
	$WRAP "$DEMO" "$@" <"$fifo" >"$tmp/url.$nserver" 2>"$tmp/server.$nserver.err" &
	pid=$!
	exec 3>"$fifo"
	i=0
	while [ ! -s "$tmp/url.$nserver" ] && [ $i -lt 300 ] && kill -0 "$pid" 2>/dev/null; do
		sleep 0.1
		i=$((i + 1))
	done
	URL=$(head -n 1 "$tmp/url.$nserver")
	BASE=${URL%/v4/login.php5}
	PORT=${BASE##*:}
	PAYFIP=http://localhost:$PORT
	rm -f "$tmp/cj"
	[ -n "$URL" ]
}
# stop_server: closes its stdin and returns its exit status.
stop_server() {
	[ -n "$pid" ] || return 0
	exec 3>&-
	wait "$pid"
	rc=$?
	pid=
	return $rc
}
# stopped: stop_server, showing the server's stderr (valgrind's report) if
# it did not exit 0.
stopped() {
	stop_server && return 0
	sed 's/^/# /' "$tmp/server.$nserver.err"
	return 1
}

# ---- HTTP with curl ----

# req URL|PATH [CURL ARGS...]: body in $tmp/body (as sent) and $tmp/text
# (UTF-8), headers in $tmp/hdr, HTTP status in $status, curl's exit in $crc.
req() {
	url=$1
	shift
	case $url in http://*) ;; *) url=$BASE$url ;; esac
	: >"$tmp/hdr"
	: >"$tmp/body"
	status=$(curl -s -o "$tmp/body" -D "$tmp/hdr" -w '%{http_code}' \
	         -b "$tmp/cj" -c "$tmp/cj" "$@" "$url")
	crc=$?
	cs=$(hdr Content-Type | sed -n 's/.*charset=\([A-Za-z0-9_-]*\).*/\1/p')
	[ -n "$cs" ] || cs=ISO-8859-1
	iconv -f "$cs" -t UTF-8 <"$tmp/body" >"$tmp/text" 2>/dev/null || cp "$tmp/body" "$tmp/text"
}
hdr() { grep -i "^$1:" "$tmp/hdr" | tail -n 1 | cut -d: -f2- | sed 's/^ *//' | tr -d '\r'; }
has() { grep -qF -- "$1" "$tmp/text"; }
hasnt() { ! grep -qF -- "$1" "$tmp/text"; }
is() { [ "$1" = "$2" ] || { diag "got '$1', want '$2'"; return 1; }; }
cookie() { awk -v n="$1" '$6 == n { v = $7 } END { print v }' "$tmp/cj" 2>/dev/null; }
stat_of() { curl -s "$BASE/__demo/stats" | sed -n "s/^ *\"$1\": *\([0-9]*\).*/\1/p"; }

login() {
	rm -f "$tmp/cj"
	req /v4/login.php5
	jeton=$(sed -n 's/.*name="jeton" value="\([0-9a-f]*\)".*/\1/p' "$tmp/body" | head -n 1)
	req /v4/login.php5 --data "jeton=$jeton&txtLogin=${1:-demo}&txtPassword=${2:-demo}&btnConnexion=Se+connecter"
}
logged_in() { [ "$status" = 302 ] && is "$(hdr Location)" /v4/accueil.php5; }

# The Règlement of régie 1 with invoice F2022-0912 (id 912), as a browser
# sends it from the latin-1 page.
reglement() { req /v4/compte_factures.php5 --data "idregie=1&fact%5B%5D=${1:-912}&btnReglement=R%E8glement"; }

# follow_handoff VARIANT: from the Règlement answer to the PayFiP URL, doing
# what a browser does for each variant; sets $payfip_url.
follow_handoff() {
	payfip_url=
	case $1 in
	direct)
		[ "$status" = 303 ] || return 1
		payfip_url=$(hdr Location)
		;;
	popup)
		has "if (confirm('Vous allez être redirigé vers le site de paiement sécurisé. Continuer ?')) { window.open('/v4/paiement_popup.php5?id=" || return 1
		has "','paiement','width=800,height=600'); } return false;" || return 1
		popup=$(sed -n "s/.*window\.open('\([^']*\)'.*/\1/p" "$tmp/text" | head -n 1)
		req "$popup"
		payfip_url=$(sed -n 's/.*<a href="\([^"]*\)"[^>]*>.* Payer par carte bancaire<\/a>.*/\1/p' "$tmp/text")
		;;
	target)
		grep -q 'method="post" action="paiement_popup.php5" target="_blank"' "$tmp/text" || return 1
		id=$(sed -n 's/.*name="id" value="\([0-9]*\)".*/\1/p' "$tmp/text")
		req /v4/paiement_popup.php5 --data "id=$id&btnContinuer=Payer+en+ligne"
		payfip_url=$(sed -n 's/.*<a href="\([^"]*\)"[^>]*>.* Payer par carte bancaire<\/a>.*/\1/p' "$tmp/text")
		;;
	redirects)
		[ "$status" = 303 ] || return 1
		loc=$(hdr Location)               # relative
		req "/v4/$loc"
		[ "$status" = 302 ] || return 1
		req "$(hdr Location)"             # absolute path
		[ "$status" = 200 ] || return 1
		next=$(sed -n 's/.*<meta http-equiv="refresh" content="0;url=\([^"]*\)".*/\1/p' "$tmp/text" | sed 's/&amp;/\&/g')
		[ -n "$next" ] || return 1
		req "/v4/$next"
		payfip_url=$(sed -n "s/.*location\.href = '\([^']*\)';.*/\1/p" "$tmp/text")
		;;
	autosubmit)
		grep -q '<BODY bgcolor="#FFFFFF" onload="document.forms\[0\].submit()">' "$tmp/text" || return 1
		action=$(sed -n 's/.*<form name="frmPayfip" method="post" action="\([^"]*\)".*/\1/p' "$tmp/text")
		sed -n 's/.*<input type="hidden" name="\([a-z]*\)" value="\([^"]*\)".*/\1=\2/p' "$tmp/text" >"$tmp/fields"
		for f in numcli exer refdet montant objet mel urlnotif saisie; do
			grep -q "^$f=" "$tmp/fields" || { diag "autosubmit: no $f"; return 1; }
		done
		set --
		while IFS= read -r line; do set -- "$@" --data-urlencode "$line"; done <"$tmp/fields"
		req "$action" "$@"
		[ "$status" = 303 ] || return 1
		payfip_url=$PAYFIP$(hdr Location)
		;;
	button)
		hasnt "window.open('/v4/paiement_popup" || return 1
		action=$(sed -n 's/.*<form name="frmCB" method="get" action="\([^"]*\)".*/\1/p' "$tmp/text")
		idop=$(sed -n 's/.*name="idop" value="\([0-9a-f]*\)".*/\1/p' "$tmp/text")
		has 'value="Payer par carte bancaire"' || return 1
		payfip_url="$action?idop=$idop"
		;;
	esac
	case $payfip_url in
	"$PAYFIP/tpa/paiementws.web?idop="*) return 0 ;;
	*) diag "hand-off $1 ended on '$payfip_url'"; return 1 ;;
	esac
}
idop_of() { echo "${1#*idop=}"; }
payfip_action() { req "$PAYFIP/tpa/paiementws.web" --data "idop=$1&action=$2"; }

# ---- the portal, as a family sees it ----

check "server starts and prints its login URL" start_server
check "login URL is http://127.0.0.1:PORT/v4/login.php5" \
	sh -c 'case "$1" in http://127.0.0.1:[0-9]*/v4/login.php5) exit 0;; esac; exit 1' sh "$URL"

req /
check "/ redirects to the login page" eval '[ "$status" = 302 ] && is "$(hdr Location)" /v4/login.php5'

req /v4/login.php5
login_form() {
	[ "$status" = 200 ] && is "$(hdr Content-Type)" "text/html; charset=ISO-8859-1" &&
	has '<input type="text" name="txtLogin"' && has '<input type="password" name="txtPassword"' &&
	has '<input type="hidden" name="jeton" value="' &&
	has '<input type="submit" name="btnConnexion" value="Se connecter"' &&
	has '>Identifiant</label>' && has '>Mot de passe</label>' &&
	has '<FORM name="frmConnexion" method="post" action="login.php5"' &&
	[ -n "$(cookie PHPSESSID)" ]
}
check "login page: form, fields, labels, hidden jeton, PHPSESSID" login_form
latin1() {
	e9=$(printf '\351')
	grep -q "$e9" "$tmp/body" && ! iconv -f UTF-8 -t UTF-8 <"$tmp/body" >/dev/null 2>&1 &&
	head -c 200 "$tmp/body" | grep -q 'DTD HTML 4.01 Transitional'
}
check "login page is HTML 4.01 in real ISO-8859-1 bytes" latin1

# What a browser fetches beside the pages (the benchmarks' browser visit).
asset() {
	req "$1" -H 'Accept-Encoding: gzip'
	[ "$status" = 200 ] && is "$(hdr Content-Type)" "$2" && [ -z "$(hdr Content-Encoding)" ] &&
	head -c 6 "$tmp/body" | grep -q "$3"
}
check "images/payer.gif: a GIF, not gzipped" asset /v4/images/payer.gif image/gif GIF89a
check "images/menu_on.gif: a GIF" asset /v4/images/menu_on.gif image/gif GIF89a
check "favicon.ico: an icon" eval 'req /favicon.ico && [ "$status" = 200 ] &&
	is "$(hdr Content-Type)" image/vnd.microsoft.icon && [ "$(wc -c <"$tmp/body")" -eq 1150 ]'
req /v4/css/portail.css
check "css/portail.css" eval '[ "$status" = 200 ] && is "$(hdr Content-Type)" text/css'

req /v4/compte_factures.php5
check "a page without a session redirects to login.php5" \
	eval '[ "$status" = 302 ] && is "$(hdr Location)" login.php5'

login demo wrong
check "bad password: 200 and the portal's own message" \
	eval '[ "$status" = 200 ] && has "Identifiant ou mot de passe incorrect." && has "name=\"txtPassword\""'
req /v4/login.php5
req /v4/login.php5 --data "jeton=0000&txtLogin=demo&txtPassword=demo&btnConnexion=Se+connecter"
check "stale jeton: refused with \"Votre session a expiré\"" \
	eval '[ "$status" = 200 ] && has "Votre session a expir&eacute;, veuillez vous reconnecter."'
req /v4/login.php5
jeton=$(sed -n 's/.*name="jeton" value="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
req /v4/login.php5 --data "jeton=$jeton&txtLogin=demo&txtPassword=demo"
check "login POST without the submit button's name/value is not a login" \
	eval '[ "$status" = 200 ] && has "name=\"txtLogin\" id=\"txtLogin\" size=\"25\" maxlength=\"60\" value=\"demo\""'

req /v4/login.php5
anon=$(cookie PHPSESSID)
jeton=$(sed -n 's/.*name="jeton" value="\([0-9a-f]*\)".*/\1/p' "$tmp/body")
req /v4/login.php5 --data "jeton=$jeton&txtLogin=demo&txtPassword=demo&btnConnexion=Se+connecter"
check "good login: 302 to /v4/accueil.php5 with a new PHPSESSID" \
	eval 'logged_in && [ -n "$(cookie PHPSESSID)" ] && [ "$(cookie PHPSESSID)" != "$anon" ]'

common_frame() {
	[ "$status" = 200 ] && has "Ville de <b>L'Horme</b>" && has "Commune de Saint-Etienne Métropole" &&
	has "Le <b>Portail familles</b>" && has ">Payer mes factures</a>" &&
	has "Solde des factures : <b>262,11&nbsp;&euro;</b>" && has '<a href="logout.php5" class="deconnexion">Se déconnecter</a>' &&
	has '"accueil.php5" class="menu"><font color="#FFFFFF">Accueil</font>' &&
	has '"aide.php5" class="menu"><font color="#FFFFFF">Comment utiliser le portail ?</font>' &&
	has "Vous êtes ici : " && has "Tous droits réservés à AIGA 2015 | " &&
	has "Date de dernière mise à jour : 26/09/2022"
}
for page in "accueil:Famille : <b>MARTIN</b>" "tableau_bord:Mes prochaines réservations" \
            "famille:Emma<TD>02/11/2016" "coordonnees:42152 L&#039;Horme" \
            "inscriptions:Accueil périscolaire matin" "compte:Détail financier par facture</a>" \
            "aide:Payer par carte bancaire"; do
	name=${page%%:*}
	want=${page#*:}
	req "/v4/$name.php5"
	check "page $name.php5: banner, menu, footer, content" eval 'common_frame && has "$want"'
done

req /v4/compte_factures.php5
invoice_page() {
	common_frame &&
	has 'Vous êtes ici : <a href="accueil.php5">Accueil</a> » <a href="compte.php5">Mon compte</a> » Détail financier par facture' &&
	has '<td class="regie">MAIRIE SERVICE ENFANCE JEUNESSE</td>' && has '<td class="regie">CENTRE DE LOISIRS</td>' &&
	has '<td class="entete">N&deg; de la facture<td class="entete">Date de la facture<td class="entete">A payer avant le<td class="entete">Montant d&ucirc;<td class="entete">Solde<td class="entete">S&eacute;lection' &&
	has '<TD><a href="facture.php5?id=912" target="_blank">F2022-0912</a><TD align="center">05/09/2022<TD align="center">30/09/2022<TD align="right">181.99<TD align="right" id="solde_912">181.99<TD align="center"><input type="checkbox" name="fact[]" value="912" checked onclick="calcul()">' &&
	has '<TD>F2022-0388<TD align="center">08/03/2022<TD align="center">31/03/2022<TD align="right">44.12<TD align="right" id="solde_388">44.12<TD align="center"><input type="checkbox" name="fact[]" value="388" onclick="calcul()">' &&
	has '<TD><b>Solde dû:</b><TD><TD><TD><TD align="right"><b>226,11</b>' &&
	has '<TD><b>Total à régler:</b><TD><TD><TD><TD align="right" id="total_1">181.99' &&
	has 'id="solde_315">0.00<TD align="center">&nbsp;' &&
	has '<input type="submit" name="btnReglement" value="Règlement"' &&
	has '<input type="button" name="btnRetour" value="Retour"'
}
check "invoice page: two régies, the seed's rows, totals, checkboxes, buttons" invoice_page
check "invoice page: the CENTRE DE LOISIRS' documents in a column of PDF icons" eval \
	'has "<td class=\"entete\">S&eacute;lection<td class=\"entete\">Facture" &&
	 has "<TD align=\"center\"><a href=\"facture.php5?id=457&amp;type=pdf\"><img src=\"images/pdf.gif\" alt=\"T&eacute;l&eacute;charger\""'

# ---- the invoices' documents ----
req /v4/facture.php5?id=912
check "facture.php5: a PDF, named by Content-Disposition" eval \
	'is "$status" 200 && is "$(hdr Content-Type)" application/pdf &&
	 is "$(hdr Content-Disposition)" "attachment; filename=\"Facture_F2022-0912.pdf\"" &&
	 [ "$(head -c 5 "$tmp/body")" = "%PDF-" ] && tail -n 1 "$tmp/body" | grep -q "^%%EOF"'
check "facture.php5: the PDF's cross-reference table points at its objects" eval \
	'off=$(grep -a -A1 "^startxref" "$tmp/body" | tail -n 1) &&
	 [ "$(tail -c +$((off + 1)) "$tmp/body" | head -c 4)" = xref ] &&
	 o3=$(grep -a "^0000" "$tmp/body" | sed -n 4p | cut -c1-10) &&
	 [ "$(tail -c +"$(expr "$o3" + 1)" "$tmp/body" | head -c 7)" = "3 0 obj" ]'
req "/v4/facture.php5?id=457&type=pdf"
check "facture.php5: another invoice, inline, a bare file name" eval \
	'is "$(hdr Content-Disposition)" "inline; filename=CL2022-0457.pdf" && grep -aq "CL2022-0457" "$tmp/body"'
req /v4/facture.php5?id=388
check "facture.php5: an invoice without a document, an HTML error page (200)" eval \
	'is "$status" 200 && has "Document indisponible" && [ -z "$(hdr Content-Disposition)" ]'
req /v4/facture.php5?id=abc
check "facture.php5: an unknown id, the same error page" eval 'is "$status" 200 && has "Document indisponible"'
check "facture.php5 without a session: 302 to login.php5" eval \
	'[ "$(curl -s -o /dev/null -w "%{http_code} %{redirect_url}" "$BASE/v4/facture.php5?id=912")" = "302 $BASE/v4/login.php5" ]'

gz=$(curl -s -b "$tmp/cj" --compressed -o "$tmp/gz.html" -D "$tmp/gz.hdr" -w '%{size_download}' "$BASE/v4/compte_factures.php5")
plain=$(curl -s -b "$tmp/cj" -o "$tmp/plain.html" -w '%{size_download}' "$BASE/v4/compte_factures.php5")
check "gzip when asked: Content-Encoding gzip, $gz bytes instead of $plain, same page" \
	eval 'grep -qi "^Content-Encoding: gzip" "$tmp/gz.hdr" && [ "$gz" -lt $((plain / 2)) ] && cmp -s "$tmp/gz.html" "$tmp/plain.html"'
req /v4/compte_factures.php5
check "no gzip unless asked" eval '[ -z "$(hdr Content-Encoding)" ] && [ "$(hdr Content-Length)" = "$plain" ]'

req /v4/compte_factures.php5 --data "idregie=1&btnReglement=R%E8glement"
check "Règlement with nothing selected: the page again with a message" \
	eval '[ "$status" = 200 ] && has "Veuillez sélectionner au moins une facture à régler."'
req /v4/compte_factures.php5 --data "idregie=2&fact%5B%5D=315&btnReglement=R%E8glement"
check "Règlement of a paid invoice is refused" eval 'has "La facture sélectionnée est déjà réglée."'
req /v4/compte_factures.php5 --data "idregie=2&fact%5B%5D=912&btnReglement=R%E8glement"
check "Règlement mixing régies is refused" eval 'has "appartient pas à cette régie."'

# Parallel readers: the state behind the pages is shared by many threads.
i=0
curls=
while [ $i -lt 16 ]; do
	curl -s -o /dev/null -w '%{http_code}\n' -b "$tmp/cj" "$BASE/v4/compte_factures.php5" >>"$tmp/par" &
	curls="$curls $!"
	i=$((i + 1))
done
for j in $curls; do wait "$j"; done
check "16 concurrent requests all answered 200" eval '[ "$(grep -c "^200$" "$tmp/par")" = 16 ]'

req /__demo/stats
check "/__demo/stats is JSON with the counters" \
	eval 'is "$(hdr Content-Type)" application/json && has "\"requests\":" && has "\"reglement_posts\": 3" && has "\"logins_ok\": 1"'

req /v4/logout.php5
check "logout: 302 to login.php5, then pages need a login again" \
	eval '[ "$status" = 302 ] && is "$(hdr Location)" login.php5 && req /v4/accueil.php5 && [ "$status" = 302 ]'
check "server stopped cleanly on stdin EOF (exit 0$([ -n "$WRAP" ] && echo ', valgrind clean'))" stopped

# ---- every hand-off variant, then pay ----

for variant in popup direct target redirects autosubmit button; do
	start_server --handoff "$variant" || { not_ok "$variant: server start"; continue; }
	login
	reglement
	if follow_handoff "$variant"; then
		req "$payfip_url"
		check "hand-off $variant reaches PayFiP on localhost (181,99 €)" \
			eval '[ "$status" = 200 ] && has "Paiement par carte bancaire" && has "<tr><th>Montant</th><td>181,99 €</td></tr>" && has "Factures F2022-0912<"'
	else
		not_ok "hand-off $variant reaches PayFiP on localhost"
	fi
	idop=$(idop_of "$payfip_url")
	payfip_action "$idop" valider
	paid=no
	if has "Votre paiement a été accepté" && has "href=\"$BASE/v4/compte_factures.php5\">Retour au site</a>"; then
		paid=yes
	fi
	req /v4/compte_factures.php5
	settled() {
		has 'id="solde_912">0.00<TD align="center">&nbsp;' && hasnt 'value="912"' &&
		has '<b>44,12</b>' && has 'Solde des factures : <b>80,12&nbsp;&euro;</b>'
	}
	check "$variant: \"Valider le paiement\" accepted, re-read shows F2022-0912 settled" eval '[ $paid = yes ] && settled'
	if [ "$variant" = popup ]; then
		payfip_action "$idop" valider
		check "the same idop again: \"Opération expirée ou déjà traitée\"" \
			eval 'has "Opération expirée ou déjà traitée" && [ "$(stat_of invoices_paid_twice)" = 0 ]'
		req "$PAYFIP/tpa/paiementws.web?idop=$idop"
		check "a used idop cannot be shown again" eval 'has "Opération expirée ou déjà traitée"'
		check "stats: 1 Règlement, 1 payment paid, 1 invoice settled" \
			eval '[ "$(stat_of reglement_posts)" = 1 ] && [ "$(stat_of payments_paid)" = 1 ] && [ "$(stat_of invoices_settled)" = 1 ]'
		req /__demo/reset -X POST
		req /v4/compte_factures.php5
		check "POST /__demo/reset: the invoices are due again, counters zeroed" \
			eval 'has "<b>226,11</b>" && has "value=\"912\" checked" && [ "$(stat_of payments_paid)" = 0 ]'
	fi
	check "server ($server_args) stopped cleanly" stopped
done

start_server --handoff direct
login
for outcome in refuser abandonner; do
	reglement 388
	follow_handoff direct
	payfip_action "$(idop_of "$payfip_url")" "$outcome"
	text=$([ $outcome = refuser ] && echo "a été refusé" || echo "Vous avez abandonné le paiement")
	outcome_ok() { has "$text" && has ">Retour au site</a>" && req /v4/compte_factures.php5 && has 'value="388"' && has "<b>226,11</b>"; }
	check "\"$outcome\" leaves the invoice due" outcome_ok
done
check "server ($server_args) stopped cleanly" stopped

start_server --handoff direct --token-ttl 1
login
reglement
follow_handoff direct
sleep 2
req "$payfip_url"
check "an expired idop: \"Opération expirée ou déjà traitée\"" eval 'has "Opération expirée ou déjà traitée"'
check "server ($server_args) stopped cleanly" stopped

# ---- faults ----

start_server --expire-after 2
login
req /v4/accueil.php5
first=$status
req /v4/compte_factures.php5
second=$status
req /v4/compte.php5
check "expire-after 2: two pages, then 302 to login.php5" \
	eval '[ "$first$second" = 200200 ] && [ "$status" = 302 ] && is "$(hdr Location)" login.php5'
login
req /v4/compte_factures.php5
check "after expiry a new login works" eval '[ "$status" = 200 ] && [ "$(stat_of sessions_expired)" = 1 ]'
check "server ($server_args) stopped cleanly" stopped

start_server --fault http500 --fault times=1
login
req /v4/compte_factures.php5
first=$status
req /v4/compte_factures.php5
check "http500 on factures, first hit only (times=1)" \
	eval '[ "$first" = 500 ] && [ "$status" = 200 ] && has "F2022-0912"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault http500=reglement --handoff direct
login
reglement
check "http500 on the Règlement: 500, yet the payment exists (outcome unknown)" \
	eval '[ "$status" = 500 ] && has "Internal Server Error" && [ "$(stat_of payments_started)" = 1 ]'
check "server ($server_args) stopped cleanly" stopped

start_server --fault truncate
login
req /v4/compte_factures.php5
check "truncate: Content-Length not met, curl reports a partial transfer" \
	eval '[ "$crc" = 18 ] && [ "$(wc -c <"$tmp/body")" -lt "$(hdr Content-Length)" ]'
check "server ($server_args) stopped cleanly" stopped

start_server --fault stall --fault stall-ms=60000
login
t0=$(date +%s)
req /v4/compte_factures.php5 -m 2
check "stall: headers and a few bytes, then silence (curl times out)" \
	eval '[ "$crc" = 28 ] && [ "$status" = 200 ] && [ "$(wc -c <"$tmp/body")" -gt 0 ]'
check "a stalled response does not delay the server's stop" stopped
t1=$(date +%s)
check "stop took $((t1 - t0)) s" eval '[ $((t1 - t0)) -lt 30 ]'

start_server --fault huge
login
req /v4/compte_factures.php5
check "huge: a page over 10 MB, still the invoice page" \
	eval '[ "$(wc -c <"$tmp/body")" -gt 10000000 ] && has "F2022-0912" && has "</HTML>"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault evil-names
login
req /v4/compte_factures.php5
esc=$(printf '\033')
csi=$(printf '\233')
bs=$(printf '\010')
check "evil-names: C1 CSI byte, RLO as &#8238;, backspaces, &#27; OSC in the invoice page" \
	eval 'grep -q "$csi" "$tmp/body" && grep -q "$bs" "$tmp/body" && grep -qF "F2022-0388&#8238;8830" "$tmp/body" && grep -qF "&#27;]0;" "$tmp/body"'
req /v4/famille.php5
check "evil-names: OSC 52 in the family name" eval 'grep -qF "]52;c;" "$tmp/body" && grep -q "$esc" "$tmp/body"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault charset=utf8
login
req /v4/compte_factures.php5
check "charset=utf8: labelled and encoded UTF-8" \
	eval 'is "$(hdr Content-Type)" "text/html; charset=UTF-8" && iconv -f UTF-8 -t UTF-8 <"$tmp/body" >/dev/null && grep -q "Règlement" "$tmp/body"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault charset=utf8-as-latin1
login
req /v4/compte_factures.php5
check "charset=utf8-as-latin1: UTF-8 bytes labelled ISO-8859-1" \
	eval 'is "$(hdr Content-Type)" "text/html; charset=ISO-8859-1" && grep -q "Règlement" "$tmp/body"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault charset=cp1252
login
req /v4/accueil.php5
check "charset=cp1252: labelled windows-1252" \
	eval 'is "$(hdr Content-Type)" "text/html; charset=windows-1252" && has "Ville de"'
check "server ($server_args) stopped cleanly" stopped

start_server --fault maintenance
req /v4/login.php5
check "maintenance: 200 \"Le portail est en maintenance\", no login form" \
	eval '[ "$status" = 200 ] && has "Le portail est en maintenance" && hasnt txtPassword'
check "server ($server_args) stopped cleanly" stopped

start_server --latency-ms 300
t=$(curl -s -o /dev/null -w '%{time_total}' "$BASE/v4/login.php5")
check "latency 300 ms: a request takes $t s" eval 'awk -v t="$t" "BEGIN { exit !(t >= 0.3 && t < 5) }"'
check "server ($server_args) stopped cleanly" stopped

start_server --bandwidth-bps 8000
login
req /v4/compte_factures.php5
size=$(wc -c <"$tmp/body")
t=$(curl -s -b "$tmp/cj" -o /dev/null -w '%{time_total}' "$BASE/v4/compte_factures.php5")
check "bandwidth 64 kbit/s: $size bytes in $t s" \
	eval 'awk -v t="$t" -v s="$size" "BEGIN { exit !(t >= s / 8000 * 0.8 && t < s / 8000 + 3) }"'
check "server ($server_args) stopped cleanly" stopped

start_server
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=
exec 3>&-
check "SIGTERM stops the server cleanly (exit $rc)" eval '[ "$rc" = 0 ]'

"$DEMO" --fault nonsense </dev/null >/dev/null 2>"$tmp/usage.err"
rc=$?
check "an unknown fault is a usage error (exit 2, named)" eval '[ "$rc" = 2 ] && grep -q "nonsense" "$tmp/usage.err"'

echo "1..$n"
[ "$failed" = 0 ]
