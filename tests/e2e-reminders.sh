#!/bin/sh
# End-to-end tests of `check` (reminders for cron) and `payments` (the
# payment history) against the demo portal: nothing due is no output and
# exit 0, something due is lines and exit 7, --json checked with jq; the
# history in both markups, --year sums, a portal without history (exit 5
# naming the page). A home page without the documents list (no documents,
# no error) is tests/test_reminders' none.html.
. "${PF_SRCDIR:-.}/tests/lib.sh"

PASSWORD='S3cr+t&=%x!'
export HOME="$tmp/home" XDG_STATE_HOME="$tmp/state" XDG_CONFIG_HOME="$tmp/config"
mkdir -p "$HOME"
unset BROWSER http_proxy https_proxy HTTP_PROXY HTTPS_PROXY
LANG=C.UTF-8 LC_ALL=C.UTF-8 LANGUAGE=en
export LANG LC_ALL LANGUAGE

pf() {
	PORTAIL_FAMILLE_PASSWORD=$PASSWORD "$PF_BIN" --url "$DEMO_URL" --user martin --timeout 5 \
		"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	status=$?
}

# ---- check: nothing to report ----
start_demo --user martin --password "$PASSWORD" --family settled || exit 1
pf check
expect_exit 0 "check on a settled family"
check "check prints nothing at all when nothing is due" [ ! -s "$tmp/out" ] && [ ! -s "$tmp/err" ]
pf check --json
expect_exit 0 "check --json on a settled family"
check "check --json prints nothing either" [ ! -s "$tmp/out" ]
pf invoices --json
check "invoices --json: no invoice of a settled family is overdue" \
	[ "$(jq '[.invoices[] | select(.overdue)] | length' "$tmp/out")" = 0 ]

# ---- check: due dates around today ----
start_demo --user martin --password "$PASSWORD" --family current || exit 1
pf check
expect_exit 7 "check with an overdue invoice and one due in 3 days"
check "one line for the invoice due in 3 days" grep -q '^MAIRIE SERVICE ENFANCE JEUNESSE  F2022-0912  .*  181,99 €  due in 3 days$' "$tmp/out"
check "one line for the overdue invoice" grep -q '^MAIRIE SERVICE ENFANCE JEUNESSE  F2022-0388  .*  44,12 €  overdue$' "$tmp/out"
check "the invoice due in 20 days is not listed" sh -c "! grep -q CL2022-0457 '$tmp/out'"
check "the total of the listed balances" grep -q '^Total to pay: 226,11 €$' "$tmp/out"
check "the documents the home page asks for" \
	[ "$(grep -c '^Document to provide: ' "$tmp/out")" = 2 ]
check "the document's state as the portal wrote it" grep -q "(Léo): A fournir$" "$tmp/out"
pf check --days 30
expect_exit 7 "check --days 30"
check "--days 30 lists the invoice due in 20 days" grep -q 'CL2022-0457  .*  due in 20 days$' "$tmp/out"
pf check --json
expect_exit 7 "check --json"
check "check --json is valid JSON" sh -c 'jq -e . "$1" >/dev/null' _ "$tmp/out"
check "check --json: the listed invoices" \
	[ "$(jq -c '[.invoices[].number]' "$tmp/out")" = '["F2022-0912","F2022-0388"]' ]
check "check --json: balance_due_cents is their sum" [ "$(jq .balance_due_cents "$tmp/out")" = 22611 ]
check "check --json: overdue per invoice" \
	[ "$(jq -c '[.invoices[].overdue]' "$tmp/out")" = '[false,true]' ]
check "check --json: the same invoice objects as invoices --json" \
	[ "$(jq -c '.invoices[0] | keys' "$tmp/out")" = '["amount_cents","balance_cents","date","document","due","number","overdue","regie","selectable","selected"]' ]
check "check --json: documents" \
	[ "$(jq -c '[.documents[].state]' "$tmp/out")" = '["A fournir","A renouveler"]' ]
pf invoices --json
check "invoices --json: overdue true exactly for the overdue one" \
	[ "$(jq -c '[.invoices[] | select(.overdue) | .number]' "$tmp/out")" = '["F2022-0388"]' ]
pf check --days -1
expect_exit 2 "check --days -1 is a usage error"
check "the message says what --days takes" grep -q -- '--days needs a number' "$tmp/err"
pf check --days 9999
expect_exit 2 "check --days 9999 is a usage error"
pf check extra
expect_exit 2 "check with an extra argument"

# ---- check and payments on the seed's family ----
start_demo --user martin --password "$PASSWORD" || exit 1
pf check
expect_exit 7 "check on the seed's family (2022 invoices)"
check "every invoice still to pay is overdue" [ "$(grep -c '  overdue$' "$tmp/out")" = 3 ]
pf payments
expect_exit 0 "payments follows Mon compte's link to the history page"
check "one line per payment (the history page, not Mon compte's short list)" [ "$(wc -l <"$tmp/out")" = 7 ]
check "French amounts with grouping are read" grep -q '^03/11/2025  *1 234,56 €  Prélèvement' "$tmp/out"
check "an impossible date is said, not guessed" grep -q 'row 3: .*31/02/2025.*listed without a date' "$tmp/err"
check "an empty date is said" grep -q 'row 4: .*empty' "$tmp/err"
pf payments --json
expect_exit 0 "payments --json"
check "payments --json: amounts in cents" [ "$(jq '.payments[0].amount_cents' "$tmp/out")" = 123456 ]
check "payments --json: no date is null, with the text as served" \
	[ "$(jq -c '.payments[2] | [.date, .date_text]' "$tmp/out")" = '[null,"31/02/2025"]' ]
check "payments --json: total_cents" [ "$(jq .total_cents "$tmp/out")" = 166145 ]
pf payments --csv
expect_exit 0 "payments --csv"
check "payments --csv: header and a row" grep -q '^2025-06-02;48,00;Chèque vacances ANCV;CENTRE DE LOISIRS;ANCV-77$' "$tmp/out"
pf payments --year 2025
expect_exit 0 "payments --year 2025"
check "a year's sum per régie" grep -q '^MAIRIE SERVICE ENFANCE JEUNESSE  *2 payments  *1 416,55 €$' "$tmp/out"
check "the year's total" grep -q '^Total paid in 2025: 1 464,55 €$' "$tmp/out"
pf payments --year 2025 --json
check "payments --year --json" \
	[ "$(jq -c '[.year, .total_cents, .undated, (.regies | length)]' "$tmp/out")" = '[2025,146455,2,2]' ]
pf payments --year 25
expect_exit 2 "payments --year 25 is a usage error"

# ---- the other history markups ----
start_demo --user martin --password "$PASSWORD" --history list || exit 1
pf payments --json
expect_exit 0 "payments on Mon compte's list (no history page)"
check "the list's two payments" \
	[ "$(jq -c '[.payments[] | [.date, .amount_cents, .means]]' "$tmp/out")" = '[["2022-07-15",5250,"Carte bancaire"],["2022-04-11",9640,"Chèque"]]' ]
start_demo --user martin --password "$PASSWORD" --history none || exit 1
pf payments
expect_exit 5 "payments on a portal without history"
check "the message names the page and what is missing" grep -q 'Mon compte (.*compte.php5): the portal shows no payment history' "$tmp/err"
check "nothing on stdout" [ ! -s "$tmp/out" ]

done_testing
