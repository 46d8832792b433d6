#!/bin/sh
# End-to-end tests of the command line's options against the demo portal:
# global options after the command, pay --regie and --open's browsers,
# page widths, CSV for Excel, the demo's network options, and what the
# wait shows on a terminal (and never on a pipe).
. "${PF_SRCDIR:-.}/tests/lib.sh"

PASSWORD=demo-pw
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
unset BROWSER COLUMNS http_proxy https_proxy HTTP_PROXY HTTPS_PROXY

# pf ARGS...: the client against the demo portal, as martin; stdout in
# $tmp/out, stderr in $tmp/err, the exit status in $status.
pf() {
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$DEMO_URL" --user martin --timeout 5 \
		"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
}

# only_ascii FILE: every byte printable ASCII or a newline.
only_ascii() {
	[ "$(LC_ALL=C tr -d '\n -~' <"$1" | wc -c)" -eq 0 ]
}

# widest FILE: the widest line, in columns.
widest() {
	LC_ALL=C.UTF-8 wc -L <"$1"
}

start_demo --user martin --password "$PASSWORD" || exit 1

# ---- global options before or after the command ----
pf invoices --json --ascii
expect_exit 0 "--ascii after the command"
pf invoices --json -v
expect_exit 0 "-v after the command"
check "-v after the command logs the requests" grep -q ' -> 200' "$tmp/err"
check "-v ends with the bytes moved" \
	sh -c "tail -1 '$tmp/err' | grep -Eq '^portail-famille: [0-9,]+ bytes on the wire \\([0-9,]+ decoded\\)\$'"
PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" invoices --json --user martin --url "$DEMO_URL" \
	--timeout=5 >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
expect_exit 0 "--user, --url and --timeout=N after the command"
pf page -- --ascii
expect_exit 2 "after --, a global option's name is the command's argument"
pf invoices --jsn
expect_exit 2 "a misspelt option after the command is still refused"
"$PF_BIN" --help >"$tmp/help"
for option in --plain --ascii --no-color --demo-latency --demo-bandwidth --demo-fault --regie \
	--excel --width; do
	check "--help lists $option" grep -q -- "$option" "$tmp/help"
done
"$PF_BIN" parse invoices --help >"$tmp/out" 2>&1
check "parse --help is still parse's own help" grep -q 'Détail financier' "$tmp/out"

# ---- pay --regie ----
export XDG_STATE_HOME="$tmp/state-regie"
pf pay --all --force
expect_exit 2 "pay --all with invoices due in two régies"
check "it names both régies and suggests --regie" \
	grep -q 'several régies ("MAIRIE SERVICE ENFANCE JEUNESSE", "CENTRE DE LOISIRS").*--regie NAME' \
	"$tmp/err"
pf pay --regie "centre de loisirs" --all --json --force
expect_exit 0 "pay --regie NAME --all"
check "pays the régie's payable invoice" [ "$(jq -c .invoices "$tmp/out")" = '["CL2022-0457"]' ]
pf pay --regie CENTRE --invoice CL2022-0457 --json --force
expect_exit 0 "--regie by a prefix, in capitals"
pf pay --all --regie "Mairie Sérvice" --json --force
expect_exit 0 "--regie with an accent the name does not have, after --all"
check "pays the first régie's payable invoices" \
	[ "$(jq -c .invoices "$tmp/out")" = '["F2022-0912","F2022-0388"]' ]
pf pay --regie mairie --invoice CL2022-0457 --force
expect_exit 2 "an invoice of another régie than --regie"
check "it says which régie the invoice is in" grep -q 'CL2022-0457 is in the régie "CENTRE DE LOISIRS"' "$tmp/err"
pf pay --regie piscine --all --force
expect_exit 2 "an unknown --regie"
check "it names the régies" grep -q 'no régie "piscine".*"MAIRIE SERVICE ENFANCE JEUNESSE", "CENTRE DE LOISIRS"' "$tmp/err"
pf invoices --regie centre --json
expect_exit 0 "invoices --regie"
check "only that régie's invoices" [ "$(jq -c '[.invoices[].regie] | unique' "$tmp/out")" = '["CENTRE DE LOISIRS"]' ]
check "and its balance" [ "$(jq .balance_due_cents "$tmp/out")" = 3600 ]
pf invoices --regie centre
check "the table of one régie has no \"all régies\" total" \
	sh -c "grep -q 'Balance due: 36,00' '$tmp/out' && ! grep -q 'all r[^:]*gies' '$tmp/out'"
pf invoices
check "the table of both keeps it" grep -q 'Balance due, all r[^:]*gies: 262,11' "$tmp/out"
# In French (the default language), the table and the CSV header too.
(LANGUAGE=fr; export LANGUAGE; pf invoices)
check "in French: Solde dû, toutes régies" grep -q 'Solde d[^:]*, toutes r[^:]*gies: 262,11' "$tmp/out"
check "in French: the table's header" grep -q '^ *N° de la facture  *Date  *Échéance' "$tmp/out"
(LANGUAGE=fr; export LANGUAGE; pf invoices --csv)
check "in French: the CSV header" [ "$(head -n 1 "$tmp/out")" = "régie;numéro;date;échéance;montant;solde;réglable;sélectionnée" ]
check "in French: oui / non in the CSV" grep -q ';oui;oui$' "$tmp/out"
pf invoices --regie zzz
expect_exit 2 "invoices --regie with an unknown name"
check "nothing on stdout" [ ! -s "$tmp/out" ]

# ---- pay --open: $BROWSER, else xdg-open, else sensible-browser ----
mkdir -p "$tmp/xdg" "$tmp/sensible" "$tmp/none"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s"\n' "$tmp/xdg-opened" >"$tmp/xdg/xdg-open"
printf '#!/bin/sh\nprintf "%%s\\n" "$1" >"%s"\n' "$tmp/sensible-opened" >"$tmp/sensible/sensible-browser"
chmod 755 "$tmp/xdg/xdg-open" "$tmp/sensible/sensible-browser"
PATH="$tmp/xdg:$PATH" pf pay --invoice F2022-0912 --open --force
expect_exit 0 "--open without \$BROWSER"
check "xdg-open got the payment URL" [ "$(cat "$tmp/xdg-opened" 2>/dev/null)" = "$(head -1 "$tmp/out")" ]
PATH="$tmp/sensible:$PATH" pf pay --invoice F2022-0912 --open --force
expect_exit 0 "--open without \$BROWSER nor xdg-open"
check "sensible-browser got the payment URL" \
	[ "$(cat "$tmp/sensible-opened" 2>/dev/null)" = "$(head -1 "$tmp/out")" ]
PATH="$tmp/none" pf pay --invoice F2022-0912 --open --force
expect_exit 0 "--open with no browser at all: the payment was handed off"
check "the URL is printed" grep -q '^http://localhost:[0-9]*/tpa/paiementws.web?idop=' "$tmp/out"
check "a warning says there is no browser" \
	grep -q 'warning: no browser: set \$BROWSER, or install xdg-utils' "$tmp/err"
BROWSER="$tmp/none/no-such-browser" pf pay --invoice F2022-0912 --open --force
expect_exit 0 "a browser that cannot run, after the hand-off"
check "is a warning" grep -q 'warning: cannot run the browser ".*no-such-browser"' "$tmp/err"

# ---- pay --qr --ascii ----
pf pay --invoice F2022-0912 --qr --ascii --force
expect_exit 0 "pay --qr --ascii"
check "the QR code is drawn in ASCII" only_ascii "$tmp/out"
check "with #" grep -q '####' "$tmp/out"

# ---- page: the width ----
pf page inscriptions
expect_exit 0 "page inscriptions into a file"
check "no cell cut when not a terminal" grep -q 'du 01/09/2022' "$tmp/out"
check "no cut mark" sh -c "! grep -q '…' '$tmp/out'"
COLUMNS=60 pf page inscriptions
expect_exit 0 "page with COLUMNS=60"
check "COLUMNS=60 cuts at 60" [ "$(widest "$tmp/out")" -le 60 ]
pf page inscriptions --width 50
expect_exit 0 "page NAME --width 50"
check "--width 50 cuts at 50" [ "$(widest "$tmp/out")" -le 50 ]
pf page --width 5 inscriptions
expect_exit 2 "--width below 20"
# stdout on a terminal 44 columns wide: what it shows, as script(1) saw it.
PORTAIL_FAMILLE_PASSWORD=$PASSWORD script -qec \
	"stty cols 44; '$PF_BIN' --url '$DEMO_URL' --user martin page inscriptions 2>/dev/null" \
	"$tmp/tty-raw" </dev/null >/dev/null 2>&1
grep -v '^Script ' "$tmp/tty-raw" | tr -d '\r' >"$tmp/tty-page"
check "on a terminal: the page is printed" grep -q 'Mes inscriptions' "$tmp/tty-page"
check "cut at the terminal's width" [ "$(widest "$tmp/tty-page")" -le 44 ]
pf page famille --ascii
expect_exit 0 "page famille --ascii"
check "page famille --ascii prints the page" grep -qi 'martin' "$tmp/out"
check "page --ascii is ASCII" only_ascii "$tmp/out"

# ---- CSV ----
pf invoices --csv
check "--csv has no byte order mark" [ "$(head -c 6 "$tmp/out")" = 'regie;' ]
check "decimal commas" grep -q ';181,99;181,99;' "$tmp/out"
pf invoices --csv --excel
check "--csv --excel starts with the UTF-8 BOM" [ "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "and keeps the decimal commas" grep -q ';181,99;181,99;' "$tmp/out"
pf invoices --excel
expect_exit 2 "--excel without --csv"
"$PF_BIN" parse invoices "$PF_FIXTURES/invoices/two-regies.html" --csv --excel >"$tmp/out" 2>/dev/null
check "parse --csv --excel too" [ "$(head -c 3 "$tmp/out" | od -An -tx1 | tr -d ' ')" = efbbbf ]

# ---- progress: on a terminal's stderr only ----
pf invoices
check "no progress line on a file (no carriage return)" sh -c "! grep -q \"\$(printf '\\r')\" '$tmp/err'"
PORTAIL_FAMILLE_PASSWORD=$PASSWORD script -qec \
	"'$PF_BIN' --url '$DEMO_URL' --user martin invoices >'$tmp/tty-out'" "$tmp/typescript" \
	</dev/null >/dev/null 2>&1
check "on a terminal: the login is shown" grep -q 'portail-famille: login.* (request 2)' "$tmp/typescript"
check "and the invoice page" grep -q 'Payer mes factures.* (request 3)' "$tmp/typescript"
check "and erased (\\r, clear to the end of the line)" grep -q "$(printf '\r\033')\\[K" "$tmp/typescript"
check "the output itself is whole" grep -q 'F2022-0912' "$tmp/tty-out"

# ---- the demo's network options, from --demo ----
"$PF_BIN" --demo --demo-fault http500=factures invoices >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
expect_exit 4 "--demo --demo-fault http500=factures invoices"
"$PF_BIN" --demo --demo-latency 50 --demo-bandwidth 200000 -v invoices --json >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
expect_exit 0 "--demo-latency and --demo-bandwidth"
check "every answer took the latency" \
	sh -c "! grep -E ' -> 200.* 0\\.0[0-4][0-9] s\$' '$tmp/err' | grep -q ."
"$PF_BIN" --demo-fault http500=factures invoices >/dev/null 2>"$tmp/err" </dev/null
status=$?
expect_exit 2 "--demo-fault without --demo"
"$PF_BIN" --demo --demo-latency soon invoices >/dev/null 2>"$tmp/err" </dev/null
status=$?
expect_exit 2 "--demo-latency wants a number"

stop_demo
done_testing
