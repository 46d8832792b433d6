#!/bin/sh
# End-to-end tests: the real binary against the demo portal over loopback.
# Login accepted and refused, each menu page, invoices in every format,
# expiry in the middle of a flow, every hand-off variant, pay then re-read,
# each fault with its documented exit code, password sources, Ctrl-C and
# SIGTERM during a command (130, 143), and no password in any output.
. "${PF_SRCDIR:-.}/tests/lib.sh"

PASSWORD='S3cr+t&=%x!'
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
unset BROWSER http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

# pf ARGS...: the client against the current demo portal, as user martin,
# stdout in $tmp/out, stderr in $tmp/err, exit status in $status.
pf() {
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$DEMO_URL" --user martin --timeout 5 \
		"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
	cat "$tmp/out" "$tmp/err" >>"$tmp/all-output"
}

# pay_on_payfip URL ACTION: the user's browser on the card-payment stand-in.
pay_on_payfip() {
	idop=${1##*idop=}
	curl -s -o /dev/null -w '%{http_code}' --data-urlencode "idop=$idop" \
		--data-urlencode "action=$2" "$PAYFIP/tpa/paiementws.web"
}

balance_of() {
	jq -r --arg n "$1" '.invoices[] | select(.number == $n) | .balance_cents' "$tmp/out"
}

start_demo --user martin --password "$PASSWORD" || exit 1

# ---- login and reading ----
pf invoices --json
expect_exit 0 "invoices --json logs in and reads the invoices"
check "the seed's invoices with their balances" [ "$(balance_of F2022-0912)" = 18199 ]
check "balance due is the sum of the balances" \
	[ "$(jq '[.invoices[].balance_cents] | add' "$tmp/out")" = "$(jq .balance_due_cents "$tmp/out")" ]
check "two régies" [ "$(jq '[.invoices[].regie] | unique | length' "$tmp/out")" -eq 2 ]

connections=$(curl -s "$DEMO_BASE/__demo/stats" | jq .connections)
pf -v invoices --json
connections=$(($(curl -s "$DEMO_BASE/__demo/stats" | jq .connections) - connections - 1))
requests=$(grep -c ' -> ' "$tmp/err")
compressed=$(grep -c ' -> 200, [0-9]* bytes compressed' "$tmp/err")
diag "requests: $requests, compressed pages: $compressed"
check "login page, login POST, its redirect, invoice page: 4 requests (no logout)" [ "$requests" -eq 4 ]
check "every page came compressed" [ "$compressed" -ge 3 ]
check "the 4 requests on one connection" [ "$connections" -eq 1 ]

# The session kept in --cookie-file (no logout) is used again: no password
# asked, no login POST.
pf --cookie-file "$tmp/cookies" invoices --json
expect_exit 0 "invoices --cookie-file: a first run logs in"
"$PF_BIN" --url "$DEMO_URL" --user martin --cookie-file "$tmp/cookies" -v invoices --json \
	>"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
expect_exit 0 "invoices --cookie-file again, with no password at all: the kept session"
check "the kept session: no login POST" sh -c "! grep -q 'POST .*login' '$tmp/err'"
check "the kept session: the invoices" [ "$(balance_of F2022-0912)" = 18199 ]

pf invoices --csv
check "CSV with ; and decimal commas" grep -q '^MAIRIE SERVICE ENFANCE JEUNESSE;F2022-0912;2022-09-05;2022-09-30;181,99;181,99;yes;yes$' "$tmp/out"
pf invoices
check "readable table" grep -q 'F2022-0912' "$tmp/out"

PORTAIL_FAMILLE_PASSWORD=wrong "$PF_BIN" --url "$DEMO_URL" --user martin invoices >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
expect_exit 3 "a wrong password is refused"
check "the portal's own message is shown" grep -q 'Identifiant ou mot de passe incorrect' "$tmp/err"

for page in accueil tableau-de-bord famille coordonnees inscriptions compte aide; do
	pf page "$page"
	if [ "$status" -eq 0 ] && [ -s "$tmp/out" ]; then ok "page $page"; else not_ok "page $page (exit $status)"; sed 's/^/# /' "$tmp/err"; fi
done
pf page famille
check "page famille shows the family" grep -qi 'martin' "$tmp/out"
pf page nowhere
expect_exit 2 "an unknown page name"

# ---- password sources ----
printf '%s\n' "$PASSWORD" >"$tmp/pw"
chmod 600 "$tmp/pw"
"$PF_BIN" --url "$DEMO_URL" --user martin --password-file "$tmp/pw" invoices >/dev/null 2>&1 </dev/null
check "--password-file" [ $? -eq 0 ]
chmod 644 "$tmp/pw"
"$PF_BIN" --url "$DEMO_URL" --user martin --password-file "$tmp/pw" invoices >/dev/null 2>"$tmp/err" </dev/null
check "a password file others can read is refused" sh -c "[ $? -eq 1 ] && grep -q 'chmod 600' '$tmp/err'"
"$PF_BIN" --url "$DEMO_URL" --user martin --password-command "cat '$tmp/pw'" invoices >/dev/null 2>&1 </dev/null
check "--password-command" [ $? -eq 0 ]
"$PF_BIN" --url "$DEMO_URL" --user martin --password-command "false" invoices >/dev/null 2>"$tmp/err" </dev/null
check "a failing password command is an error" sh -c "[ $? -eq 1 ] && grep -q 'password command failed' '$tmp/err'"
"$PF_BIN" --url "$DEMO_URL" --user martin --password-command "true" invoices >/dev/null 2>"$tmp/err" </dev/null
check "an empty password command output is an error" sh -c "[ $? -eq 1 ] && grep -q 'empty' '$tmp/err'"
mkdir -p "$XDG_CONFIG_HOME/portail-famille"
printf '[portail]\nurl = %s\nuser = martin\npassword_command = cat %s\n' "$DEMO_URL" "$tmp/pw" >"$XDG_CONFIG_HOME/portail-famille/config"
"$PF_BIN" invoices --json >"$tmp/out" 2>"$tmp/err" </dev/null
check "url, user and password_command from the config file" [ $? -eq 0 ]
rm -f "$XDG_CONFIG_HOME/portail-famille/config"
# inih would cut a long line in two and blame a line the file does not have.
awk 'BEGIN { printf "url = https://portail2.aiga.fr/v4/"; for (i = 0; i < 300; i++) printf "a"; print "/login.php5" }' >"$tmp/long.conf"
"$PF_BIN" --config "$tmp/long.conf" invoices >/dev/null 2>"$tmp/err" </dev/null
check "a config line too long for inih is refused by its number" \
	sh -c "[ $? -eq 2 ] && grep -q 'line 1: longer than 198 characters' '$tmp/err'"
printf 'url = x\000y\n' >"$tmp/nul.conf"
"$PF_BIN" --config "$tmp/nul.conf" invoices >/dev/null 2>"$tmp/err" </dev/null
check "a config file with NUL bytes is refused" sh -c "[ $? -eq 2 ] && grep -q 'NUL' '$tmp/err'"
printf 'url = https://portail2.aiga.fr/v4/login.php5\ncolour = yes\n' >"$tmp/unknown.conf"
"$PF_BIN" --config "$tmp/unknown.conf" invoices >/dev/null 2>"$tmp/err" </dev/null
check "an unknown config key is refused by its line" sh -c "[ $? -eq 2 ] && grep -q 'line 2: expected url' '$tmp/err'"

# ---- usage errors ----
pf pay
expect_exit 2 "pay without --invoice or --all"
"$PF_BIN" --url "file:///etc/passwd" --user x invoices >/dev/null 2>"$tmp/err" </dev/null
status=$?
expect_exit 2 "a file: URL is refused"
"$PF_BIN" --url "http://192.0.2.1/v4/login.php5" --user x invoices >/dev/null 2>"$tmp/err" </dev/null
status=$?
expect_exit 2 "plain http toward a remote host is refused"

# ---- paying, every hand-off variant ----
for variant in popup direct target redirects autosubmit button; do
	start_demo --user martin --password "$PASSWORD" --handoff "$variant"
	# A fresh portal each time: earlier hand-offs of the same numbers do not count.
	export XDG_STATE_HOME="$tmp/state-$variant"
	pf pay --invoice F2022-0912 --json
	url=$(jq -r .payment_url "$tmp/out" 2>/dev/null)
	case $url in
	"$PAYFIP"/tpa/paiementws.web\?idop=*) ok "hand-off $variant reaches the payment site" ;;
	*) not_ok "hand-off $variant reaches the payment site (exit $status, url '$url')"; sed 's/^/# /' "$tmp/err" | head -5 ;;
	esac
	check "hand-off $variant: amount and invoices" [ "$(jq -c '[.amount_cents, .invoices]' "$tmp/out")" = '[18199,["F2022-0912"]]' ]
	if [ "$variant" = popup ]; then
		check "the portal's confirm text is shown" grep -q 'the portal asks' "$tmp/err"
	fi
	check "hand-off $variant: one Règlement POST" [ "$(curl -s "$DEMO_BASE/__demo/stats" | jq .reglement_posts)" -eq 1 ]
done

# ---- pay, then the portal shows it settled ----
start_demo --user martin --password "$PASSWORD"
export XDG_STATE_HOME="$tmp/state"
pf pay --invoice F2022-0912
url=$(head -1 "$tmp/out")
check "payment validated on the stand-in" [ "$(pay_on_payfip "$url" valider)" -lt 400 ]
pf invoices --json
check "the re-read shows F2022-0912 settled" [ "$(balance_of F2022-0912)" = 0 ]
check "and no longer selectable" [ "$(jq -r '.invoices[] | select(.number == "F2022-0912") | .selectable' "$tmp/out")" = false ]
pf pay --invoice F2022-0912
expect_exit 6 "a settled invoice cannot be paid again"

pf pay --invoice F2022-0388
url=$(head -1 "$tmp/out")
check "refused payment on the stand-in" [ "$(pay_on_payfip "$url" refuser)" -lt 400 ]
pf invoices --json
check "a refused payment leaves the invoice due" [ "$(balance_of F2022-0388)" = 4412 ]
pf pay --invoice F2022-0388
expect_exit 1 "the same invoice again is not sent without --force"
check "with a warning about paying twice" grep -q 'already sent to payment' "$tmp/err"
pf pay --invoice F2022-0388 --force
expect_exit 0 "--force sends it again"
check "hand-off markers are private" [ "$(stat -c %a "$XDG_STATE_HOME/portail-famille/handoffs.json")" = 600 ]

pf pay --invoice NOPE-1
expect_exit 2 "an invoice that the portal does not show is a usage error"
check "named" grep -q 'invoice NOPE-1 is not on the portal' "$tmp/err"
pf invoices --json
other=$(jq -r '[.invoices[] | select(.selectable and .regie != "MAIRIE SERVICE ENFANCE JEUNESSE")][0].number' "$tmp/out")
pf pay --invoice F2022-0388 "$other" --force
expect_exit 6 "a mix of two régies"
check "explained" grep -q 'two régies' "$tmp/err"
pf pay --all --json --force --qr
expect_exit 2 "--all across two régies asks which one"
check "naming the régies and --regie" \
	grep -q '"MAIRIE SERVICE ENFANCE JEUNESSE", "CENTRE DE LOISIRS").*--regie NAME' "$tmp/err"

# ---- expiry and faults ----
start_demo --user martin --password "$PASSWORD" --expire-after 2
pf invoices --json
expect_exit 0 "the session expires on the way: logged in again transparently"
start_demo --user martin --password "$PASSWORD" --expire-after 3
pf pay --invoice F2022-0912 --json --force
expect_exit 0 "expiry in the hand-off: logged in again, the pop-up page read again"
check "one Règlement POST" [ "$(curl -s "$DEMO_BASE/__demo/stats" | jq .reglement_posts)" -eq 1 ]
start_demo --user martin --password "$PASSWORD" --expire-after 2
pf pay --invoice F2022-0912 --json --force
expect_exit 5 "expiry between listing and Règlement: not sent again"
check "it says nothing was sent to payment" grep -q 'nothing was sent to payment' "$tmp/err"
check "no payment started" [ "$(curl -s "$DEMO_BASE/__demo/stats" | jq .payments_started)" -eq 0 ]

fault() {
	expected=$1
	desc=$2
	shift 2
	start_demo --user martin --password "$PASSWORD" "$@"
	pf invoices --json
	expect_exit "$expected" "$desc"
	check "$desc: nothing on stdout" [ ! -s "$tmp/out" ]
}
fault 4 "HTTP 500 on the invoice page" --fault http500=factures
fault 4 "HTTP 500 on the login page" --fault http500=login
fault 4 "a truncated invoice page" --fault truncate=factures
fault 4 "a stalled invoice page" --fault stall=factures --fault stall-ms=20000
fault 4 "a 10 MB page" --fault huge=factures
fault 5 "a maintenance page served with 200" --fault maintenance=all
for charset in utf8 utf8-as-latin1 latin1-as-utf8 meta-only cp1252; do
	start_demo --user martin --password "$PASSWORD" --fault "charset=$charset"
	pf invoices --json
	check "charset $charset: amounts right" [ "$status:$(balance_of F2022-0912)" = 0:18199 ]
done

start_demo --user martin --password "$PASSWORD" --fault evil-names
pf invoices
esc=$(printf '\033')
check "escape sequences in names: exit 0" [ "$status" -eq 0 ]
check "no ESC reaches the terminal (table)" sh -c "! grep -q '$esc' '$tmp/out' '$tmp/err'"
pf invoices --json
check "no ESC reaches the terminal (JSON)" sh -c "! grep -q '$esc' '$tmp/out' '$tmp/err'"
check "the JSON keeps the exact text as escapes" grep -qi '\\u001b' "$tmp/out"
PORTAIL_FAMILLE_PASSWORD=wrong "$PF_BIN" --url "$DEMO_URL" --user martin invoices >"$tmp/out" 2>"$tmp/err" </dev/null
check "no ESC in the login refusal" sh -c "! grep -q '$esc' '$tmp/err'"

# ---- Ctrl-C and SIGTERM during a command: 128 + the signal ----
# Every page takes 3 s; once the first request reached the portal the
# program is in its transfer, with its handlers long installed.
for sig in INT TERM; do
	start_demo --user martin --password "$PASSWORD" --latency-ms 3000
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$DEMO_URL" --user martin invoices \
		>"$tmp/out" 2>"$tmp/err" </dev/null &
	pid=$!
	i=0
	while [ "$(curl -s "$DEMO_BASE/__demo/stats" | jq .requests)" -lt 1 ] && [ $i -lt 600 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	kill -"$sig" "$pid"
	wait "$pid"
	status=$?
	[ "$sig" = INT ] && want=130 || want=143
	expect_exit $want "SIG$sig during invoices"
	check "SIG$sig: the transfer is said cancelled" grep -q "cancelled" "$tmp/err"
	check "SIG$sig: nothing on stdout" [ ! -s "$tmp/out" ]
done

# ---- a password in the portal's URL is never shown ----
# pf_userinfo URL ARGS...: the client with its own --url, as martin.
pf_userinfo() {
	url=$1
	shift
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$url" --user martin --timeout 5 "$@" \
		>"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
}
pf_userinfo 'http://u:secret@127.0.0.1:1/v4/login.php5' -v invoices
expect_exit 4 "an unreachable portal whose URL holds a password"
check "the network error shows the URL with its password masked" \
	grep -qF '(http://u:***@127.0.0.1:1/v4/login.php5)' "$tmp/err"
check "the network error and the log never show the password" \
	sh -c "! grep -q secret '$tmp/out' '$tmp/err'"
start_demo --user martin --password "$PASSWORD" --fault maintenance=factures
pf_userinfo "$(printf '%s' "$DEMO_URL" | sed 's|^http://|http://u:secret@|')" -v \
	--save-pages "$tmp/userinfo-pages" invoices
expect_exit 5 "a maintenance page, the portal's URL holding a password"
check "the portal's message names the page, its password masked" \
	grep -q 'http://u:\*\*\*@127.0.0.1:[0-9]*/v4/compte_factures.php5): not a page of the portal' \
	"$tmp/err"
check "no password in the messages, the request log or the saved pages' names" \
	sh -c "! grep -q secret '$tmp/out' '$tmp/err' && ! ls '$tmp/userinfo-pages' | grep -q secret"

# ---- no password anywhere ----
encoded=$(printf '%s' "$PASSWORD" | jq -sRr @uri)
b64=$(printf '%s' "$PASSWORD" | base64)
pf --save-pages "$tmp/pages" -v pay --invoice F2022-0388 --force
leaks=$(cat "$tmp/all-output" | grep -cF -e "$PASSWORD" -e "$encoded" -e "$b64")
check "no password in any output (plain, URL-encoded, base64)" [ "$leaks" -eq 0 ]
leaks=$(grep -rlF -e "$PASSWORD" -e "$encoded" -e "$b64" "$tmp/pages" "$HOME" "$XDG_STATE_HOME" 2>/dev/null | wc -l)
check "no password in saved pages or state files" [ "$leaks" -eq 0 ]
check "saved pages are private" [ "$(stat -c %a "$tmp/pages")" = 700 ]

stop_demo
done_testing
